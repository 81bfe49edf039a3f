// The real server (the `npm start` bundle, one process) with PODIUM_DATABASE_URL pointing at a real PostgreSQL: a
// game played by real socket.io clients, its report and CSVs read back over HTTP from PostgreSQL (not from the
// node's SQLite file, which holds none of it), still served after the server is replaced by one with a fresh
// SQLite file. And what docs/operations.md promises when PostgreSQL is down: games play on, the teacher's pages say
// 503 storage_unavailable, the finished game waits in the node's outbox (across a kill -9) and is stored once when
// PostgreSQL is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { parse } from 'csv-parse/sync';
import type { FinalResults } from '../../../shared/protocol.ts';
import type { GameSummary } from '../../../shared/http-api.ts';
import type { Report } from '../../../shared/report/index.ts';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';
import { freePort, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from '../faults/server-process.ts';
import { hostRoom, joinPlayer, singleChoiceSettings, type FaultHost, type FaultPlayer } from '../faults/resilient-client.ts';

const KEY = 'facilitator-key-for-the-pg-test';
let postgres: PostgresServer;
const servers: ServerProcess[] = [];
const cleanups: (() => void)[] = [];
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(servers.map(stopForGood));
  await postgres?.close();
  for (const clean of cleanups) clean();
});

async function node(port: number, dbPath: string, url: string): Promise<ServerProcess> {
  const server = startServerProcess(port, dbPath, { PODIUM_DATABASE_URL: url, PODIUM_FACILITATOR_KEY: KEY });
  servers.push(server);
  await server.ready();
  return server;
}

function database(): { path: string } {
  const db = tempDatabase();
  cleanups.push(db.remove);
  return db;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function api(base: string, path: string, token: string = KEY): Promise<Response> {
  return fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

/** A host and three players play two rounds to the end; the host's results. */
async function playAGame(url: string): Promise<{ host: FaultHost; players: FaultPlayer[]; results: FinalResults; hostToken: string }> {
  const host = await hostRoom(url, singleChoiceSettings(2));
  const players = await Promise.all([0, 1, 2].map((index) => joinPlayer(url, host.code, { index })));
  sockets.push(host.socket, ...players.map((p) => p.socket));
  await host.start();
  const results = await Promise.race([host.results, sleep(30_000).then(() => Promise.reject(new Error('the game did not finish')))]);
  await Promise.all(players.map((p) => p.finished));
  return { host, players, results, hostToken: (host.socket.auth as { token: string }).token };
}

async function rows(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function sqliteCount(path: string, table: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function reportOf(base: string, code: string): Promise<{ summary: GameSummary; report: Report; csv: string[][] }> {
  const list = await api(base, '/api/games');
  expect(list.status).toBe(200);
  const summary = ((await list.json()) as { games: GameSummary[] }).games.find((g) => g.code === code)!;
  const report = (await (await api(base, `/api/games/${summary.id}/report`)).json()) as Report;
  const csv = parse(await (await api(base, `/api/games/${summary.id}/report.csv?tz=UTC`)).text()) as string[][];
  return { summary, report, csv };
}

describe('a server whose teacher data is in PostgreSQL', () => {
  it('does not start when PostgreSQL cannot be reached, and says so without the password', async () => {
    const nobody = await freePort();
    const server = startServerProcess(await freePort(), database().path, { PODIUM_DATABASE_URL: `postgres://podium:s3cret@127.0.0.1:${nobody}/podium` });
    servers.push(server);
    const exit = await server.exited;
    expect(exit.code).toBe(2);
    const said = server.output.join('\n');
    expect(said).toContain(`podium: cannot reach PostgreSQL at postgres://podium:***@127.0.0.1:${nobody}/podium`);
    expect(said).toContain('check PODIUM_DATABASE_URL');
    expect(said).not.toContain('s3cret');
  });

  it('stores a played game there, serves its report and CSVs, and still does after a restart with a fresh SQLite file', async () => {
    const url = await postgres.createDatabase();
    const port = await freePort();
    const first = database();
    const server = await node(port, first.path, url);
    expect(server.output.join('\n')).toContain("teacher's data in PostgreSQL");

    const quizBody = { quiz: { ...(await import('../homework.ts')).homeworkQuiz(), name: 'Saved in PostgreSQL' } };
    const made = await fetch(`${server.url}/api/quizzes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(quizBody) });
    expect(made.status).toBe(201);
    const quiz = (await made.json()) as { id: string; token: string };

    const { host, results, hostToken } = await playAGame(server.url);
    const before = await reportOf(server.url, host.code);
    expect(before.summary).toMatchObject({ mode: 'live', state: 'finished', players: 3, hasReport: true });
    expect(before.report.players.map((p) => [p.name, p.score, p.rank]).sort()).toEqual(results.players.map((p) => [p.name, p.score, p.rank]).sort());
    expect(before.report.rounds).toHaveLength(2);
    const header = before.csv[0]!;
    // One row per player per round.
    expect(before.csv.slice(1).map((r) => r[header.indexOf('name')]).sort()).toEqual(['bot-0', 'bot-0', 'bot-1', 'bot-1', 'bot-2', 'bot-2']);
    const hostCsv = await api(server.url, `/api/rooms/${host.code}/results.csv`, hostToken);
    expect(hostCsv.status).toBe(200);
    const hostCsvText = await hostCsv.text();
    expect((await api(server.url, `/api/rooms/${host.code}/results.csv`, 'not-the-host')).status).toBe(401);

    // In PostgreSQL, once; in the SQLite file, nothing of it (and nothing left waiting).
    expect(await rows(url, 'SELECT count(*)::int AS n FROM games WHERE code = $1', [host.code])).toEqual([{ n: 1 }]);
    expect(await rows(url, 'SELECT count(*)::int AS n FROM game_answers a JOIN games g ON g.id = a.game_id WHERE g.code = $1', [host.code])).toEqual([{ n: 6 }]);
    server.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(sqliteCount(first.path, 'games')).toBe(0);
    expect(sqliteCount(first.path, 'game_index')).toBe(0);
    expect(sqliteCount(first.path, 'quizzes')).toBe(0);
    expect(sqliteCount(first.path, 'pg_outbox')).toBe(0);

    // Another node (a new SQLite file) on the same PostgreSQL: the same report, byte for byte the same CSVs.
    const again = await node(port, database().path, url);
    const after = await reportOf(again.url, host.code);
    expect(after.summary).toEqual(before.summary);
    expect(after.report).toEqual(before.report);
    expect(after.csv).toEqual(before.csv);
    expect(await (await api(again.url, `/api/rooms/${host.code}/results.csv`, hostToken)).text()).toBe(hostCsvText);
    const saved = await api(again.url, `/api/quizzes/${quiz.id}`, quiz.token);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { name: string }).name).toBe('Saved in PostgreSQL');
    again.kill('SIGTERM');
    await again.exited;
  });

  it('plays on while PostgreSQL is down, says so on the teacher pages, and stores the game once it is back, even across a kill -9', async () => {
    const url = await postgres.createDatabase();
    const port = await freePort();
    const db = database();
    const server = await node(port, db.path, url);
    await postgres.stop('SIGINT');
    try {
      const { host, results, hostToken } = await playAGame(server.url);
      expect(results.players).toHaveLength(3);
      const list = await api(server.url, '/api/games');
      expect(list.status).toBe(503);
      expect(list.headers.get('retry-after')).toBe('30');
      expect(await list.json()).toEqual({ error: 'storage_unavailable' });
      expect((await api(server.url, `/api/rooms/${host.code}/results.csv`, hostToken)).status).toBe(503);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      server.kill('SIGKILL');
      await server.exited;
      // The finished game and the room's index entry wait in the SQLite file.
      expect(sqliteCount(db.path, 'pg_outbox')).toBe(2);
      await postgres.start();
      const back = await node(port, db.path, url);
      let found: Response | null = null;
      for (let i = 0; i < 100 && found?.status !== 200; i++) {
        found = await api(back.url, `/api/rooms/${host.code}/results.csv`, hostToken);
        if (found.status !== 200) await sleep(100);
      }
      expect(found!.status).toBe(200);
      const { summary, report } = await reportOf(back.url, host.code);
      expect(summary).toMatchObject({ state: 'finished', players: 3, hasReport: true });
      expect(report.players.map((p) => [p.name, p.score]).sort()).toEqual(results.players.map((p) => [p.name, p.score]).sort());
      expect(await rows(url, 'SELECT count(*)::int AS n FROM games WHERE code = $1', [host.code])).toEqual([{ n: 1 }]);
      back.kill('SIGTERM');
      await back.exited;
      expect(sqliteCount(db.path, 'pg_outbox')).toBe(0);
    } finally {
      // A failed assertion must not leave PostgreSQL stopped for afterAll's close.
      await postgres.start().catch(() => {});
    }
  });
});
