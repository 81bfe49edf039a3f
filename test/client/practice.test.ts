import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/random.ts';
import {
  afterAnswer,
  conceptWeight,
  emptyRecord,
  gradeRound,
  newRound,
  pickKind,
  recordAnswer,
  type Entropy,
  type PracticePlan,
  type PracticeRecord,
} from '../../client/src/lib/practice.ts';
import { accuracyBars, groupByConcept } from '../../client/src/lib/concepts.ts';
import { allFakeIds, fakeKinds } from './fake-kinds.ts';

const plan: PracticePlan = { kindIds: allFakeIds, difficulty: 'easy' };

function seededEntropy(seed: string): Entropy {
  const rng = createRng(seed);
  let n = 0;
  return { random: () => rng.next(), newSeed: () => `${seed}-${n++}` };
}

/** Plays `rounds` puzzles for a learner who misses every puzzle of the concepts in `weak`; counts picks per concept. */
function simulate(weak: string[], rounds: number): Record<string, number> {
  const entropy = seededEntropy('spaced-repetition');
  let record: PracticeRecord = emptyRecord();
  let last: string | null = null;
  const picks: Record<string, number> = {};
  for (let i = 0; i < rounds; i++) {
    const round = newRound(fakeKinds, plan, record, entropy, last);
    const grade = gradeRound(fakeKinds, round, weak.includes(round.concept) ? 'no' : 'yes');
    record = recordAnswer(record, round.concept, grade.correct, 0);
    picks[round.concept] = (picks[round.concept] ?? 0) + 1;
    last = round.kindId;
  }
  return picks;
}

describe('practice engine', () => {
  it('brings a concept the learner keeps missing back far more often than the ones they know', () => {
    const picks = simulate(['Probes'], 3000);
    const probes = picks['Probes'] ?? 0;
    expect(probes / 3000).toBeGreaterThan(0.6);
    expect(probes).toBeGreaterThan(4 * (picks['Init containers'] ?? 0));
    expect(probes).toBeGreaterThan(4 * (picks['Sidecars'] ?? 0));
  });

  it('spreads practice evenly over concepts when every answer is right', () => {
    const picks = simulate([], 3000);
    for (const concept of ['Probes', 'Init containers', 'Sidecars']) {
      expect((picks[concept] ?? 0) / 3000).toBeGreaterThan(0.25);
      expect((picks[concept] ?? 0) / 3000).toBeLessThan(0.42);
    }
  });

  it('sends a concept to the first box on a miss and up one box per right answer, up to the last', () => {
    let record = afterAnswer(undefined, true);
    expect(record).toEqual({ seen: 1, correct: 1, box: 2 });
    record = afterAnswer(afterAnswer(record, true), true);
    expect(record.box).toBe(3);
    record = afterAnswer(record, false);
    expect(record).toEqual({ seen: 4, correct: 3, box: 0 });
    expect(conceptWeight(record)).toBeGreaterThan(conceptWeight(undefined));
    expect(conceptWeight(undefined)).toBeGreaterThan(conceptWeight({ seen: 3, correct: 3, box: 3 }));
  });

  it('avoids the kind just played when its concept has another chosen kind', () => {
    const record: PracticeRecord = { ...emptyRecord(), concepts: { Probes: { seen: 1, correct: 0, box: 0 } } };
    const probesOnly: PracticePlan = { kindIds: ['probe-a', 'probe-b'], difficulty: 'easy' };
    const rng = createRng('avoid');
    for (let i = 0; i < 50; i++) expect(pickKind(fakeKinds, probesOnly, record, rng.next, 'probe-a')).toBe('probe-b');
  });

  it('ignores kind ids the registry does not know (a stale saved plan)', () => {
    const stale: PracticePlan = { kindIds: ['gone', 'init-a'], difficulty: 'hard' };
    const rng = createRng('stale');
    for (let i = 0; i < 20; i++) expect(pickKind(fakeKinds, stale, emptyRecord(), rng.next, null)).toBe('init-a');
  });

  it('generates each round from a fresh seed at the chosen difficulty and grades it locally', () => {
    const entropy = seededEntropy('fresh');
    const a = newRound(fakeKinds, plan, emptyRecord(), entropy, null);
    const b = newRound(fakeKinds, plan, emptyRecord(), entropy, null);
    expect(a.seed).not.toBe(b.seed);
    expect(a.view.prompt).toBe(`Puzzle ${a.seed}`);
    expect(gradeRound(fakeKinds, a, 'yes').correct).toBe(true);
    expect(gradeRound(fakeKinds, a, 'no').correct).toBe(false);
  });

  it('keeps the best streak when a streak breaks', () => {
    let record = recordAnswer(emptyRecord(), 'Probes', true, 4);
    record = recordAnswer(record, 'Probes', false, 0);
    expect(record.bestStreak).toBe(4);
    expect(record.concepts['Probes']).toEqual({ seen: 2, correct: 1, box: 0 });
  });
});

describe('concept grouping and accuracy', () => {
  it('groups kinds by concept in registry order', () => {
    expect(groupByConcept(fakeKinds).map((g) => [g.concept, g.kinds.map((k) => k.id)])).toEqual([
      ['Probes', ['probe-a', 'probe-b']],
      ['Init containers', ['init-a']],
      ['Sidecars', ['sidecar-a']],
    ]);
  });

  it('charts accuracy per concept answered, weakest first', () => {
    const record: PracticeRecord = {
      ...emptyRecord(),
      concepts: { Probes: { seen: 4, correct: 1, box: 0 }, Sidecars: { seen: 2, correct: 2, box: 3 }, Init: { seen: 0, correct: 0, box: 1 } },
    };
    expect(accuracyBars(record)).toEqual([
      { label: 'Probes (1/4)', value: 25 },
      { label: 'Sidecars (2/2)', value: 100 },
    ]);
  });
});
