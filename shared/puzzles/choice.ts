// Building and grading single- and multiple-choice options, shared by every kind that asks one.
import type { Rng } from '../random.ts';
import { asIdList, asOptionId } from './answers.ts';

export interface Choice {
  id: string;
  label: string;
}

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
 * Multiple choice: each option is a true/false statement; the score is the share of options
 * judged right (ticked when true, left when false). Junk scores 0.
 */
export function multiChoiceScore(choices: readonly Choice[], correctIds: readonly string[], answer: unknown): number {
  const picked = asIdList(answer);
  if (picked === null || !picked.every((id) => choices.some((c) => c.id === id))) return 0;
  const right = choices.filter((c) => picked.includes(c.id) === correctIds.includes(c.id)).length;
  return right / choices.length;
}
