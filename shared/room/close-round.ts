// Closing a round: the one O(N) pass per round. Totals, streaks, history, ranks and the distribution are
// settled here, so views and per-player messages afterwards are O(1) per player.
import type { Answer } from '../puzzles/kind.ts';
import { answerIds } from '../puzzles/answers.ts';
import { kindById } from '../puzzles/index.ts';
import type { Distribution, RevealInfo } from './view-types.ts';
import type { PlayerState, QuestionState, RoomState, Slot } from './state.ts';
import { allPlayers, answerIn } from './players.ts';
import { ranked } from './ranking.ts';
import { tableFrom } from './table.ts';
import { revealDeadline } from './rounds.ts';

const missed = (round: number): Slot => ({
  round, answer: null, at: null, timeMs: null, score: 0, correct: false, points: 0, streakBonus: 0,
});

function settle(player: PlayerState, round: number): PlayerState {
  const slot = answerIn(player, round) ?? missed(round);
  return {
    ...player,
    score: player.score + slot.points,
    streak: slot.correct ? player.streak + 1 : 0,
    current: null,
    history: [...player.history, slot],
  };
}

function countOptions(question: QuestionState, slots: readonly Slot[]): Distribution['options'] {
  const { view } = question;
  if (view.format !== 'single' && view.format !== 'multi') return undefined;
  const counts = new Map(view.options.map((o) => [o.id, 0]));
  for (const { answer } of slots) {
    for (const id of answerIds(view.format, answer)) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  return view.options.map((o) => ({ id: o.id, count: counts.get(o.id)! }));
}

export function distributionOf(question: QuestionState, slots: readonly Slot[]): Distribution {
  const d: Distribution = { correct: 0, partial: 0, wrong: 0, none: 0 };
  for (const s of slots) {
    if (s.answer === null) d.none++;
    else if (s.score >= 1) d.correct++;
    else if (s.score > 0) d.partial++;
    else d.wrong++;
  }
  const options = countOptions(question, slots.filter((s) => s.answer !== null));
  return options ? { ...d, options } : d;
}

function revealOf(question: QuestionState, slots: readonly Slot[]): RevealInfo {
  const kind = kindById(question.kind);
  const solution: Answer = kind.solve(question.puzzle);
  const grade = kind.grade(question.puzzle, solution);
  const answered = slots.filter((s) => s.answer !== null);
  const total = answered.reduce((sum, s) => sum + s.score, 0);
  return {
    solution,
    explanation: grade.explanation,
    lines: grade.lines,
    picture: kind.picture?.(question.puzzle) ?? null,
    docUrl: grade.docUrl,
    distribution: distributionOf(question, slots),
    averageScore: answered.length === 0 ? 0 : total / answered.length,
  };
}

export function closeRound(state: RoomState, now: number): RoomState {
  const question = state.question!;
  const settled = allPlayers(state).map((p) => settle(p, state.round));
  const withRanks = ranked(settled).map(({ player, rank }) => ({ ...player, rank }));
  return {
    ...state,
    phase: 'reveal',
    players: tableFrom(withRanks.map((p) => [p.id, p] as const)),
    pending: 0,
    reveal: revealOf(question, settled.map((p) => p.history.at(-1)!)),
    phaseDeadline: revealDeadline(state, now),
    rounds: [
      ...state.rounds,
      { round: question.round, kind: question.kind, concept: question.concept, difficulty: question.difficulty, seed: question.seed },
    ],
  };
}
