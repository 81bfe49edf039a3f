// A persistent map for the room state (a hash array mapped trie): 32-way nodes keyed by 5 bits of the key's hash
// at a time, so setting one player copies the path to it (3 small nodes at 10,000 players) and shares the rest.
// An answer or a join therefore costs the same in a room of 30 and of 10,000 (issue 14), reduce() stays pure, and
// two versions of the table can be compared by what they share (tableDiff visits only the paths that differ).
// Nodes are plain objects, so a table survives JSON; no user-supplied key can collide with Object.prototype.

const BITS = 5;
const MASK = (1 << BITS) - 1;

interface Leaf<V> {
  readonly t: 0;
  readonly h: number;
  readonly k: string;
  readonly v: V;
}
interface Branch<V> {
  readonly t: 1;
  /** Bit i set: slot for chunk i is present, at index popcount(bitmap below i). */
  readonly bitmap: number;
  readonly slots: readonly Node<V>[];
}
interface Collision<V> {
  readonly t: 2;
  readonly h: number;
  readonly leaves: readonly Leaf<V>[];
}
type Node<V> = Leaf<V> | Branch<V> | Collision<V>;

export interface Table<V> {
  readonly size: number;
  readonly root: Node<V> | null;
}

/** FNV-1a; exported for tests that need keys whose hashes collide. */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63;
}

const chunk = (hash: number, shift: number): number => (hash >>> shift) & MASK;
const indexOf = (bitmap: number, bit: number): number => popcount(bitmap & (bit - 1));
const leaf = <V>(h: number, k: string, v: V): Leaf<V> => ({ t: 0, h, k, v });

const EMPTY: Table<never> = { size: 0, root: null };
export const emptyTable = <V>(): Table<V> => EMPTY;

function find<V>(node: Node<V> | null, hash: number, key: string): V | undefined {
  let shift = 0;
  while (node !== null) {
    if (node.t === 0) return node.k === key ? node.v : undefined;
    if (node.t === 2) return node.h === hash ? node.leaves.find((l) => l.k === key)?.v : undefined;
    const bit = 1 << chunk(hash, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.slots[indexOf(node.bitmap, bit)]!;
    shift += BITS;
  }
  return undefined;
}

export const tableGet = <V>(table: Table<V>, key: string): V | undefined => find(table.root, hashOf(key), key);

/** Two leaves whose hashes agree up to `shift`: the smallest branch (or collision node) that tells them apart. */
function pair<V>(a: Leaf<V>, b: Leaf<V>, shift: number): Node<V> {
  // Equal hashes share a collision node; different ones differ in some chunk by shift 30 (all 32 bits).
  if (a.h === b.h) return { t: 2, h: a.h, leaves: [a, b] };
  const ca = chunk(a.h, shift);
  const cb = chunk(b.h, shift);
  if (ca === cb) return { t: 1, bitmap: 1 << ca, slots: [pair(a, b, shift + BITS)] };
  return { t: 1, bitmap: (1 << ca) | (1 << cb), slots: ca < cb ? [a, b] : [b, a] };
}

/** `added` reports whether the key was new (the size grows). */
function insert<V>(node: Node<V>, l: Leaf<V>, shift: number, added: { yes: boolean }): Node<V> {
  if (node.t === 0) {
    if (node.k === l.k) return node.v === l.v ? node : l;
    added.yes = true;
    return pair(node, l, shift);
  }
  if (node.t === 2) {
    if (node.h !== l.h) {
      // A collision node sits where its keys first could not be told apart: split on the next chunk.
      added.yes = true;
      return insertAbove(node, l, shift);
    }
    const at = node.leaves.findIndex((x) => x.k === l.k);
    if (at < 0) {
      added.yes = true;
      return { t: 2, h: node.h, leaves: [...node.leaves, l] };
    }
    return { t: 2, h: node.h, leaves: node.leaves.map((x, i) => (i === at ? l : x)) };
  }
  const bit = 1 << chunk(l.h, shift);
  const at = indexOf(node.bitmap, bit);
  const slots = node.slots.slice();
  if ((node.bitmap & bit) === 0) {
    added.yes = true;
    slots.splice(at, 0, l);
    return { t: 1, bitmap: node.bitmap | bit, slots };
  }
  const child = insert(node.slots[at]!, l, shift + BITS, added);
  if (child === node.slots[at]) return node;
  slots[at] = child;
  return { t: 1, bitmap: node.bitmap, slots };
}

function insertAbove<V>(c: Collision<V>, l: Leaf<V>, shift: number): Node<V> {
  const cc = chunk(c.h, shift);
  const cl = chunk(l.h, shift);
  if (cc === cl) return { t: 1, bitmap: 1 << cc, slots: [insertAbove(c, l, shift + BITS)] };
  return { t: 1, bitmap: (1 << cc) | (1 << cl), slots: cc < cl ? [c, l] : [l, c] };
}

export function tableSet<V>(table: Table<V>, key: string, value: V): Table<V> {
  const l = leaf(hashOf(key), key, value);
  if (table.root === null) return { size: 1, root: l };
  const added = { yes: false };
  const root = insert(table.root, l, 0, added);
  return root === table.root ? table : { size: table.size + (added.yes ? 1 : 0), root };
}

/** null: the subtree became empty. A branch left with one leaf collapses into it, so the trie stays canonical. */
function remove<V>(node: Node<V>, hash: number, key: string, shift: number): Node<V> | null | undefined {
  if (node.t === 0) return node.k === key ? null : undefined;
  if (node.t === 2) {
    if (node.h !== hash || !node.leaves.some((l) => l.k === key)) return undefined;
    const leaves = node.leaves.filter((l) => l.k !== key);
    return leaves.length === 1 ? leaves[0]! : { t: 2, h: node.h, leaves };
  }
  const bit = 1 << chunk(hash, shift);
  if ((node.bitmap & bit) === 0) return undefined;
  const at = indexOf(node.bitmap, bit);
  const child = remove(node.slots[at]!, hash, key, shift + BITS);
  if (child === undefined) return undefined;
  if (child === null) {
    const bitmap = node.bitmap & ~bit;
    if (bitmap === 0) return null;
    const slots = node.slots.filter((_, i) => i !== at);
    return slots.length === 1 && slots[0]!.t !== 1 ? slots[0]! : { t: 1, bitmap, slots };
  }
  if (child.t !== 1 && node.slots.length === 1) return child;
  const slots = node.slots.slice();
  slots[at] = child;
  return { t: 1, bitmap: node.bitmap, slots };
}

export function tableDelete<V>(table: Table<V>, key: string): Table<V> {
  if (table.root === null) return table;
  const root = remove(table.root, hashOf(key), key, 0);
  if (root === undefined) return table;
  return root === null ? emptyTable() : { size: table.size - 1, root };
}

function each<V>(node: Node<V> | null, fn: (value: V, key: string) => void): void {
  if (node === null) return;
  if (node.t === 0) fn(node.v, node.k);
  else if (node.t === 2) for (const l of node.leaves) fn(l.v, l.k);
  else for (const s of node.slots) each(s, fn);
}

export const tableForEach = <V>(table: Table<V>, fn: (value: V, key: string) => void): void => each(table.root, fn);

export function tableValues<V>(table: Table<V>): V[] {
  const out: V[] = [];
  each(table.root, (v) => out.push(v));
  return out;
}

export const tableEntries = <V>(table: Table<V>): [string, V][] => {
  const out: [string, V][] = [];
  each(table.root, (v, k) => out.push([k, v]));
  return out;
};

function build<V>(leaves: Leaf<V>[], shift: number): Node<V> {
  if (leaves.length === 1) return leaves[0]!;
  const h = leaves[0]!.h;
  // Keys of one hash share a collision node where they would first have met (as pair() places it).
  if (leaves.every((l) => l.h === h)) return { t: 2, h, leaves };
  const groups = new Map<number, Leaf<V>[]>();
  for (const l of leaves) {
    const c = chunk(l.h, shift);
    const g = groups.get(c);
    if (g) g.push(l);
    else groups.set(c, [l]);
  }
  const chunks = [...groups.keys()].sort((a, b) => a - b);
  const bitmap = chunks.reduce((m, c) => m | (1 << c), 0);
  return { t: 1, bitmap, slots: chunks.map((c) => build(groups.get(c)!, shift + BITS)) };
}

/** Builds a table in one pass (a restore, or closing a round, which rewrites every player). Later duplicates win. */
export function tableFrom<V>(entries: Iterable<readonly [string, V]>): Table<V> {
  const byKey = new Map<string, Leaf<V>>();
  for (const [k, v] of entries) byKey.set(k, leaf(hashOf(k), k, v));
  if (byKey.size === 0) return emptyTable();
  return { size: byKey.size, root: build([...byKey.values()], 0) };
}

/** Every key whose value differs between two versions of a table (undefined: absent on that side), visiting only
 *  the parts the two do not share: O(changes × depth) between a table and one a few steps newer. */
export function tableDiff<V>(prev: Table<V>, next: Table<V>, visit: (key: string, before: V | undefined, after: V | undefined) => void): void {
  diffNodes(prev.root, next.root, 0, visit);
}

function diffNodes<V>(a: Node<V> | null, b: Node<V> | null, shift: number, visit: (key: string, before: V | undefined, after: V | undefined) => void): void {
  if (a === b) return;
  if (a !== null && b !== null && a.t === 1 && b.t === 1) {
    // Same children slots (a change below, no key added or removed at this level): compared in step, and only the
    // children that differ are visited (most of them are shared, issue 14).
    if (a.bitmap === b.bitmap) {
      for (let i = 0; i < a.slots.length; i++) {
        const x = a.slots[i]!;
        const y = b.slots[i]!;
        if (x !== y) diffNodes(x, y, shift + BITS, visit);
      }
      return;
    }
    const bits = a.bitmap | b.bitmap;
    for (let c = 0; c <= MASK; c++) {
      const bit = 1 << c;
      if ((bits & bit) === 0) continue;
      const x = (a.bitmap & bit) === 0 ? null : a.slots[indexOf(a.bitmap, bit)]!;
      const y = (b.bitmap & bit) === 0 ? null : b.slots[indexOf(b.bitmap, bit)]!;
      diffNodes(x, y, shift + BITS, visit);
    }
    return;
  }
  // One key on both sides (every player after a close rewrote them all): compared without building a map.
  if (a !== null && b !== null && a.t === 0 && b.t === 0 && a.k === b.k) {
    if (a.v !== b.v) visit(b.k, a.v, b.v);
    return;
  }
  // A leaf or collision node against anything: few keys on at least one side, compared by key.
  const before = new Map<string, V>();
  each(a, (v, k) => before.set(k, v));
  each(b, (v, k) => {
    const old = before.get(k);
    const had = before.has(k);
    before.delete(k);
    if (!had || old !== v) visit(k, had ? old : undefined, v);
  });
  for (const [k, v] of before) visit(k, v, undefined);
}

function mapNode<V, W>(node: Node<V>, fn: (value: V, key: string) => W): Node<W> {
  if (node.t === 0) return leaf(node.h, node.k, fn(node.v, node.k));
  if (node.t === 2) return { t: 2, h: node.h, leaves: node.leaves.map((l) => leaf(l.h, l.k, fn(l.v, l.k))) };
  return { t: 1, bitmap: node.bitmap, slots: node.slots.map((s) => mapNode(s, fn)) };
}

/** Every value replaced at once, keeping the keys and the shape (closing a round settles every player). */
export function tableMapValues<V, W>(table: Table<V>, fn: (value: V, key: string) => W): Table<W> {
  return table.root === null ? emptyTable() : { size: table.size, root: mapNode(table.root, fn) };
}
