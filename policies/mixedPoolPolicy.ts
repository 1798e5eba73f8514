import { objectsOfKind } from "../plan/kubernetesObjects";
import { routingTable } from "../plan/routingTable";
import { mixedPoolMessage } from "../stacks/routingPlan";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

export const mixedPoolPolicy: LlmdPolicy = {
  name: "single-model-per-pool",
  description: "An InferencePool's pods serve one model: its endpoint picker treats them as interchangeable, so with N models about (N-1)/N of first attempts reach a server of another model and get 404.",
  enforcementLevel: "advisory",
  check(resources) {
    const pools = objectsOfKind(resources, "InferencePool");
    const mixed = new Map(routingTable(resources).filter((row) => row.pool !== null && row.servedModels.length > 1).map((row) => [row.pool as string, row.servedModels]));
    return [...mixed].map(([poolName, models]): Finding => ({
      resource: pools.find((pool) => pool.name === poolName)?.resource,
      message: mixedPoolMessage(poolName, models),
    }));
  },
};
