import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyTable, hashOf, tableDelete, tableDiff, tableEntries, tableFrom, tableGet, tableSet, tableValues, type Table } from '../../../shared/room/table.ts';

type Op = { set: string; value: number } | { del: string };

/** Pairs of keys whose 32-bit hashes are equal (found by a birthday search), so collision nodes and their
 *  splitting are exercised too. */
const colliding = ['player-10wzx', 'player-1f6cd', 'player-10wzy', 'player-1f6ce', 'player-10wzt', 'player-1f6ch'];
// Few distinct keys, so sets overwrite and deletes hit; some share long hash prefixes by chance at this count.
const key = fc.oneof(
  fc.constantFrom('a', 'b', '__proto__', 'constructor', 'toString', ...colliding),
  fc.integer({ min: 0, max: 400 }).map((i) => `p${i}`),
);
const ops = fc.array(fc.oneof(fc.record({ set: key, value: fc.integer() }), fc.record({ del: key })), { maxLength: 300 });

function play(list: readonly Op[]): { table: Table<number>; model: Map<string, number> } {
  let table = emptyTable<number>();
  const model = new Map<string, number>();
  for (const op of list) {
    if ('set' in op) {
      table = tableSet(table, op.set, op.value);
      model.set(op.set, op.value);
    } else {
      table = tableDelete(table, op.del);
      model.delete(op.del);
    }
  }
  return { table, model };
}

const sorted = (entries: [string, number][]): [string, number][] => entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

describe('table', () => {
  it('stores, reads and deletes values without touching the original', () => {
    const a = tableSet(emptyTable<number>(), 'x', 1);
    const b = tableSet(a, 'y', 2);
    expect([tableGet(a, 'y'), tableGet(b, 'y'), tableGet(b, 'x')]).toEqual([undefined, 2, 1]);
    expect(tableGet(tableDelete(b, 'x'), 'x')).toBeUndefined();
    expect(tableGet(b, 'x')).toBe(1);
    expect([a.size, b.size, tableDelete(b, 'x').size, tableDelete(b, 'nope')]).toEqual([1, 2, 1, b]);
  });

  it('treats prototype names as ordinary keys', () => {
    const t = tableSet(emptyTable<number>(), '__proto__', 7);
    expect(tableGet(t, '__proto__')).toBe(7);
    expect(tableGet(t, 'constructor')).toBeUndefined();
    expect(tableGet(tableFrom([['toString', 3]]), 'toString')).toBe(3);
  });

  it('keeps keys whose hashes collide apart', () => {
    const [x, y] = colliding as [string, string];
    expect(hashOf(x)).toBe(hashOf(y));
    const t = tableSet(tableSet(tableSet(emptyTable<number>(), x, 1), y, 2), 'p1', 3);
    expect([tableGet(t, x), tableGet(t, y), t.size]).toEqual([1, 2, 3]);
    const u = tableDelete(t, x);
    expect([tableGet(u, x), tableGet(u, y), u.size]).toEqual([undefined, 2, 2]);
  });

  it('survives a JSON round trip', () => {
    const t = tableFrom(Array.from({ length: 500 }, (_, i) => [`p${i}`, i] as const));
    const back = JSON.parse(JSON.stringify(t)) as typeof t;
    expect(tableGet(back, 'p123')).toBe(123);
    expect(tableValues(back)).toHaveLength(500);
  });

  it('behaves like a Map under any sequence of sets and deletes, and older versions stay as they were', () => {
    fc.assert(
      fc.property(ops, ops, (first, second) => {
        const before = play(first);
        const snapshot = sorted(tableEntries(before.table));
        let table = before.table;
        const model = new Map(before.model);
        for (const op of second) {
          if ('set' in op) (table = tableSet(table, op.set, op.value)), model.set(op.set, op.value);
          else (table = tableDelete(table, op.del)), model.delete(op.del);
        }
        expect(sorted(tableEntries(table))).toEqual(sorted([...model]));
        expect(table.size).toBe(model.size);
        for (const k of ['a', 'p1', 'p399', '__proto__']) expect(tableGet(table, k)).toBe(model.get(k));
        expect(sorted(tableEntries(before.table))).toEqual(snapshot);
      }),
    );
  });

  it('has one shape per content: built in one pass or by any order of sets and deletes', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const { table, model } = play(list);
        expect(table).toEqual(tableFrom([...model]));
      }),
    );
  });

  it('diffs two versions by exactly the keys whose values differ', () => {
    fc.assert(
      fc.property(ops, ops, (first, second) => {
        const a = play(first);
        let b = a.table;
        for (const op of second) b = 'set' in op ? tableSet(b, op.set, op.value) : tableDelete(b, op.del);
        const seen: [string, number | undefined, number | undefined][] = [];
        tableDiff(a.table, b, (k, x, y) => seen.push([k, x, y]));
        const expected: [string, number | undefined, number | undefined][] = [];
        const keys = new Set([...a.model.keys(), ...tableEntries(b).map(([k]) => k)]);
        for (const k of keys) {
          const x = tableGet(a.table, k);
          const y = tableGet(b, k);
          if (x !== y) expected.push([k, x, y]);
        }
        const order = (l: typeof seen) => l.sort((p, q) => (p[0] < q[0] ? -1 : 1));
        expect(order(seen)).toEqual(order(expected));
      }),
    );
  });

  it('copies a short path per update in a big table, sharing the rest', () => {
    let t = tableFrom(Array.from({ length: 10_000 }, (_, i) => [`player-${i}`, i] as const));
    const before = t;
    t = tableSet(t, 'player-42', -1);
    let visited = 0;
    tableDiff(before, t, () => visited++);
    expect(visited).toBe(1);
    // The two roots share every top-level slot but the one on the path to player-42.
    const slotsOf = (x: Table<number>) => (x.root as unknown as { slots: unknown[] }).slots;
    const shared = slotsOf(t).filter((s, i) => s === slotsOf(before)[i]).length;
    expect(shared).toBe(slotsOf(t).length - 1);
  });
});
