// The bench's verdict over several runs (bench/repeats.ts): each target's measure per run, the median, and the
// verdict on the median, from the same measures the one-run table checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figures } from '../../bench/figures.ts';
import { median, overRuns, type Run } from '../../bench/repeats.ts';
import { scenarios } from '../../bench/scenarios.ts';
import { targets } from '../../bench/targets.ts';

const tenK = scenarios.find((s) => s.id === '10k')!;

/** A run's figures: a real 10,000 run's (bench-figures.fixture.json, per-round detail dropped), with the figures a test varies replaced. */
const base = JSON.parse(readFileSync(join(import.meta.dirname, 'bench-figures.fixture.json'), 'utf8')) as { podium: Figures; floor: Figures };
const run = (podium: Partial<Figures>, floor: Partial<Figures> = {}): Run => ({ podium: { ...base.podium, ...podium }, floor: { ...base.floor, ...floor } });

describe('targets over several runs', () => {
  it('takes the median of odd and even counts, and of nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('lists each run\'s ratio to the floor of the same run and judges the median', () => {
    const runs = [run({ joinS: 6 }, { joinS: 5 }), run({ joinS: 10 }, { joinS: 5 }), run({ joinS: 5.5 }, { joinS: 5 })];
    const join = overRuns(tenK, runs).find((t) => t.target === 'join')!;
    expect(join.values.map((v) => Math.round(v! * 100) / 100)).toEqual([1.2, 2, 1.1]);
    expect(join.median).toBeCloseTo(1.2);
    // One bad run of three does not decide it; two do.
    expect(join.met).toBe(true);
    const twoBad = overRuns(tenK, [runs[0]!, runs[1]!, run({ joinS: 7 }, { joinS: 5 })]).find((t) => t.target === 'join')!;
    expect(twoBad.met).toBe(false);
  });

  it('judges absolute targets on Podium\'s own figure, and agrees with the one-run check on a single run', () => {
    const one = [run({ revealLagMs: 150, acksAfterReveal: 0 })];
    const byTarget = Object.fromEntries(overRuns(tenK, one).map((t) => [t.target, t]));
    expect(byTarget['revealLag']!.median).toBe(150);
    expect(byTarget['revealLag']!.met).toBe(false);
    for (const t of tenK.targets) expect(byTarget[t]!.met).toBe(targets[t].check(one[0]!.podium!, one[0]!.floor));
  });

  it('leaves out a run without the figure, and says nothing when no run has it', () => {
    const noFloor: Run = { podium: base.podium, floor: null };
    const join = overRuns(tenK, [noFloor, run({ joinS: 5 }, { joinS: 5 })]).find((t) => t.target === 'join')!;
    expect(join.values[0]).toBeNull();
    expect(join.median).toBe(1);
    expect(overRuns(tenK, [noFloor]).find((t) => t.target === 'join')!.met).toBeNull();
  });
});
