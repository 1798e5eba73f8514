import { describe, expect, it } from "vitest";
import { estimateCost, hoursPerMonth, usdPerNodeHourOfMachine } from "../stacks/cost";
import { acceleratorProfiles, gkeManagementUsdPerHour, systemNodePool } from "../stacks/hardware";
import { modelSpec as model } from "./support/modelSpec";

describe("estimateCost", () => {
  const models = [model("a", "nvidia-t4", 2), model("b", "tpu-v6e-4", 1)];

  it("prices every pool from the profile table plus the GKE fee", () => {
    const { running } = estimateCost({ models, scaleToZero: false });
    const expected =
      systemNodePool.runningNodes * systemNodePool.usdPerNodeHour +
      2 * acceleratorProfiles["nvidia-t4"].usdPerNodeHour +
      1 * acceleratorProfiles["tpu-v6e-4"].usdPerNodeHour +
      gkeManagementUsdPerHour;
    expect(running.usdPerHour).toBeCloseTo(expected, 2);
    expect(running.usdPerMonth).toBe(Math.round(running.usdPerHour * hoursPerMonth));
    expect(running.pools.map((pool) => [pool.pool, pool.nodes])).toEqual([["system", 2], ["tpu-v6e-4", 1], ["nvidia-t4", 2]]);
  });

  it("parked is the system pool at its minimum plus the fee, whatever the flag says now", () => {
    for (const scaleToZero of [false, true]) {
      const cost = estimateCost({ models, scaleToZero });
      expect(cost.parked.usdPerHour).toBeCloseTo(systemNodePool.minNodes * systemNodePool.usdPerNodeHour + gkeManagementUsdPerHour, 3);
      expect(cost.current).toBe(scaleToZero ? "parked" : "running");
    }
  });

  it("knows the price of every machine the stack can use", () => {
    for (const profile of Object.values(acceleratorProfiles)) expect(usdPerNodeHourOfMachine(profile.machineType)).toBe(profile.usdPerNodeHour);
    expect(usdPerNodeHourOfMachine(systemNodePool.machineType)).toBe(systemNodePool.usdPerNodeHour);
    expect(usdPerNodeHourOfMachine("a2-highgpu-8g")).toBeUndefined();
  });
});
