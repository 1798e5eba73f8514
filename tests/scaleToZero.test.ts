// Parking a stack: only replica and node counts change; the gateway, routes, pools and address stay.
import { beforeAll, describe, expect, it } from "vitest";
import { objectsOfKind } from "../plan/kubernetesObjects";
import type { PlanDocument } from "../plan/planDocument";
import { ofType, planShippedStack, readStackConfig, writeStackConfig } from "./support/planFixture";
import { diffPlans } from "./support/planDiff";

const nodePoolType = "gcp:container/nodePool:NodePool";

describe("scale-to-zero stack", () => {
  let parked: PlanDocument;
  beforeAll(async () => {
    parked = await planShippedStack("scale-to-zero");
  });

  it("runs every model server, endpoint picker and the router at 0 replicas", () => {
    const deployments = objectsOfKind(parked.resources, "Deployment");
    expect(deployments.length).toBe(5);
    for (const deployment of deployments) expect(deployment.spec.replicas, deployment.name).toBe(0);
  });

  it("keeps accelerator pools at 0 nodes with autoscaling min 0, and the system pool at its minimum", () => {
    const pools = ofType(parked, nodePoolType);
    const accelerator = pools.filter((pool) => pool.name !== "gke-system");
    expect(accelerator.length).toBe(1);
    for (const pool of accelerator) expect(pool.inputs).toMatchObject({ nodeCount: 0, autoscaling: { minNodeCount: 0 } });
    const system = pools.find((pool) => pool.name === "gke-system")!;
    expect(system.inputs.nodeCount).toBe((system.inputs.autoscaling as { minNodeCount: number }).minNodeCount);
  });

  it("keeps the Gateway, routes, pools, health checks and the static address", () => {
    for (const kind of ["Gateway", "HTTPRoute", "InferencePool", "HealthCheckPolicy", "GCPBackendPolicy", "GCPRoutingExtension"]) {
      expect(objectsOfKind(parked.resources, kind).length, kind).toBeGreaterThan(0);
    }
    expect(ofType(parked, "gcp:compute/address:Address")).toHaveLength(1);
    expect(parked.outputs.gatewayUrl).toBe("http://203.0.113.20");
  });

  it("costs less parked than running; parked is the system pool plus the GKE fee", () => {
    const cost = parked.cost!;
    expect(cost.current).toBe("parked");
    expect(cost.parked.usdPerHour).toBeLessThan(cost.running.usdPerHour);
    const system = cost.parked.pools.find((pool) => pool.pool === "system")!;
    expect(cost.parked.usdPerHour).toBeCloseTo(system.usdPerHour + cost.parked.gkeManagementUsdPerHour, 3);
    expect(cost.parked.pools.filter((pool) => pool.pool !== "system").every((pool) => pool.usdPerHour === 0)).toBe(true);
  });
});

describe("flipping scaleToZero on the tpu stack", () => {
  it("changes only replica and node counts, replaces nothing, keeps every name", async () => {
    const running = await planShippedStack("tpu");
    const { config } = readStackConfig("tpu");
    const parked = await planShippedStack("tpu", writeStackConfig({ ...config, "llmd:scaleToZero": true }));
    const diff = diffPlans(running, parked);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    const allowed = /^inputs\.(spec\.replicas|nodeCount)$/;
    const changedPaths = [...diff.changed.values()].flat();
    expect(changedPaths.length).toBeGreaterThan(0);
    expect(changedPaths.filter((path) => !allowed.test(path))).toEqual([]);
    // Everything that changed is a Deployment or a node pool.
    for (const urn of diff.changed.keys()) expect(urn).toMatch(/kubernetes:apps\/v1:Deployment|gcp:container\/nodePool:NodePool/);
  });
});
