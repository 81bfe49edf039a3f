// The practice record in localStorage. Storage is user-editable and may be missing or full:
// every field is checked on the way in, anything odd falls back to defaults, and nothing here throws.
import { boxWeights, emptyRecord, type ConceptRecord, type PracticePlan, type PracticeRecord } from './practice.ts';
import { difficulties } from '../../../shared/puzzles/kind.ts';

/** Bump the version when the shape changes; old data is then ignored rather than misread. */
export const storageKey = 'podium.practice.v1';
const maxConcepts = 100;
const maxKinds = 100;

export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadPractice(storage: Storage | null = browserStorage()): PracticeRecord {
  try {
    return parsePractice(storage?.getItem(storageKey) ?? null);
  } catch {
    return emptyRecord();
  }
}

/** Returns false when the browser refused (private mode, quota): practice goes on, unsaved. */
export function savePractice(record: PracticeRecord, storage: Storage | null = browserStorage()): boolean {
  try {
    storage?.setItem(storageKey, JSON.stringify({ version: 1, ...record }));
    return storage !== null;
  } catch {
    return false;
  }
}

export function parsePractice(raw: string | null): PracticeRecord {
  const data = parseJson(raw);
  if (!isObject(data) || data['version'] !== 1) return emptyRecord();
  return { concepts: parseConcepts(data['concepts']), bestStreak: count(data['bestStreak']), plan: parsePlan(data['plan']) };
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function count(value: unknown): number {
  return isCount(value) ? value : 0;
}

function parseConcept(value: unknown): ConceptRecord | null {
  if (!isObject(value)) return null;
  const { seen, correct, box } = value;
  if (!isCount(seen) || !isCount(correct) || !isCount(box)) return null;
  return correct <= seen && box < boxWeights.length ? { seen, correct, box } : null;
}

function parseConcepts(value: unknown): Record<string, ConceptRecord> {
  if (!isObject(value)) return {};
  const entries = Object.entries(value)
    .slice(0, maxConcepts)
    .flatMap(([name, raw]) => {
      const parsed = parseConcept(raw);
      return parsed && name.length <= 100 ? [[name, parsed] as const] : [];
    });
  // fromEntries defines own properties, so a key like "__proto__" cannot touch the prototype.
  return Object.fromEntries(entries);
}

function parsePlan(value: unknown): PracticePlan | null {
  if (!isObject(value) || !Array.isArray(value['kindIds'])) return null;
  const difficulty = difficulties.find((d) => d === value['difficulty']);
  const kindIds = value['kindIds'].filter((id): id is string => typeof id === 'string' && id.length <= 64).slice(0, maxKinds);
  return difficulty ? { kindIds, difficulty } : null;
}
