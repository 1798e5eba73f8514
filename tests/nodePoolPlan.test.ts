import { describe, expect, it } from "vitest";
import { acceleratorPoolPlans, acceleratorProfileLabel, servingReplicas, systemPoolPlan } from "../stacks/nodePoolPlan";
import { acceleratorProfiles, systemNodePool } from "../stacks/hardware";
import { modelSpec as model } from "./support/modelSpec";

describe("acceleratorPoolPlans", () => {
  it("makes one pool per profile in use, sized from the replicas", () => {
    const plans = acceleratorPoolPlans({
      scaleToZero: false,
      models: [model("a", "nvidia-t4", 2), model("b", "tpu-v6e-1", 1), model("c", "nvidia-t4", 1)],
    });
    expect(plans.map((plan) => [plan.profileName, plan.nodeCount, plan.maxNodeCount, plan.modelSlugs])).toEqual([
      ["tpu-v6e-1", 1, 1, ["b"]],
      ["nvidia-t4", 3, 3, ["a", "c"]],
    ]);
    expect(plans[1].labels).toEqual({ [acceleratorProfileLabel]: "nvidia-t4" });
  });

  it("parks at zero nodes but keeps the autoscaler ceiling, so waking needs no pool change", () => {
    const [plan] = acceleratorPoolPlans({ scaleToZero: true, models: [model("a", "tpu-v6e-4", 2)] });
    expect(plan.nodeCount).toBe(0);
    expect(plan.maxNodeCount).toBe(2);
  });

  it("keeps a ceiling of at least one node for models at zero replicas", () => {
    const [plan] = acceleratorPoolPlans({ scaleToZero: false, models: [model("a", "nvidia-l4", 0)] });
    expect(plan).toMatchObject({ nodeCount: 0, maxNodeCount: 1 });
  });
});

describe("servingReplicas and systemPoolPlan", () => {
  it("follow scaleToZero", () => {
    expect(servingReplicas(model("a", "nvidia-t4", 3), { scaleToZero: false })).toBe(3);
    expect(servingReplicas(model("a", "nvidia-t4", 3), { scaleToZero: true })).toBe(0);
    expect(systemPoolPlan({ scaleToZero: false }).nodeCount).toBe(systemNodePool.runningNodes);
    expect(systemPoolPlan({ scaleToZero: true }).nodeCount).toBe(systemNodePool.minNodes);
  });
});

describe("the accelerator profile table", () => {
  it.each(Object.entries(acceleratorProfiles))("%s is complete and consistent", (_name, profile) => {
    expect(profile.zones.length).toBeGreaterThan(0);
    expect(profile.usdPerNodeHour).toBeGreaterThan(0);
    expect(profile.acceleratorsPerNode).toBeGreaterThan(0);
    expect(Object.keys(profile.nodeLabels).length).toBeGreaterThan(0);
    if (profile.family === "gpu") {
      expect(profile.gpuType).toBeTruthy();
      expect(profile.resourceName).toBe("nvidia.com/gpu");
      expect(profile.defaultGpuMemoryUtilization).toBeGreaterThan(0);
    } else {
      expect(profile.resourceName).toBe("google.com/tpu");
      expect(profile.nodeLabels["cloud.google.com/gke-tpu-topology"]).toBeTruthy();
    }
  });
});
