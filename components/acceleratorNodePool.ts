import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { AcceleratorPoolPlan } from "../stacks/nodePoolPlan";
import { nodeIdentity, nodePoolManagement } from "./gkeCluster";
import { childOptions } from "./childOptions";

export interface AcceleratorNodePoolArgs {
  clusterName: pulumi.Input<string>;
  zone: string;
  /** Machine, accelerators, labels and size, derived from the models on this profile. */
  plan: AcceleratorPoolPlan;
  /** Spot VMs instead of on-demand. */
  spot: boolean;
}

/**
 * One TPU or GPU node pool. Size is set with `nodeCount` (an in-place resize) and never with the
 * immutable `initialNodeCount`, so parking and waking never recreate the pool. The autoscaler
 * (min 0) may move the size between `pulumi up`s; the next up sets it back to what the replicas need.
 */
export class AcceleratorNodePool extends pulumi.ComponentResource {
  readonly nodePoolName: pulumi.Output<string>;

  constructor(name: string, args: AcceleratorNodePoolArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:gke:AcceleratorNodePool", name, {}, opts);
    const children = childOptions(this, opts);
    const { profile } = args.plan;
    const nodePool = new gcp.container.NodePool(
      name,
      {
        cluster: args.clusterName,
        location: args.zone,
        nodeCount: args.plan.nodeCount,
        autoscaling: { minNodeCount: 0, maxNodeCount: args.plan.maxNodeCount },
        management: nodePoolManagement,
        nodeConfig: {
          ...nodeIdentity,
          machineType: profile.machineType,
          spot: args.spot,
          labels: args.plan.labels,
          // GKE labels and taints TPU and GPU nodes itself; single-host TPU pools take no placement policy.
          guestAccelerators: profile.gpuType
            ? [
                {
                  type: profile.gpuType,
                  count: profile.acceleratorsPerNode,
                  gpuDriverInstallationConfig: { gpuDriverVersion: "LATEST" },
                },
              ]
            : undefined,
        },
      },
      children,
    );
    this.nodePoolName = nodePool.name;
    this.registerOutputs({ nodePoolName: this.nodePoolName });
  }
}
