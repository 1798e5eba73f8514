import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as bbr from "../manifests/bodyBasedRouter";
import type { ModelSpec } from "../stacks/stackConfig";
import { childOptions } from "./childOptions";
import { customObject } from "./customObject";

export interface BodyBasedRouterArgs {
  namespace: string;
  /** The Gateway whose requests pass through the router. */
  gatewayName: string;
  /** Models the router maps to base models (one ConfigMap each). */
  models: ModelSpec[];
  /** Router replicas now (0 when parked). */
  replicas: number;
  /** Resources custom objects must wait for (the CRDs, the Gateway). */
  crds: pulumi.Resource[];
}

/**
 * The body-based router: copies the body's `model` into the `X-Gateway-Base-Model-Name` header
 * the HTTPRoutes match, hooked into the Gateway by a GCPRoutingExtension. One per Gateway.
 */
export class BodyBasedRouter extends pulumi.ComponentResource {
  readonly serviceName: pulumi.Output<string>;

  constructor(name: string, args: BodyBasedRouterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:routing:BodyBasedRouter", name, {}, opts);
    const plain = childOptions(this, opts);
    const routerName = bbr.bodyBasedRouterName;
    new k8s.core.v1.ServiceAccount(routerName, bbr.bodyBasedRouterServiceAccount(args.namespace), plain);
    new k8s.rbac.v1.Role(routerName, bbr.bodyBasedRouterRole(args.namespace), plain);
    new k8s.rbac.v1.RoleBinding(routerName, bbr.bodyBasedRouterRoleBinding(args.namespace), plain);
    for (const model of args.models) {
      new k8s.core.v1.ConfigMap(`bbr-model-${model.slug}`, bbr.baseModelConfigMap(model.slug, model.name, args.namespace), plain);
    }
    new k8s.apps.v1.Deployment(routerName, bbr.bodyBasedRouterDeployment(args.namespace, args.replicas), plain);
    const service = new k8s.core.v1.Service(routerName, bbr.bodyBasedRouterService(args.namespace), plain);

    const custom = childOptions(this, opts, [...args.crds, service]);
    customObject(`${routerName}-health`, bbr.bodyBasedRouterHealthCheckPolicy(args.namespace), custom);
    customObject(routerName, bbr.bodyBasedRouterRoutingExtension(args.namespace, args.gatewayName), custom);

    this.serviceName = service.metadata.name;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
