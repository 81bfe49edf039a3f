// The order the widget starts in: the answer already sent (after a reconnect), else the view's own shuffled order.
import { asPermutation } from '../../../shared/puzzles/answers.ts';
import type { Choice } from '../../../shared/puzzles/kind.ts';

export type OrderItem = Choice;

export function initialOrder(items: readonly OrderItem[], sent: unknown): OrderItem[] {
  const order = asPermutation(sent, items.map((item) => item.id));
  if (order === null) return [...items];
  const byId = new Map(items.map((item) => [item.id, item]));
  return order.map((id) => byId.get(id)!);
}
