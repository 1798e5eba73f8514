import { formatMs, formatRate, formatShare } from "./format";
import type { BenchReport, ModelReport } from "./report";
import type { Histogram } from "./stats";

const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];

const CHART = { width: 560, height: 250, left: 56, right: 16, top: 26, bottom: 44 };
const PLOT_WIDTH = CHART.width - CHART.left - CHART.right;
const PLOT_HEIGHT = CHART.height - CHART.top - CHART.bottom;

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #111827; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #d1d5db; padding: 0.25rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #f3f4f6; }
.pass { color: #15803d; font-weight: 600; } .fail { color: #b91c1c; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
svg { background: #fafafa; border: 1px solid #e5e7eb; }
svg text { font-size: 11px; fill: #374151; }
.note { color: #4b5563; font-size: 0.9rem; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Opens a chart whose label is both its accessible name and its visible caption. */
function svgOpen(label: string): string {
  return (
    `<svg width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${escapeHtml(label)}">` +
    `<text x="${CHART.left}" y="11" font-weight="600">${escapeHtml(label)}</text>`
  );
}

function axes(xTitle: string, yTitle: string, yMax: number, yFormat: (value: number) => string): string {
  const bottom = CHART.top + PLOT_HEIGHT;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
    const y = bottom - share * PLOT_HEIGHT;
    return (
      `<line x1="${CHART.left}" y1="${y}" x2="${CHART.left + PLOT_WIDTH}" y2="${y}" stroke="#e5e7eb"/>` +
      `<text x="${CHART.left - 6}" y="${y + 4}" text-anchor="end">${yFormat(share * yMax)}</text>`
    );
  });
  return (
    ticks.join("") +
    `<line x1="${CHART.left}" y1="${bottom}" x2="${CHART.left + PLOT_WIDTH}" y2="${bottom}" stroke="#6b7280"/>` +
    `<line x1="${CHART.left}" y1="${CHART.top}" x2="${CHART.left}" y2="${bottom}" stroke="#6b7280"/>` +
    `<text x="${CHART.left + PLOT_WIDTH / 2}" y="${CHART.height - 6}" text-anchor="middle">${escapeHtml(xTitle)}</text>` +
    `<text x="12" y="${CHART.top + PLOT_HEIGHT / 2}" text-anchor="middle" transform="rotate(-90 12 ${CHART.top + PLOT_HEIGHT / 2})">${escapeHtml(yTitle)}</text>`
  );
}

/** Bars of the end-to-end latency histogram of one model. */
export function latencyHistogramSvg(model: string, latencyHistogram: Histogram, color: string): string {
  const label = `Latency distribution of ${model}`;
  if (latencyHistogram.counts.length === 0) {
    return `${svgOpen(label)}<text x="${CHART.width / 2}" y="${CHART.height / 2}" text-anchor="middle">no successful requests</text></svg>`;
  }
  const maxCount = Math.max(...latencyHistogram.counts);
  const barWidth = PLOT_WIDTH / latencyHistogram.counts.length;
  const bottom = CHART.top + PLOT_HEIGHT;
  const bars = latencyHistogram.counts.map((count, bin) => {
    const height = (count / maxCount) * PLOT_HEIGHT;
    const from = latencyHistogram.binStartMs + bin * latencyHistogram.binWidthMs;
    return (
      `<rect x="${(CHART.left + bin * barWidth + 1).toFixed(1)}" y="${(bottom - height).toFixed(1)}" width="${Math.max(1, barWidth - 2).toFixed(1)}" height="${height.toFixed(1)}" fill="${color}">` +
      `<title>${formatMs(from)}-${formatMs(from + latencyHistogram.binWidthMs)} ms: ${count}</title></rect>`
    );
  });
  const end = latencyHistogram.binStartMs + latencyHistogram.counts.length * latencyHistogram.binWidthMs;
  const xLabels =
    `<text x="${CHART.left}" y="${bottom + 14}" text-anchor="start">${formatMs(latencyHistogram.binStartMs)}</text>` +
    `<text x="${CHART.left + PLOT_WIDTH}" y="${bottom + 14}" text-anchor="end">${formatMs(end)}</text>`;
  return `${svgOpen(label)}${axes("end-to-end latency (ms)", "requests", maxCount, (value) => value.toFixed(0))}${bars.join("")}${xLabels}</svg>`;
}

interface LineSeries {
  name: string;
  color: string;
  dashed: boolean;
  values: Array<number | null>;
}

/** A metric per concurrency level, one line per series; levels are evenly spaced as categories. */
export function levelLineChartSvg(label: string, yTitle: string, levels: number[], series: LineSeries[]): string {
  const measured = series.flatMap((line) => line.values.filter((value): value is number => value !== null));
  const yMax = measured.length === 0 ? 1 : Math.max(...measured) * 1.1 || 1;
  const bottom = CHART.top + PLOT_HEIGHT;
  const xOf = (index: number): number => CHART.left + (levels.length === 1 ? PLOT_WIDTH / 2 : (index / (levels.length - 1)) * PLOT_WIDTH);
  const yOf = (value: number): number => bottom - (value / yMax) * PLOT_HEIGHT;
  const xLabels = levels.map((level, index) => `<text x="${xOf(index)}" y="${bottom + 14}" text-anchor="middle">${level}</text>`);
  const lines = series.map((line) => {
    const points = line.values.flatMap((value, index) => (value === null ? [] : [`${xOf(index).toFixed(1)},${yOf(value).toFixed(1)}`]));
    const dots = points.map((point) => {
      const [x, y] = point.split(",");
      return `<circle cx="${x}" cy="${y}" r="3" fill="${line.color}"/>`;
    });
    return (
      `<polyline points="${points.join(" ")}" fill="none" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="5 4"' : ""}>` +
      `<title>${escapeHtml(line.name)}</title></polyline>${dots.join("")}`
    );
  });
  return `${svgOpen(label)}${axes("concurrency", yTitle, yMax, (value) => formatMs(value))}${xLabels.join("")}${lines.join("")}</svg>`;
}

function modelRow(name: string, model: ModelReport): string {
  const met = model.thresholds;
  const cells = [
    escapeHtml(name),
    `${model.succeeded}/${model.requests}`,
    formatShare(model.routingAccuracy),
    `${model.attempts.mean.toFixed(2)} / ${model.attempts.max}`,
    ...[model.ttftMs, model.tpotMs, model.latencyMs].flatMap((summary) => [formatMs(summary.p50), formatMs(summary.p95), formatMs(summary.p99)]),
    formatMs(model.latencyFromFirstAttemptMs.p95),
    formatRate(model.outputTokensPerSec),
    formatRate(model.requestsPerSec),
    met.ttftP95 && met.tpotP95 && met.routingAccuracy ? '<span class="pass">met</span>' : '<span class="fail">missed</span>',
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join("")}</tr>`;
}

function modelTable(models: Record<string, ModelReport>): string {
  const header = [
    "model", "ok/total", "routed 1st try", "attempts mean / max",
    "TTFT p50", "TTFT p95", "TTFT p99", "TPOT p50", "TPOT p95", "TPOT p99",
    "latency p50", "latency p95", "latency p99", "latency from 1st try p95",
    "output tok/s", "req/s", "targets",
  ];
  const rows = Object.entries(models).map(([name, model]) => modelRow(name, model));
  return `<table><thead><tr>${header.map((title) => `<th>${title}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function sweepSection(report: BenchReport, colorOf: (model: string) => string): string {
  const levels = report.levels.map((level) => level.concurrency);
  const seriesFor = (metric: "ttftMs" | "tpotMs"): LineSeries[] =>
    Object.keys(report.models).flatMap((model) => [
      { name: `${model} p95`, color: colorOf(model), dashed: false, values: report.levels.map((level) => level.models[model][metric].p95) },
      { name: `${model} p50`, color: colorOf(model), dashed: true, values: report.levels.map((level) => level.models[model][metric].p50) },
    ]);
  const tables = report.levels.map((level) => `<h3>Concurrency ${level.concurrency}</h3>${modelTable(level.models)}`);
  return (
    `<h2>By concurrency level</h2><p class="note">Solid line p95, dashed line p50.</p><div class="charts">` +
    levelLineChartSvg("TTFT per concurrency level", "TTFT (ms)", levels, seriesFor("ttftMs")) +
    levelLineChartSvg("TPOT per concurrency level", "TPOT (ms)", levels, seriesFor("tpotMs")) +
    `</div>${tables.join("")}`
  );
}

/** One self-contained page: inline CSS and SVG only, so it opens offline and can be attached anywhere. */
export function renderHtmlReport(report: BenchReport): string {
  const modelNames = Object.keys(report.models);
  const colorOf = (model: string): string => PALETTE[modelNames.indexOf(model) % PALETTE.length];
  const legend = modelNames
    .map((model) => `<span style="color:${colorOf(model)}">&#9632;</span> ${escapeHtml(model)}`)
    .join(" &nbsp; ");
  const verdict = report.passed
    ? `<p class="pass">All targets met.</p>`
    : `<p class="fail">Targets missed:</p><ul>${report.failures.map((failure) => `<li>${escapeHtml(failure)}</li>`).join("")}</ul>`;
  const modelSections = modelNames.map((model) => {
    const errors = Object.entries(report.models[model].errors)
      .map(([label, count]) => `<li>${count} &times; ${escapeHtml(label)}</li>`)
      .join("");
    return (
      `<section><h2>${escapeHtml(model)}</h2>` +
      latencyHistogramSvg(model, report.models[model].latencyHistogram, colorOf(model)) +
      (errors ? `<p>Failed requests:</p><ul>${errors}</ul>` : "") +
      `</section>`
    );
  });
  const settings = report.settings;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Gateway benchmark ${escapeHtml(report.target)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Gateway benchmark</h1>
<p>Target <code>${escapeHtml(report.target)}</code>, scenario <b>${report.scenario}</b>, started ${escapeHtml(report.startedAt)}.
${settings.requestsPerModel} requests per model${report.levels.length > 1 ? " per level" : ""}, concurrency ${settings.concurrencyLevels.join(", ")},
max_tokens ${settings.maxTokens}, /v1/${settings.api === "chat" ? "chat/completions" : "completions"}, retries ${settings.retries}.</p>
<p class="note">Times in ms on the client's clock. TTFT: time to the first streamed token. TPOT: (last token - first token) / (output tokens - 1).
Output tokens/s counts completion tokens only.${report.levels.length > 1 ? " The summary pools all concurrency levels." : ""}</p>
${verdict}
<h2>Summary</h2>
${modelTable(report.models)}
<p>${legend}</p>
${report.levels.length > 1 ? sweepSection(report, colorOf) : ""}
<h2>Latency distribution</h2>
${modelSections.join("\n")}
</body>
</html>
`;
}
