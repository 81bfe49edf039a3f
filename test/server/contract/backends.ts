// The two homes of the teacher's data, for the contract suites: the SQLite file (the default) and a real PostgreSQL
// (test/infra), each behind the same TeacherData (server/teacher-data.ts). Every backend is a fresh, empty database.
// In PostgreSQL mode the finished games go the way they go in production: into the node's SQLite outbox in the
// room's own transaction, then to PostgreSQL by the forwarder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import type { FinalResults } from '../../../shared/protocol.ts';
import { openStore, type SqliteStore } from '../../../server/store.ts';
import type { TeacherData } from '../../../server/teacher-data.ts';
import { openPostgresTeacherData } from '../../../server/postgres/teacher-data.ts';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';

export interface Backend {
  teacher: TeacherData;
  /** The live room's store of this node (its outbox, in PostgreSQL mode). */
  store: SqliteStore;
  /** Its SQLite file. */
  dbPath: string;
  /** Stores a finished game the way a room does (server/store.ts saveGame). */
  finish(results: FinalResults, hostTokenHash: string): void;
  /** Another node on the same data (its own SQLite file and outbox); the same SQLite file for SQLite. */
  another(): Promise<Backend>;
  close(): Promise<void>;
}

export type BackendKind = 'sqlite' | 'postgres';
export const BACKENDS: BackendKind[] = ['sqlite', 'postgres'];

/** A real PostgreSQL for the whole test file (started before its tests, stopped after): a fresh database each call. */
export function postgresForFile(): { database(): Promise<string> } {
  let server: PostgresServer | null = null;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });
  return { database: () => server!.createDatabase() };
}

/** Starts PostgreSQL once for the file; `make(kind)` gives a fresh backend. */
export function backends(): { make(kind: BackendKind): Promise<Backend> } {
  const open: Backend[] = [];
  const dirs: string[] = [];
  // Vitest runs afterAll hooks in reverse order of registration: this one closes the backends before PostgreSQL stops.
  const postgres = postgresForFile();
  afterAll(async () => {
    for (const b of open.reverse()) await b.close().catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const dir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'podium-contract-'));
    dirs.push(d);
    return d;
  };

  function sqlite(store: SqliteStore, dbPath: string, owns: boolean): Backend {
    const b: Backend = {
      teacher: store.teacher, store, dbPath,
      finish: (r, hash) => store.saveGame(r, hash),
      // A second server cannot open the same file (its lock): the same store stands for "the same data".
      another: async () => sqlite(store, dbPath, false),
      close: async () => {
        if (owns) store.close();
      },
    };
    open.push(b);
    return b;
  }

  async function postgresBackend(url: string): Promise<Backend> {
    const dbPath = join(dir(), 'podium.db');
    const store = openStore(dbPath, { finishedGames: 'outbox' });
    const teacher = await openPostgresTeacherData(url, { outbox: store.outbox, log: () => {}, pollMs: 20 });
    const b: Backend = {
      teacher, store, dbPath,
      finish: (r, hash) => store.saveGame(r, hash),
      another: () => postgresBackend(url),
      async close() {
        await teacher.close();
        store.close();
      },
    };
    open.push(b);
    return b;
  }

  return {
    async make(kind) {
      if (kind === 'sqlite') {
        const dbPath = join(dir(), 'podium.db');
        return sqlite(openStore(dbPath), dbPath, true);
      }
      return postgresBackend(await postgres.database());
    },
  };
}

/** Rows in the games table: a game stored twice would show here, not through the interfaces (they read one). */
export async function storedGames(b: Backend): Promise<number> {
  if (b.teacher.kind === 'postgres') {
    const { pool } = b.teacher as TeacherData & { pool: { query(sql: string): Promise<{ rows: { n: string }[] }> } };
    return Number((await pool.query('SELECT count(*) AS n FROM games')).rows[0]!.n);
  }
  const db = new Database(b.dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM games').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
