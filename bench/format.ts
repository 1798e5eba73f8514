/** Milliseconds for people: whole numbers from 100 ms up, one decimal below; "-" when not measured. */
export function formatMs(value: number | null): string {
  if (value === null) return "-";
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function formatRate(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

export function formatShare(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
