import type { ScenarioName } from "./args";
import type { Api } from "./requestBody";
import { requestMetrics } from "./requestMetrics";
import { failureLabel, judgeAttempt, type RequestOutcome } from "./retry";
import type { LevelRun } from "./runner";
import { type Histogram, histogram, type Summary, summarize } from "./stats";
import { checkThresholds, type Targets, thresholdFailures, type ThresholdResults } from "./thresholds";

export interface ModelReport {
  requests: number;
  succeeded: number;
  failed: number;
  successRate: number;
  /** Share of requests whose first attempt completed and was answered by the requested model. */
  routingAccuracy: number;
  attempts: { mean: number; max: number };
  ttftMs: Summary;
  tpotMs: Summary;
  /** Of the successful attempt alone. */
  latencyMs: Summary;
  /** From the first attempt's start to the end of the successful one, retries and backoff included. */
  latencyFromFirstAttemptMs: Summary;
  outputTokens: { total: number; meanPerRequest: number | null };
  /** Completion tokens of successful requests per second of this model's run; prompt tokens never count. */
  outputTokensPerSec: number;
  /** Successful requests per second of this model's run. */
  requestsPerSec: number;
  /** From this model's first request start to its last request end, summed over levels. */
  durationSec: number;
  /** Final failure reasons of failed requests, counted by label. */
  errors: Record<string, number>;
  /** End-to-end latency of successful requests, for the HTML chart. */
  latencyHistogram: Histogram;
  thresholds: ThresholdResults;
}

export interface LevelReport {
  concurrency: number;
  models: Record<string, ModelReport>;
}

export interface ReportSettings {
  api: Api;
  requestsPerModel: number;
  concurrencyLevels: number[];
  maxTokens: number;
  /** "built-in mix" or the fixed prompt. */
  prompt: string;
  retries: number;
  retryBackoffMs: number;
  timeoutMs: number;
}

export interface BenchReport {
  target: string;
  stack: string | null;
  scenario: ScenarioName;
  startedAt: string;
  finishedAt: string;
  settings: ReportSettings;
  targets: Targets;
  /** Top-level `models` pools every request of every level; `levels` has each level alone. */
  modelsSummarise: "all-levels";
  models: Record<string, ModelReport>;
  levels: LevelReport[];
  passed: boolean;
  /** One line per missed target of the top-level `models`. */
  failures: string[];
}

export interface ReportInput extends Pick<BenchReport, "target" | "stack" | "scenario" | "startedAt" | "finishedAt" | "settings" | "targets"> {
  models: string[];
  levels: LevelRun[];
}

const HISTOGRAM_BINS = 20;

function spanSeconds(outcomes: RequestOutcome[]): number {
  if (outcomes.length === 0) return 0;
  let start = Infinity;
  let end = -Infinity;
  for (const outcome of outcomes) {
    start = Math.min(start, outcome.firstAttempt.startedAtMs);
    end = Math.max(end, outcome.finalAttempt.endedAtMs);
  }
  return (end - start) / 1000;
}

const perSecond = (count: number, seconds: number): number => (seconds > 0 ? count / seconds : 0);

/** Summarises one model over one or more levels; each inner array is that model's requests in one level. */
export function summarizeModel(model: string, outcomesPerLevel: RequestOutcome[][], targets: Targets): ModelReport {
  const outcomes = outcomesPerLevel.flat();
  const successes = outcomes.filter((outcome) => outcome.succeeded).map(requestMetrics);
  const durationSec = outcomesPerLevel.reduce((sum, levelOutcomes) => sum + spanSeconds(levelOutcomes), 0);
  const routedRight = outcomes.filter((outcome) => judgeAttempt(outcome.firstAttempt, model) === "success").length;
  const attemptCounts = outcomes.map((outcome) => outcome.attemptCount);
  const totalOutputTokens = successes.reduce((sum, metrics) => sum + metrics.outputTokens, 0);
  const latencies = successes.map((metrics) => metrics.latencyMs);
  const errors: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.succeeded) continue;
    const label = failureLabel(outcome.finalAttempt);
    errors[label] = (errors[label] ?? 0) + 1;
  }

  const measured = {
    ttftMs: summarize(successes.flatMap((metrics) => (metrics.ttftMs === null ? [] : [metrics.ttftMs]))),
    tpotMs: summarize(successes.flatMap((metrics) => (metrics.tpotMs === null ? [] : [metrics.tpotMs]))),
    routingAccuracy: outcomes.length === 0 ? 0 : routedRight / outcomes.length,
  };
  return {
    requests: outcomes.length,
    succeeded: successes.length,
    failed: outcomes.length - successes.length,
    successRate: outcomes.length === 0 ? 0 : successes.length / outcomes.length,
    routingAccuracy: measured.routingAccuracy,
    attempts: {
      mean: attemptCounts.length === 0 ? 0 : attemptCounts.reduce((sum, count) => sum + count, 0) / attemptCounts.length,
      max: attemptCounts.reduce((max, count) => Math.max(max, count), 0),
    },
    ttftMs: measured.ttftMs,
    tpotMs: measured.tpotMs,
    latencyMs: summarize(latencies),
    latencyFromFirstAttemptMs: summarize(successes.map((metrics) => metrics.latencyFromFirstAttemptMs)),
    outputTokens: { total: totalOutputTokens, meanPerRequest: successes.length === 0 ? null : totalOutputTokens / successes.length },
    outputTokensPerSec: perSecond(totalOutputTokens, durationSec),
    requestsPerSec: perSecond(successes.length, durationSec),
    durationSec,
    errors,
    latencyHistogram: histogram(latencies, HISTOGRAM_BINS),
    thresholds: checkThresholds(measured, targets),
  };
}

function outcomesOf(level: LevelRun, model: string): RequestOutcome[] {
  return level.outcomes.filter((outcome) => outcome.model === model);
}

export function buildReport(input: ReportInput): BenchReport {
  const modelsOverLevels = (levels: LevelRun[]): Record<string, ModelReport> =>
    Object.fromEntries(
      input.models.map((model) => [model, summarizeModel(model, levels.map((level) => outcomesOf(level, model)), input.targets)]),
    );
  const models = modelsOverLevels(input.levels);
  const failures = thresholdFailures(models, input.targets);
  return {
    target: input.target,
    stack: input.stack,
    scenario: input.scenario,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    settings: input.settings,
    targets: input.targets,
    modelsSummarise: "all-levels",
    models,
    levels: input.levels.map((level) => ({ concurrency: level.concurrency, models: modelsOverLevels([level]) })),
    passed: failures.length === 0,
    failures,
  };
}
