import { describe, expect, it } from 'vitest';
import { reduce, getPlayer, allPlayers, viewForPlayer } from '../../../shared/room/index.ts';
import { answer, apply, asPlayer, fold, host, join, newRoom, solutionOf, started, T0 } from './fixtures.ts';

describe('reduce: joining', () => {
  it('trims names and refuses a name already taken ignoring case, suggesting another', () => {
    const s = apply(newRoom(), join('a', '  Ana  '));
    expect(getPlayer(s, 'a')!.name).toBe('Ana');
    expect(reduce(s, join('b', 'aNA'))).toEqual({ ok: false, error: 'name_taken', suggestion: 'aNA2' });
  });

  it.each([[''], ['   '], ['x'.repeat(21)], ['tab\there'], ['line\nbreak']])('refuses the name %j', (name) => {
    expect(reduce(newRoom(), join('a', name))).toEqual({ ok: false, error: 'invalid_name' });
  });

  it.each([['Zoë'], ['李小龙'], ['😀 party'], ['x'.repeat(20)], ['<b>bold</b>']])('accepts the name %j as text', (name) => {
    expect(getPlayer(apply(newRoom(), join('a', name)), 'a')!.name).toBe(name);
  });

  it('lets a late joiner into a running game with 0 points unless the room is locked', () => {
    let s = started(['a']);
    s = apply(s, join('late', 'Late', T0 + 2000));
    expect(getPlayer(s, 'late')).toMatchObject({ score: 0, connected: true });
    expect(s.pending).toBe(2);
    s = apply(s, { type: 'lock', actor: host, locked: true, now: T0 + 2001 });
    expect(reduce(s, join('later', 'Later', T0 + 2002))).toEqual({ ok: false, error: 'room_locked' });
  });
});

describe('reduce: kick and rejoin', () => {
  it('removes a kicked player and revokes their token', () => {
    let s = started(['a', 'b']);
    s = apply(s, { type: 'kick', actor: host, playerId: 'b', now: T0 + 2000 });
    expect(getPlayer(s, 'b')).toBeUndefined();
    expect(s.playerCount).toBe(1);
    expect(reduce(s, { type: 'rejoin', token: 'b.secret', now: T0 + 3000 })).toEqual({ ok: false, error: 'kicked' });
  });

  it('brings a player back with score, streak and this round\'s answer', () => {
    let s = started(['a', 'b'], { rounds: 3 });
    s = apply(s, answer(s, 'a', solutionOf(s), T0 + 1000));
    s = fold(s, [{ type: 'next', actor: host, phase: 'question', round: 1, now: T0 + 1500 }]);
    s = fold(s, [{ type: 'next', actor: host, phase: 'reveal', round: 1, now: T0 + 1600 }, { type: 'next', actor: host, phase: 'leaderboard', round: 1, now: T0 + 1700 }]);
    s = apply(s, answer(s, 'a', solutionOf(s), T0 + 1700));
    s = apply(s, { type: 'disconnect', actor: asPlayer('a'), now: T0 + 1800 });
    expect(getPlayer(s, 'a')!.connected).toBe(false);
    s = apply(s, { type: 'rejoin', token: 'a.secret', now: T0 + 1900 });
    expect(viewForPlayer(s, 'a')).toMatchObject({ score: 1000, streak: 1, answer: { round: 2, answer: solutionOf(s) } });
    expect(s.phase).toBe('question');
  });

  it('refuses a forged or unknown token', () => {
    const s = started(['a']);
    expect(reduce(s, { type: 'rejoin', token: 'a.guess', now: T0 })).toEqual({ ok: false, error: 'unknown_token' });
    expect(reduce(s, { type: 'rejoin', token: 'nodot', now: T0 })).toEqual({ ok: false, error: 'unknown_token' });
  });
});

describe('reduce: teams', () => {
  it('balances players into teams as they arrive', () => {
    const s = fold(newRoom({ teamMode: 'auto', teamCount: 3 }), ['a', 'b', 'c', 'd', 'e'].map((id) => join(id)));
    expect(s.teamSizes).toEqual([2, 2, 1]);
    expect(allPlayers(s).map((p) => p.team).sort()).toEqual([0, 0, 1, 1, 2]);
  });

  it('lets players pick a team in the lobby and balances the rest at the start', () => {
    let s = fold(newRoom({ teamMode: 'pick', teamCount: 2 }), [join('a', 'a', T0, 0), join('b'), join('c'), join('d')]);
    s = apply(s, { type: 'pickTeam', playerId: 'b', team: 0, now: T0 });
    expect(reduce(s, { type: 'pickTeam', playerId: 'c', team: 5, now: T0 })).toEqual({ ok: false, error: 'invalid_team' });
    s = apply(s, { type: 'start', actor: host, now: T0 + 1000 });
    expect(s.teamSizes).toEqual([2, 2]);
    expect([getPlayer(s, 'c')!.team, getPlayer(s, 'd')!.team]).toEqual([1, 1]);
  });
});

describe('reduce: illegal events', () => {
  it('leaves the state untouched when an event is refused', () => {
    const s = started(['a', 'b']);
    const copy = structuredClone(s);
    const events = [
      { type: 'start', actor: host, now: T0 },
      { type: 'kick', actor: host, playerId: 'zz', now: T0 },
      { type: 'answer', playerId: 'a', round: 9, answer: 'a', now: T0 },
      { type: 'pickTeam', playerId: 'a', team: 0, now: T0 },
      { type: 'leave', playerId: 'zz', now: T0 },
    ] as const;
    for (const e of events) expect(reduce(s, e).ok).toBe(false);
    expect(s).toEqual(copy);
  });
});
