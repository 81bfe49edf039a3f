// The players' table in SQLite (live-rooms-sql.ts): keyed by join index, one row per player however often a player
// is rewritten, a removed player's row gone, restore exact, and a file written with the id-keyed table moved over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { allPlayers, createRoom, reduce, restoreRoom, type RoomEvent, type RoomState } from '../../shared/room/index.ts';
import { openStore } from '../../server/store.ts';

const T0 = 1_700_000_000_000;
const host = { role: 'host' } as const;
const dir = mkdtempSync(join(tmpdir(), 'podium-players-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function must(state: RoomState, event: RoomEvent): RoomState {
  const r = reduce(state, event);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

const settings = { kinds: ['pod-phase' as const], difficulty: 'easy' as const, rounds: 3, secondsPerRound: 60, scoring: 'speed' as const, teamMode: 'off' as const, teamCount: 2, autoAdvance: false };
// Ids in an order unlike the join order, as random ids are.
const IDS = ['zed', 'amy', 'kim', 'bob'];

/** Each step saved as the server saves it (prev → next). */
function saving(file: string, steps: ((s: RoomState) => RoomState)[]): RoomState {
  const store = openStore(file);
  let s = createRoom({ code: 'PLAYER', seed: 'players', hostToken: 'h', settings, now: T0 });
  store.saveRoom(null, s, null);
  for (const step of steps) {
    const next = step(s);
    store.saveRoom(s, next, null);
    s = next;
  }
  store.close();
  return s;
}

const join1 = (id: string, i: number) => (s: RoomState) => must(s, { type: 'join', playerId: id, token: `${id}.t`, name: `N-${id}`, now: T0 + i });

function rows(file: string): { join_index: number; player_id: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT join_index, player_id FROM live_players ORDER BY join_index').all() as { join_index: number; player_id: string }[];
  } finally {
    db.close();
  }
}

const summary = (s: RoomState) =>
  allPlayers(s).map((p) => ({ id: p.id, name: p.name, joinIndex: p.joinIndex, connected: p.connected, team: p.team })).sort((a, b) => a.joinIndex - b.joinIndex);

function restored(file: string): RoomState {
  const store = openStore(file);
  const [saved] = store.liveRooms();
  store.close();
  return restoreRoom(saved!, T0 + 1000);
}

describe('live players in SQLite', () => {
  it('keeps one row per player, in join order, through rewrites, and restores them exactly', () => {
    const file = join(dir, 'rows.db');
    const s = saving(file, [
      ...IDS.map(join1),
      (s) => must(s, { type: 'disconnect', actor: { role: 'player', playerId: 'kim' }, now: T0 + 10 }),
      (s) => must(s, { type: 'rename', actor: host, playerId: 'amy', name: 'Amelia', now: T0 + 11 }),
      (s) => must(s, { type: 'rejoin', token: 'kim.t', now: T0 + 12 }),
    ]);
    expect(rows(file)).toEqual(IDS.map((id, i) => ({ join_index: i, player_id: id })));
    const back = restored(file);
    expect(summary(back)).toEqual(summary(s));
    expect(summary(back).find((p) => p.id === 'amy')!.name).toBe('Amelia');
    expect(back.nextJoinIndex).toBe(s.nextJoinIndex);
  });

  it("deletes a kicked and a departed player's rows and keeps the others'", () => {
    const file = join(dir, 'removed.db');
    const s = saving(file, [
      ...IDS.map(join1),
      (s) => must(s, { type: 'kick', actor: host, playerId: 'amy', now: T0 + 10 }),
      (s) => must(s, { type: 'leave', playerId: 'bob', now: T0 + 11 }),
    ]);
    expect(rows(file).map((r) => r.player_id)).toEqual(['zed', 'kim']);
    const back = restored(file);
    expect(summary(back)).toEqual(summary(s));
    // A later joiner gets a new join index, so the departed players' indexes are never reused.
    expect(back.nextJoinIndex).toBe(4);
  });

  it('moves the players of a file written with the id-keyed live_players table, once', () => {
    const file = join(dir, 'old.db');
    const s = saving(file, IDS.map(join1));
    // The file as an older server left it: live_players keyed (code, player_id), no join_index column.
    const db = new Database(file);
    db.exec(`CREATE TABLE old_players (code TEXT NOT NULL, player_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (code, player_id)) WITHOUT ROWID;
      INSERT INTO old_players SELECT code, player_id, data FROM live_players; DROP TABLE live_players;
      ALTER TABLE old_players RENAME TO live_players;`);
    db.close();
    expect(summary(restored(file))).toEqual(summary(s));
    expect(rows(file)).toEqual(IDS.map((id, i) => ({ join_index: i, player_id: id })));
    // Written again after the move: a rewrite replaces the moved row, a removal deletes it.
    const store = openStore(file);
    const [saved] = store.liveRooms();
    const back = restoreRoom(saved!, T0 + 1000);
    const kicked = must(must(back, { type: 'disconnect', actor: { role: 'player', playerId: 'zed' }, now: T0 + 1001 }), { type: 'kick', actor: host, playerId: 'kim', now: T0 + 1002 });
    store.saveRoom(back, kicked, null);
    store.close();
    expect(rows(file).map((r) => r.player_id)).toEqual(['zed', 'amy', 'bob']);
    expect(summary(restored(file))).toEqual(summary(kicked));
    const after = new Database(file, { readonly: true });
    const tables = after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    after.close();
    expect(tables.map((t) => t.name).filter((t) => t.startsWith('live_players'))).toEqual(['live_players']);
  });
});
