import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { hfTokenSecretKey } from "../manifests/modelServer";
import { childOptions } from "./childOptions";

export const hfTokenSecretName = "hf-token";

export interface ServingNamespaceArgs {
  namespace: string;
  /** Hugging Face token for gated models; stored only as a Kubernetes Secret. */
  hfToken?: pulumi.Output<string>;
}

/** The namespace of model servers and gateway objects, with the Hugging Face token Secret when one is set. */
export class ServingNamespace extends pulumi.ComponentResource {
  readonly namespaceName: pulumi.Output<string>;
  /** Name of the token Secret, or undefined when no token is configured. */
  readonly hfTokenSecretName: string | undefined;
  /** What namespaced objects must wait for. */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: ServingNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:serving:ServingNamespace", name, {}, opts);
    const namespace = new k8s.core.v1.Namespace(args.namespace, { metadata: { name: args.namespace } }, childOptions(this, opts));
    this.ready = [namespace];
    if (args.hfToken) {
      const secret = new k8s.core.v1.Secret(
        hfTokenSecretName,
        {
          metadata: { name: hfTokenSecretName, namespace: args.namespace },
          type: "Opaque",
          stringData: { [hfTokenSecretKey]: pulumi.secret(args.hfToken) },
        },
        childOptions(this, opts, [namespace]),
      );
      this.ready.push(secret);
    }
    this.hfTokenSecretName = args.hfToken ? hfTokenSecretName : undefined;
    this.namespaceName = namespace.metadata.name;
    this.registerOutputs({ namespaceName: this.namespaceName });
  }
}
