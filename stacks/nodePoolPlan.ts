/** How many nodes each pool needs, derived from the models' replicas. Pure. */
import { acceleratorProfiles, systemNodePool, type AcceleratorProfile, type AcceleratorProfileName } from "./hardware";
import type { ModelSpec, StackConfig } from "./stackConfig";

/** Our own node label naming the accelerator profile; model servers select on it. */
export const acceleratorProfileLabel = "llm-d.ai/accelerator-profile";

export interface AcceleratorPoolPlan {
  profileName: AcceleratorProfileName;
  profile: AcceleratorProfile;
  /** Nodes to run now: what the replicas need, or 0 when parked. */
  nodeCount: number;
  /** Autoscaler ceiling: what the replicas need while serving (at least 1, GKE's minimum for a maximum). */
  maxNodeCount: number;
  /** Labels put on the pool's nodes (GKE adds the profile's own hardware labels itself). */
  labels: Record<string, string>;
  /** Slugs of the models served from this pool. */
  modelSlugs: string[];
}

export interface SystemPoolPlan {
  nodeCount: number;
  minNodeCount: number;
  maxNodeCount: number;
}

/** Replicas a model runs with right now. */
export function servingReplicas(model: ModelSpec, config: Pick<StackConfig, "scaleToZero">): number {
  return config.scaleToZero ? 0 : model.replicas;
}

/** One pool per accelerator profile in use, in the profile table's order. Single-host: one replica per node. */
export function acceleratorPoolPlans(config: Pick<StackConfig, "models" | "scaleToZero">): AcceleratorPoolPlan[] {
  return (Object.keys(acceleratorProfiles) as AcceleratorProfileName[]).flatMap((profileName) => {
    const models = config.models.filter((model) => model.acceleratorName === profileName);
    if (models.length === 0) return [];
    const nodesWhileServing = models.reduce((sum, model) => sum + model.replicas, 0);
    return [
      {
        profileName,
        profile: acceleratorProfiles[profileName],
        nodeCount: config.scaleToZero ? 0 : nodesWhileServing,
        maxNodeCount: Math.max(1, nodesWhileServing),
        labels: { [acceleratorProfileLabel]: profileName },
        modelSlugs: models.map((model) => model.slug),
      },
    ];
  });
}

export function systemPoolPlan(config: Pick<StackConfig, "scaleToZero">): SystemPoolPlan {
  return {
    nodeCount: config.scaleToZero ? systemNodePool.minNodes : systemNodePool.runningNodes,
    minNodeCount: systemNodePool.minNodes,
    maxNodeCount: systemNodePool.maxNodes,
  };
}
