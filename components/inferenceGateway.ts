import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { gateway, gatewayName, httpRoute } from "../manifests/gateway";
import type { RoutePlan } from "../stacks/routingPlan";
import { childOptions } from "./childOptions";
import { customObject } from "./customObject";

export interface InferenceGatewayArgs {
  namespace: string;
  region: string;
  /** GKE gateway class (regional external or internal). */
  className: string;
  internal: boolean;
  /** Subnet an internal address is taken from. */
  subnetId: pulumi.Input<string>;
  /** HTTPRoutes to the pools. */
  routes: RoutePlan[];
  /** Resources custom objects must wait for (the CRDs). */
  crds: pulumi.Resource[];
  /** Pool components by pool name; each route waits for its own pool. */
  pools: Record<string, pulumi.Resource>;
}

/**
 * A reserved regional address, the Gateway that takes it by name, and the HTTPRoutes to the
 * pools. The address outlives model changes and scale-to-zero, so the endpoint never moves.
 */
export class InferenceGateway extends pulumi.ComponentResource {
  readonly address: pulumi.Output<string>;
  readonly url: pulumi.Output<string>;
  readonly gatewayObject: pulumi.Resource;

  constructor(name: string, args: InferenceGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:routing:InferenceGateway", name, {}, opts);
    const children = childOptions(this, opts);
    const address = new gcp.compute.Address(
      name,
      args.internal
        ? { region: args.region, addressType: "INTERNAL", subnetwork: args.subnetId, purpose: "SHARED_LOADBALANCER_VIP" }
        : { region: args.region, addressType: "EXTERNAL", networkTier: "STANDARD" },
      children,
    );
    const custom = childOptions(this, opts, args.crds);
    this.gatewayObject = customObject(gatewayName, gateway(args.namespace, args.className, address.name), custom);
    for (const route of args.routes) {
      const waitFor = [...(custom.dependsOn as pulumi.Resource[]), this.gatewayObject, args.pools[route.pool.name]];
      customObject(route.name, httpRoute(route, args.namespace), { ...custom, dependsOn: waitFor });
    }
    this.address = address.address;
    this.url = pulumi.interpolate`http://${address.address}`;
    this.registerOutputs({ address: this.address, url: this.url });
  }
}
