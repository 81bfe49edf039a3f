// The contract every puzzle kind fulfils. Names are fixed: the server, the client and external checks rely on them.

export type Difficulty = 'easy' | 'medium' | 'hard';
export const difficulties: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export type PuzzleFormat = 'single' | 'multi' | 'order' | 'number';

/** Everything a player may see before the reveal. Built field by field, never by spreading a puzzle. */
export interface PuzzleView {
  kind: string;
  format: PuzzleFormat;
  prompt: string;
  /** single, multi */
  options?: { id: string; label: string }[];
  /** order: shown shuffled, never already solved */
  items?: { id: string; label: string }[];
  /** number, e.g. 'seconds' */
  unit?: string;
  /** a pod spec, kubectl output… */
  code?: { language: 'yaml' | 'shell' | 'text'; text: string };
  /** container states… */
  table?: { columns: string[]; rows: string[][] };
}

/** single: option id; multi: option ids; order: item ids in order; number. */
export type Answer = string | string[] | number;

/** score is 0..1; the explanation says why, right or wrong. */
export interface Grade {
  score: number;
  correct: boolean;
  explanation: string;
  docUrl: string;
}

export interface PuzzleKind<P> {
  id: string;
  concept: string;
  title: string;
  /** One line for the host's setup screen. */
  description: string;
  /** Deterministic for a seed. */
  generate(seed: string, difficulty: Difficulty): P;
  /** Never contains the solution. */
  publicView(puzzle: P): PuzzleView;
  /** An answer that grade() scores 1. */
  solve(puzzle: P): Answer;
  /** Never throws, even on junk. */
  grade(puzzle: P, answer: unknown): Grade;
}
