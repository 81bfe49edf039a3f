import { describe, expect, it } from 'vitest';
import {
  backoffDelaySeconds, backoffResetSeconds, backoffSchedule, crashLoopRuns, nextRestartDelaySeconds, nthStartSeconds,
  resetReading, restartsWithin, totalWaitBeforeRestart,
} from '../../../shared/model/backoff.ts';

describe('backoffDelaySeconds (phase.md)', () => {
  it.each([
    [1, 0], [2, 10], [3, 20], [4, 40], [5, 80], [6, 160], [7, 300], [8, 300], [50, 300],
  ])('waits %i → %i s: immediate first, then doubling from 10 s, capped at 300 s', (n, seconds) => {
    expect(backoffDelaySeconds(n)).toBe(seconds);
  });

  it('follows the alpha reduced decay (1 s initial, 60 s cap) when asked', () => {
    expect(backoffSchedule(9, { initialSeconds: 1, maxSeconds: 60 })).toEqual([0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it.each([0, -1, 1.5, NaN])('rejects restart number %s', (n) => {
    expect(() => backoffDelaySeconds(n)).toThrow();
  });
});

describe('totalWaitBeforeRestart', () => {
  it.each([[1, 0], [2, 10], [4, 70], [6, 310], [8, 910]])('adds the waits of restarts 1..%i to %i s', (n, total) => {
    expect(totalWaitBeforeRestart(n)).toBe(total);
  });
});

describe('backoff reset', () => {
  it('resets after 2 × max = 10 minutes, the docs’ figure for the default cap', () => {
    expect(backoffResetSeconds()).toBe(600);
    expect(backoffResetSeconds({ initialSeconds: 1, maxSeconds: 60 })).toBe(120);
  });

  it('restarts at once after a long healthy run, as if it were the first crash', () => {
    expect(nextRestartDelaySeconds(5, 12 * 60)).toBe(0);
  });

  it('keeps doubling after a short run', () => {
    expect(nextRestartDelaySeconds(3, 3 * 60)).toBe(40);
    expect(nextRestartDelaySeconds(0, 5)).toBe(0);
  });
});

describe('reset readings (docs: 10 minutes running; kubelet: more than 2 × max since the previous crash)', () => {
  it('agrees on short runs and on runs of 10 minutes or more', () => {
    expect(resetReading(40, 4 * 60)).toBe('kept');
    expect(resetReading(300, 10 * 60)).toBe('reset');
  });

  it('flags the runs where the two readings differ', () => {
    expect(resetReading(300, 6 * 60)).toBe('depends');
  });
});

describe('crash loop timeline', () => {
  it('counts each wait from the exit: runs of 5 s start at 0, 5, 20, 45, 90', () => {
    expect(crashLoopRuns(5, 5).map((r) => r.startedAt)).toEqual([0, 5, 20, 45, 90]);
    expect(nthStartSeconds(5, 5)).toBe(90);
  });

  it('refuses a first start', () => {
    expect(() => nthStartSeconds(1, 5)).toThrow();
  });
});

describe('restartsWithin', () => {
  it('counts the restarts the back-off leaves room for: each waits 0, 10, 20, 40 … 300 s after a 5 s run', () => {
    expect(restartsWithin(9)).toBe(0);
    expect(restartsWithin(10)).toBe(1);
    expect(restartsWithin(344)).toBe(5);
    expect(restartsWithin(345)).toBe(6);
    expect(restartsWithin(600)).toBe(6);
  });

  it('rules out a crash loop of 22 restarts in 17 minutes', () => {
    expect(restartsWithin(17 * 60)).toBe(8);
  });
});
