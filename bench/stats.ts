// Small statistics for the figures: nearest-rank percentiles and medians over plain arrays.

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]): number | null => percentile(values, 50);

/** The classic median (mean of the two middle values): for a handful of per-round figures. */
export function middle(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const max = (values: readonly number[]): number | null =>
  values.length ? values.reduce((a, b) => (b > a ? b : a), -Infinity) : null;

export const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
