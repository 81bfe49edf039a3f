// How an option looks: a letter, a shape and a tone, all from its position, so colour is never the only signal.

export const shapes = ['triangle', 'diamond', 'circle', 'square', 'star', 'hexagon'] as const;
export type Shape = (typeof shapes)[number];

export interface AnswerStyle {
  letter: string;
  shape: Shape;
  /** Index into the --tone-N palette. */
  tone: number;
}

export function answerStyle(index: number): AnswerStyle {
  return {
    letter: letterFor(index),
    shape: shapes[index % shapes.length] ?? 'circle',
    tone: index % shapes.length,
  };
}

/** A, B, … Z, then AA, AB…: more options than letters never happens, but it must not break. */
export function letterFor(index: number): string {
  const a = 'A'.charCodeAt(0);
  if (index < 26) return String.fromCharCode(a + index);
  return letterFor(Math.floor(index / 26) - 1) + String.fromCharCode(a + (index % 26));
}

/** The option index a key press picks: letters (a, b…) or digits (1, 2…), or -1. */
export function indexForKey(key: string, count: number): number {
  const lower = key.toLowerCase();
  let index = -1;
  if (/^[a-z]$/.test(lower)) index = lower.charCodeAt(0) - 'a'.charCodeAt(0);
  else if (/^[1-9]$/.test(lower)) index = Number(lower) - 1;
  return index < count ? index : -1;
}
