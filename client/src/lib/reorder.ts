// Pure list moves for the ordering widget, shared by drag, touch and the keyboard buttons.

/** A copy of `items` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/**
 * Where a dragged item belongs: the number of other items whose middle is above the pointer.
 * `middles` are the vertical centres of all items in their current order, the dragged one included.
 */
export function dropIndex(middles: readonly number[], from: number, pointerY: number): number {
  let index = 0;
  middles.forEach((middle, i) => {
    if (i !== from && middle < pointerY) index++;
  });
  return index;
}
