// The self-paced mode on a fake clock: each student's own progress and timers, resuming, and the closing time.
import { describe, expect, it } from 'vitest';
import {
  assignmentResults, createAssignment, nextAssignmentDeadline, progressOf, reduceAssignment, viewForStudent, type AssignmentEvent,
  type AssignmentState,
} from '../../../shared/assignment/index.ts';
import { planOfQuiz, quizFromSettings } from '../../../shared/quiz/index.ts';
import { kindById } from '../../../shared/puzzles/index.ts';
import { recapFor } from '../../../shared/report/index.ts';
import { settings, T0 } from '../room/fixtures.ts';

const MIN = 60_000;
const quiz = quizFromSettings('Homework 1', 'hw-seed', settings({ kinds: ['pod-phase', 'kubectl-debug'], rounds: 3, secondsPerRound: 30, scoring: 'accuracy' }));

function fresh(): AssignmentState {
  return createAssignment({
    id: 'g1', code: 'HWCODE', quizName: quiz.name, settings: quiz.settings, plan: planOfQuiz(quiz.rounds), owner: 'h',
    now: T0, opensAt: T0 + MIN, closesAt: T0 + 60 * MIN,
  });
}

function step(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  const r = reduceAssignment(state, event);
  if (!r.ok) throw new Error(`${event.type} refused: ${r.error}`);
  return r.state;
}

const solution = (round: number): unknown => {
  const p = planOfQuiz(quiz.rounds)[round - 1]!;
  const kind = kindById(p.kind);
  return kind.solve(kind.generate(p.seed, p.difficulty));
};

const join = (id: string, now: number): AssignmentEvent => ({ type: 'join', playerId: id, token: `${id}.secret`, name: id, now });

describe('an assignment', () => {
  it('opens at its opening time and refuses joins before it and after it closes', () => {
    const a = fresh();
    expect(reduceAssignment(a, join('ana', T0))).toEqual({ ok: false, error: 'not_open_yet' });
    expect(reduceAssignment(a, join('ana', T0 + 60 * MIN))).toEqual({ ok: false, error: 'assignment_closed' });
    expect(reduceAssignment(a, join('ana', T0 + MIN)).ok).toBe(true);
  });

  it('lets each student go at their own pace, each question on its own timer', () => {
    let a = step(step(fresh(), join('ana', T0 + MIN)), join('ben', T0 + 5 * MIN));
    // Ana opens round 1 and answers after 10 s; Ben only opens his round 1 later, and lets it time out.
    a = step(a, { type: 'open', playerId: 'ana', round: 1, now: T0 + 2 * MIN });
    expect(reduceAssignment(a, { type: 'open', playerId: 'ana', round: 2, now: T0 + 2 * MIN })).toEqual({ ok: false, error: 'stale_round' });
    a = step(a, { type: 'answer', playerId: 'ana', round: 1, answer: solution(1), now: T0 + 2 * MIN + 10_000 });
    a = step(a, { type: 'open', playerId: 'ben', round: 1, now: T0 + 6 * MIN });
    expect(nextAssignmentDeadline(a)).toBe(T0 + 6 * MIN + 30_000);
    expect(reduceAssignment(a, { type: 'answer', playerId: 'ben', round: 1, answer: solution(1), now: T0 + 6 * MIN + 30_001 })).toEqual({ ok: false, error: 'round_closed' });
    a = step(a, { type: 'tick', now: T0 + 6 * MIN + 30_000 });
    const ana = viewForStudent(a, 'ana', T0 + 7 * MIN)!;
    const ben = viewForStudent(a, 'ben', T0 + 7 * MIN)!;
    expect(ana.me).toMatchObject({ done: 1, next: 2, score: 1000, finished: false });
    expect(ana.last).toMatchObject({ round: 1, correct: true, points: 1000 });
    expect(ben.me).toMatchObject({ done: 1, next: 2, score: 0 });
    expect(ben.last).toMatchObject({ round: 1, answered: false });
    const progress = progressOf(a, T0 + 7 * MIN);
    expect(progress.students.map((s) => [s.name, s.done, s.scores])).toEqual([['ana', 1, [1, null, null]], ['ben', 1, [0, null, null]]]);
    expect(progress.rounds[0]).toMatchObject({ done: 2, right: 1 });
    expect(progress.phase).toBe('open');
  });

  it('resumes a student who closed the tab: same open question, timer still running, no second chance', () => {
    let a = step(fresh(), join('ana', T0 + MIN));
    a = step(a, { type: 'open', playerId: 'ana', round: 1, now: T0 + 2 * MIN });
    a = step(a, { type: 'disconnect', playerId: 'ana', now: T0 + 2 * MIN + 5000 });
    const back = reduceAssignment(a, { type: 'rejoin', token: 'ana.secret', now: T0 + 2 * MIN + 12_000 });
    if (!back.ok) throw new Error(back.error);
    expect(back.effects).toContainEqual({ type: 'identified', playerId: 'ana' });
    const view = viewForStudent(back.state, 'ana', T0 + 2 * MIN + 12_000)!;
    expect(view.question).toMatchObject({ round: 1, deadline: T0 + 2 * MIN + 30_000 });
    // Opening it again after the reload keeps the original timer.
    a = step(back.state, { type: 'open', playerId: 'ana', round: 1, now: T0 + 2 * MIN + 13_000 });
    expect(a.students['ana']!.current).toEqual({ round: 1, startedAt: T0 + 2 * MIN, deadline: T0 + 2 * MIN + 30_000 });
    expect(reduceAssignment(a, { type: 'rejoin', token: 'ana.wrong', now: T0 + 3 * MIN })).toEqual({ ok: false, error: 'unknown_token' });
    // An answer of the wrong shape is refused without using up the question.
    expect(reduceAssignment(a, { type: 'answer', playerId: 'ana', round: 1, answer: { junk: true }, now: T0 + 2 * MIN + 14_000 })).toEqual({ ok: false, error: 'invalid_answer' });
    a = step(a, { type: 'answer', playerId: 'ana', round: 1, answer: solution(1), now: T0 + 2 * MIN + 15_000 });
    expect(a.students['ana']!.history[0]).toMatchObject({ round: 1, correct: true, timeMs: 15_000 });
    expect(reduceAssignment(a, { type: 'answer', playerId: 'ana', round: 1, answer: solution(1), now: T0 + 2 * MIN + 16_000 })).toEqual({ ok: false, error: 'already_answered' });
  });

  it('closes by itself at the closing time: open questions count as unanswered, the rest stays as it was', () => {
    let a = step(step(fresh(), join('ana', T0 + MIN)), join('ben', T0 + MIN));
    for (let round = 1; round <= 3; round++) {
      a = step(a, { type: 'open', playerId: 'ana', round, now: T0 + 10 * MIN + round * 60_000 });
      a = step(a, { type: 'answer', playerId: 'ana', round, answer: solution(round), now: T0 + 10 * MIN + round * 60_000 + 5000 });
    }
    expect(a.students['ana']!.finishedAt).toBe(T0 + 13 * MIN + 5000);
    // Ben opens round 1 twenty seconds before the closing time: the question's timer is cut at the closing time.
    a = step(a, { type: 'open', playerId: 'ben', round: 1, now: T0 + 60 * MIN - 20_000 });
    expect(a.students['ben']!.current!.deadline).toBe(T0 + 60 * MIN);
    expect(nextAssignmentDeadline(a)).toBe(T0 + 60 * MIN);
    const closing = reduceAssignment(a, { type: 'tick', now: T0 + 60 * MIN + 250 });
    if (!closing.ok) throw new Error(closing.error);
    expect(closing.effects).toContainEqual({ type: 'closed' });
    a = closing.state;
    expect(a.closedAt).toBe(T0 + 60 * MIN);
    expect(nextAssignmentDeadline(a)).toBeNull();
    expect(reduceAssignment(a, { type: 'open', playerId: 'ben', round: 2, now: T0 + 61 * MIN })).toEqual({ ok: false, error: 'assignment_closed' });
    const results = assignmentResults(a, T0 + 61 * MIN);
    expect(results.players.map((p) => [p.name, p.score, p.rank, p.rounds.map((r) => r.answered)])).toEqual([
      ['ana', 3000, 1, [true, true, true]], ['ben', 0, 2, [false, false, false]],
    ]);
    expect(results.finishedAt).toBe(T0 + 60 * MIN);
    expect(recapFor(results, 'ben')!.missed.map((m) => m.verdict)).toEqual(['none', 'none', 'none']);
    expect(progressOf(a, T0 + 61 * MIN)).toMatchObject({ phase: 'closed', started: 2, finished: 1 });
  });

  it('lets the teacher close it early, once', () => {
    const a = step(fresh(), join('ana', T0 + MIN));
    const closed = step(a, { type: 'close', now: T0 + 30 * MIN });
    expect(closed.closedAt).toBe(T0 + 30 * MIN);
    expect(reduceAssignment(closed, { type: 'close', now: T0 + 31 * MIN })).toEqual({ ok: false, error: 'wrong_phase' });
  });

  it('keeps names unique the way rooms do', () => {
    const a = step(fresh(), join('Ana', T0 + MIN));
    const again = reduceAssignment(a, { type: 'join', playerId: 'x', token: 'x.s', name: 'ANA', now: T0 + MIN });
    expect(again).toMatchObject({ ok: false, error: 'name_taken', suggestion: 'ANA2' });
    expect(reduceAssignment(a, { type: 'join', playerId: 'y', token: 'y.s', name: '\u200B', now: T0 + MIN })).toEqual({ ok: false, error: 'invalid_name' });
  });
});
