import { describe, expect, it } from "vitest";
import { endpointUrl, requestBody } from "../../bench/requestBody";

describe("endpointUrl", () => {
  it.each([
    ["http://1.2.3.4", "completions", "http://1.2.3.4/v1/completions"],
    ["http://1.2.3.4/", "chat", "http://1.2.3.4/v1/chat/completions"],
    ["https://gw.example/llm/", "completions", "https://gw.example/llm/v1/completions"],
    ["http://1.2.3.4:8080/v1", "completions", "http://1.2.3.4:8080/v1/completions"],
  ] as const)("%s with the %s API is %s", (gatewayUrl, api, expected) => {
    expect(endpointUrl(gatewayUrl, api).href).toBe(expected);
  });
});

describe("requestBody", () => {
  it("asks for a stream with the final usage chunk, as a prompt or as a chat message", () => {
    expect(JSON.parse(requestBody("completions", "m", "Hi", 8))).toEqual({
      model: "m",
      prompt: "Hi",
      max_tokens: 8,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(JSON.parse(requestBody("chat", "m", "Hi", 8))).toEqual({
      model: "m",
      messages: [{ role: "user", content: "Hi" }],
      max_tokens: 8,
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});
