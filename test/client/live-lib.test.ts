import { describe, expect, it } from 'vitest';
import { ClockOffset } from '../../client/src/lib/clock.ts';
import { SessionStore } from '../../client/src/lib/session-store.ts';
import { rankChange, rankChangeText } from '../../client/src/lib/rank-change.ts';
import { errorMessage } from '../../client/src/lib/live-errors.ts';
import { memoryStore } from './live-fake-socket.ts';

describe('ClockOffset', () => {
  it('is zero before any sample', () => {
    expect(new ClockOffset().offset).toBe(0);
  });

  it('trusts the least delayed of the recent samples', () => {
    const clock = new ClockOffset(3);
    clock.sample(10_000, 9_000);
    clock.sample(10_000, 9_400);
    expect(clock.offset).toBe(1000);
  });

  it('forgets samples older than the window', () => {
    const clock = new ClockOffset(2);
    clock.sample(10_000, 0);
    clock.sample(10_000, 9_000);
    clock.sample(10_000, 9_500);
    expect(clock.offset).toBe(1000);
  });
});

describe('SessionStore', () => {
  it('finds the last session of a role when no code is given', () => {
    const store = new SessionStore(memoryStore());
    store.save('player', { code: 'ABCDEF', token: 't' });
    expect(store.load('player')).toEqual({ code: 'ABCDEF', token: 't' });
    expect(store.load('host')).toBeNull();
  });

  it('keeps host and player tokens for the same room apart', () => {
    const store = new SessionStore(memoryStore());
    store.save('player', { code: 'ABCDEF', token: 'p' });
    store.save('host', { code: 'ABCDEF', token: 'h' });
    store.forget('player', 'ABCDEF');
    expect(store.load('player', 'ABCDEF')).toBeNull();
    expect(store.load('host', 'ABCDEF')).toEqual({ code: 'ABCDEF', token: 'h' });
  });

  it('works without storage at all', () => {
    const store = new SessionStore(null);
    store.save('player', { code: 'ABCDEF', token: 'p' });
    expect(store.load('player', 'ABCDEF')).toBeNull();
  });

  it('survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const store = new SessionStore(throwing);
    expect(() => store.save('host', { code: 'ABCDEF', token: 'h' })).not.toThrow();
    expect(store.load('host', 'ABCDEF')).toBeNull();
  });
});

describe('rankChange', () => {
  const entry = (playerId: string, rank: number, score = 500, gained = 100) => ({ playerId, rank, name: playerId, team: null, score, streak: 0, gained });
  const before = new Map([
    ['a', 1],
    ['b', 3],
  ]);

  it.each([
    ['a', 3, 'down 2', 'down'],
    ['b', 1, 'up 2', 'up'],
    ['a', 1, 'same', 'same'],
    ['c', 2, 'new in the top 10', 'star'],
  ])('tells %s moving to rank %i as "%s"', (id, rank, text, icon) => {
    expect(rankChangeText(rankChange(before, entry(id, rank)))).toEqual({ icon, text });
  });

  it('shows nothing on the first leaderboard', () => {
    expect(rankChangeText(rankChange(null, entry('a', 1))).text).toBe('');
  });

  it('says nothing about a player who had no points before this round: after a 0–0 round nobody went down', () => {
    expect(rankChange(before, entry('a', 3, 0, 0))).toEqual({ kind: 'none' });
    expect(rankChange(before, entry('a', 3, 700, 700))).toEqual({ kind: 'none' });
  });
});

describe('errorMessage', () => {
  it('has words for an unknown code too', () => {
    expect(errorMessage('something_new')).toMatch(/went wrong/);
  });
});
