// Opening the SQLite file safely: refuse what is not ours (junk, another application's database, a damaged file,
// a file another server holds) with one clear line, and never write anything before those checks pass.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A start-up problem the operator must fix: `message` is one line that names the file and what to do. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** 'Podi': marks a database Podium created, so another application's file is never adopted by mistake. */
export const APPLICATION_ID = 0x506f6469;
const OUR_TABLES = new Set(['games', 'game_players', 'game_teams', 'game_answers', 'live_rooms', 'live_players', 'live_slots', 'live_answers', 'health', 'quizzes', 'game_index', 'live_assignments', 'live_students', 'pg_outbox']);
const LEFTOVERS = ['-wal', '-shm', '-journal'];

export interface OpenOptions {
  warn?: (message: string) => void;
  /** How long to wait for a lock held by someone else before giving up. */
  busyTimeoutMs?: number;
}

const sqliteCode = (error: unknown): string => (error as { code?: unknown }).code?.toString() ?? '';

/** A missing database next to WAL/journal leftovers: the data was moved or deleted. Keep the leftovers aside. */
function setLeftoversAside(path: string, warn: (m: string) => void): void {
  const found = LEFTOVERS.map((suffix) => path + suffix).filter((p) => existsSync(p));
  if (found.length === 0) return;
  const stamp = new Date().toISOString().replaceAll(':', '-');
  for (const p of found) renameSync(p, `${p}.orphaned-${stamp}`);
  warn(`${path} is missing but ${found.join(', ')} existed (was the database moved or deleted?); they were kept as *.orphaned-${stamp} and a new database is created`);
}

function describeOpenError(path: string, error: unknown): StartupError {
  const code = sqliteCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new StartupError(`${path} is not a SQLite database (or is encrypted); Podium will not overwrite it: move it aside or set PODIUM_DB to another file`);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new StartupError(`${path} is locked by another process (is another Podium server or a sqlite3 shell using it?): stop it, or set PODIUM_DB to another file`);
  if (code.startsWith('SQLITE_CORRUPT')) return new StartupError(`${path} is damaged (${reason.replace(/\s+/g, ' ')}): restore a backup, or move it aside to start with an empty database`);
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_IOERR')) {
    return new StartupError(`cannot open ${path} (${reason}): check that the path is a file and that its folder is writable`);
  }
  return new StartupError(`cannot open ${path}: ${reason}`);
}

/** Reads only: is this a database we may use? */
function checkOwnership(db: Database.Database, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  const foreign = tables.filter((t) => !OUR_TABLES.has(t));
  if ((appId !== 0 && appId !== APPLICATION_ID) || foreign.length > 0) {
    throw new StartupError(`${path} belongs to another application (tables: ${foreign.join(', ') || 'none'}, application_id ${appId}); Podium will not write to it: set PODIUM_DB to another file`);
  }
  const problems = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((r) => r.quick_check);
  if (problems.join() !== 'ok') {
    const summary = problems.join('; ').replace(/\s+/g, ' ').slice(0, 200);
    throw new StartupError(`${path} is damaged (quick_check: ${summary}): restore a backup, or move it aside to start with an empty database`);
  }
}

/** Holds the write lock for a moment: fails now, clearly, if another process is writing to the file. */
function checkNotLocked(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE');
  db.exec('COMMIT');
}

function openFile(path: string, options: OpenOptions): Database.Database {
  const warn = options.warn ?? ((m) => console.warn(`[podium] warning: ${m}`));
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) throw new StartupError(`${path} is a directory, not a database file: set PODIUM_DB to a file path`);
  if (!exists) {
    mkdirSync(dirname(path), { recursive: true });
    setLeftoversAside(path, warn);
  }
  return new Database(path, { fileMustExist: exists, timeout: options.busyTimeoutMs ?? 2000 });
}

/**
 * One server per database: a lock held on `<path>.lock` for the life of the process (the OS releases it when the
 * process dies, even by kill -9). Two servers restoring the same rooms would each run half a game.
 */
export function holdServerLock(path: string): Database.Database {
  const lockPath = `${path}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  const lock = new Database(lockPath, { timeout: 500 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('COMMIT');
    return lock;
  } catch (error) {
    lock.close();
    const busy = ['SQLITE_BUSY', 'SQLITE_LOCKED'].includes(sqliteCode(error));
    if (busy) throw new StartupError(`${path} is in use by another Podium server (${lockPath} is locked): stop that server first, or set PODIUM_DB to another file`);
    throw describeOpenError(lockPath, error);
  }
}

/**
 * Opens (or creates) the database, checks it, then switches it to WAL. synchronous=NORMAL: in WAL mode a commit
 * survives the process being killed (kill -9); only a power cut can lose the last commits.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = path === ':memory:' ? new Database(path) : openFile(path, options);
    checkOwnership(db, path);
    checkNotLocked(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    return db;
  } catch (error) {
    db?.close();
    throw error instanceof StartupError ? error : describeOpenError(path, error);
  }
}
