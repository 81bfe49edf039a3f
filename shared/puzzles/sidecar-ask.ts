// What a sidecar-lifecycle question is, as plain data (puzzles are stored with the room, so no functions inside):
// a single choice with its options by key, an order by stages, or a number; and the rules and reasons behind it.
import type { RuleId } from '../model/rules/index.ts';
import type { Difficulty, Picture, TableBlock } from './kind.ts';
import type { Rng } from '../random.ts';

export interface Option { key: string; label: string }

interface AskCommon {
  template: string;
  prompt: string;
  yaml: string;
  table?: TableBlock;
  rules: RuleId[];
  /** The lines that explain the answer, in words. */
  why: string[];
  docUrl: string;
  /** Drawn at the reveal: the start or stop sequence, or a timeline. */
  picture?: Picture;
}

export interface SingleAsk extends AskCommon {
  format: 'single';
  /** Four options, not yet shuffled. */
  options: Option[];
  /** The right option, as the model decides it. */
  key: string;
  /** The right answer as a player reads it, names masked. */
  answerKey: string;
}

export interface OrderAsk extends AskCommon {
  format: 'order';
  /** Containers signalled (or started) together form one stage; stages are in order. */
  stages: string[][];
  /** Item label by container name. */
  labels: Record<string, string>;
  /** What each stage waits for, shown per dependency. */
  stageNotes: string[];
}

export interface NumberAsk extends AskCommon {
  format: 'number';
  value: number;
  answerKey: string;
}

export type Ask = SingleAsk | OrderAsk | NumberAsk;

export interface Template {
  id: string;
  levels: readonly Difficulty[];
  /** single: the answers the model can give at this level, drawn evenly; order and number: one entry. */
  keys(level: Difficulty): readonly string[];
  make(rng: Rng, level: Difficulty, key: string): Ask;
}

/** Options and the answer key from label makers: the real names for the players, masked names for the figures. */
export function optionsOf<N extends Record<string, string>>(
  labels: Record<string, (n: N) => string>, names: N, mask: N, key: string,
): { options: Option[]; answerKey: string } {
  const make = labels[key];
  if (!make) throw new Error(`no option for key ${key}`);
  return { options: Object.entries(labels).map(([k, f]) => ({ key: k, label: f(names) })), answerKey: make(mask) };
}

/** Fails generation when the model's answer is not the one the template set out to build: answer-first, checked. */
export function checked(wanted: string, got: string, template: string): string {
  if (wanted !== got) throw new Error(`${template}: built for ${wanted}, the model says ${got}`);
  return got;
}
