// Building and grading single- and multiple-choice options, shared by every kind that asks one.
// Scoring rules: docs/protocol.md, "Scoring".
import type { Rng } from '../random.ts';
import { asIdList, asOptionId } from './answers.ts';
import type { Choice } from './kind.ts';

export type { Choice };

const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Shuffle the labels and give them ids by position, so the correct one lands anywhere. */
export function shuffledChoices(rng: Rng, labels: readonly string[]): Choice[] {
  return rng.shuffle(labels).map((label, i) => ({ id: OPTION_IDS[i] ?? `o${i}`, label }));
}

export function choiceIdOf(choices: readonly Choice[], label: string): string {
  const found = choices.find((c) => c.label === label);
  if (!found) throw new Error(`no choice labelled ${label}`);
  return found.id;
}

/** 1 for the right id, 0 for anything else (including junk). */
export function singleChoiceScore(correctId: string, answer: unknown): number {
  return asOptionId(answer) === correctId ? 1 : 0;
}

/**
 * Multiple choice: each option is a true or false statement. Credit is the share of true statements ticked less the
 * share of false ones ticked, never below 0: ticking nothing and ticking everything both score 0, exactly the true
 * ones score 1. Junk, or an id the puzzle does not have, scores 0.
 */
export function multiChoiceScore(choices: readonly Choice[], correctIds: readonly string[], answer: unknown): number {
  const picked = asIdList(answer);
  if (picked === null || !picked.every((id) => choices.some((c) => c.id === id))) return 0;
  const trueCount = choices.filter((c) => correctIds.includes(c.id)).length;
  const falseCount = choices.length - trueCount;
  const right = picked.filter((id) => correctIds.includes(id)).length;
  const wrong = picked.length - right;
  const gained = trueCount === 0 ? 1 : right / trueCount;
  const lost = falseCount === 0 ? 0 : wrong / falseCount;
  return Math.max(0, gained - lost);
}
