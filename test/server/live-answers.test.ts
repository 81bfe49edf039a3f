// The answers' table in SQLite (live-rooms-sql.ts): appended, read back with the later row winning, a removed
// player's answers gone, and a file written with the older keyed table moved over on open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createRoom, reduce, restoreRoom, type RoomEvent, type RoomState } from '../../shared/room/index.ts';
import { kindById } from '../../shared/puzzles/index.ts';
import { openStore } from '../../server/store.ts';
import { ROWS_PER_INSERT } from '../../server/live-rooms-sql.ts';

const T0 = 1_700_000_000_000;
const host = { role: 'host' } as const;
const dir = mkdtempSync(join(tmpdir(), 'podium-answers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function must(state: RoomState, event: RoomEvent): RoomState {
  const r = reduce(state, event);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

const settings = { kinds: ['pod-phase' as const], difficulty: 'easy' as const, rounds: 3, secondsPerRound: 60, scoring: 'speed' as const, teamMode: 'off' as const, teamCount: 2, autoAdvance: false };

/** Three players in round 1; a and b answered (a right, b right), c not yet. */
function playing(): RoomState {
  let s = createRoom({ code: 'ANSWER', seed: 'answers', hostToken: 'h', settings, now: T0 });
  for (const id of ['a', 'b', 'c']) s = must(s, { type: 'join', playerId: id, token: `${id}.t`, name: `N-${id}`, now: T0 });
  s = must(s, { type: 'start', actor: host, now: T0 + 1 });
  return s;
}

function answer(s: RoomState, id: string, now: number): RoomState {
  const solution = kindById(s.question!.kind).solve(s.question!.puzzle);
  return must(s, { type: 'answer', playerId: id, round: s.round, answer: solution, now });
}

const count = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('live answers in SQLite', () => {
  it('restores the answers appended, with a room saved whole again adding rows but not answers', () => {
    const file = join(dir, 'append.db');
    const store = openStore(file);
    let s = playing();
    store.saveRoom(null, s, null);
    for (const [i, id] of ['a', 'b'].entries()) {
      const next = answer(s, id, T0 + 100 + i);
      store.saveRoom(s, next, null);
      s = next;
    }
    // A whole save (prev null) writes both answers a second time: read back, each is still one answer.
    store.saveRoom(null, s, null);
    const [saved] = store.liveRooms();
    store.close();
    expect(count(file, 'live_answers')).toBe(4);
    const back = restoreRoom(saved!, T0 + 200);
    if (back.phase !== 'question') throw new Error(back.phase);
    expect(back.answered).toBe(2);
    expect(back.pending).toBe(1);
  });

  it("deletes a removed player's answers and keeps the others'", () => {
    const file = join(dir, 'remove.db');
    const store = openStore(file);
    let s = playing();
    store.saveRoom(null, s, null);
    for (const id of ['a', 'b']) {
      const next = answer(s, id, T0 + 100);
      store.saveRoom(s, next, null);
      s = next;
    }
    const kicked = must(s, { type: 'kick', actor: host, playerId: 'a', now: T0 + 150 });
    store.saveRoom(s, kicked, null);
    const [saved] = store.liveRooms();
    store.close();
    expect(saved!.slots.map((x) => (x as { playerId: string }).playerId)).toEqual(['b']);
  });

  it('moves the answers of a file written with the keyed live_slots table, once', () => {
    const file = join(dir, 'old.db');
    let store = openStore(file);
    let s = playing();
    store.saveRoom(null, s, null);
    const next = answer(s, 'a', T0 + 100);
    store.saveRoom(s, next, null);
    s = next;
    store.close();
    // The file as an older server left it: the answer in live_slots, no live_answers table.
    const db = new Database(file);
    db.exec(`CREATE TABLE live_slots (code TEXT NOT NULL, player_id TEXT NOT NULL, round INTEGER NOT NULL, slot TEXT NOT NULL,
      PRIMARY KEY (code, player_id, round)) WITHOUT ROWID;
      INSERT INTO live_slots SELECT code, player_id, round, slot FROM live_answers; DROP TABLE live_answers;`);
    db.close();
    store = openStore(file);
    const [saved] = store.liveRooms();
    store.close();
    expect(saved!.slots).toHaveLength(1);
    const back = restoreRoom(saved!, T0 + 200);
    if (back.phase !== 'question') throw new Error(back.phase);
    expect(back.answered).toBe(1);
    const after = new Database(file, { readonly: true });
    const tables = after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    after.close();
    expect(tables.map((t) => t.name)).not.toContain('live_slots');
    expect(count(file, 'live_answers')).toBe(1);
  });

  it('writes a commit of many joins and many answers in rows of ROWS_PER_INSERT and the rest, in order, each once', () => {
    const file = join(dir, 'many.db');
    const store = openStore(file);
    const n = ROWS_PER_INSERT * 2 + 7;
    const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const empty = createRoom({ code: 'MANYAN', seed: 'many', hostToken: 'h', settings, now: T0 });
    let s = empty;
    for (const id of ids) s = must(s, { type: 'join', playerId: id, token: `${id}.t`, name: `Name ${id}`, now: T0 });
    // One commit with every join (comparing the empty room with the full one), then one with every answer.
    store.saveRoom(null, empty, null);
    store.saveRoom(empty, s, null);
    const started = must(s, { type: 'start', actor: host, now: T0 + 1 });
    store.saveRoom(s, started, null);
    let answered = started;
    // Every player but the last, so the round stays open; the first half right, the rest with a wrong option.
    const q = started.question!;
    const right = kindById(q.kind).solve(q.puzzle);
    const wrong = (q.view as { options: { id: string }[] }).options.find((o) => o.id !== right)!.id;
    ids.slice(0, -1).forEach((id, i) => {
      answered = must(answered, { type: 'answer', playerId: id, round: 1, answer: i < n / 2 ? right : wrong, now: T0 + 100 + i });
    });
    store.saveRoom(started, answered, null);
    const [saved] = store.liveRooms();
    store.close();
    expect(count(file, 'live_players')).toBe(n);
    expect(count(file, 'live_answers')).toBe(n - 1);
    // Each answer once (in the order the comparison of the two tables lists them, which is not the join order).
    expect(saved!.slots.map((x) => (x as { playerId: string }).playerId).sort()).toEqual(ids.slice(0, -1));
    const back = restoreRoom(saved!, answered.lastActivity);
    expect(back).toEqual(answered);
  });
});
