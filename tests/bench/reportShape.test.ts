import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchReport } from "../../bench/report";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "./fakeOpenAiServer";
import { runBench } from "./runBenchInProcess";

const SUMMARY_KEYS = ["count", "mean", "p50", "p95", "p99"];
const MODEL_KEYS = [
  "attempts",
  "durationSec",
  "errors",
  "failed",
  "latencyFromFirstAttemptMs",
  "latencyHistogram",
  "latencyMs",
  "outputTokens",
  "outputTokensPerSec",
  "requests",
  "requestsPerSec",
  "routingAccuracy",
  "succeeded",
  "successRate",
  "thresholds",
  "tpotMs",
  "ttftMs",
];

function expectModelShape(model: unknown): void {
  const entry = model as Record<string, unknown>;
  expect(Object.keys(entry).sort()).toEqual(MODEL_KEYS);
  for (const key of ["requests", "succeeded", "failed", "outputTokensPerSec", "requestsPerSec", "durationSec"]) {
    expect(typeof entry[key], key).toBe("number");
  }
  expect(entry.routingAccuracy).toBeGreaterThanOrEqual(0);
  expect(entry.routingAccuracy).toBeLessThanOrEqual(1);
  expect(Object.keys(entry.attempts as object).sort()).toEqual(["max", "mean"]);
  for (const key of ["ttftMs", "tpotMs", "latencyMs", "latencyFromFirstAttemptMs"]) {
    const summary = entry[key] as Record<string, unknown>;
    expect(Object.keys(summary).sort(), key).toEqual(SUMMARY_KEYS);
    for (const stat of SUMMARY_KEYS) expect(typeof summary[stat], `${key}.${stat}`).toBe("number");
  }
  expect(entry.thresholds).toEqual({ ttftP95: expect.any(Boolean), tpotP95: expect.any(Boolean), routingAccuracy: expect.any(Boolean) });
  expect(Object.keys(entry.outputTokens as object).sort()).toEqual(["meanPerRequest", "total"]);
  expect(Object.keys(entry.latencyHistogram as object).sort()).toEqual(["binStartMs", "binWidthMs", "counts"]);
}

let server: FakeOpenAiServer;
let report: BenchReport;
let exitCode: number;

beforeAll(async () => {
  server = await startFakeOpenAiServer({ firstTokenDelayMs: 2, tokenGapMs: 1, outputTokens: 3 });
  const run = await runBench([
    "--url", server.url, "--model", "org/alpha", "--model", "org/beta", "--scenario", "sweep", "--levels", "1,3", "--requests", "4",
  ]);
  exitCode = run.exitCode;
  report = run.report!;
});
afterAll(() => server.close());

describe("the --out JSON report", () => {
  it("has the documented top-level keys", () => {
    expect(exitCode).toBe(0);
    expect(Object.keys(report).sort()).toEqual(
      ["failures", "finishedAt", "levels", "models", "modelsSummarise", "passed", "scenario", "settings", "stack", "startedAt", "target", "targets"],
    );
    expect(report.target).toBe(server.url);
    expect(report.scenario).toBe("sweep");
    expect(new Date(report.startedAt).toISOString()).toBe(report.startedAt);
    expect(report.modelsSummarise).toBe("all-levels");
    expect(report.settings).toEqual({
      api: "completions",
      requestsPerModel: 4,
      concurrencyLevels: [1, 3],
      maxTokens: 128,
      prompt: "built-in mix",
      retries: 0,
      retryBackoffMs: 200,
      timeoutMs: 60_000,
    });
    expect(report.targets).toEqual({ ttftP95Ms: 2000, tpotP95Ms: 100, minRoutingAccuracy: 0 });
    expect([report.passed, report.failures]).toEqual([true, []]);
  });

  it("has every key of the per-model shape, at the top and in each level", () => {
    expect(Object.keys(report.models)).toEqual(["org/alpha", "org/beta"]);
    for (const model of Object.values(report.models)) expectModelShape(model);
    expect(report.levels.map((level) => level.concurrency)).toEqual([1, 3]);
    for (const level of report.levels) {
      expect(Object.keys(level).sort()).toEqual(["concurrency", "models"]);
      expect(Object.keys(level.models)).toEqual(["org/alpha", "org/beta"]);
      for (const model of Object.values(level.models)) expectModelShape(model);
    }
  });

  it("pools all levels in the top-level models", () => {
    for (const name of ["org/alpha", "org/beta"]) {
      const levels = report.levels.map((level) => level.models[name]);
      expect(levels.map((level) => level.requests)).toEqual([4, 4]);
      expect(report.models[name].requests).toBe(8);
      expect(report.models[name].durationSec).toBeCloseTo(levels[0].durationSec + levels[1].durationSec, 9);
      expect(report.models[name].outputTokens.total).toBe(24);
    }
  });
});
