import { describe, expect, it } from 'vitest';
import { emptyTable, tableDelete, tableFrom, tableGet, tableSet, tableValues } from '../../../shared/room/table.ts';

describe('table', () => {
  it('stores, reads and deletes values without touching the original', () => {
    const a = tableSet(emptyTable<number>(), 'x', 1);
    const b = tableSet(a, 'y', 2);
    expect([tableGet(a, 'y'), tableGet(b, 'y'), tableGet(b, 'x')]).toEqual([undefined, 2, 1]);
    expect(tableGet(tableDelete(b, 'x'), 'x')).toBeUndefined();
    expect(tableGet(b, 'x')).toBe(1);
  });

  it('treats prototype names as ordinary keys', () => {
    const t = tableSet(emptyTable<number>(), '__proto__', 7);
    expect(tableGet(t, '__proto__')).toBe(7);
    expect(tableGet(t, 'constructor')).toBeUndefined();
    expect(tableGet(tableFrom([['toString', 3]]), 'toString')).toBe(3);
  });

  it('survives a JSON round trip', () => {
    const t = tableFrom(Array.from({ length: 500 }, (_, i) => [`p${i}`, i] as const));
    const back = JSON.parse(JSON.stringify(t)) as typeof t;
    expect(tableGet(back, 'p123')).toBe(123);
    expect(tableValues(back)).toHaveLength(500);
  });
});
