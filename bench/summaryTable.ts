import { formatMs, formatRate, formatShare } from "./format";
import type { BenchReport, ModelReport } from "./report";

const HEADER = [
  "concurrency",
  "model",
  "ok/total",
  "routed",
  "attempts",
  "TTFT p50",
  "TTFT p95",
  "TPOT p50",
  "TPOT p95",
  "lat p50",
  "lat p95",
  "out tok/s",
  "req/s",
  "targets",
];

function row(concurrency: string, name: string, model: ModelReport): string[] {
  const met = model.thresholds;
  const targets = met.ttftP95 && met.tpotP95 && met.routingAccuracy ? "met" : "MISSED";
  return [
    concurrency,
    name,
    `${model.succeeded}/${model.requests}`,
    formatShare(model.routingAccuracy),
    `${model.attempts.mean.toFixed(2)}/${model.attempts.max}`,
    formatMs(model.ttftMs.p50),
    formatMs(model.ttftMs.p95),
    formatMs(model.tpotMs.p50),
    formatMs(model.tpotMs.p95),
    formatMs(model.latencyMs.p50),
    formatMs(model.latencyMs.p95),
    formatRate(model.outputTokensPerSec),
    formatRate(model.requestsPerSec),
    targets,
  ];
}

/** Plain-text table for stdout: one row per model (and per level in a sweep), then the verdict. */
export function renderSummaryTable(report: BenchReport): string {
  const rows: string[][] = [];
  const sweep = report.levels.length > 1;
  if (sweep) {
    for (const level of report.levels) {
      for (const [name, model] of Object.entries(level.models)) rows.push(row(String(level.concurrency), name, model));
    }
  }
  const topLabel = sweep ? "all" : String(report.settings.concurrencyLevels[0]);
  for (const [name, model] of Object.entries(report.models)) rows.push(row(topLabel, name, model));

  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ").trimEnd();

  const settings = report.settings;
  const lines = [
    `Target ${report.target}, scenario ${report.scenario}, /v1/${settings.api === "chat" ? "chat/completions" : "completions"}, ` +
      `${settings.requestsPerModel} requests per model per level, max_tokens ${settings.maxTokens}, retries ${settings.retries}`,
    "Times in ms from the client's clock; TTFT = first streamed token, TPOT = time per output token after the first.",
    "",
    line(HEADER),
    ...rows.map(line),
    "",
  ];
  for (const [name, model] of Object.entries(report.models)) {
    for (const [label, count] of Object.entries(model.errors)) lines.push(`${name}: ${count} failed with ${label}`);
  }
  if (report.passed) {
    lines.push(
      `All targets met (TTFT p95 <= ${report.targets.ttftP95Ms} ms, TPOT p95 <= ${report.targets.tpotP95Ms} ms, ` +
        `routing >= ${report.targets.minRoutingAccuracy}).`,
    );
  } else {
    lines.push("Targets missed:", ...report.failures.map((failure) => `  - ${failure}`));
  }
  return lines.join("\n") + "\n";
}
