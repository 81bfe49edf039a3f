// Issue 14's targets, checked against Podium's figures and, for the ratios, the floor's in the same run.
import type { Figures } from './figures.ts';

export type TargetKey =
  | 'noneLost' | 'join' | 'fanoutP95' | 'lastAnswer' | 'revealLag' | 'revealAfterDeadline' | 'acksAfterReveal'
  | 'cpuPerAnswer' | 'peakRss' | 'rssPerConnection';

export interface Target {
  /** How the table states it. */
  text: string;
  /** true: met; false: missed; null: a figure is missing. */
  check(p: Figures, f: Figures | null): boolean | null;
}

const ratioAtMost = (get: (x: Figures) => number | null, limit: number) => (p: Figures, f: Figures | null): boolean | null => {
  const a = get(p);
  const b = f ? get(f) : null;
  return a === null || b === null || b <= 0 ? null : a / b <= limit;
};

const atMost = (get: (x: Figures) => number | null, limit: number) => (p: Figures): boolean | null => {
  const a = get(p);
  return a === null ? null : a <= limit;
};

export const targets: Record<TargetKey, Target> = {
  noneLost: { text: 'none lost', check: (p) => p.failed + p.lost + p.answerErrors + p.missedViews === 0 },
  join: { text: '<= 1.2x floor', check: ratioAtMost((x) => x.joinS, 1.2) },
  fanoutP95: { text: '<= 1.2x floor', check: ratioAtMost((x) => x.fanoutMs.p95, 1.2) },
  lastAnswer: { text: '<= 1.3x floor', check: ratioAtMost((x) => x.lastAnswerMs, 1.3) },
  revealLag: { text: '<= 100 ms', check: atMost((x) => x.revealLagMs, 100) },
  revealAfterDeadline: { text: '<= 100 ms', check: atMost((x) => x.revealAfterDeadlineMs, 100) },
  acksAfterReveal: { text: '0', check: atMost((x) => x.acksAfterReveal, 0) },
  cpuPerAnswer: { text: '<= 3x floor', check: ratioAtMost((x) => x.cpuPerAnswerUs, 3) },
  peakRss: { text: '<= 1.3x after join', check: atMost((x) => x.peakOverJoined, 1.3) },
  rssPerConnection: { text: '<= 1.3x floor', check: ratioAtMost((x) => x.rssPerConnectionKiB, 1.3) },
};

export const verdict = (ok: boolean | null): string => (ok === null ? '?' : ok ? 'PASS' : 'MISS');
