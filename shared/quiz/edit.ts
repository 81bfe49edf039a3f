// Editing a quiz in preview: replace a round (a new seed of the same kind and level, or another kind or level),
// move, remove and add rounds. Pure: fresh entropy arrives as `seed`; every edit returns a new, normalised quiz.
import { kindById, type KindId } from '../puzzles/index.ts';
import type { Difficulty } from '../puzzles/kind.ts';
import { limits } from '../limits.ts';
import { normaliseQuiz, type Quiz, type QuizRound } from './quiz.ts';

/** Seeds tried for a question template the quiz does not use yet. */
const TRIES = 40;

export type Edit = { ok: true; quiz: Quiz } | { ok: false; error: 'no_such_round' | 'too_many_rounds' | 'last_round' };

const templateOf = (r: QuizRound): string => {
  const kind = kindById(r.kind);
  return kind.meta(kind.generate(r.seed, r.difficulty)).template;
};

/** A round of this kind and level from `seed`, preferring a question template no round of the quiz uses yet (the
 *  round being replaced included: "another question like this" must not come back as the same question). */
export function freshRound(quiz: Quiz, kind: KindId, difficulty: Difficulty, seed: string): QuizRound {
  const used = new Set(quiz.rounds.map(templateOf));
  let first: QuizRound | null = null;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const round = { kind, difficulty, seed: attempt === 0 ? seed : `${seed}:${attempt}` };
    if (!used.has(templateOf(round))) return round;
    first ??= round;
  }
  return first!;
}

const withRounds = (quiz: Quiz, rounds: QuizRound[]): Edit => ({ ok: true, quiz: normaliseQuiz({ ...quiz, rounds }) });

/** Replaces round `index` (0-based) by a fresh one; kind and level default to the round's own. */
export function replaceRound(quiz: Quiz, index: number, seed: string, kind?: KindId, difficulty?: Difficulty): Edit {
  const old = quiz.rounds[index];
  if (!old) return { ok: false, error: 'no_such_round' };
  const round = freshRound(quiz, kind ?? old.kind, difficulty ?? old.difficulty, seed);
  return withRounds(quiz, quiz.rounds.map((r, i) => (i === index ? round : r)));
}

/** Moves round `from` to position `to` (both 0-based; `to` is clamped into the list). */
export function moveRound(quiz: Quiz, from: number, to: number): Edit {
  const moving = quiz.rounds[from];
  if (!moving) return { ok: false, error: 'no_such_round' };
  const rest = quiz.rounds.filter((_, i) => i !== from);
  const at = Math.min(Math.max(to, 0), rest.length);
  return withRounds(quiz, [...rest.slice(0, at), moving, ...rest.slice(at)]);
}

export function removeRound(quiz: Quiz, index: number): Edit {
  if (!quiz.rounds[index]) return { ok: false, error: 'no_such_round' };
  if (quiz.rounds.length === 1) return { ok: false, error: 'last_round' };
  return withRounds(quiz, quiz.rounds.filter((_, i) => i !== index));
}

/** Adds a fresh round at the end. */
export function addRound(quiz: Quiz, kind: KindId, difficulty: Difficulty, seed: string): Edit {
  if (quiz.rounds.length >= limits.roundsMax) return { ok: false, error: 'too_many_rounds' };
  return withRounds(quiz, [...quiz.rounds, freshRound(quiz, kind, difficulty, seed)]);
}

export const renameQuiz = (quiz: Quiz, name: string): Quiz => ({ ...quiz, name });
