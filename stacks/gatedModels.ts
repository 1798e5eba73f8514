/** Hugging Face orgs whose models are gated and need `hfToken` (facts.md, vLLM server: Gemma, Llama). */
export const gatedModelPrefixes = ["google/gemma", "meta-llama/"];

export function isGatedModel(modelName: string): boolean {
  return gatedModelPrefixes.some((prefix) => modelName.toLowerCase().startsWith(prefix));
}
