// Shape checks for untrusted answers. grade() receives `unknown`; these narrow it without throwing.

const MAX_IDS = 64;

export function asOptionId(answer: unknown): string | null {
  return typeof answer === 'string' && answer.length <= 64 ? answer : null;
}

/** A list of distinct string ids, or null if the answer is anything else. */
export function asIdList(answer: unknown): string[] | null {
  if (!Array.isArray(answer) || answer.length > MAX_IDS) return null;
  if (!answer.every((x): x is string => typeof x === 'string' && x.length <= 64)) return null;
  return new Set(answer).size === answer.length ? answer : null;
}

export function asNumber(answer: unknown): number | null {
  return typeof answer === 'number' && Number.isFinite(answer) ? answer : null;
}
