// Finished games in a real PostgreSQL: stored once however many nodes store them, read back whole for the host
// only, and in the same rows the SQLite store writes (so reports read the same in both modes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalResults } from '../../../shared/protocol.ts';
import { finishedGameFor, saveFinishedGame } from '../../../server/postgres/finished-games.ts';
import { migrate } from '../../../server/postgres/migrate.ts';
import { openStore } from '../../../server/store.ts';
import { hashToken } from '../../../server/tokens.ts';
import { HOST_TOKEN, results } from '../contract/fixtures.ts';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';

let server: PostgresServer;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await server?.close();
});

async function database(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await server.createDatabase(), max: 4 });
  // An idle client's error (the server stopping at the end) is emitted on the pool: unhandled, it would throw.
  pool.on('error', () => {});
  pools.push(pool);
  const client = await pool.connect();
  await migrate(client);
  client.release();
  return pool;
}

describe('finished games in PostgreSQL', () => {
  it('are stored once, even when several nodes store the same game at the same time', async () => {
    const pool = await database();
    // A second pool on the same database: another node.
    const other = new pg.Pool({ connectionString: (pool as unknown as { options: { connectionString: string } }).options.connectionString, max: 4 });
    other.on('error', () => {});
    pools.push(other);
    const stored = await Promise.all([pool, other, pool, other].map((p) => saveFinishedGame(p, results(), hashToken(HOST_TOKEN))));
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect(await saveFinishedGame(pool, results(), hashToken(HOST_TOKEN))).toBe(false);
    const counts = await pool.query<{ games: string; players: string; answers: string; teams: string }>(
      'SELECT (SELECT count(*) FROM games) AS games, (SELECT count(*) FROM game_players) AS players, (SELECT count(*) FROM game_answers) AS answers, (SELECT count(*) FROM game_teams) AS teams',
    );
    expect(counts.rows[0]).toEqual({ games: '1', players: '3', answers: '6', teams: '2' });
  });

  it('are read back whole by the host, refused to anyone else, and not found for another code', async () => {
    const pool = await database();
    await saveFinishedGame(pool, results(), hashToken(HOST_TOKEN));
    expect(await finishedGameFor(pool, 'ABCDEF', HOST_TOKEN)).toEqual(results());
    expect(await finishedGameFor(pool, 'ABCDEF', 'someone-else')).toBe('forbidden');
    expect(await finishedGameFor(pool, 'ZZZZZZ', HOST_TOKEN)).toBeNull();
    // A later game with a reused code is the one returned.
    await saveFinishedGame(pool, results('ABCDEF', 1_800_000_900_000), hashToken(HOST_TOKEN));
    expect((await finishedGameFor(pool, 'ABCDEF', HOST_TOKEN)) as FinalResults).toMatchObject({ finishedAt: 1_800_000_900_000 });
  });

  it('have the rows the SQLite store writes', async () => {
    const pool = await database();
    await saveFinishedGame(pool, results(), hashToken(HOST_TOKEN));
    const dir = mkdtempSync(join(tmpdir(), 'podium-sqlite-'));
    try {
      const store = openStore(join(dir, 'podium.db'));
      store.saveGame(results(), hashToken(HOST_TOKEN));
      store.close();
      const sqlite = new Database(join(dir, 'podium.db'), { readonly: true });
      const fromSqlite = {
        players: sqlite.prepare('SELECT player_id, name, team, score, rank FROM game_players ORDER BY player_id').all(),
        answers: (sqlite.prepare('SELECT player_id, round, kind, answer, score, correct, points, time_ms FROM game_answers ORDER BY player_id, round').all() as Record<string, unknown>[])
          .map((a) => ({ ...a, answer: a['answer'] === null ? null : JSON.parse(a['answer'] as string), correct: a['correct'] === 1 })),
        teams: sqlite.prepare('SELECT team, name, size, score, rank FROM game_teams ORDER BY team').all(),
      };
      sqlite.close();
      const fromPostgres = {
        players: (await pool.query('SELECT player_id, name, team, score, rank FROM game_players ORDER BY player_id')).rows,
        answers: (await pool.query('SELECT player_id, round, kind, answer, score, correct, points, time_ms FROM game_answers ORDER BY player_id, round')).rows,
        teams: (await pool.query('SELECT team, name, size, score, rank FROM game_teams ORDER BY team')).rows,
      };
      expect(fromPostgres).toEqual(fromSqlite);
      expect(fromPostgres.answers).toHaveLength(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
