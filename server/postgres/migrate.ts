// PostgreSQL schema migrations: plain SQL files in migrations/ (NNN_what.sql), applied in order, each in its own
// transaction together with its row in schema_migrations, under an advisory lock, so nodes that start together
// apply each migration exactly once and a migration that fails leaves nothing half-done. A migration already applied
// must never change (its checksum is kept); migrations only add, so a node of the previous version keeps working
// against the newer schema during a rolling update (docs/operations.md, "Cluster mode").
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** The newest version in the database afterwards. */
  version: number;
}

/** pg_advisory_lock key: "Podium migrations", the same for every node. */
export const MIGRATION_LOCK = 0x506f646d;

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Where the SQL files are: beside this module (source), beside the server bundle (the build copies them to
 *  dist/server/migrations), or under the working directory. */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'migrations'), join(here, 'postgres/migrations'), resolve('server/postgres/migrations')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`PostgreSQL migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The migrations in a directory, checked: names NNN_what.sql, versions 1, 2, 3… without gaps or repeats. */
export function readMigrations(dir: string = migrationsDir()): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file, i) => {
    const match = FILE.exec(file);
    if (!match) throw new Error(`${join(dir, file)}: a migration is named NNN_what.sql (three digits, lower case)`);
    const version = Number(match[1]);
    if (version !== i + 1) throw new Error(`${join(dir, file)}: expected version ${String(i + 1).padStart(3, '0')} (no gaps, no repeats)`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export async function migrate(client: pg.ClientBase, migrations: readonly Migration[] = readMigrations(), warn: (m: string) => void = () => {}): Promise<MigrationResult> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const rows = (await client.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).rows;
    const applied = new Map(rows.map((r) => [r.version, r]));
    for (const m of migrations) {
      const row = applied.get(m.version);
      if (row && row.checksum !== m.checksum) {
        throw new Error(`migration ${m.version} (${m.name}) was changed after it was applied: add a new migration instead`);
      }
    }
    const known = migrations.length;
    const newer = rows.filter((r) => r.version > known);
    if (newer.length > 0) warn(`the database has migrations this server does not know (${newer.map((r) => `${r.version} ${r.name}`).join(', ')}): a newer Podium ran here; this one carries on (migrations only add)`);
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version} (${m.name}) failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`);
      }
      done.push(m.version);
    }
    return { applied: done, version: Math.max(0, ...rows.map((r) => r.version), ...done) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
