// Two nodes serving one assignment from the same PostgreSQL (cluster mode): each holds its own copy, and neither may
// overwrite the other's change with it. Students joining, opening and answering through both nodes, interleaved
// and at the same moment: every answer is in the database, read back whole by a third node; an assignment opened on
// one node is found by the other.
import { afterAll, describe, expect, it } from 'vitest';
import { createAssignment, type AssignmentState } from '../../../shared/assignment/index.ts';
import { planOfQuiz } from '../../../shared/quiz/index.ts';
import { createAssignmentHost, type AssignmentHost } from '../../../server/assignments/assignment-host.ts';
import { openPostgresTeacherData, type PostgresTeacherData } from '../../../server/postgres/teacher-data.ts';
import { hashToken, protectToken } from '../../../server/tokens.ts';
import type { GameServer } from '../../../server/types.ts';
import { systemClock, systemScheduler } from '../../../server/clock.ts';
import { homeworkQuiz, solutionOf } from '../homework.ts';
import { postgresForFile } from '../contract/backends.ts';

const postgres = postgresForFile();
const opened: PostgresTeacherData[] = [];
const hosts: AssignmentHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.closeAll()));
  for (const t of opened) await t.close();
});

/** No sockets here: the views a node would push go nowhere. */
const noSockets = { sockets: { sockets: new Map() } } as unknown as GameServer;

async function node(url: string): Promise<AssignmentHost> {
  const teacher = await openPostgresTeacherData(url, { outbox: null, log: () => {} });
  opened.push(teacher);
  const host = createAssignmentHost({ io: noSockets, clock: systemClock, scheduler: systemScheduler(), store: teacher.assignments, log: () => {} });
  hosts.push(host);
  return host;
}

function assignment(code: string): AssignmentState {
  const quiz = homeworkQuiz();
  const now = Date.now();
  return createAssignment({
    id: `id-${code}`, code, quizName: quiz.name, settings: { ...quiz.settings, scoring: 'accuracy' }, plan: planOfQuiz(quiz.rounds),
    owner: hashToken('teacher'), now, opensAt: now - 1000, closesAt: now + 3600_000,
  });
}

const ok = async (p: Promise<{ ok: boolean; error?: string }>): Promise<void> => {
  const r = await p;
  expect(r.ok ? 'ok' : r.error).toBe('ok');
};

describe('one assignment served by two nodes', () => {
  it('loses no student’s work whichever node each event reaches, interleaved or at once', async () => {
    const url = await postgres.database();
    const [a, b] = await Promise.all([node(url), node(url)]);
    const quiz = homeworkQuiz();
    const code = 'TWONOD';
    const onA = await a.open(assignment(code));
    // b started before it existed: it finds it in PostgreSQL.
    expect(b.get(code)).toBeUndefined();
    const onB = (await b.find(code))!;
    expect(onB.state.id).toBe(onA.state.id);
    const now = () => Date.now();

    await ok(a.dispatch(onA, { type: 'join', playerId: 'ana', token: protectToken('ana.t'), name: 'Ana', now: now() }));
    // b's copy has no ana: the join there is applied again on the saved state.
    await ok(b.dispatch(onB, { type: 'join', playerId: 'ben', token: protectToken('ben.t'), name: 'Ben', now: now() }));
    await ok(a.dispatch(onA, { type: 'open', playerId: 'ana', round: 1, now: now() }));
    // ana's answer reaches b (her socket moved), which never saw her open the question.
    await ok(b.dispatch(onB, { type: 'answer', playerId: 'ana', round: 1, answer: solutionOf(quiz, 1), now: now() }));
    await ok(a.dispatch(onA, { type: 'open', playerId: 'ben', round: 1, now: now() }));
    // Both at once, one per node: one save wins, the other is applied again on top of it.
    await Promise.all([
      ok(b.dispatch(onB, { type: 'answer', playerId: 'ben', round: 1, answer: 'surely-wrong', now: now() })),
      ok(a.dispatch(onA, { type: 'open', playerId: 'ana', round: 2, now: now() })),
    ]);
    // A token made on a is accepted by b.
    const rejoin = await b.dispatch(onB, { type: 'rejoin', token: protectToken('ana.t'), now: now() });
    expect(rejoin.ok).toBe(true);

    const third = await node(url);
    expect(await third.restore()).toBe(1);
    const saved = third.get(code)!.state;
    expect(Object.keys(saved.students).sort()).toEqual(['ana', 'ben']);
    const ana = saved.students['ana']!;
    const ben = saved.students['ben']!;
    expect(ana.history.map((h) => [h.round, h.correct])).toEqual([[1, true]]);
    expect(ben.history.map((h) => [h.round, h.correct])).toEqual([[1, false]]);
    expect(ana.current?.round).toBe(2);
  });
});
