// What each side sees of an assignment. A student: their own progress, the question they have open (never its
// answer), and how their last answer went (right, partly, wrong: the right answers and the why wait for the recap
// at the end, so a student who finishes first has nothing to pass on mid-question). The teacher: progress.
import { kindById } from '../puzzles/index.ts';
import type { PlayerId } from '../protocol.ts';
import type { QuestionInfo } from '../room/view-types.ts';
import { isClosed, isDone, studentOf, totalRounds, type AssignmentState, type StudentState } from './state.ts';

export interface StudentView {
  code: string;
  quizName: string;
  totalRounds: number;
  secondsPerRound: number;
  opensAt: number;
  closesAt: number;
  closed: boolean;
  serverNow: number;
  me: {
    playerId: PlayerId;
    name: string;
    score: number;
    /** Rounds done (answered or timed out). */
    done: number;
    /** The round "Next" opens; null when every round is done. */
    next: number | null;
    finished: boolean;
  };
  /** The question open now, with its own timer; null between questions. */
  question: QuestionInfo | null;
  /** The last round done: how it went, without the right answer. */
  last: { round: number; answered: boolean; score: number; correct: boolean; points: number } | null;
}

function questionOf(state: AssignmentState, s: StudentState): QuestionInfo | null {
  const q = s.current;
  if (!q) return null;
  const plan = state.plan[q.round - 1]!;
  const kind = kindById(plan.kind);
  return {
    round: q.round, totalRounds: totalRounds(state), kind: plan.kind, title: kind.title, concept: kind.concept, difficulty: plan.difficulty,
    puzzle: kind.publicView(kind.generate(plan.seed, plan.difficulty)), startedAt: q.startedAt, deadline: q.deadline, durationMs: q.deadline - q.startedAt,
  };
}

export function viewForStudent(state: AssignmentState, playerId: PlayerId, now: number): StudentView | null {
  const s = studentOf(state, playerId);
  if (!s) return null;
  const last = s.history.at(-1);
  return {
    code: state.code, quizName: state.quizName, totalRounds: totalRounds(state), secondsPerRound: state.settings.secondsPerRound,
    opensAt: state.opensAt, closesAt: state.closesAt, closed: isClosed(state), serverNow: now,
    me: {
      playerId: s.id, name: s.name, score: s.score, done: s.history.length, next: isDone(state, s) || isClosed(state) ? null : s.next,
      finished: isDone(state, s),
    },
    question: questionOf(state, s),
    last: last ? { round: last.round, answered: last.answer !== null, score: last.score, correct: last.correct, points: last.points } : null,
  };
}

/** A view for someone who is not (yet) a student: what the join page shows. */
export interface AssignmentInfo {
  code: string;
  quizName: string;
  totalRounds: number;
  secondsPerRound: number;
  opensAt: number;
  closesAt: number;
  closed: boolean;
  serverNow: number;
}

export const assignmentInfo = (state: AssignmentState, now: number): AssignmentInfo => ({
  code: state.code, quizName: state.quizName, totalRounds: totalRounds(state), secondsPerRound: state.settings.secondsPerRound,
  opensAt: state.opensAt, closesAt: state.closesAt, closed: isClosed(state), serverNow: now,
});
