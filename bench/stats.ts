// Small statistics for the figures: nearest-rank percentiles and medians over plain arrays.

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]): number | null => percentile(values, 50);

export const max = (values: readonly number[]): number | null =>
  values.length ? values.reduce((a, b) => (b > a ? b : a), -Infinity) : null;

export const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
