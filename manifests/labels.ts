/** Label keys and the values derived from one model slug: pod templates and pool selectors share them. */

/** On every model server; the unified pool selects on it. */
export const servingLabel = "llm-d.ai/inference-serving";
/** The model's slug; a per-model pool selects on it. */
export const modelLabel = "llm-d.ai/model";
/** Marks the ConfigMaps the body-based router reads base models from. */
export const bbrManagedLabel = "inference.networking.k8s.io/bbr-managed";
/** Header the body-based router sets from the body's `model`, mapped to its base model. */
export const baseModelHeader = "X-Gateway-Base-Model-Name";

export function modelServerLabels(slug: string): Record<string, string> {
  return { "app.kubernetes.io/name": "vllm", [servingLabel]: "true", [modelLabel]: slug };
}

/** What an InferencePool selects: one model's servers, or every model server. */
export function poolSelector(slug: string | undefined): Record<string, string> {
  return slug === undefined ? { [servingLabel]: "true" } : { [servingLabel]: "true", [modelLabel]: slug };
}
