/** Mean and tail percentiles of one metric; null when there were no samples (e.g. every request failed). */
export interface Summary {
  count: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** Percentile of ascending-sorted samples by linear interpolation between closest ranks (numpy's default). */
export function percentileOfSorted(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (percent / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { count: 0, mean: null, p50: null, p95: null, p99: null };
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    mean: total / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
  };
}

export interface Histogram {
  binStartMs: number;
  binWidthMs: number;
  counts: number[];
}

/** Equal-width bins from the smallest to the largest sample; the largest sample falls in the last bin. */
export function histogram(samples: readonly number[], binCount: number): Histogram {
  if (samples.length === 0) return { binStartMs: 0, binWidthMs: 0, counts: [] };
  // A loop, not Math.min(...samples): spreading a large sample array overflows the call stack.
  let min = samples[0];
  let max = samples[0];
  for (const sample of samples) {
    if (sample < min) min = sample;
    if (sample > max) max = sample;
  }
  const width = max > min ? (max - min) / binCount : 1;
  const counts = new Array<number>(binCount).fill(0);
  for (const sample of samples) {
    counts[Math.min(binCount - 1, Math.floor((sample - min) / width))] += 1;
  }
  return { binStartMs: min, binWidthMs: width, counts };
}
