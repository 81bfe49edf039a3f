// Grading an order against dependencies rather than one memorised key:
// every order consistent with the "must come before" pairs scores 1.
import { asIdList } from './answers.ts';
import type { Precedence } from '../model/precedence.ts';

export type { Precedence };

/** Share of precedence pairs the order respects; 0 unless it is a permutation of the item ids. */
export function orderScore(itemIds: readonly string[], pairs: readonly Precedence[], answer: unknown): number {
  const order = asIdList(answer);
  if (order === null || order.length !== itemIds.length || !itemIds.every((id) => order.includes(id))) return 0;
  if (pairs.length === 0) return 1;
  const position = new Map(order.map((id, i) => [id, i]));
  const kept = pairs.filter(([a, b]) => position.get(a)! < position.get(b)!).length;
  return kept / pairs.length;
}

/** The pairs an order breaks, for the explanation. */
export function brokenPairs(pairs: readonly Precedence[], order: readonly string[]): Precedence[] {
  const position = new Map(order.map((id, i) => [id, i]));
  return pairs.filter(([a, b]) => (position.get(a) ?? -1) > (position.get(b) ?? -1));
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
