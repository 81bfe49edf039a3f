// One contract for assignments, run against the SQLite file and a real PostgreSQL: a new assignment, students'
// joins, opened questions and answers read back exactly after each save; a save that changes only one student;
// closing stores its results where reports read them, once; dropping forgets it.
import { describe, expect, it } from 'vitest';
import {
  assignmentResults, createAssignment, reduceAssignment, type AssignmentEvent, type AssignmentState,
} from '../../../shared/assignment/index.ts';
import { planOfQuiz } from '../../../shared/quiz/index.ts';
import { buildReport } from '../../../shared/report/index.ts';
import { hashToken } from '../../../server/tokens.ts';
import { homeworkQuiz, solutionOf } from '../homework.ts';
import { BACKENDS, backends, storedGames } from './backends.ts';

const { make } = backends();
const T = 1_800_000_000_000;
const HOUR = 3600_000;

function assignment(code: string, id = `id-${code}`): AssignmentState {
  const quiz = homeworkQuiz();
  return createAssignment({
    id, code, quizName: quiz.name, settings: { ...quiz.settings, scoring: 'accuracy' }, plan: planOfQuiz(quiz.rounds),
    owner: hashToken('teacher'), now: T, opensAt: T, closesAt: T + HOUR,
  });
}

function step(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  const result = reduceAssignment(state, event);
  if (!result.ok) throw new Error(`${event.type} refused: ${result.error}`);
  return result.state;
}

describe.each(BACKENDS)('assignments (%s)', (kind) => {
  it('read back exactly after every save, with each student’s submissions', async () => {
    const { teacher } = await make(kind);
    const store = teacher.assignments;
    const quiz = homeworkQuiz();
    let state = assignment('HWHWHW');
    await store.save(null, state, null, T);
    expect(await store.loadAll()).toEqual([state]);

    const events: AssignmentEvent[] = [
      { type: 'join', playerId: 'ana', token: 'ana.t', name: 'Ana', now: T + 1 },
      { type: 'join', playerId: 'ben', token: 'ben.t', name: 'Ben «b»', now: T + 2 },
      { type: 'open', playerId: 'ana', round: 1, now: T + 3 },
      { type: 'answer', playerId: 'ana', round: 1, answer: solutionOf(quiz, 1), now: T + 4_000 },
      { type: 'open', playerId: 'ben', round: 1, now: T + 5_000 },
      { type: 'answer', playerId: 'ben', round: 1, answer: 'surely-wrong', now: T + 6_000 },
      { type: 'open', playerId: 'ana', round: 2, now: T + 7_000 },
      { type: 'disconnect', playerId: 'ben', now: T + 8_000 },
    ];
    for (const event of events) {
      const next = step(state, event);
      await store.save(state, next, null, event.now);
      state = next;
      expect(await store.loadAll()).toEqual([state]);
    }
    expect(Object.keys(state.students)).toEqual(['ana', 'ben']);
    expect(state.students['ana']!.current).toMatchObject({ round: 2 });
    expect(state.students['ben']!.history).toHaveLength(1);
  });

  it('keep assignments apart, and forget a dropped one', async () => {
    const { teacher: { assignments: store } } = await make(kind);
    const one = assignment('AAAAAA');
    const two = step(assignment('BBBBBB'), { type: 'join', playerId: 'cy', token: 'cy.t', name: 'Cy', now: T + 1 });
    await store.save(null, one, null, T);
    await store.save(null, two, null, T);
    expect((await store.loadAll()).sort((a, b) => a.code.localeCompare(b.code))).toEqual([one, two]);
    await store.drop('AAAAAA');
    expect(await store.loadAll()).toEqual([two]);
    await store.drop('AAAAAA');
    await store.drop('BBBBBB');
    expect(await store.loadAll()).toEqual([]);
  });

  it('on closing, store the results once where the report reads them', async () => {
    const b = await make(kind);
    const { assignments: store, library } = b.teacher;
    const quiz = homeworkQuiz();
    let state = assignment('CLOSED', 'closing');
    await library.recordGame({ id: 'closing', mode: 'assignment', code: 'CLOSED', ownerHash: hashToken('teacher'), quizId: null, quizName: quiz.name, createdAt: T, opensAt: T, closesAt: T + HOUR });
    await store.save(null, state, null, T);
    for (const event of [
      { type: 'join', playerId: 'ana', token: 'ana.t', name: 'Ana', now: T + 1 },
      { type: 'open', playerId: 'ana', round: 1, now: T + 2 },
      { type: 'answer', playerId: 'ana', round: 1, answer: solutionOf(quiz, 1), now: T + 3 },
    ] satisfies AssignmentEvent[]) {
      const next = step(state, event);
      await store.save(state, next, null, event.now);
      state = next;
    }
    expect((await library.game('closing'))!.results).toBeNull();
    const closed = step(state, { type: 'close', now: T + 10 });
    const final = assignmentResults(closed, T + 10);
    await store.save(state, closed, final, T + 10);
    // Saved again (a retry after a lost answer from the database): still one game.
    await store.save(state, closed, final, T + 10);
    expect(await store.loadAll()).toEqual([closed]);
    const stored = (await library.game('closing'))!;
    expect(stored.results).toEqual(final);
    expect(await storedGames(b)).toBe(1);
    const info = { id: 'closing', mode: 'assignment' as const, code: 'CLOSED', quizName: quiz.name, createdAt: T };
    const report = buildReport(info, stored.results!);
    expect(report).toEqual(buildReport(info, final));
    expect(report.players.map((p) => [p.name, p.answers.map((a) => a.verdict)])).toEqual([['Ana', ['right', 'none', 'none']]]);
  });
});
