// The teacher's data in PostgreSQL (PODIUM_DATABASE_URL): connect, apply the migrations under their advisory lock
// (migrate.ts), then the library, the assignments and the finished games over one pool, and the forwarder that
// delivers the node's outbox of finished games (outbox.ts). A read of games first delivers what this node still
// holds, so a host who opens the report the moment the game ends finds it.
import pg from 'pg';
import type { TeacherData } from '../teacher-data.ts';
import { StartupError } from '../database.ts';
import type { Log } from '../types.ts';
import type { Outbox } from './outbox.ts';
import { finishedGameFor } from './finished-games.ts';
import { migrate, type MigrationResult } from './migrate.ts';
import { pgLibrary } from './pg-library.ts';
import { pgAssignments } from './pg-assignments.ts';
import { startForwarder, type Forwarder } from './forwarder.ts';
import { isUnavailable, reaching } from './unavailable.ts';

/** How long closing waits for the outbox to reach PostgreSQL. */
export const CLOSE_FLUSH_MS = 2000;

export interface PostgresTeacherData extends TeacherData {
  readonly kind: 'postgres';
  pool: pg.Pool;
  /** Null without an outbox (a store whose finished games stay in SQLite: tests of the library alone). */
  forwarder: Forwarder | null;
  migrations: MigrationResult;
}

export interface PostgresOptions {
  outbox: Outbox | null;
  log: Log;
  warn?: (message: string) => void;
  /** Connections per node. */
  poolSize?: number;
  /** How long a query waits for a connection before the database counts as unreachable. */
  connectTimeoutMs?: number;
  /** How often the forwarder looks at the outbox. */
  pollMs?: number;
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

export async function openPostgresTeacherData(url: string, options: PostgresOptions): Promise<PostgresTeacherData> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 });
  // An idle connection that breaks (PostgreSQL restarting) is reported here; unhandled, it would end the process.
  pool.on('error', (error) => options.log('a PostgreSQL connection broke (the pool opens a new one when needed)', error));
  let migrations: MigrationResult;
  try {
    const client = await pool.connect();
    try {
      migrations = await migrate(client, undefined, options.warn);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(isUnavailable(error)
      ? `cannot reach PostgreSQL at ${redacted(url)} (${reason}): start it, or check PODIUM_DATABASE_URL`
      : `PostgreSQL at ${redacted(url)}: ${reason}`);
  }
  const forwarder = options.outbox ? startForwarder(options.outbox, pool, options.log, options.pollMs) : null;
  /** What this node still holds goes first; a database that cannot take it cannot answer the read either. */
  const delivered = async (): Promise<void> => {
    try {
      await forwarder?.flush();
    } catch (error) {
      if (isUnavailable(error)) await reaching(() => Promise.reject(error));
      // Anything else (an item PostgreSQL refuses) must not hide the reports already stored: logged by the forwarder.
    }
  };
  const library = pgLibrary(pool, options.outbox);
  return {
    kind: 'postgres',
    pool,
    forwarder,
    migrations,
    library: {
      ...library,
      game: async (id) => (await delivered(), library.game(id)),
      games: async (owner, limit) => (await delivered(), library.games(owner, limit)),
    },
    assignments: pgAssignments(pool),
    finished: {
      gameFor: async (code, hostToken) => (await delivered(), reaching(() => finishedGameFor(pool, code, hostToken))),
    },
    /** One last delivery of the outbox (bounded: a node being stopped must not hang on a database that is down),
     *  then the pool. What is still waiting stays in the SQLite file for the next start. */
    async close() {
      if (forwarder && forwarder.waiting() > 0) await Promise.race([forwarder.flush().catch(() => {}), new Promise((r) => setTimeout(r, CLOSE_FLUSH_MS))]);
      await forwarder?.stop();
      await pool.end();
    },
  };
}
