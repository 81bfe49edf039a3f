// The solo practice session as reactive state: the engine (practice.ts) plus the streak and persistence.
import {
  emptyRecord,
  gradeRound,
  knownKindIds,
  newRound,
  recordAnswer,
  solutionOf,
  type Entropy,
  type KindRegistry,
  type PracticePlan,
  type PracticeRecord,
  type PracticeRound,
} from './practice.ts';
import { loadPractice, savePractice } from './practice-storage.ts';
import type { Answer, Grade } from '../../../shared/puzzles/kind.ts';

export class PracticeSession {
  record = $state.raw<PracticeRecord>(emptyRecord());
  round = $state.raw<PracticeRound | null>(null);
  grade = $state.raw<Grade | null>(null);
  sent = $state.raw<Answer | null>(null);
  solution = $state.raw<Answer | null>(null);
  streak = $state(0);
  error = $state('');
  /** False once the browser refused to save (private mode, full storage). */
  saving = $state(true);

  readonly #kinds: KindRegistry;
  readonly #entropy: Entropy;
  readonly #storage: Storage | null;

  constructor(kinds: KindRegistry, entropy: Entropy, storage: Storage | null) {
    this.#kinds = kinds;
    this.#entropy = entropy;
    this.#storage = storage;
    this.record = loadPractice(storage);
  }

  start(plan: PracticePlan): void {
    const kindIds = knownKindIds(this.#kinds, plan.kindIds);
    if (kindIds.length === 0) {
      this.error = 'Pick at least one topic.';
      return;
    }
    this.#save({ ...this.record, plan: { kindIds, difficulty: plan.difficulty } });
    this.next();
  }

  next(): void {
    const plan = this.record.plan;
    if (!plan) return;
    try {
      this.round = newRound(this.#kinds, plan, this.record, this.#entropy, this.round?.kindId ?? null);
      this.grade = null;
      this.sent = null;
      this.solution = null;
      this.error = '';
    } catch {
      this.error = 'That puzzle could not be made. Try the next one.';
    }
  }

  answer(answer: Answer): void {
    const round = this.round;
    if (!round || this.grade) return;
    const grade = gradeRound(this.#kinds, round, answer);
    this.sent = answer;
    this.solution = solutionOf(this.#kinds, round);
    this.grade = grade;
    this.streak = grade.correct ? this.streak + 1 : 0;
    this.#save(recordAnswer(this.record, round.concept, grade.correct, this.streak));
  }

  /** Back to the topic picker; the record stays. */
  stop(): void {
    this.round = null;
    this.grade = null;
    this.sent = null;
    this.solution = null;
  }

  /** Forget accuracy and the best streak, keep the chosen topics. */
  reset(): void {
    this.streak = 0;
    this.#save({ ...emptyRecord(), plan: this.record.plan });
  }

  #save(record: PracticeRecord): void {
    this.record = record;
    this.saving = savePractice(record, this.#storage);
  }
}
