// Review M1 patterns: the answer must come from the pod or the table, and not always from the same field.
import { describe, expect, it } from 'vitest';
import { probeTiming } from '../../../shared/puzzles/probe-timing.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';

const draws = (d: Difficulty, template: string, n = 2000) =>
  Array.from({ length: n }, (_, i) => probeTiming.generate(`ptv-${d}-${i}`, d)).filter((p) => p.template === template);
const num = (text: string, re: RegExp): number | undefined => { const m = text.match(re); return m ? Number(m[1]) : undefined; };

describe('probeTiming: variety the pod decides', () => {
  it('easy probe-grace: the probe-level value is sometimes larger, and sometimes only the pod sets one', () => {
    const kinds = new Set<string>();
    for (const p of draws('easy', 'probe-timing/probe-grace')) {
      const yaml = p.code!.text;
      const probe = num(yaml, /^\s{6,}terminationGracePeriodSeconds: (\d+)/m);
      const pod = num(yaml, /^ {2}terminationGracePeriodSeconds: (\d+)/m);
      expect(p.seconds, yaml).toBe(probe ?? pod ?? 30);
      kinds.add(probe === undefined ? 'pod-only' : pod !== undefined && probe > pod ? 'probe-larger' : 'probe-smaller');
    }
    expect([...kinds].sort()).toEqual(['pod-only', 'probe-larger', 'probe-smaller']);
  });

  it('medium readiness recovery: the answer is one period in at most half the draws', () => {
    const all = draws('medium', 'probe-timing/readiness-recovery-defaults');
    const onePeriod = all.filter((p) => p.seconds === (num(p.code!.text, /periodSeconds: (\d+)/) ?? 10));
    expect(all.length).toBeGreaterThan(50);
    expect(onePeriod.length / all.length).toBeLessThanOrEqual(0.5);
  });

  it('hard backoff total: the prompt names no restart number, so the RESTARTS column is needed', () => {
    const all = draws('hard', 'probe-timing/backoff-total-cap');
    expect(all.length).toBeGreaterThan(50);
    for (const p of all) {
      expect(p.prompt.replace(/pod \S+/, 'pod'), p.prompt).not.toMatch(/\d/);
      expect(p.code!.text).toMatch(/CrashLoopBackOff\s+\d+ \(/);
    }
  });
});
