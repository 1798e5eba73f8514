import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { networkRanges, secondaryRangeNames } from "../stacks/networkRanges";
import { childOptions } from "./childOptions";

export interface NetworkArgs {
  /** Region of both subnets; the cluster and the regional gateway live here. */
  region: string;
}

/**
 * A VPC with a VPC-native cluster subnet (secondary ranges for pods and Services) and the
 * proxy-only subnet the regional gateway classes need: without it the Gateway stays
 * Programmed=False.
 */
export class Network extends pulumi.ComponentResource {
  readonly networkId: pulumi.Output<string>;
  readonly subnetId: pulumi.Output<string>;
  readonly proxyOnlySubnetId: pulumi.Output<string>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:gcp:Network", name, {}, opts);
    const children = childOptions(this, opts);
    const network = new gcp.compute.Network(name, { autoCreateSubnetworks: false }, children);
    const subnet = new gcp.compute.Subnetwork(
      `${name}-nodes`,
      {
        network: network.id,
        region: args.region,
        ipCidrRange: networkRanges.nodes,
        privateIpGoogleAccess: true,
        secondaryIpRanges: [
          { rangeName: secondaryRangeNames.pods, ipCidrRange: networkRanges.pods },
          { rangeName: secondaryRangeNames.services, ipCidrRange: networkRanges.services },
        ],
      },
      children,
    );
    const proxyOnlySubnet = new gcp.compute.Subnetwork(
      `${name}-proxy-only`,
      {
        network: network.id,
        region: args.region,
        ipCidrRange: networkRanges.proxyOnly,
        purpose: "REGIONAL_MANAGED_PROXY",
        role: "ACTIVE",
      },
      children,
    );
    this.networkId = network.id;
    this.subnetId = subnet.id;
    this.proxyOnlySubnetId = proxyOnlySubnet.id;
    this.registerOutputs({ networkId: this.networkId, subnetId: this.subnetId, proxyOnlySubnetId: this.proxyOnlySubnetId });
  }
}
