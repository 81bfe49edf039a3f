// Finished games in PostgreSQL (cluster mode): the same rows as the SQLite store writes (server/store.ts), stored
// once whoever stores them (a room's owner, or its successor after a failover), and read back for the host's CSV.
// Each table's rows go in one INSERT over arrays (unnest), so a 10,000-player game is a handful of statements.
import { timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { FinalResults } from '../../shared/protocol.ts';
import { hashToken } from '../tokens.ts';

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Inserts a finished game inside the caller's transaction; false (and nothing written) when it was stored already. */
export async function insertFinishedGame(client: pg.ClientBase, r: FinalResults, hostTokenHash: string): Promise<boolean> {
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO games (code, host_token_hash, settings, started_at, finished_at, results) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ON CONSTRAINT games_once DO NOTHING RETURNING id`,
    [r.code, hostTokenHash, JSON.stringify(r.settings), r.startedAt, r.finishedAt, JSON.stringify(r)],
  );
  const gameId = inserted.rows[0]?.id;
  if (gameId === undefined) return false;
  await client.query(
    `INSERT INTO game_players (game_id, player_id, name, team, score, rank)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[])`,
    [gameId, r.players.map((p) => p.playerId), r.players.map((p) => p.name), r.players.map((p) => p.team), r.players.map((p) => p.score), r.players.map((p) => p.rank)],
  );
  const kinds = new Map(r.rounds.map((x) => [x.round, x.kind]));
  const answers = r.players.flatMap((p) => p.rounds.map((a) => ({ player: p.playerId, a })));
  await client.query(
    `INSERT INTO game_answers (game_id, player_id, round, kind, answer, score, correct, points, time_ms)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::jsonb[], $6::float8[], $7::bool[], $8::int[], $9::int[])`,
    [
      gameId, answers.map((x) => x.player), answers.map((x) => x.a.round), answers.map((x) => kinds.get(x.a.round) ?? ''),
      answers.map((x) => (x.a.answer === null ? null : JSON.stringify(x.a.answer))), answers.map((x) => x.a.score),
      answers.map((x) => x.a.correct), answers.map((x) => x.a.points), answers.map((x) => x.a.timeMs),
    ],
  );
  await client.query(
    `INSERT INTO game_teams (game_id, team, name, size, score, rank)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::int[])`,
    [gameId, r.teams.map((t) => t.team), r.teams.map((t) => t.name), r.teams.map((t) => t.size), r.teams.map((t) => t.score), r.teams.map((t) => t.rank)],
  );
  return true;
}

/** Runs `fn` in one transaction on a client of the pool: committed, or rolled back and rethrown. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    // Not back into the pool: after a failure the connection may be the broken one.
    client.release(true);
    throw error;
  }
}

/** Stores a finished game in one transaction; false (and nothing written) when it was stored already. */
export const saveFinishedGame = (pool: pg.Pool, r: FinalResults, hostTokenHash: string): Promise<boolean> =>
  inTransaction(pool, (client) => insertFinishedGame(client, r, hostTokenHash));

/** The latest finished game with this code, if the token is its host's: 'forbidden' when it is not. */
export async function finishedGameFor(pool: pg.Pool, code: string, hostToken: string): Promise<FinalResults | 'forbidden' | null> {
  const { rows } = await pool.query<{ host_token_hash: string; results: FinalResults }>(
    'SELECT host_token_hash, results FROM games WHERE code = $1 ORDER BY id DESC LIMIT 1',
    [code],
  );
  const row = rows[0];
  if (!row) return null;
  return sameHash(row.host_token_hash, hashToken(hostToken)) ? row.results : 'forbidden';
}
