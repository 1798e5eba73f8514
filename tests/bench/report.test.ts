import { describe, expect, it } from "vitest";
import { buildReport, type ReportInput, summarizeModel } from "../../bench/report";
import type { RequestOutcome } from "../../bench/retry";
import type { AttemptResult } from "../../bench/sseClient";

const TARGETS = { ttftP95Ms: 100, tpotP95Ms: 10, minRoutingAccuracy: 0.5 };

function attempt(startedAtMs: number, overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    status: 200,
    completed: true,
    error: null,
    errorBody: "",
    responseModel: "m",
    startedAtMs,
    firstTokenAtMs: startedAtMs + 50,
    lastTokenAtMs: startedAtMs + 80,
    endedAtMs: startedAtMs + 100,
    contentChunks: 4,
    usageCompletionTokens: 7,
    ...overrides,
  };
}

function succeeded(startedAtMs: number, overrides: Partial<AttemptResult> = {}): RequestOutcome {
  const only = attempt(startedAtMs, overrides);
  return { model: "m", succeeded: true, attemptCount: 1, firstAttempt: only, finalAttempt: only };
}

describe("summarizeModel", () => {
  it("derives TTFT, TPOT from usage tokens, latency and completion-token throughput", () => {
    const model = summarizeModel("m", [[succeeded(0), succeeded(100), succeeded(200), succeeded(300)]], TARGETS);
    expect(model.ttftMs).toEqual({ count: 4, mean: 50, p50: 50, p95: 50, p99: 50 });
    // (80 - 50) / (7 usage tokens - 1), not / (4 chunks - 1).
    expect(model.tpotMs.p50).toBeCloseTo(5, 10);
    expect(model.latencyMs.p50).toBe(100);
    expect(model.durationSec).toBeCloseTo(0.4, 10);
    expect(model.requestsPerSec).toBeCloseTo(10, 10);
    expect(model.outputTokensPerSec).toBeCloseTo(70, 10);
    expect(model.thresholds).toEqual({ ttftP95: true, tpotP95: true, routingAccuracy: true });
  });

  it("keeps the successful attempt's latency apart from the time since the first attempt", () => {
    const retried: RequestOutcome = {
      model: "m",
      succeeded: true,
      attemptCount: 3,
      firstAttempt: attempt(0, { status: 404, completed: false, error: "HTTP 404", errorBody: "does not exist", responseModel: null }),
      finalAttempt: attempt(400),
    };
    const model = summarizeModel("m", [[retried, succeeded(0)]], TARGETS);
    expect(model.latencyMs.mean).toBe(100);
    expect(model.latencyFromFirstAttemptMs.p99).toBeCloseTo(496, 6);
    expect(model.routingAccuracy).toBe(0.5);
    expect(model.attempts).toEqual({ mean: 2, max: 3 });
  });

  it("misses targets it could not measure and counts failures by cause", () => {
    const failedAttempt = attempt(0, { status: 503, completed: false, error: "HTTP 503", responseModel: null });
    const failed: RequestOutcome = { model: "m", succeeded: false, attemptCount: 1, firstAttempt: failedAttempt, finalAttempt: failedAttempt };
    const model = summarizeModel("m", [[failed, failed]], TARGETS);
    expect([model.succeeded, model.failed, model.successRate, model.routingAccuracy]).toEqual([0, 2, 0, 0]);
    expect(model.ttftMs.p95).toBeNull();
    expect(model.errors).toEqual({ "HTTP 503": 2 });
    expect(model.thresholds).toEqual({ ttftP95: false, tpotP95: false, routingAccuracy: false });
  });
});

describe("buildReport", () => {
  const input = (outcomes: RequestOutcome[]): ReportInput => ({
    target: "http://gw",
    stack: null,
    scenario: "quick",
    startedAt: "2025-01-01T00:00:00.000Z",
    finishedAt: "2025-01-01T00:00:01.000Z",
    settings: {
      api: "completions",
      requestsPerModel: outcomes.length,
      concurrencyLevels: [1],
      maxTokens: 8,
      prompt: "built-in mix",
      retries: 0,
      retryBackoffMs: 200,
      timeoutMs: 1000,
    },
    targets: TARGETS,
    models: ["m"],
    levels: [{ concurrency: 1, outcomes }],
  });

  it("passes when every model meets every target", () => {
    const report = buildReport(input([succeeded(0)]));
    expect([report.passed, report.failures]).toEqual([true, []]);
    expect(report.levels[0].models.m).toEqual(report.models.m);
  });

  it("lists one line per missed target", () => {
    const slow = succeeded(0, { firstTokenAtMs: 300, lastTokenAtMs: 420, endedAtMs: 430, usageCompletionTokens: 5 });
    const report = buildReport(input([slow]));
    expect(report.passed).toBe(false);
    expect(report.failures).toEqual(["m: TTFT p95 300 ms > target 100 ms", "m: TPOT p95 30.0 ms > target 10 ms"]);
  });
});
