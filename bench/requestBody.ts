export type Api = "completions" | "chat";

export function endpointPath(api: Api): string {
  return api === "chat" ? "/v1/chat/completions" : "/v1/completions";
}

/** The gateway URL joined with the API path, keeping any path prefix; a trailing /v1 is the API's, not a prefix. */
export function endpointUrl(gatewayUrl: string, api: Api): URL {
  const base = new URL(gatewayUrl);
  base.pathname = base.pathname.replace(/\/+$/, "").replace(/\/v1$/, "") + endpointPath(api);
  return base;
}

/** A streaming OpenAI request that also asks for the final usage chunk, so output tokens are counted exactly. */
export function requestBody(api: Api, model: string, prompt: string, maxTokens: number): string {
  const common = { model, max_tokens: maxTokens, stream: true, stream_options: { include_usage: true } };
  const body = api === "chat" ? { ...common, messages: [{ role: "user", content: prompt }] } : { ...common, prompt };
  return JSON.stringify(body);
}
