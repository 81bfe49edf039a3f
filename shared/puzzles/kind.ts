// The contract every puzzle kind fulfils (docs/protocol.md, "Puzzles"). Names are fixed: the server, the client
// and external checks rely on them. Views and answers are unions by format, so a single-choice view cannot carry
// items and an order answer is always a list.
import type { RuleId } from '../model/rules/index.ts';

export type Difficulty = 'easy' | 'medium' | 'hard';
export const difficulties: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export interface Choice { id: string; label: string }
/** A pod spec, kubectl output…: at most 16 lines, so it reads from the back of a room. */
export interface CodeBlock { language: 'yaml' | 'shell' | 'text'; text: string }
/** Container states…: at most 5 columns. */
export interface TableBlock { columns: string[]; rows: string[][] }

export interface ViewCommon { kind: string; prompt: string; code?: CodeBlock; table?: TableBlock }
export interface SingleView extends ViewCommon { format: 'single'; options: Choice[] }
export interface MultiView extends ViewCommon { format: 'multi'; options: Choice[] }
/** Items shown in an order that is never already solved. */
export interface OrderView extends ViewCommon { format: 'order'; items: Choice[] }
/** unit, e.g. 'seconds'. */
export interface NumberView extends ViewCommon { format: 'number'; unit: string }
/** Everything a player may see before the reveal. Built field by field, never by spreading a puzzle. */
export type PuzzleView = SingleView | MultiView | OrderView | NumberView;
export type PuzzleFormat = PuzzleView['format'];
export type ViewOf<F extends PuzzleFormat> = Extract<PuzzleView, { format: F }>;

/** single: option id; multi: option ids; order: item ids in order; number. */
export interface AnswerByFormat { single: string; multi: string[]; order: string[]; number: number }
/** The wire shape: string | string[] | number. */
export type Answer = AnswerByFormat[PuzzleFormat];

/** What an explanation line points at, so the reveal can highlight it beside the answer. */
export interface Evidence {
  /** 1-based line numbers in view.code.text. */
  codeLines?: number[];
  /** 0-based into view.table.rows / columns. */
  cells?: { row: number; column: number }[];
  /** The statement(s) / option(s) this line is about. */
  optionIds?: string[];
  /** Order items this line is about. */
  itemIds?: string[];
}
export interface ExplanationLine { text: string; evidence?: Evidence }

/** score is 0..1; the lines say why, right or wrong. */
export interface Grade {
  score: number;
  /** score === 1 */
  correct: boolean;
  /** The lines' texts joined with ' ' (reports, CSV, screen readers). */
  explanation: string;
  /** single/number: 1–3 lines, ≤ ~60 words in all; multi: one short line per statement; order: one per dependency.
   *  Rules are named in words, never by internal codes. */
  lines: ExplanationLine[];
  /** The kubernetes.io section that supports this claim. */
  docUrl: string;
}

/** What a puzzle exercises: never sent before the reveal. */
export interface PuzzleMeta {
  /** Question template id, unique across the registry, e.g. 'pod-phase/init-failed-never'. */
  template: string;
  /** Rules the answer depends on, from the model. */
  rules: RuleId[];
  /** The correct answer as a player reads it, instance names masked; null for order. */
  answerKey: string | null;
  /** multi only: the wording id and truth of each statement. */
  statements?: { optionId: string; wording: string; truth: boolean }[];
}

/** A reveal picture drawn from the model's data. */
export type Picture =
  | {
      type: 'timeline';
      unit: 's';
      /** The axis runs 0..end seconds. */
      end: number;
      tracks: {
        label: string;
        marks: { at: number; label: string; tone: 'start' | 'ok' | 'fail' | 'restart' | 'ready' | 'stop' | 'wait' }[];
      }[];
      /** Where the asked-for moment is. */
      answerAt?: number;
    }
  | { type: 'sequence'; lanes: { label: string; steps: { id: string; label: string; note?: string }[] }[] };

export interface PuzzleKind<P> {
  id: string;
  concept: string;
  title: string;
  /** One line for the host's setup screen, sentence case. */
  description: string;
  /** ≥ 8 per level; hard shares none with easy or medium. Empty for a level the kind does not offer. */
  templates: Record<Difficulty, readonly string[]>;
  /** The levels the kind offers, when not all three (which-tool has no honest hard level); the round planner
   *  plays the nearest offered level instead (shared/puzzles/levels.ts offeredLevel). */
  levels?: readonly Difficulty[];
  /** Deterministic for a seed; answer-first for state-reading kinds. */
  generate(seed: string, difficulty: Difficulty): P;
  /** Field by field, never the solution. */
  publicView(puzzle: P): PuzzleView;
  /** An answer that grade() scores 1. */
  solve(puzzle: P): Answer;
  /** Never throws, even on junk. */
  grade(puzzle: P, answer: unknown): Grade;
  /** Never sent before the reveal. */
  meta(puzzle: P): PuzzleMeta;
  /** Reveal only. */
  picture?(puzzle: P): Picture | null;
}
