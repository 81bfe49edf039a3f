import { describe, expect, it } from 'vitest';
import { loadPractice, parsePractice, savePractice, storageKey } from '../../client/src/lib/practice-storage.ts';
import { emptyRecord, type PracticeRecord } from '../../client/src/lib/practice.ts';

const good: PracticeRecord = {
  concepts: { Probes: { seen: 5, correct: 3, box: 1 } },
  bestStreak: 7,
  plan: { kindIds: ['probe-a'], difficulty: 'medium' },
};

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

describe('practice storage', () => {
  it('round-trips a record through storage under a versioned key', () => {
    const storage = memoryStorage();
    expect(savePractice(good, storage)).toBe(true);
    expect(storageKey).toMatch(/v1$/);
    expect(loadPractice(storage)).toEqual(good);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"version":1,'],
    ['JSON null', 'null'],
    ['an array', '[1,2]'],
    ['another version', JSON.stringify({ ...good, version: 2 })],
    ['no version', JSON.stringify(good)],
  ])('falls back to defaults for %s', (_case, raw) => {
    expect(parsePractice(raw)).toEqual(emptyRecord());
  });

  it('keeps the good parts of a partly corrupt record and drops the rest', () => {
    const raw = JSON.stringify({
      version: 1,
      bestStreak: -3,
      plan: { kindIds: ['probe-a', 42], difficulty: 'impossible' },
      concepts: {
        Probes: { seen: 5, correct: 3, box: 1 },
        Liar: { seen: 1, correct: 9, box: 0 },
        Boxed: { seen: 1, correct: 1, box: 99 },
        Text: 'hello',
        Fraction: { seen: 1.5, correct: 0, box: 0 },
      },
    });
    const record = parsePractice(raw);
    expect(record.bestStreak).toBe(0);
    expect(record.plan).toBeNull();
    expect(record.concepts).toEqual({ Probes: { seen: 5, correct: 3, box: 1 } });
  });

  it('cannot be used to change an object prototype', () => {
    const record = parsePractice('{"version":1,"concepts":{"__proto__":{"seen":1,"correct":1,"box":0}}}');
    expect(Object.getPrototypeOf(record.concepts)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['seen']).toBeUndefined();
  });

  it('survives a storage that throws, reporting that nothing was saved', () => {
    const broken = { ...memoryStorage(), getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(loadPractice(broken)).toEqual(emptyRecord());
    expect(savePractice(good, broken)).toBe(false);
    expect(savePractice(good, null)).toBe(false);
  });
});
