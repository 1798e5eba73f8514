/**
 * Estimated USD cost of a stack, running and parked, from the list prices in the hardware
 * table. Pure. List-price estimates, not quotes: no discounts, Spot, egress or load balancer.
 */
import { acceleratorProfiles, gkeManagementUsdPerHour, systemNodePool } from "./hardware";
import { acceleratorPoolPlans, systemPoolPlan } from "./nodePoolPlan";
import type { StackConfig } from "./stackConfig";

export const hoursPerMonth = 730;

export interface PoolCost {
  pool: string;
  machineType: string;
  nodes: number;
  usdPerNodeHour: number;
  usdPerHour: number;
}

export interface CostBreakdown {
  pools: PoolCost[];
  gkeManagementUsdPerHour: number;
  usdPerHour: number;
  usdPerMonth: number;
}

export interface CostEstimate {
  running: CostBreakdown;
  parked: CostBreakdown;
  /** What the stack costs as configured now: parked when scaleToZero is on. */
  current: "running" | "parked";
}

const round = (usd: number) => Math.round(usd * 1000) / 1000;

/** USD per node-hour of a machine type the stack uses, or undefined for one it does not know. */
export function usdPerNodeHourOfMachine(machineType: string): number | undefined {
  if (machineType === systemNodePool.machineType) return systemNodePool.usdPerNodeHour;
  return Object.values(acceleratorProfiles).find((profile) => profile.machineType === machineType)?.usdPerNodeHour;
}

function breakdown(config: Pick<StackConfig, "models">, scaleToZero: boolean): CostBreakdown {
  const system = systemPoolPlan({ scaleToZero });
  const pools: PoolCost[] = [
    { pool: "system", machineType: systemNodePool.machineType, nodes: system.nodeCount, usdPerNodeHour: systemNodePool.usdPerNodeHour },
    ...acceleratorPoolPlans({ models: config.models, scaleToZero }).map((plan) => ({
      pool: plan.profileName,
      machineType: plan.profile.machineType,
      nodes: plan.nodeCount,
      usdPerNodeHour: plan.profile.usdPerNodeHour,
    })),
  ].map((pool) => ({ ...pool, usdPerHour: round(pool.nodes * pool.usdPerNodeHour) }));
  const usdPerHour = round(pools.reduce((sum, pool) => sum + pool.usdPerHour, gkeManagementUsdPerHour));
  return { pools, gkeManagementUsdPerHour, usdPerHour, usdPerMonth: Math.round(usdPerHour * hoursPerMonth) };
}

export function estimateCost(config: Pick<StackConfig, "models" | "scaleToZero">): CostEstimate {
  return { running: breakdown(config, false), parked: breakdown(config, true), current: config.scaleToZero ? "parked" : "running" };
}
