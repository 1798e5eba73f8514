import { formatMs } from "./format";
import type { Summary } from "./stats";

/** MLPerf-style latency targets plus the routing target; defaults come from bench/args.ts. */
export interface Targets {
  ttftP95Ms: number;
  tpotP95Ms: number;
  minRoutingAccuracy: number;
}

/** true means the target is met; an unmeasured metric (no samples) misses its target. */
export interface ThresholdResults {
  ttftP95: boolean;
  tpotP95: boolean;
  routingAccuracy: boolean;
}

interface MeasuredModel {
  ttftMs: Summary;
  tpotMs: Summary;
  routingAccuracy: number;
}

const atMost = (value: number | null, limit: number): boolean => value !== null && value <= limit;

export function checkThresholds(model: MeasuredModel, targets: Targets): ThresholdResults {
  return {
    ttftP95: atMost(model.ttftMs.p95, targets.ttftP95Ms),
    tpotP95: atMost(model.tpotMs.p95, targets.tpotP95Ms),
    routingAccuracy: model.routingAccuracy >= targets.minRoutingAccuracy,
  };
}

/** One line per missed target, e.g. "Qwen/Qwen2.5-3B-Instruct: TTFT p95 2301 ms > target 2000 ms". */
export function thresholdFailures(models: Record<string, MeasuredModel>, targets: Targets): string[] {
  const failures: string[] = [];
  for (const [name, model] of Object.entries(models)) {
    const met = checkThresholds(model, targets);
    if (!met.ttftP95) {
      failures.push(
        model.ttftMs.p95 === null
          ? `${name}: TTFT p95 not measured (no successful request streamed text)`
          : `${name}: TTFT p95 ${formatMs(model.ttftMs.p95)} ms > target ${targets.ttftP95Ms} ms`,
      );
    }
    if (!met.tpotP95) {
      failures.push(
        model.tpotMs.p95 === null
          ? `${name}: TPOT p95 not measured (no successful request produced 2 or more tokens)`
          : `${name}: TPOT p95 ${formatMs(model.tpotMs.p95)} ms > target ${targets.tpotP95Ms} ms`,
      );
    }
    if (!met.routingAccuracy) {
      failures.push(`${name}: routing accuracy ${model.routingAccuracy.toFixed(3)} < target ${targets.minRoutingAccuracy}`);
    }
  }
  return failures;
}
