/** Per-model stack outputs: where each model is served and a ready request against it. Pure. */
import type { RoutingPlan } from "./routingPlan";
import type { StackConfig } from "./stackConfig";

export interface ModelOutput {
  name: string;
  slug: string;
  pool: string;
  route: string;
  curl: string;
}

export function curlCompletion(gatewayUrl: string, modelName: string): string {
  const body = JSON.stringify({ model: modelName, prompt: "Say hello in one sentence.", max_tokens: 32 });
  return `curl -s ${gatewayUrl}/v1/completions -H 'Content-Type: application/json' -d '${body}'`;
}

export function modelOutputs(config: Pick<StackConfig, "models">, routing: RoutingPlan, gatewayUrl: string): ModelOutput[] {
  return config.models.map((model) => {
    const route = routing.routes.find((candidate) => candidate.pool.models.includes(model));
    if (!route) throw new Error(`no route serves ${model.name}`);
    return { name: model.name, slug: model.slug, pool: route.pool.name, route: route.name, curl: curlCompletion(gatewayUrl, model.name) };
  });
}
