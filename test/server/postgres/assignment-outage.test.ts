// An open assignment while PostgreSQL is down (docs/operations.md, "PostgreSQL"): a student's answer is refused and
// changes nothing, the teacher's progress page says 503, and the closing time, passed during the outage, takes
// effect once PostgreSQL is back: the assignment closes and its report is there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAssignment } from '../../../shared/http-api.ts';
import type { HomeworkJoined, StudentView } from '../../../shared/protocol.ts';
import type { Report } from '../../../shared/report/index.ts';
import { call, ok, startServer, T0, waitFor, type TestServer } from '../harness.ts';
import { homeworkQuiz, solutionOf } from '../homework.ts';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';

const KEY = 'test-facilitator-key-0123456789';
const MIN = 60_000;
let postgres: PostgresServer;
let t: TestServer | null = null;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await t?.close();
  await postgres?.close();
});

async function api(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${t!.url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${KEY}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: await res.json() };
}

describe('an assignment while PostgreSQL is down', () => {
  it('refuses changes without losing any, answers 503 to the teacher, and closes once PostgreSQL is back', async () => {
    t = await startServer(undefined, { facilitatorKey: KEY }, await postgres.createDatabase());
    const quiz = homeworkQuiz();
    const made = await api('/assignments', { method: 'POST', body: { quiz, quizId: null, opensAt: T0, closesAt: T0 + 60 * MIN, scoring: 'accuracy' } });
    expect(made.status).toBe(201);
    const { id, code } = made.body as CreatedAssignment;
    const ana = await t.connect();
    await ok<HomeworkJoined>(call(ana, 'hw:join', { code, name: 'Ana' }));
    await ok<StudentView>(call(ana, 'hw:open', { round: 1 }));

    await postgres.stop('SIGINT');
    try {
      expect(await call(ana, 'hw:answer', { round: 1, answer: solutionOf(quiz, 1) })).toEqual({ ok: false, error: 'internal_error' });
      expect(await api(`/assignments/${id}`)).toEqual({ status: 503, body: { error: 'storage_unavailable' } });
      expect((await api('/assignments', { method: 'POST', body: { quiz, quizId: null, opensAt: T0, closesAt: T0 + 60 * MIN, scoring: 'accuracy' } })).status).toBe(503);
      // The closing time passes during the outage: the close cannot be saved, and is retried.
      t.time.jump(60 * MIN);
      t.time.advance(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      t.time.advance(1000);
    } finally {
      await postgres.start();
    }

    const closed = waitFor<StudentView>(ana, 'hw:state', (v) => v.closed);
    t.time.advance(1000);
    // The refused answer changed nothing: round 1 is still the open one when the assignment closes (unanswered).
    expect((await closed).me).toMatchObject({ done: 1, next: null, score: 0 });
    const progress = await api(`/assignments/${id}`);
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ phase: 'closed' });
    const report = await api(`/games/${id}/report`);
    expect(report.status).toBe(200);
    expect((report.body as Report).players.map((p) => [p.name, p.answers.map((a) => a.verdict)])).toEqual([['Ana', ['none', 'none', 'none']]]);
  });
});
