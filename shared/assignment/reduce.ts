// The assignment machine: reduce(state, event) → the new state and who must hear of it, or a refusal that changes
// nothing. Pure: the server brings time, ids and tokens.
import { kindById } from '../puzzles/index.ts';
import { answerAs } from '../puzzles/answers.ts';
import { checkName, nameKeys, suggestName } from '../room/names.ts';
import { scoreAnswer } from '../room/scoring.ts';
import type { Slot } from '../room/state.ts';
import { no, ok, type AssignmentEffect, type AssignmentEvent, type AssignmentResult } from './events.ts';
import { isClosed, isDone, studentOf, totalRounds, type AssignmentState, type StudentState } from './state.ts';

export const MAX_STUDENTS = 2000;

const durationOf = (state: AssignmentState): number => state.settings.secondsPerRound * 1000;

const put = (state: AssignmentState, s: StudentState): AssignmentState => ({ ...state, students: { ...state.students, [s.id]: s } });

const missed = (round: number): Slot => ({ round, answer: null, at: null, timeMs: null, score: 0, correct: false, points: 0, streakBonus: 0 });

/** Files a slot for the student's open round and moves them on. */
function settle(state: AssignmentState, s: StudentState, slot: Slot, now: number): StudentState {
  const next = s.next + 1;
  return {
    ...s, current: null, next, history: [...s.history, slot], score: s.score + slot.points, streak: slot.correct ? s.streak + 1 : 0,
    finishedAt: next > totalRounds(state) ? now : s.finishedAt,
  };
}

function onJoin(state: AssignmentState, e: Extract<AssignmentEvent, { type: 'join' }>): AssignmentResult {
  if (isClosed(state) || e.now >= state.closesAt) return no('assignment_closed');
  if (e.now < state.opensAt) return no('not_open_yet');
  if (Object.keys(state.students).length >= MAX_STUDENTS) return no('room_full');
  const checked = checkName(e.name);
  if (!checked.ok) return no(checked.error);
  const taken = (keys: readonly string[]): boolean => keys.some((k) => Object.hasOwn(state.names, k));
  const keys = nameKeys(checked.name);
  if (taken(keys)) return no('name_taken', suggestName(checked.name, taken));
  const student: StudentState = {
    id: e.playerId, token: e.token, name: checked.name, joinIndex: state.nextJoinIndex, joinedAt: e.now, connected: true,
    next: 1, current: null, history: [], score: 0, streak: 0, finishedAt: null,
  };
  const names = { ...state.names, ...Object.fromEntries(keys.map((k) => [k, e.playerId])) };
  const next = { ...put(state, student), names, nextJoinIndex: state.nextJoinIndex + 1 };
  return ok(next, { type: 'identified', playerId: e.playerId }, { type: 'student', playerId: e.playerId });
}

/** A token is `<id>.<secret>` (protected the same way): found by its id, then compared whole. */
function onRejoin(state: AssignmentState, e: Extract<AssignmentEvent, { type: 'rejoin' }>): AssignmentResult {
  const id = e.token.slice(0, Math.max(0, e.token.indexOf('.')));
  const s = studentOf(state, id);
  if (!s || s.token !== e.token) return no('unknown_token');
  return ok(put(state, { ...s, connected: true }), { type: 'identified', playerId: s.id }, { type: 'student', playerId: s.id });
}

function onDisconnect(state: AssignmentState, e: Extract<AssignmentEvent, { type: 'disconnect' }>): AssignmentResult {
  const s = studentOf(state, e.playerId);
  if (!s || !s.connected) return ok(state);
  return ok(put(state, { ...s, connected: false }));
}

function onOpen(state: AssignmentState, e: Extract<AssignmentEvent, { type: 'open' }>): AssignmentResult {
  const s = studentOf(state, e.playerId);
  if (!s) return no('not_joined');
  if (isClosed(state)) return no('assignment_closed');
  // Opening the open question again (a reload) changes nothing: its timer runs on.
  if (s.current?.round === e.round) return ok(state, { type: 'student', playerId: s.id });
  if (s.current !== null || e.round !== s.next || isDone(state, s)) return no('stale_round');
  const current = { round: e.round, startedAt: e.now, deadline: Math.min(e.now + durationOf(state), state.closesAt) };
  return ok(put(state, { ...s, current }), { type: 'student', playerId: s.id });
}

function onAnswer(state: AssignmentState, e: Extract<AssignmentEvent, { type: 'answer' }>): AssignmentResult {
  const s = studentOf(state, e.playerId);
  if (!s) return no('not_joined');
  if (isClosed(state)) return no('assignment_closed');
  const q = s.current;
  if (!q || q.round !== e.round) return no(e.round < s.next ? 'already_answered' : 'stale_round');
  if (e.now > q.deadline) return no('round_closed');
  const plan = state.plan[q.round - 1]!;
  const kind = kindById(plan.kind);
  const puzzle = kind.generate(plan.seed, plan.difficulty);
  const answer = answerAs(kind.publicView(puzzle).format, e.answer);
  if (answer === null) return no('invalid_answer');
  const grade = kind.grade(puzzle, answer);
  const timeMs = Math.max(0, e.now - q.startedAt);
  const facts = { score: grade.score, correct: grade.correct, timeMs, durationMs: q.deadline - q.startedAt, streakBefore: s.streak };
  const { points, streakBonus } = scoreAnswer(state.settings.scoring, facts);
  const slot: Slot = { round: q.round, answer, at: e.now, timeMs, score: grade.score, correct: grade.correct, points, streakBonus };
  return ok(put(state, settle(state, s, slot, e.now)), { type: 'student', playerId: s.id });
}

/** Closes every open question whose timer ran out by `now` (all of them when the assignment closes). */
function closeDue(state: AssignmentState, now: number, all: boolean): { state: AssignmentState; effects: AssignmentEffect[] } {
  let next = state;
  const effects: AssignmentEffect[] = [];
  for (const s of Object.values(state.students)) {
    if (!s.current || (!all && now < s.current.deadline)) continue;
    next = put(next, settle(next, s, missed(s.current.round), Math.min(now, s.current.deadline)));
    effects.push({ type: 'student', playerId: s.id });
  }
  return { state: next, effects };
}

function close(state: AssignmentState, at: number): AssignmentResult {
  const due = closeDue(state, at, true);
  const closed = { ...due.state, closedAt: at };
  const everyone = Object.keys(state.students).map((playerId): AssignmentEffect => ({ type: 'student', playerId }));
  return ok(closed, ...everyone, { type: 'closed' });
}

function onTick(state: AssignmentState, e: Extract<AssignmentEvent, { type: 'tick' }>): AssignmentResult {
  if (isClosed(state)) return ok(state);
  if (e.now >= state.closesAt) return close(state, state.closesAt);
  const due = closeDue(state, e.now, false);
  return ok(due.state, ...due.effects);
}

const onClose = (state: AssignmentState, e: Extract<AssignmentEvent, { type: 'close' }>): AssignmentResult =>
  isClosed(state) ? no('wrong_phase') : close(state, Math.min(e.now, state.closesAt));

export function reduceAssignment(state: AssignmentState, event: AssignmentEvent): AssignmentResult {
  switch (event.type) {
    case 'join': return onJoin(state, event);
    case 'rejoin': return onRejoin(state, event);
    case 'disconnect': return onDisconnect(state, event);
    case 'open': return onOpen(state, event);
    case 'answer': return onAnswer(state, event);
    case 'close': return onClose(state, event);
    case 'tick': return onTick(state, event);
  }
}

/** When the server must wake this assignment: the earliest open question's timer, or the closing time. */
export function nextAssignmentDeadline(state: AssignmentState): number | null {
  if (isClosed(state)) return null;
  let at = state.closesAt;
  for (const s of Object.values(state.students)) if (s.current && s.current.deadline < at) at = s.current.deadline;
  return at;
}
