// Live rooms in SQLite: a row per room (without players), a row per player (without answers), a row per answer
// (the slot). Written from changesBetween, so an answer is one small INSERT.
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
  code TEXT NOT NULL, player_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (code, player_id)) WITHOUT ROWID;
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

export interface LiveRoomsSql {
  write(code: string, changes: RoomChanges, now: number): void;
  drop(code: string): void;
  loadAll(): SavedRoom[];
}

export function liveRoomsSql(db: Database.Database): LiveRoomsSql {
  migrateKeyedSlots(db);
  const putRoom = db.prepare('INSERT OR REPLACE INTO live_rooms (code, phase, state, updated_at) VALUES (?, ?, ?, ?)');
  const putPlayer = db.prepare('INSERT OR REPLACE INTO live_players (code, player_id, data) VALUES (?, ?, ?)');
  const addSlot = db.prepare('INSERT INTO live_answers (code, player_id, round, slot) VALUES (?, ?, ?, ?)');
  const delPlayer = db.prepare('DELETE FROM live_players WHERE code = ? AND player_id = ?');
  const delPlayersSlots = db.prepare('DELETE FROM live_answers WHERE code = ? AND player_id IN (SELECT value FROM json_each(?))');
  const drops = ['live_rooms', 'live_players', 'live_answers'].map((t) => db.prepare(`DELETE FROM ${t} WHERE code = ?`));
  const rooms = db.prepare<[], { code: string; state: string }>('SELECT code, state FROM live_rooms');
  const players = db.prepare<[string], { data: string }>('SELECT data FROM live_players WHERE code = ?');
  // In the order written: a later row for the same player and round replaces an earlier one (restore.ts).
  const slots = db.prepare<[string], { player_id: string; slot: string }>('SELECT player_id, slot FROM live_answers WHERE code = ? ORDER BY rowid');

  return {
    write(code, changes, now) {
      if (changes.room) putRoom.run(code, changes.room.stage.phase, JSON.stringify(changes.room), now);
      for (const p of changes.players) putPlayer.run(code, p.id, JSON.stringify(p));
      if (changes.removed.length > 0) {
        for (const id of changes.removed) delPlayer.run(code, id);
        delPlayersSlots.run(code, JSON.stringify(changes.removed));
      }
      for (const s of changes.slots) addSlot.run(code, s.playerId, s.slot.round, JSON.stringify(s.slot));
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
