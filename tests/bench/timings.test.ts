import { afterEach, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "./fakeOpenAiServer";
import { runBench } from "./runBenchInProcess";

const FIRST_TOKEN_DELAY_MS = 60;
const TOKEN_GAP_MS = 15;
const TOKENS = 8;

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const withinTenPercent = (measured: number | null, expected: number): void => {
  expect(measured).not.toBeNull();
  expect(Math.abs((measured as number) - expected)).toBeLessThanOrEqual(expected * 0.1);
};

describe("client-clock timings against a streaming server", () => {
  it("TTFT p50 is the first-token delay and TPOT p50 the token gap, within 10%", async () => {
    server = await startFakeOpenAiServer({ firstTokenDelayMs: FIRST_TOKEN_DELAY_MS, tokenGapMs: TOKEN_GAP_MS, outputTokens: TOKENS });
    const run = await runBench(["--url", server.url, "--model", "m", "--requests", "12", "--concurrency", "3", "--max-tokens", "64"]);
    const model = run.report!.models.m;
    expect(model.succeeded).toBe(12);
    withinTenPercent(model.ttftMs.p50, FIRST_TOKEN_DELAY_MS);
    withinTenPercent(model.tpotMs.p50, TOKEN_GAP_MS);
    withinTenPercent(model.latencyMs.p50, FIRST_TOKEN_DELAY_MS + (TOKENS - 1) * TOKEN_GAP_MS);
  });

  it("in chat mode the role-only first chunk does not count as the first token", async () => {
    server = await startFakeOpenAiServer({ firstTokenDelayMs: FIRST_TOKEN_DELAY_MS, tokenGapMs: TOKEN_GAP_MS, outputTokens: 4 });
    const run = await runBench(["--url", server.url, "--model", "m", "--chat", "--requests", "6", "--concurrency", "2"]);
    expect(server.received.every((request) => request.path === "/v1/chat/completions")).toBe(true);
    withinTenPercent(run.report!.models.m.ttftMs.p50, FIRST_TOKEN_DELAY_MS);
    withinTenPercent(run.report!.models.m.tpotMs.p50, TOKEN_GAP_MS);
  });

  it("sends streaming requests that ask for usage, and counts only completion tokens as throughput", async () => {
    server = await startFakeOpenAiServer({ outputTokens: 5, promptTokens: 1000 });
    const run = await runBench(["--url", server.url, "--model", "m", "--requests", "4", "--max-tokens", "16", "--prompt", "Hi"]);
    expect(server.received[0]).toEqual({
      path: "/v1/completions",
      body: { model: "m", prompt: "Hi", max_tokens: 16, stream: true, stream_options: { include_usage: true } },
    });
    const model = run.report!.models.m;
    expect(model.outputTokens).toEqual({ total: 20, meanPerRequest: 5 });
    expect(model.outputTokensPerSec).toBeCloseTo(5 * model.requestsPerSec, 6);
    expect(model.outputTokensPerSec).toBeCloseTo(20 / model.durationSec, 6);
  });

  it("counts content chunks as output tokens when the server sends no usage chunk", async () => {
    server = await startFakeOpenAiServer({ outputTokens: 3, sendUsage: false });
    const run = await runBench(["--url", server.url, "--model", "m", "--requests", "2"]);
    expect(run.report!.models.m.outputTokens.total).toBe(6);
  });
});
