// Points for one answer. speed: round(1000 × score × (1 − t/T/2)), a fully correct answer never below 500,
// plus +100 per consecutive correct answer after the first, capped at +500. accuracy: round(1000 × score).
import type { ScoringMode } from '../protocol.ts';

export const STREAK_STEP = 100;
export const STREAK_CAP = 500;
export const FULL_MARKS = 1000;

export function speedPoints(score: number, timeMs: number, durationMs: number): number {
  const t = Math.min(Math.max(timeMs, 0), durationMs);
  const points = Math.round(FULL_MARKS * score * (1 - t / durationMs / 2));
  return score >= 1 ? Math.max(points, FULL_MARKS / 2) : points;
}

export const accuracyPoints = (score: number): number => Math.round(FULL_MARKS * score);

/** The bonus for the `streak`-th correct answer in a row (1 = the first: no bonus yet). */
export const streakBonus = (streak: number): number => Math.min(Math.max(streak - 1, 0) * STREAK_STEP, STREAK_CAP);

export interface Scored {
  points: number;
  streakBonus: number;
  streak: number;
}

export interface AnswerFacts {
  score: number;
  correct: boolean;
  timeMs: number;
  durationMs: number;
  /** Consecutive correct answers before this one. */
  streakBefore: number;
}

export function scoreAnswer(mode: ScoringMode, a: AnswerFacts): Scored {
  const score = Math.min(Math.max(a.score, 0), 1);
  const streak = a.correct ? a.streakBefore + 1 : 0;
  if (mode === 'accuracy') return { points: accuracyPoints(score), streakBonus: 0, streak };
  const bonus = a.correct ? streakBonus(streak) : 0;
  return { points: speedPoints(score, a.timeMs, a.durationMs) + bonus, streakBonus: bonus, streak };
}
