// Live rooms in SQLite: a row per room (without players), a row per player (without answers), a row per answer
// (the slot). Written from changesBetween, so an answer is one small INSERT.
//
// Players are keyed by their join index, not their id: ids are random, so a join landed on a random B-tree page
// (and split it half-full), while join indexes grow, so joins append at the end of the room's rows. A player's
// join index is fixed from the join on and unique in the room (lobby-events.ts, restore.ts), so rewriting a player
// still replaces their one row. Removing players scans the room's rows once per commit, by id, as for the answers.
//
// Answers are appended in arrival order (a rowid table, indexed by room only), never inserted by key: with the
// key (room, player, round) every commit of a burst touched one B-tree page per answer, since player ids are
// random — at 10,000 players a round of answers cost ~250 ms of SQLite work and WAL pages; appended, ~35 ms
// (issue 14). A slot written twice (a room saved whole again) is read back with the later row winning, and the
// slots of a player who is no longer in the room are never read (restore.ts), so no lookup by key is needed on
// the write path. Removing a player still deletes their answers (one pass over the room's rows per commit).
import type Database from 'better-sqlite3';
import type { RoomChanges, SavedRoom } from '../shared/room/index.ts';

export const LIVE_SCHEMA = `
CREATE TABLE IF NOT EXISTS live_rooms (code TEXT PRIMARY KEY, phase TEXT NOT NULL, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS live_players (
  code TEXT NOT NULL, join_index INTEGER NOT NULL, player_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (code, join_index)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS live_answers (code TEXT NOT NULL, player_id TEXT NOT NULL, round INTEGER NOT NULL, slot TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS live_answers_code ON live_answers (code);
`;

/** Files written before the answers were appended keep them in live_slots (keyed): moved over once, in order. */
function migrateKeyedSlots(db: Database.Database): void {
  const old = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'live_slots'").get();
  if (!old) return;
  db.transaction(() => {
    db.exec('INSERT INTO live_answers (code, player_id, round, slot) SELECT code, player_id, round, slot FROM live_slots ORDER BY code, round');
    db.exec('DROP TABLE live_slots');
  })();
}

/** Files written before players were keyed by join index: the rows are moved over once. A row whose data has no
 *  join index (it would fail restore anyway) gets a negative one, so it is kept, not dropped or clashing. */
export function migrateKeyedPlayers(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'live_players\')').all();
  if (columns.length === 0 || columns.some((c) => c.name === 'join_index')) return;
  db.transaction(() => {
    db.exec('ALTER TABLE live_players RENAME TO live_players_by_id');
    db.exec(LIVE_SCHEMA);
    db.exec(`INSERT INTO live_players (code, join_index, player_id, data)
      SELECT code, CASE WHEN json_valid(data) AND json_type(data, '$.joinIndex') = 'integer' THEN json_extract(data, '$.joinIndex')
        ELSE -row_number() OVER (PARTITION BY code ORDER BY player_id) END, player_id, data FROM live_players_by_id`);
    db.exec('DROP TABLE live_players_by_id');
  })();
}

/** Rows per INSERT: one statement binds this many rows of four values (SQLite allows 32,766 parameters). */
export const ROWS_PER_INSERT = 64;

type Row = readonly [string, string | number, string | number, string];

/**
 * Writes rows of four columns in order, ROWS_PER_INSERT to a statement (`INSERT … VALUES (…), (…), …`) and the rest
 * one by one: a row's own call into SQLite costs about as much as writing it, and a burst commits thousands (at
 * 5,000 rows, 2.8 µs a row alone and 1.4–2.1 in rows of 64, measured here). Rows keep their order, so the table's
 * rowid order is still the order written (restore reads the later slot as the one that counts).
 */
function rowsInserter(db: Database.Database, insert: string): <T>(items: readonly T[], row: (item: T) => Row) => void {
  const one = db.prepare(`${insert} VALUES (?, ?, ?, ?)`);
  const many = db.prepare(`${insert} VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => '(?, ?, ?, ?)').join(', ')}`);
  const values: unknown[] = new Array(ROWS_PER_INSERT * 4);
  return (items, row) => {
    let i = 0;
    for (; i + ROWS_PER_INSERT <= items.length; i += ROWS_PER_INSERT) {
      for (let j = 0; j < ROWS_PER_INSERT; j++) {
        const r = row(items[i + j]!);
        for (let c = 0; c < 4; c++) values[j * 4 + c] = r[c];
      }
      many.run(values);
    }
    for (; i < items.length; i++) one.run(row(items[i]!));
  };
}

export interface LiveRoomsSql {
  write(code: string, changes: RoomChanges, now: number): void;
  drop(code: string): void;
  loadAll(): SavedRoom[];
}

export function liveRoomsSql(db: Database.Database): LiveRoomsSql {
  migrateKeyedSlots(db);
  migrateKeyedPlayers(db);
  const putRoom = db.prepare('INSERT OR REPLACE INTO live_rooms (code, phase, state, updated_at) VALUES (?, ?, ?, ?)');
  const putPlayers = rowsInserter(db, 'INSERT OR REPLACE INTO live_players (code, join_index, player_id, data)');
  const addSlots = rowsInserter(db, 'INSERT INTO live_answers (code, player_id, round, slot)');
  const delPlayers = db.prepare('DELETE FROM live_players WHERE code = ? AND player_id IN (SELECT value FROM json_each(?))');
  const delPlayersSlots = db.prepare('DELETE FROM live_answers WHERE code = ? AND player_id IN (SELECT value FROM json_each(?))');
  const drops = ['live_rooms', 'live_players', 'live_answers'].map((t) => db.prepare(`DELETE FROM ${t} WHERE code = ?`));
  const rooms = db.prepare<[], { code: string; state: string }>('SELECT code, state FROM live_rooms');
  const players = db.prepare<[string], { data: string }>('SELECT data FROM live_players WHERE code = ?');
  // In the order written: a later row for the same player and round replaces an earlier one (restore.ts).
  const slots = db.prepare<[string], { player_id: string; slot: string }>('SELECT player_id, slot FROM live_answers WHERE code = ? ORDER BY rowid');

  return {
    write(code, changes, now) {
      if (changes.room) putRoom.run(code, changes.room.stage.phase, JSON.stringify(changes.room), now);
      putPlayers(changes.players, (p) => [code, p.joinIndex, p.id, JSON.stringify(p)]);
      if (changes.removed.length > 0) {
        const ids = JSON.stringify(changes.removed);
        delPlayers.run(code, ids);
        delPlayersSlots.run(code, ids);
      }
      addSlots(changes.slots, (s) => [code, s.playerId, s.slot.round, JSON.stringify(s.slot)]);
    },
    drop(code) {
      for (const statement of drops) statement.run(code);
    },
    loadAll() {
      return rooms.all().map((row) => ({
        code: row.code,
        // Parsed here, trusted only after restore.ts has checked them against their version's schema.
        room: JSON.parse(row.state) as unknown,
        players: players.all(row.code).map((p) => JSON.parse(p.data) as unknown),
        slots: slots.all(row.code).map((s) => ({ playerId: s.player_id, slot: JSON.parse(s.slot) as unknown })),
      }));
    },
  };
}
