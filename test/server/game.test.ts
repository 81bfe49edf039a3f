import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { RoomView } from '../../shared/protocol.ts';
import { settings, startServer, waitFor, type TestServer } from './harness.ts';
import { expectedTotals, playGame, setupGame, type Move } from './game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

const script: Move[][] = [
  [{ answer: 'right', at: 5000 }, { answer: 'right', at: 10_000 }, { answer: 'wrong', at: 1000 }],
  [{ answer: 'right', at: 0 }, { answer: 'wrong', at: 3000 }, { answer: 'right', at: 19_000 }],
  [{ answer: 'right', at: 2000 }, null, { answer: 'right', at: 7000 }],
];

describe('a full game over sockets', () => {
  it.each(['speed', 'accuracy'] as const)('scores a %s game of host + 3 players by the formula', async (scoring) => {
    const s = settings({ scoring, rounds: 3 });
    const game = await setupGame(t, s);
    const { reveals, results } = await playGame(t, game, script);
    const expected = expectedTotals(s, script);
    expect(reveals.at(-1)!.map((m) => m.score)).toEqual(expected);
    expect(results.players.map((p) => [p.name, p.score]).sort()).toEqual(game.players.map((p, i) => [p.name, expected[i]]).sort());
    if (scoring === 'speed') expect(expected).toEqual([875 + 1100 + 1150, 750, 525 + 925]);
  });

  it('scores teams by the mean of their members', async () => {
    const s = settings({ scoring: 'accuracy', rounds: 1, teamMode: 'auto', teamCount: 2 });
    const game = await setupGame(t, s);
    expect(game.players.map((p) => p.me.team)).toEqual([0, 1, 0]);
    const finished = waitFor<RoomView>(game.players[0]!.socket, 'room:state', (v) => v.phase === 'finished');
    const { results } = await playGame(t, game, [[{ answer: 'right', at: 0 }, { answer: 'right', at: 0 }, { answer: 'wrong', at: 0 }]]);
    const view = await finished;
    expect(view.teams.map((x) => [x.team, x.size, x.score, x.rank])).toEqual([[0, 2, 500, 2], [1, 1, 1000, 1]]);
    expect(results.teams).toEqual(view.teams);
  });

  it('stores the finished game in SQLite and serves its CSV only to the host', async () => {
    const s = settings({ rounds: 2 });
    const game = await setupGame(t, s);
    await playGame(t, game, script.slice(0, 2));
    const db = new Database(t.dbPath, { readonly: true });
    const games = db.prepare('SELECT code, settings FROM games').all() as { code: string; settings: string }[];
    const answers = db.prepare('SELECT COUNT(*) AS n, SUM(points) AS points FROM game_answers').get() as { n: number; points: number };
    db.close();
    expect(games).toEqual([{ code: game.code, settings: JSON.stringify(s) }]);
    expect(answers).toEqual({ n: 6, points: expectedTotals(s, script.slice(0, 2)).reduce((a, b) => a + b) });

    const url = `${t.url}/api/rooms/${game.code}/results.csv`;
    expect((await fetch(url)).status).toBe(401);
    // A player's token is refused like no token, and like a room that never had a game.
    expect((await fetch(url, { headers: { authorization: `Bearer ${game.players[0]!.playerToken}` } })).status).toBe(401);
    expect((await fetch(`${t.url}/api/rooms/ZZZZZZ/results.csv`, { headers: { authorization: `Bearer ${game.hostToken}` } })).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${game.hostToken}` } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 3 * 2);
    expect(lines[0]).toMatch(/^\uFEFF?game,date,time_zone,quiz,mode,round,kind,concept,difficulty,question,correct_answer/);
  });
});
