// The order the widget starts in: the answer already sent (after a reconnect), else the view's own shuffled order.

export interface OrderItem {
  id: string;
  label: string;
}

export function initialOrder(items: readonly OrderItem[], sent: unknown): OrderItem[] {
  if (!Array.isArray(sent) || sent.length !== items.length) return [...items];
  const byId = new Map(items.map((item) => [item.id, item]));
  const ordered = sent.map((id) => (typeof id === 'string' ? byId.get(id) : undefined));
  return ordered.every((item) => item !== undefined) ? (ordered as OrderItem[]) : [...items];
}
