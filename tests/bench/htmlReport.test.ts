import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtmlReport } from "../../bench/htmlReport";
import { buildReport, type BenchReport } from "../../bench/report";
import type { RequestOutcome } from "../../bench/retry";
import type { LevelRun } from "../../bench/runner";
import type { AttemptResult } from "../../bench/sseClient";

const MODELS = ["org/alpha", "org/<beta>&"];

function outcome(model: string, startedAtMs: number, latencyMs: number): RequestOutcome {
  const attempt: AttemptResult = {
    status: 200,
    completed: true,
    error: null,
    errorBody: "",
    responseModel: model,
    startedAtMs,
    firstTokenAtMs: startedAtMs + latencyMs / 4,
    lastTokenAtMs: startedAtMs + latencyMs - 1,
    endedAtMs: startedAtMs + latencyMs,
    contentChunks: 10,
    usageCompletionTokens: 10,
  };
  return { model, succeeded: true, attemptCount: 1, firstAttempt: attempt, finalAttempt: attempt };
}

function reportFor(concurrencyLevels: number[]): BenchReport {
  const levels: LevelRun[] = concurrencyLevels.map((concurrency) => ({
    concurrency,
    outcomes: MODELS.flatMap((model, modelIndex) =>
      Array.from({ length: 12 }, (_, index) => outcome(model, index * 50, 100 + concurrency * 10 + modelIndex * 20 + (index % 5) * 7)),
    ),
  }));
  return buildReport({
    target: "http://1.2.3.4",
    stack: "dev",
    scenario: concurrencyLevels.length > 1 ? "sweep" : "quick",
    startedAt: "2025-01-01T00:00:00.000Z",
    finishedAt: "2025-01-01T00:01:00.000Z",
    settings: {
      api: "completions",
      requestsPerModel: 12,
      concurrencyLevels,
      maxTokens: 10,
      prompt: "built-in mix",
      retries: 0,
      retryBackoffMs: 200,
      timeoutMs: 60_000,
    },
    targets: { ttftP95Ms: 2000, tpotP95Ms: 100, minRoutingAccuracy: 0 },
    models: MODELS,
    levels,
  });
}

function svgLabels(html: string): string[] {
  return [...html.matchAll(/<svg [^>]*aria-label="([^"]*)"/g)].map((match) => match[1]);
}

describe("renderHtmlReport", () => {
  it("draws a latency distribution chart per model, with bars", () => {
    const html = renderHtmlReport(reportFor([4]));
    expect(svgLabels(html)).toEqual(MODELS.map((model) => escapeHtml(`Latency distribution of ${model}`)));
    expect((html.match(/<rect /g) ?? []).length).toBe(2 * 20);
  });

  it("adds TTFT and TPOT per concurrency level for a sweep, and a table per level", () => {
    const html = renderHtmlReport(reportFor([1, 5, 10]));
    expect(svgLabels(html)).toEqual([
      "TTFT per concurrency level",
      "TPOT per concurrency level",
      ...MODELS.map((model) => escapeHtml(`Latency distribution of ${model}`)),
    ]);
    // One p50 and one p95 line per model in each of the two charts.
    expect((html.match(/<polyline /g) ?? []).length).toBe(2 * MODELS.length * 2);
    for (const level of [1, 5, 10]) expect(html).toContain(`<h3>Concurrency ${level}</h3>`);
  });

  it("is one self-contained page: no scripts, no external links, fonts or images", () => {
    const html = renderHtmlReport(reportFor([1, 5]));
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/src="http/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!1\.2\.3\.4)/);
  });

  it("escapes model names", () => {
    const html = renderHtmlReport(reportFor([1]));
    expect(html).not.toContain("org/<beta>&");
    expect(html).toContain("org/&lt;beta&gt;&amp;");
  });

  it("shows the summary table with the verdict", () => {
    const html = renderHtmlReport(reportFor([1]));
    expect(html).toContain("<th>TTFT p95</th>");
    expect(html).toContain("All targets met.");
  });
});
