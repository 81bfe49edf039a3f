// One SQLite file (better-sqlite3, WAL): finished games (settings, players, teams, every answer, the ranking) and
// the live rooms, each change written in the same transaction as it is made. With PODIUM_DATABASE_URL set, finished
// games go to PostgreSQL instead: here they only wait in an outbox table, written in that same transaction, until
// server/postgres/forwarder.ts has stored them there (docs/operations.md, "PostgreSQL").
import type Database from 'better-sqlite3';
import { timingSafeEqual } from 'node:crypto';
import type { FinalResults } from '../shared/protocol.ts';
import { changesBetween, isEmptyChange, type RoomChanges, type RoomState, type SavedRoom } from '../shared/room/index.ts';
import { holdServerLock, openDatabase, type OpenOptions } from './database.ts';
import { LIVE_SCHEMA, liveRoomsSql } from './live-rooms-sql.ts';
import { hashToken } from './tokens.ts';
import { sqliteLibrary } from './library/sqlite-library.ts';
import { assignmentsSql } from './assignments/assignments-sql.ts';
import type { TeacherData } from './teacher-data.ts';
import { sqliteOutbox, OUTBOX_SCHEMA, type Outbox } from './postgres/outbox.ts';

/** The live rooms' storage: the rooms' outbox commits through it, synchronously (live-store.ts, outbox.ts). */
export interface Store {
  /** Stores a finished game once: a second call for the same code and finish time does nothing. */
  saveGame(results: FinalResults, hostTokenHash: string): void;
  /** Writes what changed from `prev` to `next` (and the results of a game that just finished) in one transaction;
   *  `changes`: those rows, when the caller already knows them (live-store.ts, RoomCommit). */
  saveRoom(prev: RoomState | null, next: RoomState, results: FinalResults | null, changes?: RoomChanges): void;
  /** Runs `fn` (several saveRoom calls) as one transaction: all of them are saved, or none (it throws). */
  batch(fn: () => void): void;
  /** Forgets a live room (expired). */
  dropRoom(code: string): void;
  /** Every live room as saved, for a restart. */
  liveRooms(): SavedRoom[];
  /** Open, and the last write (a save or a probe) went through: what /readyz reports. */
  ready(): boolean;
  /** Writes one tiny row, so readiness notices a disk that stopped taking writes (or took them again) while no
   *  game is saving anything. Never throws. */
  probe(): boolean;
  /** Time of each successful write transaction, for /metrics. */
  onWrite?: (seconds: number) => void;
  close(): void;
}

/** The SQLite file: the live rooms, and the teacher's data in the same file (the default), or the outbox of
 *  finished games bound for PostgreSQL. */
export interface SqliteStore extends Store {
  /** The teacher's data in this file. Not used when PostgreSQL holds it. */
  teacher: TeacherData;
  /** Finished games waiting for PostgreSQL; null unless opened with `finishedGames: 'outbox'`. */
  outbox: Outbox | null;
}

export interface StoreOptions extends OpenOptions {
  /** Where finished games go: this file's games tables (the default), or the outbox bound for PostgreSQL. */
  finishedGames?: 'here' | 'outbox';
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, host_token_hash TEXT NOT NULL, settings TEXT NOT NULL,
  started_at INTEGER, finished_at INTEGER NOT NULL, results TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS games_code ON games (code, id);
CREATE TABLE IF NOT EXISTS game_players (
  game_id INTEGER NOT NULL REFERENCES games(id), player_id TEXT NOT NULL, name TEXT NOT NULL,
  team INTEGER, score INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (game_id, player_id));
CREATE TABLE IF NOT EXISTS game_teams (
  game_id INTEGER NOT NULL REFERENCES games(id), team INTEGER NOT NULL, name TEXT NOT NULL,
  size INTEGER NOT NULL, score INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (game_id, team));
CREATE TABLE IF NOT EXISTS game_answers (
  game_id INTEGER NOT NULL REFERENCES games(id), player_id TEXT NOT NULL, round INTEGER NOT NULL,
  kind TEXT NOT NULL, answer TEXT, score REAL NOT NULL, correct INTEGER NOT NULL, points INTEGER NOT NULL,
  time_ms INTEGER, PRIMARY KEY (game_id, player_id, round));
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY, probed_at INTEGER NOT NULL);
`;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

function insertGame(db: Database.Database, r: FinalResults, hostTokenHash: string): void {
  const stored = db.prepare('SELECT 1 FROM games WHERE code = ? AND finished_at = ?').get(r.code, r.finishedAt);
  if (stored) return;
  const { lastInsertRowid: gameId } = db
    .prepare('INSERT INTO games (code, host_token_hash, settings, started_at, finished_at, results) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.code, hostTokenHash, JSON.stringify(r.settings), r.startedAt, r.finishedAt, JSON.stringify(r));
  const player = db.prepare('INSERT INTO game_players VALUES (?, ?, ?, ?, ?, ?)');
  const answer = db.prepare('INSERT INTO game_answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const team = db.prepare('INSERT INTO game_teams VALUES (?, ?, ?, ?, ?, ?)');
  const kinds = new Map(r.rounds.map((x) => [x.round, x.kind]));
  for (const p of r.players) {
    player.run(gameId, p.playerId, p.name, p.team, p.score, p.rank);
    for (const a of p.rounds) {
      const stored = a.answer === null ? null : JSON.stringify(a.answer);
      answer.run(gameId, p.playerId, a.round, kinds.get(a.round) ?? '', stored, a.score, a.correct ? 1 : 0, a.points, a.timeMs);
    }
  }
  for (const t of r.teams) team.run(gameId, t.team, t.name, t.size, t.score, t.rank);
}

export function openStore(path: string, options: StoreOptions = {}): SqliteStore {
  const lock = path === ':memory:' ? null : holdServerLock(path);
  let db: Database.Database;
  try {
    db = openDatabase(path, options);
    db.exec(SCHEMA + LIVE_SCHEMA + OUTBOX_SCHEMA);
  } catch (error) {
    lock?.close();
    throw error;
  }
  const live = liveRoomsSql(db);
  const outbox = options.finishedGames === 'outbox' ? sqliteOutbox(db) : null;
  const finish = (r: FinalResults, hash: string): void => (outbox ? outbox.add({ type: 'game', results: r, hostTokenHash: hash }) : insertGame(db, r, hash));
  const save = db.transaction(finish);
  const writeRoom = (prev: RoomState | null, next: RoomState, results: FinalResults | null, known?: RoomChanges): void => {
    const changes = known ?? changesBetween(prev, next);
    if (!isEmptyChange(changes)) live.write(next.code, changes, next.lastActivity);
    if (results) finish(results, next.host.token);
  };
  const saveRoom = db.transaction(writeRoom);
  const latest = db.prepare<[string], { host_token_hash: string; results: string }>(
    'SELECT host_token_hash, results FROM games WHERE code = ? ORDER BY id DESC LIMIT 1',
  );
  const probeRow = db.prepare('INSERT OR REPLACE INTO health (id, probed_at) VALUES (1, ?)');
  let lastWriteOk = true;
  const library = sqliteLibrary(db);
  const assignments = assignmentsSql(db, (results, ownerHash) => insertGame(db, results, ownerHash));
  const teacher: TeacherData = {
    kind: 'sqlite',
    library,
    assignments: {
      save: async (prev, next, results, now) => tracked(() => assignments.save(prev, next, results, now)),
      drop: async (code) => tracked(() => assignments.drop(code)),
      loadAll: async () => assignments.loadAll(),
    },
    finished: {
      async gameFor(code, hostToken) {
        const row = latest.get(code);
        if (!row) return null;
        return sameHash(row.host_token_hash, hashToken(hostToken)) ? (JSON.parse(row.results) as FinalResults) : 'forbidden';
      },
    },
    // The file is closed with the store (close() below), which the live rooms still use.
    close: async () => {},
  };
  const store: SqliteStore = {
    teacher,
    outbox,
    saveGame: (results, hostTokenHash) => tracked(() => save(results, hostTokenHash)),
    // Inside batch() the outer transaction already makes the rooms all-or-nothing: no savepoint per room.
    saveRoom: (prev, next, results, changes) =>
      (db.inTransaction ? writeRoom(prev, next, results, changes) : tracked(() => saveRoom(prev, next, results, changes))),
    batch: (fn) => tracked(() => batch(fn)),
    dropRoom: (code) => tracked(() => dropRoom(code)),
    liveRooms: () => live.loadAll(),
    ready: () => db.open && lastWriteOk,
    probe() {
      if (!db.open) return false;
      try {
        tracked(() => probeRow.run(Date.now()));
      } catch {
        // lastWriteOk is false now: /readyz says 503 until a write goes through again.
      }
      return lastWriteOk;
    },
    close() {
      if (db.open) db.close();
      if (lock?.open) lock.close();
    },
  };
  const batch = db.transaction((fn: () => void) => fn());
  const dropRoom = db.transaction((code: string) => live.drop(code));

  /** Every write records whether it went through (and how long it took). */
  function tracked<T>(write: () => T): T {
    const started = performance.now();
    try {
      const result = write();
      lastWriteOk = true;
      store.onWrite?.((performance.now() - started) / 1000);
      return result;
    } catch (error) {
      lastWriteOk = false;
      throw error;
    }
  }
  return store;
}
