// Solo practice on the pure rules: which puzzle comes next, and what an answer does to the learner's record.
// Spaced repetition with Leitner boxes per concept: a miss sends the concept to box 0, which is drawn most often;
// each right answer moves it up one box, drawn half as often as the one below.
import type { Answer, Difficulty, Grade, PuzzleKind, PuzzleView } from '../../../shared/puzzles/kind.ts';

export type KindRegistry = Readonly<Record<string, PuzzleKind<unknown>>>;

export interface ConceptRecord {
  seen: number;
  correct: number;
  /** Leitner box, 0 (just missed) to boxWeights.length - 1 (well known). */
  box: number;
}

export interface PracticePlan {
  kindIds: string[];
  difficulty: Difficulty;
}

export interface PracticeRecord {
  concepts: Record<string, ConceptRecord>;
  bestStreak: number;
  /** The last topics and difficulty chosen, offered again next time. */
  plan: PracticePlan | null;
}

export interface PracticeRound {
  kindId: string;
  concept: string;
  title: string;
  difficulty: Difficulty;
  seed: string;
  view: PuzzleView;
  /** The whole puzzle, solution included: fine in solo practice, where the browser is the referee. */
  puzzle: unknown;
}

export interface Entropy {
  /** A float in [0, 1). */
  random: () => number;
  newSeed: () => string;
}

export const boxWeights: readonly number[] = [8, 4, 2, 1];
/** Concepts never seen start in the middle: behind the ones just missed, ahead of the ones known. */
const newConceptBox = 1;

export function emptyRecord(): PracticeRecord {
  return { concepts: {}, bestStreak: 0, plan: null };
}

export function conceptWeight(record: ConceptRecord | undefined): number {
  return boxWeights[record?.box ?? newConceptBox] ?? 1;
}

export function afterAnswer(record: ConceptRecord | undefined, correct: boolean): ConceptRecord {
  const prev = record ?? { seen: 0, correct: 0, box: newConceptBox };
  return {
    seen: prev.seen + 1,
    correct: prev.correct + (correct ? 1 : 0),
    box: correct ? Math.min(boxWeights.length - 1, prev.box + 1) : 0,
  };
}

export function weightedPick<T>(items: readonly T[], weight: (item: T) => number, random: () => number): T {
  const weights = items.map(weight);
  let roll = random() * weights.reduce((sum, w) => sum + w, 0);
  for (const [i, item] of items.entries()) {
    roll -= weights[i] ?? 0;
    if (roll < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('pick from an empty list');
  return last;
}

/** Kind ids of the plan that exist in the registry, so stale saved plans cannot break a session. */
export function knownKindIds(kinds: KindRegistry, kindIds: readonly string[]): string[] {
  return kindIds.filter((id) => Object.hasOwn(kinds, id));
}

/** A concept by its Leitner weight, then one of its chosen kinds, avoiding the kind just played when it can. */
export function pickKind(kinds: KindRegistry, plan: PracticePlan, record: PracticeRecord, random: () => number, lastKindId: string | null): string {
  const chosen = knownKindIds(kinds, plan.kindIds);
  const concepts = [...new Set(chosen.map((id) => kinds[id]?.concept ?? ''))];
  const concept = weightedPick(concepts, (c) => conceptWeight(record.concepts[c]), random);
  const ofConcept = chosen.filter((id) => kinds[id]?.concept === concept);
  const fresh = ofConcept.filter((id) => id !== lastKindId);
  return weightedPick(fresh.length > 0 ? fresh : ofConcept, () => 1, random);
}

export function newRound(kinds: KindRegistry, plan: PracticePlan, record: PracticeRecord, entropy: Entropy, lastKindId: string | null): PracticeRound {
  const kindId = pickKind(kinds, plan, record, entropy.random, lastKindId);
  const kind = kinds[kindId];
  if (!kind) throw new Error(`unknown puzzle kind ${kindId}`);
  const seed = entropy.newSeed();
  const puzzle = kind.generate(seed, plan.difficulty);
  return { kindId, concept: kind.concept, title: kind.title, difficulty: plan.difficulty, seed, view: kind.publicView(puzzle), puzzle };
}

export function gradeRound(kinds: KindRegistry, round: PracticeRound, answer: Answer): Grade {
  const kind = kinds[round.kindId];
  if (!kind) throw new Error(`unknown puzzle kind ${round.kindId}`);
  return kind.grade(round.puzzle, answer);
}

/** The right answer, shown after grading: practice is the one place the browser may know it. */
export function solutionOf(kinds: KindRegistry, round: PracticeRound): Answer {
  const kind = kinds[round.kindId];
  if (!kind) throw new Error(`unknown puzzle kind ${round.kindId}`);
  return kind.solve(round.puzzle);
}

export function recordAnswer(record: PracticeRecord, concept: string, correct: boolean, streak: number): PracticeRecord {
  return {
    ...record,
    concepts: { ...record.concepts, [concept]: afterAnswer(record.concepts[concept], correct) },
    bestStreak: Math.max(record.bestStreak, streak),
  };
}
