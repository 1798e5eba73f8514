import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { endpointUrl } from "../../bench/requestBody";
import { type AttemptResult, createAgent, sendStreamingRequest } from "../../bench/sseClient";
import { startFakeOpenAiServer } from "./fakeOpenAiServer";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function send(gatewayUrl: string, timeoutMs = 5000): Promise<AttemptResult> {
  const endpoint = endpointUrl(gatewayUrl, "completions");
  const agent = createAgent(endpoint, 1);
  cleanups.push(() => agent.destroy());
  return sendStreamingRequest({ endpoint, body: JSON.stringify({ model: "m", prompt: "x", max_tokens: 4, stream: true }), agent, timeoutMs });
}

/** A server whose handler does whatever a test needs to a raw response. */
async function rawServer(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("sendStreamingRequest", () => {
  it("records the answering model, the text chunks and the usage tokens of a completed stream", async () => {
    const server = await startFakeOpenAiServer({ outputTokens: 3 });
    cleanups.push(() => server.close());
    const result = await send(server.url);
    expect(result).toMatchObject({ status: 200, completed: true, error: null, responseModel: "m", contentChunks: 3, usageCompletionTokens: null });
    expect(result.firstTokenAtMs).toBeGreaterThanOrEqual(result.startedAtMs);
    expect(result.endedAtMs).toBeGreaterThanOrEqual(result.lastTokenAtMs!);
  });

  it("keeps the start of a non-200 body for the retry decision", async () => {
    const server = await startFakeOpenAiServer({ notFoundEvery: 1 });
    cleanups.push(() => server.close());
    const result = await send(server.url);
    expect(result).toMatchObject({ status: 404, completed: false, error: "HTTP 404" });
    expect(result.errorBody).toContain("The model `m` does not exist.");
  });

  it("gives up after the timeout instead of waiting for a slow server", async () => {
    const server = await startFakeOpenAiServer({ firstTokenDelayMs: 5000 });
    cleanups.push(() => server.close());
    const result = await send(server.url, 50);
    expect(result).toMatchObject({ completed: false, error: "timed out after 50 ms" });
    expect(result.endedAtMs - result.startedAtMs).toBeLessThan(1000);
  });

  it("fails a stream that is cut before data: [DONE]", async () => {
    const url = await rawServer((_, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"model":"m","choices":[{"text":"a"}]}\n\n', () => res.destroy());
    });
    const result = await send(url);
    expect(result.completed).toBe(false);
    expect(result.contentChunks).toBe(1);
    expect(result.error).toMatch(/connection|stream ended/);
  });

  it("fails a stream that carries an error event", async () => {
    const url = await rawServer((_, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end('data: {"model":"m","choices":[{"text":"a"}]}\n\ndata: {"error":{"message":"engine died"}}\n\ndata: [DONE]\n\n');
    });
    const result = await send(url);
    expect(result).toMatchObject({ completed: false, error: "stream error: engine died" });
  });

  it("reports a refused connection without a status", async () => {
    const url = await rawServer(() => {});
    await cleanups.pop()!();
    const result = await send(url);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/^connection error: .*ECONNREFUSED/);
  });
});
