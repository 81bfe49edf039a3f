import { describe, expect, it } from 'vitest';
import { accuracyPoints, scoreAnswer, speedPoints, streakBonus } from '../../../shared/room/scoring.ts';

describe('speedPoints', () => {
  it.each([
    { score: 1, t: 0, points: 1000 },
    { score: 1, t: 5_000, points: 875 },
    { score: 1, t: 10_000, points: 750 },
    { score: 1, t: 20_000, points: 500 },
    { score: 1, t: 99_000, points: 500 },
    { score: 0.5, t: 0, points: 500 },
    { score: 0.5, t: 20_000, points: 250 },
    { score: 0.25, t: 10_000, points: 188 },
    { score: 0, t: 0, points: 0 },
  ])('gives $points for score $score answered after $t ms of 20 s', ({ score, t, points }) => {
    expect(speedPoints(score, t, 20_000)).toBe(points);
  });

  it('never gives a fully correct answer less than 500', () => {
    for (let t = 0; t <= 30_000; t += 977) expect(speedPoints(1, t, 20_000)).toBeGreaterThanOrEqual(500);
  });
});

describe('streakBonus', () => {
  it.each([
    [0, 0], [1, 0], [2, 100], [3, 200], [6, 500], [7, 500], [40, 500],
  ])('gives the %i-th correct answer in a row %i bonus points', (streak, bonus) => {
    expect(streakBonus(streak)).toBe(bonus);
  });
});

describe('scoreAnswer', () => {
  const facts = { score: 1, correct: true, timeMs: 0, durationMs: 20_000, streakBefore: 3 };

  it('adds the streak bonus to speed points and extends the streak', () => {
    expect(scoreAnswer('speed', facts)).toEqual({ points: 1300, streakBonus: 300, streak: 4 });
  });

  it('ignores time and streak in accuracy mode but still counts the streak', () => {
    expect(scoreAnswer('accuracy', { ...facts, timeMs: 19_000 })).toEqual({ points: 1000, streakBonus: 0, streak: 4 });
  });

  it('resets the streak on a wrong answer and keeps partial credit', () => {
    expect(scoreAnswer('speed', { ...facts, score: 0.5, correct: false })).toEqual({ points: 500, streakBonus: 0, streak: 0 });
    expect(accuracyPoints(0.5)).toBe(500);
  });
});
