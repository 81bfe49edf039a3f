// Grading an order against dependencies rather than one memorised key: every order consistent with the
// "must come before" pairs scores 1, and partial credit counts only what the player fixed (docs/protocol.md,
// "Scoring"): the order as shown scores 0, and so does its reverse, since the shown order keeps at least as
// many pairs as it breaks.
import type { Rng } from '../random.ts';
import { asPermutation } from './answers.ts';
import type { Precedence } from '../model/precedence.ts';

export type { Precedence };

const isKept = (position: ReadonlyMap<string, number>, [a, b]: Precedence): boolean =>
  (position.get(a) ?? -1) < (position.get(b) ?? -1);

const positions = (order: readonly string[]): Map<string, number> => new Map(order.map((id, i) => [id, i]));

/** The pairs an order breaks, for the explanation. */
export function brokenPairs(pairs: readonly Precedence[], order: readonly string[]): Precedence[] {
  const position = positions(order);
  return pairs.filter((pair) => !isKept(position, pair));
}

/**
 * max(0, fixed − spoiled) / broken-in-shown: fixed = pairs the shown order breaks and the answer keeps; spoiled =
 * pairs the shown order keeps and the answer breaks. 0 unless the answer is a permutation of the item ids.
 */
export function orderScore(itemIds: readonly string[], pairs: readonly Precedence[], shown: readonly string[], answer: unknown): number {
  const order = asPermutation(answer, itemIds);
  if (order === null) return 0;
  const inShown = positions(shown);
  const inAnswer = positions(order);
  const brokenInShown = pairs.filter((p) => !isKept(inShown, p));
  if (pairs.every((p) => isKept(inAnswer, p))) return 1;
  if (brokenInShown.length === 0) return 0;
  const fixed = brokenInShown.filter((p) => isKept(inAnswer, p)).length;
  const spoiled = pairs.filter((p) => isKept(inShown, p) && !isKept(inAnswer, p)).length;
  return Math.max(0, fixed - spoiled) / brokenInShown.length;
}

/** One order that respects every pair (Kahn's algorithm, stable in input order). */
export function topologicalOrder(itemIds: readonly string[], pairs: readonly Precedence[]): string[] {
  const remaining = new Set(itemIds);
  const out: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].find((id) => !pairs.some(([a, b]) => b === id && remaining.has(a)));
    if (ready === undefined) throw new Error('precedence pairs form a cycle');
    out.push(ready);
    remaining.delete(ready);
  }
  return out;
}

/** True when the order, as given, already satisfies every pair: a view must never show this. */
export function isSolvedOrder(order: readonly string[], pairs: readonly Precedence[]): boolean {
  return brokenPairs(pairs, order).length === 0;
}

/** Shown orders must break at least one pair and keep at least as many as they break. */
export function isFairShownOrder(order: readonly string[], pairs: readonly Precedence[]): boolean {
  const broken = brokenPairs(pairs, order).length;
  return broken > 0 && pairs.length - broken >= broken;
}

/**
 * The order to show: a shuffle that breaks at least one pair and keeps at least as many as it breaks, so neither
 * sending it untouched nor reversing it earns credit. If shuffles keep missing, a solved order with two neighbours
 * swapped (that breaks exactly one pair). Needs at least two pairs: with one, an unsolved order keeps none.
 */
export function shownOrder(rng: Rng, itemIds: readonly string[], pairs: readonly Precedence[]): string[] {
  for (let i = 0; i < 200; i++) {
    const order = rng.shuffle(itemIds);
    if (isFairShownOrder(order, pairs)) return order;
  }
  const solved = topologicalOrder(rng.shuffle(itemIds), pairs);
  for (let i = 0; i + 1 < solved.length; i++) {
    const order = [...solved];
    [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
    if (isFairShownOrder(order, pairs)) return order;
  }
  throw new Error('no fair order to show: an order puzzle needs at least two dependencies');
}
