// Live rooms in SQLite: a row per room (without players), a row per player (without answers), a row per player
// per round (the answer slot). Written from changesBetween, so an answer is one small INSERT.
import type Database from 'better-sqlite3';
import type { RoomChanges, SavedRoom } from '../shared/room/index.ts';

export const LIVE_SCHEMA = `
CREATE TABLE IF NOT EXISTS live_rooms (code TEXT PRIMARY KEY, phase TEXT NOT NULL, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS live_players (
  code TEXT NOT NULL, player_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (code, player_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS live_slots (
  code TEXT NOT NULL, player_id TEXT NOT NULL, round INTEGER NOT NULL, slot TEXT NOT NULL,
  PRIMARY KEY (code, player_id, round)) WITHOUT ROWID;
`;

export interface LiveRoomsSql {
  write(code: string, changes: RoomChanges, now: number): void;
  drop(code: string): void;
  loadAll(): SavedRoom[];
}

export function liveRoomsSql(db: Database.Database): LiveRoomsSql {
  const putRoom = db.prepare('INSERT OR REPLACE INTO live_rooms (code, phase, state, updated_at) VALUES (?, ?, ?, ?)');
  const putPlayer = db.prepare('INSERT OR REPLACE INTO live_players (code, player_id, data) VALUES (?, ?, ?)');
  const putSlot = db.prepare('INSERT OR REPLACE INTO live_slots (code, player_id, round, slot) VALUES (?, ?, ?, ?)');
  const delPlayer = db.prepare('DELETE FROM live_players WHERE code = ? AND player_id = ?');
  const delPlayerSlots = db.prepare('DELETE FROM live_slots WHERE code = ? AND player_id = ?');
  const drops = ['live_rooms', 'live_players', 'live_slots'].map((t) => db.prepare(`DELETE FROM ${t} WHERE code = ?`));
  const rooms = db.prepare<[], { code: string; state: string }>('SELECT code, state FROM live_rooms');
  const players = db.prepare<[string], { data: string }>('SELECT data FROM live_players WHERE code = ?');
  const slots = db.prepare<[string], { player_id: string; slot: string }>('SELECT player_id, slot FROM live_slots WHERE code = ?');

  return {
    write(code, changes, now) {
      if (changes.room) putRoom.run(code, changes.room.stage.phase, JSON.stringify(changes.room), now);
      for (const p of changes.players) putPlayer.run(code, p.id, JSON.stringify(p));
      for (const id of changes.removed) {
        delPlayer.run(code, id);
        delPlayerSlots.run(code, id);
      }
      for (const s of changes.slots) putSlot.run(code, s.playerId, s.slot.round, JSON.stringify(s.slot));
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
