// How far V8 lets the old generation grow past its live size before the next full collection
// (docs/operations.md, "Memory"). V8 picks that factor itself, up to 4× when its heap limit is large: on a
// machine or a container with gigabytes to spare a 10,000-player room's RSS climbed to 1.8× its after-join size
// over a game before one full collection brought it down, while a pod with a 1.5 GiB limit gets at most 1.5× (V8
// scales the factor down with the heap limit). Fixing it makes the climb the same wherever the server runs, and
// V8 still collects incrementally and concurrently (short pauses), only sooner. `--heap-growing-percent` is read
// at every limit V8 computes, so setting it at start-up applies from the next full collection on.
import { setFlagsFromString } from 'node:v8';

/** The factor the server runs with: the next full collection when the old generation reaches 1.3× what the last
 *  one left, inside the 1.1–1.5 V8 picks for itself in a pod with a 1.5 GiB limit. The bench measured a 10,000-player
 *  room's peak at 1.30–1.35× its after-join RSS with it (1.27–1.29× with 20 %) running the bundle `npm start` runs;
 *  under tsx, whose own memory sat in the after-join figure, 1.25×, 1.35× with 50 % and 1.7–1.8× with V8's choice. */
export const DEFAULT_HEAP_GROWING_PERCENT = 30;

/** PODIUM_HEAP_GROWING_PERCENT: unset → the default; `off` → V8's own choice; else a whole number 10–300. */
export function heapGrowingPercent(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const value = raw.trim();
  if (value === 'off') return null;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 10 || n > 300) {
    throw new Error(`PODIUM_HEAP_GROWING_PERCENT must be a whole number from 10 to 300, or off (got "${raw}")`);
  }
  return n;
}

/** Sets V8's heap growing factor for this process; null leaves V8's own. */
export function applyHeapGrowth(percent: number | null): void {
  if (percent !== null) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
