import { afterEach, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "./fakeOpenAiServer";
import { runBench } from "./runBenchInProcess";

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TWO_MODELS = ["--model", "org/alpha", "--model", "org/beta"];

describe("routing accuracy and retries", () => {
  it("first-attempt routing accuracy equals the server's share of answers from the right pool (404 mode)", async () => {
    server = await startFakeOpenAiServer({ notFoundEvery: 4, outputTokens: 2 });
    const run = await runBench(["--url", server.url, ...TWO_MODELS, "--requests", "12", "--concurrency", "3"]);
    for (const name of ["org/alpha", "org/beta"]) {
      const model = run.report!.models[name];
      expect(model.routingAccuracy).toBe(0.75);
      expect([model.succeeded, model.failed, model.successRate]).toEqual([9, 3, 0.75]);
      expect(model.errors).toEqual({ "HTTP 404 model does not exist": 3 });
      expect(model.attempts).toEqual({ mean: 1, max: 1 });
    }
  });

  it("an answer from another model is a routing miss, not a success", async () => {
    server = await startFakeOpenAiServer({ wrongModelEvery: 5, wrongModelName: "org/gamma", outputTokens: 2 });
    const run = await runBench(["--url", server.url, "--model", "org/alpha", "--requests", "10", "--concurrency", "2"]);
    const model = run.report!.models["org/alpha"];
    expect(model.routingAccuracy).toBe(0.8);
    expect(model.succeeded).toBe(8);
    expect(model.errors).toEqual({ "wrong model: org/gamma": 2 });
  });

  it("with --retries 5 every request succeeds, attempts are counted and retry time is kept apart", async () => {
    // At concurrency 1 the per-model answers run 404, wrong model, 404, ok, ...: at most 4 attempts, never flaky.
    server = await startFakeOpenAiServer({ notFoundEvery: 2, wrongModelEvery: 3, firstTokenDelayMs: 5, outputTokens: 2 });
    const run = await runBench([
      "--url", server.url, ...TWO_MODELS, "--requests", "6", "--concurrency", "1", "--retries", "5", "--retry-backoff-ms", "10",
    ]);
    expect(run.exitCode).toBe(0);
    for (const name of ["org/alpha", "org/beta"]) {
      const model = run.report!.models[name];
      expect([model.succeeded, model.failed]).toEqual([6, 0]);
      // Attempts per request: 1, 4, 2, 4, 2, 4; only the very first one was routed right.
      expect(model.attempts).toEqual({ mean: 17 / 6, max: 4 });
      expect(model.routingAccuracy).toBeCloseTo(1 / 6, 10);
      expect(model.latencyFromFirstAttemptMs.mean!).toBeGreaterThan(model.latencyMs.mean!);
    }
    const received = server.received.length;
    const attempts = Object.values(run.report!.models).reduce((sum, model) => sum + model.attempts.mean * model.requests, 0);
    expect(attempts).toBeCloseTo(received, 6);
  });

  it("interleaves models: request i goes to every model before request i + 1", async () => {
    server = await startFakeOpenAiServer({ outputTokens: 1 });
    await runBench(["--url", server.url, ...TWO_MODELS, "--requests", "3", "--concurrency", "1"]);
    expect(server.received.map((request) => request.body.model)).toEqual(["org/alpha", "org/beta", "org/alpha", "org/beta", "org/alpha", "org/beta"]);
  });

  it("retries connection errors a bounded number of times, then reports the failure and exit 1", async () => {
    const closed = await startFakeOpenAiServer();
    await closed.close();
    const run = await runBench(["--url", closed.url, "--model", "m", "--requests", "2", "--retries", "2", "--retry-backoff-ms", "1"]);
    expect(run.exitCode).toBe(1);
    const model = run.report!.models.m;
    expect([model.succeeded, model.failed, model.attempts.max, model.routingAccuracy]).toEqual([0, 2, 3, 0]);
    expect(Object.keys(model.errors)).toEqual([expect.stringMatching(/^connection error: .*ECONNREFUSED/)]);
    expect(run.stdout).toContain("m: TTFT p95 not measured");
  });
});
