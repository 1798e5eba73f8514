import { describe, expect, it } from "vitest";
import { createProgressLine } from "../../bench/progress";
import { buildReport, type BenchReport } from "../../bench/report";
import type { RequestOutcome } from "../../bench/retry";
import type { LevelProgress } from "../../bench/runner";
import type { AttemptResult } from "../../bench/sseClient";
import { renderSummaryTable } from "../../bench/summaryTable";

function outcome(model: string, startedAtMs: number, succeeded: boolean): RequestOutcome {
  const attempt: AttemptResult = {
    status: succeeded ? 200 : 503,
    completed: succeeded,
    error: succeeded ? null : "HTTP 503",
    errorBody: "",
    responseModel: succeeded ? model : null,
    startedAtMs,
    firstTokenAtMs: startedAtMs + 40,
    lastTokenAtMs: startedAtMs + 110,
    endedAtMs: startedAtMs + 120,
    contentChunks: 8,
    usageCompletionTokens: 8,
  };
  return { model, succeeded, attemptCount: 1, firstAttempt: attempt, finalAttempt: attempt };
}

function report(levels: number[], failEvery = 0): BenchReport {
  return buildReport({
    target: "http://1.2.3.4",
    stack: null,
    scenario: levels.length > 1 ? "sweep" : "quick",
    startedAt: "2025-01-01T00:00:00.000Z",
    finishedAt: "2025-01-01T00:00:10.000Z",
    settings: {
      api: "completions",
      requestsPerModel: 4,
      concurrencyLevels: levels,
      maxTokens: 8,
      prompt: "built-in mix",
      retries: 0,
      retryBackoffMs: 200,
      timeoutMs: 60_000,
    },
    targets: { ttftP95Ms: 2000, tpotP95Ms: 100, minRoutingAccuracy: 0.9 },
    models: ["org/alpha", "org/beta"],
    levels: levels.map((concurrency) => ({
      concurrency,
      outcomes: ["org/alpha", "org/beta"].flatMap((model) =>
        [0, 1, 2, 3].map((index) => outcome(model, index * 120, failEvery === 0 || model !== "org/beta" || index % failEvery !== 0)),
      ),
    })),
  });
}

describe("renderSummaryTable", () => {
  it("prints a row per model with the measured numbers and the verdict", () => {
    const lines = renderSummaryTable(report([4])).split("\n");
    const header = lines.find((line) => line.includes("TTFT p50"))!;
    expect(header).toMatch(/^concurrency\s+model\s+ok\/total\s+routed\s+attempts\s+TTFT p50\s+TTFT p95\s+TPOT p50/);
    const alpha = lines.find((line) => line.includes("org/alpha"))!;
    expect(alpha.split(/\s+/).filter(Boolean)).toEqual([
      "4", "org/alpha", "4/4", "100.0%", "1.00/1", "40.0", "40.0", "10.0", "10.0", "120", "120", "66.67", "8.33", "met",
    ]);
    expect(lines).toContain("All targets met (TTFT p95 <= 2000 ms, TPOT p95 <= 100 ms, routing >= 0.9).");
  });

  it("adds a row per level in a sweep, then the pooled rows", () => {
    const rows = renderSummaryTable(report([1, 5])).split("\n").filter((line) => line.includes("org/alpha"));
    expect(rows.map((row) => row.trim().split(/\s+/)[0])).toEqual(["1", "5", "all"]);
  });

  it("lists failures and missed targets", () => {
    const text = renderSummaryTable(report([2], 2));
    expect(text).toContain("org/beta: 2 failed with HTTP 503");
    expect(text).toContain("Targets missed:\n  - org/beta: routing accuracy 0.500 < target 0.9");
    expect(text).toMatch(/org\/beta\s+2\/4\s+50\.0%.*MISSED/);
  });
});

describe("createProgressLine", () => {
  const progress = (done: number, total = 10): LevelProgress => ({ levelIndex: 0, levelCount: 2, concurrency: 5, done, failed: 1, total });

  it("draws nothing when stderr is not a terminal", () => {
    const written: string[] = [];
    const line = createProgressLine({ isTTY: false, write: (text: string) => written.push(text) });
    line.update(progress(10));
    line.finish();
    expect(written).toEqual([]);
  });

  it("redraws one line at most every 100 ms on a terminal, always the last update, and clears it at the end", () => {
    const written: string[] = [];
    let clock = 0;
    const line = createProgressLine({ isTTY: true, write: (text: string) => written.push(text) }, () => clock);
    line.update(progress(0));
    clock = 50;
    line.update(progress(3));
    clock = 1000;
    line.update(progress(6));
    clock = 1010;
    line.update(progress(10));
    line.finish();
    expect(written).toEqual([
      "\r\x1b[K[level 1/2, concurrency 5] 0/10 requests, 1 failed, - req/s",
      "\r\x1b[K[level 1/2, concurrency 5] 6/10 requests, 1 failed, 6.0 req/s",
      "\r\x1b[K[level 1/2, concurrency 5] 10/10 requests, 1 failed, 9.9 req/s",
      "\r\x1b[K",
    ]);
  });
});
