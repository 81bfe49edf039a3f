// Start-up checks on the database file: what is not ours is never written to, and the operator gets one line.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { StartupError } from '../../server/database.ts';
import { openStore, type Store } from '../../server/store.ts';
import { createRoom } from '../../shared/room/index.ts';

let dir: string;
let path: string;
const opened: Store[] = [];
const warnings: string[] = [];
const open = (p = path): Store => {
  const store = openStore(p, { warn: (m) => warnings.push(m), busyTimeoutMs: 100 });
  opened.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'podium-startup-'));
  path = join(dir, 'podium.db');
  warnings.length = 0;
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function startupError(fn: () => unknown): StartupError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error('expected a StartupError');
}

describe('opening the database', () => {
  it('creates a missing file (and its folder) on first start', () => {
    const nested = join(dir, 'data', 'podium.db');
    open(nested).close();
    expect(existsSync(nested)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('refuses a file that is not a SQLite database and leaves it byte for byte', () => {
    const junk = 'these are my lecture notes, not a database\n'.repeat(200);
    writeFileSync(path, junk);
    const error = startupError(() => open());
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a SQLite database.*will not overwrite.*PODIUM_DB/);
    expect(error.message).not.toContain('\n');
    expect(readFileSync(path, 'utf8')).toBe(junk);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses another application\'s SQLite database', () => {
    const other = new Database(path);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)');
    other.close();
    const error = startupError(() => open());
    expect(error.message).toMatch(/belongs to another application \(tables: invoices/);
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
    check.close();
  });

  it('refuses a damaged database', () => {
    const store = open();
    const settings = { kinds: ['pod-phase' as const], difficulty: 'easy' as const, rounds: 1, secondsPerRound: 20, scoring: 'speed' as const, teamMode: 'off' as const, teamCount: 2, autoAdvance: false };
    store.saveRoom(null, createRoom({ code: 'ABCDEF', seed: 's', hostToken: 'h', settings, now: 0 }), null);
    store.close();
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096, Math.min(bytes.length, 4096 * 3));
    writeFileSync(path, bytes);
    const message = startupError(() => open()).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/is damaged .*restore a backup/);
    expect(message.startsWith(path)).toBe(true);
  });

  it('refuses a database another server is using, and opens it once that server has stopped', () => {
    const first = open();
    expect(startupError(() => open()).message).toMatch(/in use by another Podium server .*stop that server first/);
    first.close();
    expect(open().ready()).toBe(true);
  });

  it('refuses a folder in place of the file', () => {
    mkdirSync(path);
    expect(startupError(() => open()).message).toMatch(/is a directory/);
  });

  it('warns when the file is missing but its WAL is not, and keeps the leftovers aside', () => {
    writeFileSync(`${path}-wal`, 'frames of a database that is gone');
    open();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/is missing but .*-wal existed/);
    const kept = readdirSync(dir).filter((f) => f.startsWith('podium.db-wal.orphaned-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('frames of a database that is gone');
  });

  it('opens a database written by the previous version (results only) and keeps its games', () => {
    const old = new Database(path);
    old.exec("CREATE TABLE games (id INTEGER PRIMARY KEY, code TEXT NOT NULL, host_token_hash TEXT NOT NULL, settings TEXT NOT NULL, started_at INTEGER, finished_at INTEGER NOT NULL, results TEXT NOT NULL); INSERT INTO games VALUES (1, 'ABCDEF', 'x', '{}', 1, 2, '{}')");
    old.close();
    open();
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT COUNT(*) AS n FROM games').get()).toEqual({ n: 1 });
    check.close();
  });
});

describe('server/main.ts at start-up', () => {
  it('exits non-zero with one line naming the file when the database is junk', () => {
    writeFileSync(path, 'not a database');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', PODIUM_DB: path }, encoding: 'utf8', timeout: 25_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^podium: ${path.replaceAll('/', '\\/')} is not a SQLite database`))]);
    expect(statSync(path).size).toBe('not a database'.length);
  }, 30_000);
});
