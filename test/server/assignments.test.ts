// Assignments over real sockets and HTTP on a fake clock: students at their own pace, the teacher's live progress,
// closing by itself at the closing time, and the same report as a live game.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedAssignment, GameSummary } from '../../shared/http-api.ts';
import type { HomeworkJoined, Recap, StudentView } from '../../shared/protocol.ts';
import type { AssignmentProgress } from '../../shared/assignment/index.ts';
import type { Report } from '../../shared/report/index.ts';
import { BACKENDS, postgresForFile } from './contract/backends.ts';
import { call, ok, startServer, T0, waitFor, type Client, type TestServer } from './harness.ts';
import { homeworkQuiz, solutionOf } from './homework.ts';

const KEY = 'test-facilitator-key-0123456789';
const MIN = 60_000;
const postgres = postgresForFile();

describe.each(BACKENDS)('teacher data in %s', (backend) => {
  let t: TestServer;
  beforeEach(async () => { t = await startServer(undefined, { facilitatorKey: KEY }, backend === 'postgres' ? await postgres.database() : null); });
  afterEach(async () => { await t.close(); });

  async function post<T>(path: string, body: unknown, token = KEY): Promise<{ status: number; body: T }> {
    const res = await fetch(`${t.url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  }

  async function get<T>(path: string, token: string | null = KEY): Promise<{ status: number; body: T }> {
    const res = await fetch(`${t.url}/api${path}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as T };
  }

  describe('an assignment', () => {
    it('is played at each student’s pace, followed live, closes by itself, and reports like a live game', async () => {
      const quiz = homeworkQuiz();
      const made = await post<CreatedAssignment>('/assignments', { quiz, quizId: null, opensAt: T0, closesAt: T0 + 60 * MIN, scoring: 'accuracy' }, 'anyone');
      expect(made.status).toBe(201);
      const { id, code, token } = made.body;
      expect(made.body.joinUrl).toBe(`/#/hw/${code}`);

      const ana: Client = await t.connect();
      const joined = await ok<HomeworkJoined>(call(ana, 'hw:join', { code, name: 'Ana' }));
      expect(joined.view).toMatchObject({ totalRounds: 3, closed: false, question: null, me: { next: 1, done: 0 } });
      const opened = await ok<StudentView>(call(ana, 'hw:open', { round: 1 }));
      expect(opened.question).toMatchObject({ round: 1, deadline: T0 + 30_000 });
      for (const r of quiz.rounds) expect(JSON.stringify(opened)).not.toContain(r.seed);
      const answered = await ok<StudentView>(call(ana, 'hw:answer', { round: 1, answer: solutionOf(quiz, 1) }));
      expect(answered).toMatchObject({ question: null, me: { done: 1, next: 2, score: 1000 }, last: { correct: true } });
      expect(await call(ana, 'hw:recap', {})).toEqual({ ok: false, error: 'wrong_phase' });

      // A room join with the assignment's code says it is homework.
      const lost = await t.connect();
      expect(await call(lost, 'room:join', { code, name: 'Lost' })).toEqual({ ok: false, error: 'assignment_code' });

      // Ben opens round 1 and leaves it: its timer runs out on the server, and his phone hears of it.
      const ben = await t.connect();
      await ok<HomeworkJoined>(call(ben, 'hw:join', { code, name: 'Ben' }));
      await ok(call(ben, 'hw:open', { round: 1 }));
      const timedOut = waitFor<StudentView>(ben, 'hw:state', (v) => v.me.done === 1);
      t.time.advance(31_000);
      expect((await timedOut).last).toMatchObject({ round: 1, answered: false });

      const progress = await get<AssignmentProgress>(`/assignments/${id}`, token);
      expect(progress.body).toMatchObject({ phase: 'open', started: 2, finished: 0 });
      expect(progress.body.students.map((s) => [s.name, s.done, s.scores])).toEqual([['Ana', 1, [1, null, null]], ['Ben', 1, [0, null, null]]]);
      expect((await get(`/assignments/${id}`, null)).status).toBe(401);
      expect((await get(`/assignments/${id}`, joined.token)).status).toBe(401);

      // The Games page lists it; a report so far is there already.
      const list = await post<{ games: GameSummary[] }>('/games/mine', { tokens: [token] }, 'not-the-key');
      expect(list.body.games).toEqual([expect.objectContaining({ id, mode: 'assignment', state: 'open', players: 2, hasReport: true, tokenIndex: 0 })]);

      // Ana finishes; the closing time passes with Ben half-way.
      for (const round of [2, 3]) {
        await ok(call(ana, 'hw:open', { round }));
        await ok(call(ana, 'hw:answer', { round, answer: solutionOf(quiz, round) }));
      }
      const recap = await ok<Recap>(call(ana, 'hw:recap', {}));
      expect([recap.correct, recap.missed]).toEqual([3, []]);
      await ok(call(ben, 'hw:open', { round: 2 }));
      const closed = waitFor<StudentView>(ben, 'hw:state', (v) => v.closed);
      // Round 2's timer first: its change is saved (the store is async) before the closing timer is armed, as it
      // would be in real time, where the closing time is an hour away.
      const roundTwoOver = waitFor<StudentView>(ben, 'hw:state', (v) => v.me.done === 2);
      t.time.advance(31_000);
      await roundTwoOver;
      t.time.advance(60 * MIN);
      // Round 2 was open: it counts as unanswered; round 3 he never reached.
      expect((await closed).me).toMatchObject({ done: 2, next: null });
      expect((await call(ben, 'hw:recap', {})).ok).toBe(true);
      const late = await t.connect();
      expect(await call(late, 'hw:join', { code, name: 'Late' })).toEqual({ ok: false, error: 'assignment_closed' });

      const report = await get<Report>(`/games/${id}/report`, token);
      expect(report.body.game).toMatchObject({ mode: 'assignment', quizName: quiz.name });
      expect(report.body.players.map((p) => [p.name, p.score, p.answers.map((a) => a.verdict)])).toEqual([
        ['Ana', 3000, ['right', 'right', 'right']], ['Ben', 0, ['none', 'none', 'none']],
      ]);
      const summary = (await get<{ games: GameSummary[] }>('/games')).body.games[0]!;
      expect(summary).toMatchObject({ id, state: 'closed', players: 2, hasReport: true });
    });

    it('refuses closing times that make no sense, and a quiz that is not one', async () => {
      const quiz = homeworkQuiz();
      for (const body of [
        { quiz, quizId: null, opensAt: T0, closesAt: T0, scoring: 'accuracy' },
        { quiz, quizId: null, opensAt: T0, closesAt: T0 + 90 * 24 * 60 * MIN, scoring: 'accuracy' },
        { quiz: { ...quiz, rounds: [] }, quizId: null, opensAt: T0, closesAt: T0 + MIN * 10, scoring: 'accuracy' },
      ]) expect((await post('/assignments', body)).status).toBe(400);
    });

    it('lets the teacher close it early', async () => {
      const made = await post<CreatedAssignment>('/assignments', { quiz: homeworkQuiz(), quizId: null, opensAt: T0, closesAt: T0 + 60 * MIN, scoring: 'speed' });
      const closed = await post<AssignmentProgress>(`/assignments/${made.body.id}/close`, {}, made.body.token);
      expect(closed.body).toMatchObject({ phase: 'closed', closedAt: T0 });
    });
  });
});
