// When a room hears who is here: every change in a small room; in a big one only once the changes reach half the
// connected players, or the room has gone quiet, or the last update is old. So a crowd joining slowly costs each
// phone a few presence messages, not one per throttle interval.
import { describe, expect, it } from 'vitest';
import { presenceDue, presenceTold, QUIET_MS, SMALL_ROOM, STALE_MS } from '../../server/presence-feed.ts';
import type { RoomState } from '../../shared/room/index.ts';
import { newRoom, T0 } from '../shared/room/fixtures.ts';

/** The feed is keyed by the room's owner; any object stands for one. */
const room = (): object => ({ code: 'ABCDEF' });
const withCount = (n: number, sizes: number[] = []): RoomState => ({ ...newRoom(), playerCount: n, connectedCount: n, teamSizes: sizes });

describe('presence re-broadcasts', () => {
  it('tells a small room every change, and nothing when nothing changed', () => {
    const r = room();
    expect(presenceDue(r, withCount(1), T0)).toBe('send');
    presenceTold(r, withCount(1), T0);
    expect(presenceDue(r, withCount(1), T0 + 500)).toBe('none');
    expect(presenceDue(r, withCount(2), T0 + 500)).toBe('send');
    expect(presenceDue(r, withCount(SMALL_ROOM), T0 + 500)).toBe('send');
  });

  it('makes a big room wait for changes worth half its connected players', () => {
    const r = room();
    presenceTold(r, withCount(1000), T0);
    expect(presenceDue(r, withCount(1010), T0 + 500)).toBe('wait');
    expect(presenceDue(r, withCount(1500), T0 + 1000)).toBe('wait');
    expect(presenceDue(r, withCount(1999), T0 + 1500)).toBe('wait');
    expect(presenceDue(r, withCount(2000), T0 + 1800)).toBe('send');
  });

  it('counts team moves as changes', () => {
    const r = room();
    presenceTold(r, withCount(600, [300, 300]), T0);
    expect(presenceDue(r, withCount(600, [310, 290]), T0 + 500)).toBe('wait');
    expect(presenceDue(r, withCount(600, [550, 50]), T0 + 1000)).toBe('wait');
    expect(presenceDue(r, withCount(600, [600, 0]), T0 + 1500)).toBe('send');
  });

  it('tells what is left once the room has been quiet for a moment', () => {
    const r = room();
    presenceTold(r, withCount(1000), T0);
    expect(presenceDue(r, withCount(1010), T0 + 500)).toBe('wait');
    expect(presenceDue(r, withCount(1010), T0 + 500 + QUIET_MS - 1)).toBe('wait');
    expect(presenceDue(r, withCount(1010), T0 + 500 + QUIET_MS)).toBe('send');
  });

  it('never leaves a change untold longer than STALE_MS while joins trickle in', () => {
    const r = room();
    presenceTold(r, withCount(5000), T0);
    let verdict = 'wait';
    let t = T0;
    let n = 5000;
    while (verdict === 'wait') {
      t += 500;
      n += 1;
      verdict = presenceDue(r, withCount(n), t);
    }
    expect(verdict).toBe('send');
    expect(t - T0).toBe(STALE_MS);
  });
});
