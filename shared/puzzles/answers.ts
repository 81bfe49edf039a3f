// The one place that knows what an answer looks like for each format. Untrusted input (a socket payload, a
// reconnecting client's stored answer, a grade() argument) is `unknown` until one of these narrows it.
import { limits } from '../limits.ts';
import type { AnswerByFormat, Choice, PuzzleFormat, PuzzleView } from './kind.ts';

const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= limits.idMaxLength;

/** A list of distinct ids, or null. */
function idList(answer: unknown): string[] | null {
  if (!Array.isArray(answer) || answer.length > limits.answerItemsMax) return null;
  if (!answer.every(isId)) return null;
  return new Set(answer).size === answer.length ? answer : null;
}

/** One parser per format: the answer as that format's type, or null when it has another shape. */
export const answerShapes: { [F in PuzzleFormat]: (answer: unknown) => AnswerByFormat[F] | null } = {
  single: (answer) => (isId(answer) ? answer : null),
  multi: idList,
  order: idList,
  number: (answer) => (typeof answer === 'number' && Number.isFinite(answer) ? answer : null),
};

export function answerAs<F extends PuzzleFormat>(format: F, answer: unknown): AnswerByFormat[F] | null {
  return answerShapes[format](answer) as AnswerByFormat[F] | null;
}

/** The answer as an option id of this view, or null. */
export function asOptionId(answer: unknown, options?: readonly Choice[]): string | null {
  const id = answerShapes.single(answer);
  return id !== null && (!options || options.some((o) => o.id === id)) ? id : null;
}

/** The answer as a list of distinct ids, or null. */
export const asIdList = (answer: unknown): string[] | null => answerShapes.order(answer);

export const asNumber = (answer: unknown): number | null => answerShapes.number(answer);

/** The answer as a permutation of these ids, or null. */
export function asPermutation(answer: unknown, ids: readonly string[]): string[] | null {
  const order = asIdList(answer);
  return order !== null && order.length === ids.length && ids.every((id) => order.includes(id)) ? order : null;
}

/** The labelled things an answer refers to: options for single and multi, items for order, none for number. */
export function choicesOf(view: PuzzleView): readonly Choice[] {
  switch (view.format) {
    case 'single':
    case 'multi':
      return view.options;
    case 'order':
      return view.items;
    case 'number':
      return [];
  }
}

/**
 * An answer in words, one entry per option or item, in the answer's order ("30 seconds" for a number).
 * Ids the view does not know are shown as they are; an answer of the wrong shape gives no words.
 */
export function answerLabels(view: PuzzleView, answer: unknown): string[] {
  if (view.format === 'number') {
    const n = answerShapes.number(answer);
    return n === null ? [] : [view.unit ? `${n} ${view.unit}` : String(n)];
  }
  const ids = view.format === 'single' ? [answerShapes.single(answer)].filter((id) => id !== null) : (answerShapes[view.format](answer) ?? []);
  const labels = new Map(choicesOf(view).map((o) => [o.id, o.label]));
  return ids.map((id) => labels.get(id) ?? id);
}

/** The option or item ids an answer refers to (for highlighting and counts); none for a number. */
export function answerIds(format: PuzzleFormat, answer: unknown): string[] {
  if (format === 'number') return [];
  if (format === 'single') {
    const id = answerShapes.single(answer);
    return id === null ? [] : [id];
  }
  return answerShapes[format](answer) ?? [];
}
