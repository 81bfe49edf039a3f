// A persistent map for the room state: 128 buckets of [key, value] entries, so updating one player copies
// one small bucket (about N/128 entries) instead of the whole roster. That keeps an answer cheap in a
// 5,000-player room while the state stays plain JSON (issue 6 saves it as is) and reduce() stays pure.
// Entries rather than objects: copying a short array is several times faster than spreading a big object,
// and no user-supplied key can collide with Object.prototype.

const BUCKETS = 128;

export type Table<V> = [string, V][][];

function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

export function emptyTable<V>(): Table<V> {
  return Array.from({ length: BUCKETS }, () => []);
}

export function tableGet<V>(table: Table<V>, key: string): V | undefined {
  return table[bucketOf(key)]?.find((entry) => entry[0] === key)?.[1];
}

export function tableSet<V>(table: Table<V>, key: string, value: V): Table<V> {
  const i = bucketOf(key);
  const bucket = table[i] ?? [];
  const at = bucket.findIndex((entry) => entry[0] === key);
  const next = table.slice();
  next[i] = at < 0 ? [...bucket, [key, value]] : bucket.map((entry, j) => (j === at ? [key, value] : entry));
  return next;
}

export function tableDelete<V>(table: Table<V>, key: string): Table<V> {
  const i = bucketOf(key);
  const bucket = table[i] ?? [];
  if (!bucket.some((entry) => entry[0] === key)) return table;
  const next = table.slice();
  next[i] = bucket.filter((entry) => entry[0] !== key);
  return next;
}

export function tableValues<V>(table: Table<V>): V[] {
  return table.flatMap((bucket) => bucket.map((entry) => entry[1]));
}

/** Builds a table from scratch: the O(N) path used once per round (closing it), never per answer. */
export function tableFrom<V>(entries: Iterable<readonly [string, V]>): Table<V> {
  const buckets = emptyTable<V>();
  for (const [key, value] of entries) buckets[bucketOf(key)]!.push([key, value]);
  return buckets;
}
