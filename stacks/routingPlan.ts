/**
 * Which InferencePools and HTTPRoutes a stack has, from its routing mode. Pure: the one place
 * that decides between one pool per model (`bbr`) and one pool over every model (`unified`).
 */
import type { ModelSpec, StackConfig } from "./stackConfig";

export interface PoolPlan {
  /** InferencePool name; its endpoint picker is `<name>-epp`. */
  name: string;
  /** Models whose servers the pool selects. */
  models: ModelSpec[];
  /** Slug the selector narrows to, or undefined for every model server. */
  selectorSlug: string | undefined;
}

export interface RoutePlan {
  /** HTTPRoute name. */
  name: string;
  /** Exact `X-Gateway-Base-Model-Name` value to match, or undefined to match every request. */
  baseModelHeader: string | undefined;
  pool: PoolPlan;
}

export interface RoutingPlan {
  pools: PoolPlan[];
  routes: RoutePlan[];
  /** Whether a body-based router is needed to set the header the routes match. */
  bodyBasedRouter: boolean;
}

export const unifiedPoolName = "pool-all-models";

export function routingPlan(config: Pick<StackConfig, "routing" | "models">): RoutingPlan {
  if (config.routing === "unified") {
    const pool: PoolPlan = { name: unifiedPoolName, models: config.models, selectorSlug: undefined };
    return { pools: [pool], routes: [{ name: "route-all-models", baseModelHeader: undefined, pool }], bodyBasedRouter: false };
  }
  const pools = config.models.map((model): PoolPlan => ({ name: `pool-${model.slug}`, models: [model], selectorSlug: model.slug }));
  return {
    pools,
    routes: pools.map((pool) => ({ name: `route-${pool.selectorSlug}`, baseModelHeader: pool.models[0].name, pool })),
    bodyBasedRouter: true,
  };
}

/** Distinct base models behind one pool: more than one means first attempts can reach the wrong model. */
export function baseModelsOf(pool: PoolPlan): string[] {
  return [...new Set(pool.models.map((model) => model.name))];
}

/**
 * What a pool mixing base models does to first attempts: its picker treats every pod as
 * interchangeable, so with N models about (N-1)/N of them reach a server of another model.
 * Shared by the plan/preview warning and the advisory policy.
 */
export function mixedPoolMessage(poolName: string, models: readonly string[]): string {
  const share = Math.round(((models.length - 1) / models.length) * 100);
  return (
    `InferencePool ${poolName} mixes ${models.length} base models (${models.join(", ")}); its endpoint picker ` +
    `treats them as one, so about (${models.length}-1)/${models.length} = ${share}% of first attempts reach a server of another model and get 404 ` +
    `"model does not exist". Route by model instead: pulumi config set routing bbr`
  );
}
