// Mock-runtime tests: the shipped stacks' network, cluster and node pools, as `pulumi up` would register them.
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../plan/planDocument";
import { ofType, only, planShippedStack } from "./support/planFixture";

const types = {
  cluster: "gcp:container/cluster:Cluster",
  nodePool: "gcp:container/nodePool:NodePool",
  subnet: "gcp:compute/subnetwork:Subnetwork",
  service: "gcp:projects/service:Service",
  k8sProvider: "pulumi:providers:kubernetes",
};

describe.each([
  { stack: "tpu", zone: "europe-west4-a", region: "europe-west4" },
  { stack: "gpu", zone: "us-central1-a", region: "us-central1" },
])("$stack stack: network and cluster", ({ stack, zone, region }) => {
  let plan: PlanDocument;
  beforeAll(async () => {
    plan = await planShippedStack(stack);
  });

  it("has no duplicate resource names", () => {
    expect(plan.errors).toEqual([]);
  });

  it("enables the Container and Network Services APIs", () => {
    expect(ofType(plan, types.service).map((service) => service.inputs.service)).toEqual(
      expect.arrayContaining(["container.googleapis.com", "networkservices.googleapis.com"]),
    );
  });

  it("has a proxy-only subnet in the stack's region and a VPC-native node subnet", () => {
    const proxyOnly = ofType(plan, types.subnet).filter((subnet) => subnet.inputs.purpose === "REGIONAL_MANAGED_PROXY");
    expect(proxyOnly).toHaveLength(1);
    expect(proxyOnly[0].inputs).toMatchObject({ role: "ACTIVE", region });
    const nodes = ofType(plan, types.subnet).find((subnet) => subnet.inputs.purpose === undefined);
    expect(nodes?.inputs.secondaryIpRanges).toHaveLength(2);
  });

  it("makes a zonal cluster with Gateway API, HTTP load balancing, Workload Identity and deletion protection", () => {
    const cluster = only(plan, types.cluster);
    expect(cluster.inputs).toMatchObject({
      location: zone,
      removeDefaultNodePool: true,
      gatewayApiConfig: { channel: "CHANNEL_STANDARD" },
      addonsConfig: { httpLoadBalancing: { disabled: false } },
      workloadIdentityConfig: { workloadPool: "my-gcp-project.svc.id.goog" },
      deletionProtection: true,
      networkingMode: "VPC_NATIVE",
      ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" },
    });
  });

  it("has a small CPU system pool", () => {
    const system = only(plan, types.nodePool, "gke-system");
    expect(system.inputs).toMatchObject({ nodeConfig: { machineType: "e2-standard-4" }, autoscaling: { minNodeCount: 1 } });
  });

  it("builds the Kubernetes provider from the cluster with gke-gcloud-auth-plugin", () => {
    const kubeconfig = String(only(plan, types.k8sProvider).inputs.kubeconfig);
    expect(kubeconfig).toContain("command: gke-gcloud-auth-plugin");
    expect(kubeconfig).toContain("server: https://203.0.113.10");
  });
});

describe("accelerator node pools", () => {
  it("tpu: one ct6e-standard-1t pool, no guest accelerators, sized for two models", async () => {
    const plan = await planShippedStack("tpu");
    const pools = ofType(plan, types.nodePool).filter((pool) => pool.name !== "gke-system");
    expect(pools).toHaveLength(1);
    expect(pools[0].inputs).toMatchObject({
      location: "europe-west4-a",
      nodeCount: 2,
      autoscaling: { minNodeCount: 0, maxNodeCount: 2 },
      nodeConfig: { machineType: "ct6e-standard-1t", labels: { "llm-d.ai/accelerator-profile": "tpu-v6e-1" }, spot: false },
    });
    expect(pools[0].inputs).not.toHaveProperty("initialNodeCount");
    expect((pools[0].inputs.nodeConfig as Record<string, unknown>).guestAccelerators).toBeUndefined();
    expect(pools[0].inputs).not.toHaveProperty("placementPolicy");
  });

  it("gpu: one n1-standard-4 pool with one T4 and the LATEST driver", async () => {
    const plan = await planShippedStack("gpu");
    const pools = ofType(plan, types.nodePool).filter((pool) => pool.name !== "gke-system");
    expect(pools).toHaveLength(1);
    expect(pools[0].inputs).toMatchObject({
      nodeCount: 2,
      autoscaling: { minNodeCount: 0, maxNodeCount: 2 },
      nodeConfig: {
        machineType: "n1-standard-4",
        guestAccelerators: [{ type: "nvidia-tesla-t4", count: 1, gpuDriverInstallationConfig: { gpuDriverVersion: "LATEST" } }],
        labels: { "llm-d.ai/accelerator-profile": "nvidia-t4" },
      },
    });
  });
});
