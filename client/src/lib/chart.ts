// Bar lengths for BarChart, kept out of the component so the arithmetic is testable.

export interface ChartBar {
  label: string;
  value: number;
  /** e.g. the correct answer: drawn outlined and labelled "Correct", so it is not told by colour alone. */
  highlight?: boolean;
  /** An answer tone (0-5) to match the answer buttons. */
  tone?: number;
}

export interface ChartRow extends ChartBar {
  shortLabel: string;
  length: number;
}

export function chartRows(bars: readonly ChartBar[], max: number | undefined, fullLength: number, maxChars = 44): ChartRow[] {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  const room = Math.max(4, maxChars);
  return bars.map((bar) => ({
    ...bar,
    shortLabel: bar.label.length > room ? `${bar.label.slice(0, room - 1)}…` : bar.label,
    length: top > 0 ? Math.max(0, Math.min(1, bar.value / top)) * fullLength : 0,
  }));
}
