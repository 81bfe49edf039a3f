// A persistent map for the room state: 64 buckets of plain objects, so updating one player copies one bucket
// (about N/64 entries) instead of the whole roster. That keeps an answer O(N/64) in a 5,000-player room while
// the state stays plain JSON (issue 6 saves it as is) and reduce() stays pure.

const BUCKETS = 64;

export type Table<V> = Record<string, V>[];

/** Keys are prefixed so no user-supplied key can collide with Object.prototype (`__proto__`, `constructor`). */
const slot = (key: string): string => `#${key}`;

function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

export function emptyTable<V>(): Table<V> {
  return Array.from({ length: BUCKETS }, () => ({}));
}

export function tableGet<V>(table: Table<V>, key: string): V | undefined {
  const bucket = table[bucketOf(key)];
  return bucket && Object.hasOwn(bucket, slot(key)) ? bucket[slot(key)] : undefined;
}

export function tableSet<V>(table: Table<V>, key: string, value: V): Table<V> {
  const i = bucketOf(key);
  const next = table.slice();
  next[i] = { ...table[i], [slot(key)]: value };
  return next;
}

export function tableDelete<V>(table: Table<V>, key: string): Table<V> {
  const i = bucketOf(key);
  const bucket = table[i];
  if (!bucket || !Object.hasOwn(bucket, slot(key))) return table;
  const next = table.slice();
  next[i] = Object.fromEntries(Object.entries(bucket).filter(([k]) => k !== slot(key)));
  return next;
}

export function tableValues<V>(table: Table<V>): V[] {
  return table.flatMap((bucket) => Object.values(bucket));
}

/** Builds a table from scratch: the O(N) path used once per round (closing it), never per answer. */
export function tableFrom<V>(entries: Iterable<readonly [string, V]>): Table<V> {
  const buckets: Record<string, V>[] = emptyTable<V>();
  for (const [key, value] of entries) buckets[bucketOf(key)]![slot(key)] = value;
  return buckets;
}
