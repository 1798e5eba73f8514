import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { modelServerDeployment, modelServerName } from "../manifests/modelServer";
import type { ModelSpec } from "../stacks/stackConfig";
import { childOptions } from "./childOptions";

export interface ModelServerArgs {
  /** The model to serve; its profile decides image, args, resources and placement. */
  model: ModelSpec;
  namespace: string;
  /** Replicas to run now (0 when parked). */
  replicas: number;
  /** Secret with the Hugging Face token, when one is configured. */
  hfTokenSecretName?: string;
}

/** One vLLM Deployment serving one model on its accelerator profile. */
export class ModelServer extends pulumi.ComponentResource {
  readonly deploymentName: pulumi.Output<string>;

  constructor(name: string, args: ModelServerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:serving:ModelServer", name, {}, opts);
    const deployment = new k8s.apps.v1.Deployment(
      modelServerName(args.model),
      modelServerDeployment(args.model, {
        namespace: args.namespace,
        replicas: args.replicas,
        hfTokenSecretName: args.hfTokenSecretName,
      }),
      childOptions(this, opts),
    );
    this.deploymentName = deployment.metadata.name;
    this.registerOutputs({ deploymentName: this.deploymentName });
  }
}
