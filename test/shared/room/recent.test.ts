import { describe, expect, it } from 'vitest';
import { changesBetween, createRoom, restoreRoom, viewForRoom, type RoomState } from '../../../shared/room/index.ts';
import { RECENT } from '../../../shared/room/views.ts';
import { apply, fold, join, newRoom, T0 } from './fixtures.ts';

const recentIds = (state: RoomState): string[] => {
  const view = viewForRoom(state, T0);
  return view.phase === 'lobby' ? view.recent.map((r) => r.playerId) : [];
};

const ids = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `p${to - 1 - i}`);

function saveAndRestore(state: RoomState): RoomState {
  const c = changesBetween(null, state);
  return restoreRoom({ code: c.room!.code, room: c.room!, players: c.players, slots: c.slots }, T0);
}

describe('the lobby recent arrivals', () => {
  it('lists the last RECENT arrivals newest first', () => {
    const state = fold(newRoom(), Array.from({ length: 30 }, (_, i) => join(`p${i}`)));
    expect(recentIds(state)).toEqual(ids(30 - RECENT, 30));
    expect(state.recent).toHaveLength(RECENT);
  });

  it('drops a player who left, and does not bring back an older one when the next player arrives', () => {
    let state = fold(newRoom(), Array.from({ length: 30 }, (_, i) => join(`p${i}`)));
    state = apply(state, { type: 'leave', playerId: 'p25', now: T0 });
    expect(recentIds(state)).toEqual(ids(30 - RECENT, 30).filter((id) => id !== 'p25'));
    state = apply(state, join('p30'));
    expect(recentIds(state)).toEqual(ids(31 - RECENT, 31).filter((id) => id !== 'p25'));
  });

  it('is rebuilt the same after a restart', () => {
    let state = fold(newRoom(), Array.from({ length: 25 }, (_, i) => join(`p${i}`)));
    state = apply(state, { type: 'leave', playerId: 'p20', now: T0 });
    expect(saveAndRestore(state).recent).toEqual(state.recent);
    expect(createRoom({ code: 'ABCDEF', seed: 's', hostToken: 'h', settings: state.settings, now: T0 }).recent).toEqual([]);
  });
});

describe('the lobby recent arrivals with teams', () => {
  it('shows the team a player picked', () => {
    let state = fold(newRoom({ teamMode: 'pick' }), [join('a'), join('b')]);
    state = apply(state, { type: 'pickTeam', playerId: 'a', team: 1, now: T0 });
    const view = viewForRoom(state, T0);
    expect(view.phase === 'lobby' ? view.recent : []).toEqual([
      { playerId: 'b', name: 'b', team: null },
      { playerId: 'a', name: 'a', team: 1 },
    ]);
    expect(saveAndRestore(state).recent).toEqual(state.recent);
  });
});
