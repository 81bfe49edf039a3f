// Restoring a saved room checks its version and the shape of every row (records.ts), and rebuilds what the live
// room had without it being stored: the totals, streaks and ranks a close settled come from the answers on disk.
import { describe, expect, it } from 'vitest';
import { allPlayers, changesBetween, restoreRoom, RestoreError, viewForPlayer, type RoomState } from '../../../shared/room/index.ts';
import type { SavedRoom } from '../../../shared/room/restore.ts';
import { answer, apply, fold, join, next, solutionOf, started, T0, wrongOf } from './fixtures.ts';

/** The rows a fresh save writes, through JSON as the database holds them. */
function saved(state: RoomState): SavedRoom {
  const c = changesBetween(null, state);
  return JSON.parse(JSON.stringify({ code: state.code, room: c.room, players: c.players, slots: c.slots })) as SavedRoom;
}

/** A room saved as the live server saves it: one full save, then only what each step changed. */
function savedAlong(states: RoomState[]): SavedRoom {
  const rows = { room: null as unknown, players: new Map<string, unknown>(), slots: new Map<string, unknown>() };
  let prev: RoomState | null = null;
  for (const s of states) {
    const c = changesBetween(prev, s);
    if (c.room) rows.room = c.room;
    for (const p of c.players) rows.players.set(p.id, p);
    for (const id of c.removed) rows.players.delete(id);
    for (const sl of c.slots) rows.slots.set(`${sl.playerId}/${sl.slot.round}`, sl);
    prev = s;
  }
  return JSON.parse(JSON.stringify({ code: states[0]!.code, room: rows.room, players: [...rows.players.values()], slots: [...rows.slots.values()] })) as SavedRoom;
}

const ids = ['a', 'b', 'c', 'd'];

/** Two rounds played with different results, a late joiner, and a player who missed round 1. */
function played(): RoomState[] {
  const states: RoomState[] = [started(ids)];
  const step = (f: (s: RoomState) => RoomState): void => void states.push(f(states.at(-1)!));
  step((s) => apply(s, answer(s, 'a', solutionOf(s), T0 + 2000)));
  step((s) => apply(s, answer(s, 'b', wrongOf(s), T0 + 3000)));
  step((s) => apply(s, answer(s, 'c', solutionOf(s), T0 + 9000)));
  step((s) => apply(s, { type: 'tick', now: s.question!.deadline }));
  step((s) => apply(s, join('e', 'e', T0 + 22_000)));
  step((s) => fold(s, [next(s, T0 + 23_000), { type: 'next', actor: { role: 'host' }, phase: 'leaderboard', round: 1, now: T0 + 24_000 }]));
  for (const id of ['a', 'b', 'c', 'd']) step((s) => apply(s, answer(s, id, id === 'b' ? solutionOf(s) : wrongOf(s), T0 + 25_000)));
  step((s) => (s.phase === 'question' ? apply(s, answer(s, 'e', solutionOf(s), T0 + 26_000)) : s));
  return states;
}

describe('restoreRoom', () => {
  it('gives every player the same me:state after a close as the live room sent', () => {
    const states = played();
    const live = states.at(-1)!;
    expect(live.phase).toBe('reveal');
    const restored = restoreRoom(savedAlong(states), T0 + 30_000);
    for (const p of allPlayers(live)) expect(viewForPlayer(restored, p.id)).toEqual(viewForPlayer(live, p.id));
    expect(allPlayers(live).map((p) => [p.id, p.score, p.streak, p.rank]).sort()).toEqual(allPlayers(restored).map((p) => [p.id, p.score, p.streak, p.rank]).sort());
    expect(restored.reveal).toEqual(live.phase === 'reveal' ? live.reveal : null);
  });

  it('restores a version 1 room (the phase inline, a slot for every miss)', () => {
    const s = apply(started(['a', 'b']), answer(started(['a', 'b']), 'a', 'x', T0 + 2000));
    const rows = saved(s);
    const { stage: _stage, ...rest } = rows.room as Record<string, unknown>;
    const q = s.question!;
    const v1 = { ...rest, version: 1, phase: 'question', question: { round: 1, startedAt: q.startedAt, deadline: q.deadline }, reveal: null, phaseDeadline: q.deadline };
    const players = (rows.players as Record<string, unknown>[]).map(({ since: _since, ...p }) => p);
    const restored = restoreRoom({ ...rows, room: v1, players }, T0 + 3000);
    expect(restored.phase).toBe('question');
    expect(restored.question).toEqual(q);
    expect(restored.answered).toBe(1);
    expect(restored.pending).toBe(1);
  });

  it('refuses a record of an unknown version, and junk, saying which room and what is wrong', () => {
    const rows = saved(started(['a']));
    expect(() => restoreRoom({ ...rows, room: { ...(rows.room as object), version: 99 } }, T0)).toThrow(/ABCDEF: record version 99/);
    expect(() => restoreRoom({ ...rows, room: { ...(rows.room as object), version: undefined } }, T0)).toThrow(RestoreError);
    expect(() => restoreRoom({ ...rows, room: 'junk' }, T0)).toThrow(RestoreError);
    expect(() => restoreRoom({ ...rows, room: { ...(rows.room as object), round: -1 } }, T0)).toThrow(/room record ABCDEF: round/);
    expect(() => restoreRoom({ ...rows, players: [{ id: 'a' }] }, T0)).toThrow(/player 0 of room ABCDEF/);
    expect(() => restoreRoom({ ...rows, slots: [{ playerId: 'a', slot: { round: 'x' } }] }, T0)).toThrow(/slot 0 of room ABCDEF/);
  });

  it('refuses a stage that contradicts the round count', () => {
    const rows = saved(started(['a']));
    expect(() => restoreRoom({ ...rows, room: { ...(rows.room as object), round: 9 } }, T0)).toThrow(/round 9 in phase question of a 3-round game/);
  });
});
