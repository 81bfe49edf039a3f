// Closing a round: the one O(N) pass per round. Totals, streaks, history, ranks and the distribution are settled
// in that pass, so views and per-player messages afterwards are O(1) per player. Nothing here needs saving beyond
// the room record: every total is a function of the answers already on disk (restore.ts rebuilds them).
import type { Answer } from '../puzzles/kind.ts';
import { answerIds } from '../puzzles/answers.ts';
import { kindById } from '../puzzles/index.ts';
import type { Distribution, RevealInfo } from './view-types.ts';
import { commonOf, type PlayerState, type QuestionRoom, type QuestionState, type RevealRoom, type Slot } from './state.ts';
import { answerIn, withRound } from './players.ts';
import { compareStanding } from './ranking.ts';
import { tableMapValues } from './table.ts';
import { revealDeadline } from './rounds.ts';

export const missed = (round: number): Slot => ({
  round, answer: null, at: null, timeMs: null, score: 0, correct: false, points: 0, streakBonus: 0,
});

/** A player's totals after one more closed round (the same fold restore.ts replays over the saved answers). */
export const settled = (player: PlayerState, slot: Slot): PlayerState =>
  withRound(player, null, player.score + slot.points, slot.correct ? player.streak + 1 : 0, [...player.history, slot]);

/** Counts the answers of a round as they are settled. */
export class Tally {
  readonly d: Distribution = { correct: 0, partial: 0, wrong: 0, none: 0 };
  #total = 0;
  #answered = 0;
  readonly #options: Map<string, number> | null;
  readonly #format: QuestionState['view']['format'];

  constructor(question: QuestionState) {
    const { view } = question;
    this.#format = view.format;
    this.#options = view.format === 'single' || view.format === 'multi' ? new Map(view.options.map((o) => [o.id, 0])) : null;
  }

  add(s: Slot): void {
    if (s.answer === null) {
      this.d.none++;
      return;
    }
    if (s.score >= 1) this.d.correct++;
    else if (s.score > 0) this.d.partial++;
    else this.d.wrong++;
    this.#total += s.score;
    this.#answered++;
    if (this.#options) for (const id of answerIds(this.#format, s.answer)) {
      const n = this.#options.get(id);
      if (n !== undefined) this.#options.set(id, n + 1);
    }
  }

  distribution(): Distribution {
    return this.#options ? { ...this.d, options: [...this.#options].map(([id, count]) => ({ id, count })) } : { ...this.d };
  }

  averageScore(): number {
    return this.#answered === 0 ? 0 : this.#total / this.#answered;
  }
}

/** The reveal: the solution and why, drawn again from the question, with how the room answered. */
export function revealOf(question: QuestionState, distribution: Distribution, averageScore: number): RevealInfo {
  const kind = kindById(question.kind);
  const solution: Answer = kind.solve(question.puzzle);
  const grade = kind.grade(question.puzzle, solution);
  return {
    solution,
    explanation: grade.explanation,
    lines: grade.lines,
    picture: kind.picture?.(question.puzzle) ?? null,
    docUrl: grade.docUrl,
    distribution,
    averageScore,
  };
}

/** Standard competition ranks (1, 1, 3), written into players this step created and nobody has seen yet. */
function assignRanks(players: PlayerState[]): void {
  players.sort(compareStanding);
  let rank = 0;
  players.forEach((p, i) => {
    if (i === 0 || p.score !== players[i - 1]!.score) rank = i + 1;
    p.rank = rank;
  });
}

export function closeRound(state: QuestionRoom, now: number): RevealRoom {
  const { question, round } = state;
  const tally = new Tally(question);
  const fresh: PlayerState[] = [];
  const players = tableMapValues(state.players, (p) => {
    const slot = answerIn(p, round) ?? missed(round);
    tally.add(slot);
    const next = settled(p, slot);
    fresh.push(next);
    return next;
  });
  assignRanks(fresh);
  return {
    ...commonOf(state),
    phase: 'reveal',
    players,
    pending: 0,
    question,
    reveal: revealOf(question, tally.distribution(), tally.averageScore()),
    phaseDeadline: revealDeadline(state, now),
    pausedLeftMs: null,
    rounds: [
      ...state.rounds,
      { round: question.round, kind: question.kind, concept: question.concept, difficulty: question.difficulty, seed: question.seed },
    ],
  };
}
