// Saved quizzes over HTTP and rooms made from them over real sockets: the room plays exactly the quiz's rounds, the
// preview (answers included) never reaches a player, and only the key or the object's own token opens anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Created, Joined, Recap, RoomView } from '../../shared/protocol.ts';
import type { CreatedQuiz, GameSummary, QuizSummary } from '../../shared/http-api.ts';
import type { Report } from '../../shared/report/index.ts';
import { previewQuiz, quizFromSettings, type Quiz } from '../../shared/quiz/index.ts';
import { BACKENDS, postgresForFile } from './contract/backends.ts';
import { call, ok, settings, startServer, waitFor, type Client, type TestServer } from './harness.ts';

const KEY = 'test-facilitator-key-0123456789';
const postgres = postgresForFile();

describe.each(BACKENDS)('teacher data in %s', (backend) => {
  let t: TestServer;
  beforeEach(async () => { t = await startServer(undefined, { facilitatorKey: KEY }, backend === 'postgres' ? await postgres.database() : null); });
  afterEach(async () => { await t.close(); });

  const quiz = (): Quiz => quizFromSettings('Pods · week 3', 'quiz-seed', settings({ kinds: ['pod-phase', 'same-pod', 'init-order'], rounds: 3, scoring: 'accuracy' }));

  async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown; text: string; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${t.url}/api${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    // ignoreBOM keeps a byte-order mark in the text (fetch's text() drops it), so the test can see it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    let body: unknown = null;
    try { body = JSON.parse(text); } catch { /* CSV */ }
    return { status: res.status, body, text, headers: res.headers };
  }

  const saveQuiz = async (q: Quiz = quiz()): Promise<CreatedQuiz> => {
    const res = await api('/quizzes', { method: 'POST', body: { quiz: q } });
    expect(res.status).toBe(201);
    return res.body as CreatedQuiz;
  };

  describe('saved quizzes', () => {
    it('are created by anyone, opened by their token or the key, and by nobody else', async () => {
      const created = await saveQuiz();
      expect(created.quiz).toEqual(quiz());
      expect((await api(`/quizzes/${created.id}`, { token: created.token })).body).toMatchObject({ id: created.id, quiz: quiz() });
      expect((await api(`/quizzes/${created.id}`, { token: KEY })).status).toBe(200);
      const refusals = [
        await api(`/quizzes/${created.id}`),
        await api(`/quizzes/${created.id}`, { token: 'wrong-token' }),
        await api('/quizzes/no-such-quiz', { token: created.token }),
        await api('/quizzes/no-such-quiz'),
      ];
      for (const r of refusals) expect([r.status, r.body, r.headers.get('www-authenticate')]).toEqual([401, { error: 'unauthorized' }, 'Bearer realm="podium"']);
      expect((await api('/quizzes/no-such-quiz', { token: KEY })).status).toBe(404);
    });

    it('are listed for the key, or for the tokens a browser holds', async () => {
      const [a, b] = [await saveQuiz(), await saveQuiz({ ...quiz(), name: 'Other' })];
      expect((await api('/quizzes')).status).toBe(401);
      expect((await api('/quizzes', { token: 'nope' })).status).toBe(401);
      const all = (await api('/quizzes', { token: KEY })).body as { quizzes: QuizSummary[] };
      expect(all.quizzes.map((q) => q.id).sort()).toEqual([a.id, b.id].sort());
      const mine = (await api('/quizzes/mine', { method: 'POST', body: { tokens: [b.token, 'junk'] } })).body as { quizzes: QuizSummary[] };
      expect(mine.quizzes.map((q) => [q.id, q.name, q.rounds])).toEqual([[b.id, 'Other', 3]]);
    });

    it('are replaced and deleted with their token, and refuse what is not a quiz', async () => {
      const created = await saveQuiz();
      const renamed = { ...quiz(), name: 'Renamed', rounds: quiz().rounds.slice(0, 2) };
      expect((await api(`/quizzes/${created.id}`, { method: 'PUT', token: 'x', body: { quiz: renamed } })).status).toBe(401);
      expect((await api(`/quizzes/${created.id}`, { method: 'PUT', token: created.token, body: { quiz: renamed } })).body).toMatchObject({ name: 'Renamed', rounds: 2 });
      const bad = [{ quiz: { ...quiz(), rounds: [] } }, { quiz: { ...quiz(), rounds: [{ kind: 'pod-dance', difficulty: 'easy', seed: 's' }] } }, { nope: 1 }];
      for (const body of bad) expect((await api('/quizzes', { method: 'POST', body })).status).toBe(400);
      const junk = await fetch(`${t.url}/api/quizzes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"quiz":' });
      expect([junk.status, await junk.json()]).toEqual([400, { error: 'invalid_payload' }]);
      expect((await api(`/quizzes/${created.id}`, { method: 'DELETE', token: created.token })).status).toBe(204);
      expect((await api(`/quizzes/${created.id}`, { token: KEY })).status).toBe(404);
    });

    it('counts the tokens a list request brings that open nothing, 200 to a request, and stops a guesser', async () => {
      await t.close();
      t = await startServer(undefined, { facilitatorKey: KEY, apiLimits: { unknownTokensPer10Minutes: 450 } });
      const mine = await saveQuiz();
      const guesses = (n: number): string[] => Array.from({ length: 200 }, (_, i) => `guess-${n}-${i}`);
      // An honest browser's own tokens cost nothing, however often it asks.
      for (let i = 0; i < 5; i++) expect((await api('/quizzes/mine', { method: 'POST', body: { tokens: [mine.token] } })).status).toBe(200);
      // About 200 guesses a request: two lists answer (~400 of the 450), the third too (the budget runs out inside it) ...
      for (const n of [1, 2, 3]) {
        const r = await api(n === 2 ? '/games/mine' : '/quizzes/mine', { method: 'POST', body: { tokens: [mine.token, ...guesses(n).slice(1)] } });
        expect(r.status).toBe(200);
      }
      // ... and every list after it is refused, the honest token included, for both kinds.
      for (const path of ['/quizzes/mine', '/games/mine']) {
        const r = await api(path, { method: 'POST', body: { tokens: [mine.token] } });
        expect([r.status, r.body, r.headers.get('retry-after')]).toEqual([429, { error: 'rate_limited' }, '600']);
      }
      // The same token twice in one list is one guess, not two.
      await t.close();
      t = await startServer(undefined, { facilitatorKey: KEY, apiLimits: { unknownTokensPer10Minutes: 1 } });
      expect((await api('/quizzes/mine', { method: 'POST', body: { tokens: ['same', 'same'] } })).status).toBe(200);
      expect((await api('/quizzes/mine', { method: 'POST', body: { tokens: [] } })).status).toBe(429);
    });

    it('rate-limits an address that keeps presenting wrong credentials', async () => {
      await t.close();
      t = await startServer(undefined, { facilitatorKey: KEY, apiLimits: { refusalsPerMinute: 5 } });
      for (let i = 0; i < 5; i++) expect((await api('/games/x/report', { token: `guess-${i}` })).status).toBe(401);
      const limited = await api('/games/x/report', { token: KEY });
      expect([limited.status, limited.body]).toEqual([429, { error: 'rate_limited' }]);
    });
  });

  /** Every message a player socket receives, as JSON text. */
  function record(socket: Client): string[] {
    const seen: string[] = [];
    socket.onAny((event: string, data: unknown) => seen.push(`${event} ${JSON.stringify(data)}`));
    return seen;
  }

  describe('a room made from a quiz', () => {
    it('plays exactly the quiz’s rounds, shows players nothing of the preview before each reveal, and reports it', async () => {
      const q = quiz();
      const saved = await saveQuiz(q);
      const previews = previewQuiz(q.rounds);
      const host = await t.connect();
      // The host asks for 5 rounds of other kinds: the quiz decides.
      const created = await ok<Created>(call(host, 'room:create', { settings: settings({ rounds: 5 }), quiz: { id: saved.id, name: q.name, rounds: q.rounds } }));
      const names = ['José', 'Zoë', '=Ana, "the" best'];
      const players: { socket: Client; seen: string[]; joined: Joined }[] = [];
      for (const name of names) {
        const socket = await t.connect();
        const seen = record(socket);
        players.push({ socket, seen, joined: await ok<Joined>(call(socket, 'room:join', { code: created.code, name })) });
      }
      expect(players[0]!.joined.view).toMatchObject({ phase: 'lobby', totalRounds: 3, settings: { rounds: 3, kinds: q.settings.kinds } });
      const shown: unknown[] = [];
      expect(await call(players[0]!.socket, 'player:recap', {})).toEqual({ ok: false, error: 'wrong_phase' });
      await ok(call(host, 'host:start', {}));
      for (let round = 1; round <= 3; round++) {
        const current = t.server.rooms.get(created.code)!.state.question!;
        shown.push(current.view);
        // Before the reveal: no player has seen this or any later round's answer, explanation or seed.
        for (const p of players) {
          const text = p.seen.join('\n');
          for (const later of previews.slice(round - 1)) {
            expect(text).not.toContain(JSON.stringify(later.lines));
            expect(text).not.toContain(later.explanation.slice(0, 60));
          }
          for (const r of q.rounds) expect(text).not.toContain(r.seed);
        }
        const reveal = waitFor<RoomView>(host, 'room:state', (v) => v.phase === 'reveal' && v.round === round);
        // José answers right; the others send an answer of the wrong shape (refused) and let the clock run out.
        await ok(call(players[0]!.socket, 'answer:submit', { round, answer: previews[round - 1]!.solution }));
        t.time.advance(20_000);
        await reveal;
        await ok(call(host, 'host:next', { phase: 'reveal', round }));
        if (round < 3) {
          const opened = waitFor<RoomView>(host, 'room:state', (v) => v.phase === 'question' && v.round === round + 1);
          await ok(call(host, 'host:next', { phase: 'leaderboard', round }));
          await opened;
        }
      }
      expect(shown).toEqual(previews.map((p) => p.view));

      // Each phone's recap: what this player missed, with their answer, the right one and why.
      const [jose, zoe] = [await ok<Recap>(call(players[0]!.socket, 'player:recap', {})), await ok<Recap>(call(players[1]!.socket, 'player:recap', {}))];
      expect([jose.correct, jose.missed]).toEqual([3, []]);
      expect(zoe.missed.map((m) => [m.round, m.verdict, m.answerText, m.solutionText])).toEqual(
        previews.map((p) => [p.round, 'none', null, p.solutionLabels.join(p.view.format === 'order' ? ' → ' : ', ')]));
      expect(zoe.practise).toEqual([...new Set(q.rounds.map((r) => r.kind))]);
      expect(await call(host, 'player:recap', {})).toEqual({ ok: false, error: 'not_joined' });

      // The Games page of the creating browser (its host token) and of the key, and the report.
      const mine = (await api('/games/mine', { method: 'POST', body: { tokens: [created.hostToken] } })).body as { games: GameSummary[] };
      expect(mine.games).toHaveLength(1);
      expect(mine.games[0]).toMatchObject({ mode: 'live', code: created.code, quizName: q.name, state: 'finished', players: 3, hasReport: true });
      const id = mine.games[0]!.id;
      expect(((await api('/games', { token: KEY })).body as { games: GameSummary[] }).games.map((g) => g.id)).toEqual([id]);
      for (const token of [undefined, players[0]!.joined.playerToken, 'wrong']) {
        const r = await api(`/games/${id}/report`, token === undefined ? {} : { token });
        const missing = await api('/games/no-such-game/report', token === undefined ? {} : { token });
        expect([r.status, r.body]).toEqual([401, { error: 'unauthorized' }]);
        expect([missing.status, missing.body]).toEqual([r.status, r.body]);
      }
      const report = (await api(`/games/${id}/report`, { token: created.hostToken })).body as Report;
      expect(report.rounds.map((r) => r.view)).toEqual(previews.map((p) => p.view));
      expect(report.rounds.map((r) => r.solutionText)).toEqual(previews.map((p) => p.solutionLabels.join(p.view.format === 'order' ? ' → ' : ', ')));
      expect(report.players.find((p) => p.name === 'José')!.answers.map((a) => a.verdict)).toEqual(['right', 'right', 'right']);
      expect(report.game).toMatchObject({ quizName: q.name, mode: 'live', code: created.code });

      const csv = await api(`/games/${id}/report.csv?tz=Europe/Paris`, { token: KEY });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(9);
      // Names intact, a formula-looking one defused (OWASP).
      expect(new Set(rows.map((r) => r['name']))).toEqual(new Set(['José', 'Zoë', `'=Ana, "the" best`]));
      const first = rows.find((r) => r['name'] === 'José' && r['round'] === '1')!;
      expect(first).toMatchObject({ quiz: q.name, time_zone: 'Europe/Paris', result: 'right', score: '1', correct_answer: report.rounds[0]!.solutionText.replace(/^([=+\-@])/, "'$1") });
      expect(first['question']).toBe(report.rounds[0]!.view.prompt.replace(/`([^`]+)`/g, '$1'));
      expect(first['date']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    });

    it('refuses a quiz with a round of an unknown kind', async () => {
      const host = await t.connect();
      const bad = await call(host, 'room:create', { settings: settings(), quiz: { id: null, name: 'x', rounds: [{ kind: 'pod-dance', difficulty: 'easy', seed: 's' }] } });
      expect(bad).toEqual({ ok: false, error: 'invalid_payload' });
    });
  });

  describe('a game left unfinished', () => {
    it('keeps a report of the rounds it played once the room expires', async () => {
      const host = await t.connect();
      const created = await ok<Created>(call(host, 'room:create', { settings: settings({ rounds: 3 }) }));
      const ana = await t.connect();
      await ok<Joined>(call(ana, 'room:join', { code: created.code, name: 'Ana' }));
      await ok(call(host, 'host:start', {}));
      t.time.advance(20_000);
      host.disconnect();
      // The host never comes back: the room holds at the reveal, then expires after 30 idle minutes.
      t.time.advance(31 * 60_000);
      expect(t.server.rooms.has(created.code)).toBe(false);
      const games = (await api('/games', { token: KEY })).body as { games: GameSummary[] };
      expect(games.games[0]).toMatchObject({ code: created.code, state: 'ended', hasReport: true, players: 1 });
      const report = (await api(`/games/${games.games[0]!.id}/report`, { token: created.hostToken })).body as Report;
      expect(report.rounds.map((r) => r.round)).toEqual([1]);
    });
  });
});
