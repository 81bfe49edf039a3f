// Issue 14's targets, checked against Podium's figures and, for the ratios, the floor's in the same run.
import type { Figures } from './figures.ts';

export type TargetKey =
  | 'noneLost' | 'join' | 'fanoutP95' | 'lastAnswer' | 'revealLag' | 'revealAfterDeadline' | 'acksAfterReveal'
  | 'cpuPerAnswer' | 'peakRss' | 'rssPerConnection';

export interface Target {
  /** How the table states it. */
  text: string;
  /** What the target bounds: Podium's figure over the floor's in the same run, or Podium's figure itself (null: a
   *  figure is missing). */
  measure(p: Figures, f: Figures | null): number | null;
  /** The most `measure` may be. */
  limit: number;
  /** true: met; false: missed; null: a figure is missing. */
  check(p: Figures, f: Figures | null): boolean | null;
}

function ratioAtMost(text: string, get: (x: Figures) => number | null, limit: number): Target {
  const measure = (p: Figures, f: Figures | null): number | null => {
    const a = get(p);
    const b = f ? get(f) : null;
    return a === null || b === null || b <= 0 ? null : a / b;
  };
  return { text, measure, limit, check: (p, f) => withinLimit(measure(p, f), limit) };
}

function atMost(text: string, get: (x: Figures) => number | null, limit: number): Target {
  const measure = (p: Figures): number | null => get(p);
  return { text, measure, limit, check: (p) => withinLimit(measure(p), limit) };
}

export const withinLimit = (value: number | null, limit: number): boolean | null => (value === null ? null : value <= limit);

export const targets: Record<TargetKey, Target> = {
  noneLost: atMost('none lost', (p) => p.failed + p.lost + p.answerErrors + p.missedViews, 0),
  join: ratioAtMost('<= 1.2x floor', (x) => x.joinS, 1.2),
  fanoutP95: ratioAtMost('<= 1.2x floor', (x) => x.fanoutMs.p95, 1.2),
  lastAnswer: ratioAtMost('<= 1.3x floor', (x) => x.lastAnswerMs, 1.3),
  revealLag: atMost('<= 100 ms', (x) => x.revealLagMs, 100),
  revealAfterDeadline: atMost('<= 100 ms', (x) => x.revealAfterDeadlineMs, 100),
  acksAfterReveal: atMost('0', (x) => x.acksAfterReveal, 0),
  cpuPerAnswer: ratioAtMost('<= 3x floor', (x) => x.cpuPerAnswerUs, 3),
  peakRss: atMost('<= 1.3x after join', (x) => x.peakOverJoined, 1.3),
  rssPerConnection: ratioAtMost('<= 1.3x floor', (x) => x.rssPerConnectionKiB, 1.3),
};

export const verdict = (ok: boolean | null): string => (ok === null ? '?' : ok ? 'PASS' : 'MISS');
