// A quiz is a thing a teacher keeps: its settings plus the exact list of rounds (kind, difficulty, seed). Playing a
// quiz plays exactly those rounds, so a quiz played twice, on this server or another, gives the same puzzles.
import { z } from 'zod';
import { RoomSettings } from '../protocol.ts';
import { kindById, type KindId } from '../puzzles/index.ts';
import { planRounds, type RoundPlan } from '../room/rounds.ts';
import { QuizName, QuizRounds, type QuizRound } from './schema.ts';

export { QuizName, QuizRounds, QuizRoundSchema, quizLimits, type QuizRound } from './schema.ts';

export interface Quiz {
  name: string;
  /** kinds and rounds always agree with `rounds` (normaliseQuiz); the rest is how the quiz is played. */
  settings: RoomSettings;
  rounds: QuizRound[];
}

/** A quiz from anywhere (a request, a file): checked, then normalised so settings agree with the rounds. */
export const QuizSchema = z
  .strictObject({ name: QuizName, settings: RoomSettings, rounds: QuizRounds })
  .transform((quiz): Quiz => normaliseQuiz(quiz));

/** Distinct kinds in the order they first appear. */
export const kindsOf = (rounds: readonly QuizRound[]): KindId[] => [...new Set(rounds.map((r) => r.kind))];

/** Settings that say what the rounds are: their kinds and their number. */
export function normaliseQuiz(quiz: Quiz): Quiz {
  return { ...quiz, settings: { ...quiz.settings, kinds: kindsOf(quiz.rounds), rounds: quiz.rounds.length } };
}

/** A new quiz from the host's settings, planned as a live game would be (planRounds), from this seed. */
export function quizFromSettings(name: string, seed: string, settings: RoomSettings): Quiz {
  const rounds = planRounds(seed, settings).map(({ kind, difficulty, seed: s }) => ({ kind, difficulty, seed: s }));
  return normaliseQuiz({ name, settings, rounds });
}

/** The room's plan for exactly these rounds (templates computed from the puzzles). */
export function planOfQuiz(rounds: readonly QuizRound[]): RoundPlan[] {
  return rounds.map(({ kind, difficulty, seed }, i) => {
    const k = kindById(kind);
    return { round: i + 1, kind, difficulty, seed, template: k.meta(k.generate(seed, difficulty)).template };
  });
}
