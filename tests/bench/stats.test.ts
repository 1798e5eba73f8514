import { describe, expect, it } from "vitest";
import { histogram, percentileOfSorted, summarize } from "../../bench/stats";

describe("percentileOfSorted", () => {
  it("interpolates between closest ranks like numpy's default", () => {
    const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentileOfSorted(oneToHundred, 50)).toBeCloseTo(50.5, 10);
    expect(percentileOfSorted(oneToHundred, 95)).toBeCloseTo(95.05, 10);
    expect(percentileOfSorted(oneToHundred, 99)).toBeCloseTo(99.01, 10);
    expect(percentileOfSorted([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 10);
  });

  it("returns the ends at 0 and 100 and the value itself for one sample", () => {
    expect(percentileOfSorted([3, 7, 9], 0)).toBe(3);
    expect(percentileOfSorted([3, 7, 9], 100)).toBe(9);
    expect(percentileOfSorted([42], 95)).toBe(42);
  });

  it("returns null without samples", () => {
    expect(percentileOfSorted([], 50)).toBeNull();
  });
});

describe("summarize", () => {
  it("sorts its input and reports count, mean and p50/p95/p99", () => {
    expect(summarize([10, 1, 4, 3, 2])).toEqual({ count: 5, mean: 4, p50: 3, p95: expect.closeTo(8.8, 10), p99: expect.closeTo(9.76, 10) });
  });

  it("reports nulls, not zeros, when nothing was measured", () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, p50: null, p95: null, p99: null });
  });
});

describe("histogram", () => {
  it("puts samples in equal-width bins from min to max, the max in the last bin", () => {
    expect(histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], 5)).toEqual({ binStartMs: 0, binWidthMs: 2, counts: [2, 2, 2, 2, 2] });
  });

  it("handles identical samples and no samples", () => {
    expect(histogram([7, 7, 7], 4).counts).toEqual([3, 0, 0, 0]);
    expect(histogram([], 4)).toEqual({ binStartMs: 0, binWidthMs: 0, counts: [] });
  });
});
