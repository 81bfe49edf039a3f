// The PostgreSQL migrations and their runner, on a real PostgreSQL (Debian's, started by the test): the repo's
// migrations apply to an empty database once, nodes starting together apply each exactly once, a failing migration
// leaves nothing behind, an edited one is refused, and the schema itself stores a finished game once.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationsDir, readMigrations } from '../../../server/postgres/migrate.ts';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';

let server: PostgresServer;
const clients: pg.Client[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await server?.close();
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

async function tables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
  return rows.map((r) => r.table_name);
}

/** A copy of the repo's migrations plus `extra` files, to try failures without touching the repo. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'podium-migrations-'));
  dirs.push(dir);
  cpSync(migrationsDir(), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('the repo\'s migrations', () => {
  it('are numbered 001, 002… without gaps', () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
  });

  it('create the finished games, the library and the assignments on an empty database, once', async () => {
    const client = await connect(await server.createDatabase());
    const first = await migrate(client);
    expect(first.applied).toEqual(readMigrations().map((m) => m.version));
    expect(await tables(client)).toEqual(['game_answers', 'game_index', 'game_players', 'game_teams', 'games', 'live_assignments', 'live_students', 'quizzes', 'schema_migrations']);
    const again = await migrate(client);
    expect(again).toEqual({ applied: [], version: first.version });
  });

  it('are applied exactly once when three nodes start together', async () => {
    const url = await server.createDatabase();
    const nodes = await Promise.all([connect(url), connect(url), connect(url)]);
    const results = await Promise.all(nodes.map((c) => migrate(c)));
    const all = results.flatMap((r) => r.applied).sort();
    expect(all).toEqual(readMigrations().map((m) => m.version));
    const { rows } = await nodes[0]!.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(rows[0]!.n)).toBe(readMigrations().length);
  });

  it('store a finished game once, even when two nodes insert it', async () => {
    const client = await connect(await server.createDatabase());
    await migrate(client);
    const insert = "INSERT INTO games (code, host_token_hash, settings, finished_at, results) VALUES ('ABCDEF', 'h', '{}', 42, '{}') ON CONFLICT ON CONSTRAINT games_once DO NOTHING";
    expect((await client.query(insert)).rowCount).toBe(1);
    expect((await client.query(insert)).rowCount).toBe(0);
  });
});

describe('the runner', () => {
  it('rolls a failing migration back whole, names it, and keeps the ones before it', async () => {
    const client = await connect(await server.createDatabase());
    const next = String(readMigrations().length + 1).padStart(3, '0');
    const dir = migrationsWith({ [`${next}_broken.sql`]: 'CREATE TABLE half_done (x int);\nSELECT no_such_function();' });
    await expect(migrate(client, readMigrations(dir))).rejects.toThrow(new RegExp(`migration ${Number(next)} \\(broken\\) failed and was rolled back`));
    expect(await tables(client)).not.toContain('half_done');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
  });

  it('refuses to run when an applied migration was edited', async () => {
    const client = await connect(await server.createDatabase());
    await migrate(client);
    const edited = readMigrations().map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'different' } : m));
    await expect(migrate(client, edited)).rejects.toThrow(/migration 1 \(finished_games\) was changed after it was applied/);
  });

  it('carries on, with a warning, against a database a newer Podium migrated', async () => {
    const client = await connect(await server.createDatabase());
    const next = String(readMigrations().length + 1).padStart(3, '0');
    await migrate(client, readMigrations(migrationsWith({ [`${next}_from_the_future.sql`]: 'CREATE TABLE later (x int);' })));
    const warnings: string[] = [];
    expect((await migrate(client, readMigrations(), (w) => warnings.push(w))).applied).toEqual([]);
    expect(warnings.join()).toMatch(/from_the_future/);
  });

  it('refuses a directory whose files do not follow NNN_what.sql in sequence', () => {
    const next = String(readMigrations().length + 1).padStart(3, '0');
    expect(() => readMigrations(migrationsWith({ '009_skipped.sql': 'SELECT 1;' }))).toThrow(new RegExp(`expected version ${next}`));
    expect(() => readMigrations(migrationsWith({ '3_short.sql': 'SELECT 1;' }))).toThrow(/NNN_what\.sql/);
  });
});
