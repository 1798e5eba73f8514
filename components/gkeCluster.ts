import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { systemNodePool } from "../stacks/hardware";
import { gkeKubeconfig } from "../stacks/kubeconfig";
import { secondaryRangeNames } from "../stacks/networkRanges";
import type { SystemPoolPlan } from "../stacks/nodePoolPlan";
import { childOptions } from "./childOptions";

/** What every node pool of the stack shares: GKE repairs and upgrades it. */
export const nodePoolManagement = { autoRepair: true, autoUpgrade: true };

/**
 * Node identity every pool shares: the cloud-platform scope (what nodes may do is governed by IAM
 * on the node service account) and the GKE metadata server that Workload Identity needs.
 */
export const nodeIdentity = {
  oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
  workloadMetadataConfig: { mode: "GKE_METADATA" },
};

export interface GkeClusterArgs {
  project: string;
  /** Zone of the (zonal) cluster. */
  zone: string;
  networkId: pulumi.Input<string>;
  subnetId: pulumi.Input<string>;
  /** GKE release channel. */
  releaseChannel: string;
  /** Refuse `pulumi destroy` of the cluster until switched off. */
  deletionProtection: boolean;
  /** Size of the CPU pool for endpoint pickers, the body-based router and kube-system. */
  systemPool: SystemPoolPlan;
}

/**
 * A zonal GKE cluster ready for the Inference Gateway: Gateway API on the standard channel,
 * HttpLoadBalancing, VPC-native networking, Workload Identity; the default pool replaced by a
 * small CPU system pool; and a Kubernetes provider that authenticates with gke-gcloud-auth-plugin.
 */
export class GkeCluster extends pulumi.ComponentResource {
  readonly clusterName: pulumi.Output<string>;
  readonly endpoint: pulumi.Output<string>;
  readonly provider: k8s.Provider;
  /** Resources that must exist before anything is applied to the cluster. */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:gke:GkeCluster", name, {}, opts);
    const children = childOptions(this, opts);
    const cluster = new gcp.container.Cluster(
      name,
      {
        location: args.zone,
        network: args.networkId,
        subnetwork: args.subnetId,
        networkingMode: "VPC_NATIVE",
        ipAllocationPolicy: {
          clusterSecondaryRangeName: secondaryRangeNames.pods,
          servicesSecondaryRangeName: secondaryRangeNames.services,
        },
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        releaseChannel: { channel: args.releaseChannel },
        gatewayApiConfig: { channel: "CHANNEL_STANDARD" },
        addonsConfig: { httpLoadBalancing: { disabled: false } },
        workloadIdentityConfig: { workloadPool: `${args.project}.svc.id.goog` },
        deletionProtection: args.deletionProtection,
      },
      children,
    );
    const systemPool = new gcp.container.NodePool(
      `${name}-system`,
      {
        cluster: cluster.name,
        location: args.zone,
        nodeCount: args.systemPool.nodeCount,
        autoscaling: { minNodeCount: args.systemPool.minNodeCount, maxNodeCount: args.systemPool.maxNodeCount },
        management: nodePoolManagement,
        nodeConfig: {
          ...nodeIdentity,
          machineType: systemNodePool.machineType,
          labels: { "llm-d.ai/pool": "system" },
        },
      },
      children,
    );
    const kubeconfig = pulumi
      .all([cluster.name, cluster.endpoint, cluster.masterAuth])
      .apply(([clusterName, endpoint, auth]) => gkeKubeconfig(clusterName, endpoint, auth.clusterCaCertificate ?? ""));
    this.provider = new k8s.Provider(`${name}-k8s`, { kubeconfig }, children);
    this.clusterName = cluster.name;
    this.endpoint = cluster.endpoint;
    this.ready = [cluster, systemPool];
    this.registerOutputs({ clusterName: this.clusterName, endpoint: this.endpoint });
  }
}
