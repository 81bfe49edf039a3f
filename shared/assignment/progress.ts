// The teacher's live view of an assignment, and its results in the shape of a live game's (FinalResults), so the
// report, the CSV and the Games page treat both alike.
import { kindById } from '../puzzles/index.ts';
import type { FinalResults, PlayerRoundRecord } from '../room/view-types.ts';
import type { PlayerId } from '../protocol.ts';
import { isClosed, isDone, totalRounds, type AssignmentState, type StudentState } from './state.ts';

export type AssignmentPhase = 'scheduled' | 'open' | 'closed';

export interface AssignmentProgress {
  id: string;
  code: string;
  quizName: string;
  phase: AssignmentPhase;
  opensAt: number;
  closesAt: number;
  closedAt: number | null;
  serverNow: number;
  totalRounds: number;
  rounds: { round: number; title: string; concept: string; done: number; right: number }[];
  students: {
    playerId: PlayerId;
    name: string;
    joinedAt: number;
    finishedAt: number | null;
    connected: boolean;
    done: number;
    score: number;
    /** The round open on their phone now, or null. */
    current: number | null;
    /** Per round: the score 0..1 so far, or null when not done yet. */
    scores: (number | null)[];
  }[];
  started: number;
  finished: number;
}

export const phaseOf = (state: AssignmentState, now: number): AssignmentPhase =>
  isClosed(state) ? 'closed' : now < state.opensAt ? 'scheduled' : 'open';

const ordered = (state: AssignmentState): StudentState[] => Object.values(state.students).sort((a, b) => a.joinIndex - b.joinIndex);

export function progressOf(state: AssignmentState, now: number): AssignmentProgress {
  const students = ordered(state);
  const rounds = state.plan.map((p) => {
    const slots = students.map((s) => s.history.find((h) => h.round === p.round)).filter((h) => h !== undefined);
    const kind = kindById(p.kind);
    return { round: p.round, title: kind.title, concept: kind.concept, done: slots.length, right: slots.filter((h) => h.correct).length };
  });
  return {
    id: state.id, code: state.code, quizName: state.quizName, phase: phaseOf(state, now), opensAt: state.opensAt, closesAt: state.closesAt,
    closedAt: state.closedAt, serverNow: now, totalRounds: totalRounds(state), rounds,
    students: students.map((s) => ({
      playerId: s.id, name: s.name, joinedAt: s.joinedAt, finishedAt: s.finishedAt, connected: s.connected, done: s.history.length,
      score: s.score, current: s.current?.round ?? null,
      scores: state.plan.map((p) => s.history.find((h) => h.round === p.round)?.score ?? null),
    })),
    started: students.length,
    finished: students.filter((s) => isDone(state, s)).length,
  };
}

/** Standard competition ranking by score; join order breaks ties in the list. */
function ranks(students: readonly StudentState[]): Map<PlayerId, number> {
  const sorted = [...students].sort((a, b) => b.score - a.score || a.joinIndex - b.joinIndex);
  const out = new Map<PlayerId, number>();
  sorted.forEach((s, i) => out.set(s.id, i > 0 && s.score === sorted[i - 1]!.score ? out.get(sorted[i - 1]!.id)! : i + 1));
  return out;
}

/** Results so far (every round not done counts as no answer), or final once closed. */
export function assignmentResults(state: AssignmentState, now: number): FinalResults {
  const students = ordered(state);
  const rank = ranks(students);
  const rounds = state.plan.map((p) => ({ round: p.round, kind: p.kind, concept: kindById(p.kind).concept, difficulty: p.difficulty, seed: p.seed }));
  const recordOf = (s: StudentState, round: number): PlayerRoundRecord => {
    const h = s.history.find((x) => x.round === round);
    return h
      ? { round, answered: h.answer !== null, answer: h.answer, score: h.score, correct: h.correct, points: h.points, timeMs: h.timeMs }
      : { round, answered: false, answer: null, score: 0, correct: false, points: 0, timeMs: null };
  };
  const players = students.map((s) => ({
    playerId: s.id, name: s.name, team: null, teamName: null, score: s.score, rank: rank.get(s.id)!,
    correct: s.history.filter((h) => h.correct).length, rounds: rounds.map((r) => recordOf(s, r.round)),
  }));
  const byConcept = new Map<string, { answers: number; correct: number; total: number }>();
  for (const p of players) {
    for (const r of p.rounds) {
      const concept = rounds[r.round - 1]!.concept;
      const row = byConcept.get(concept) ?? { answers: 0, correct: 0, total: 0 };
      byConcept.set(concept, { answers: row.answers + 1, correct: row.correct + (r.correct ? 1 : 0), total: row.total + r.score });
    }
  }
  return {
    code: state.code, settings: state.settings, startedAt: state.opensAt, finishedAt: state.closedAt ?? now, rounds, players, teams: [],
    concepts: [...byConcept].map(([concept, r]) => ({ concept, answers: r.answers, correct: r.correct, accuracy: r.answers === 0 ? 0 : r.total / r.answers })),
  };
}
