// The per-socket token bucket (server/rate-limit.ts): a burst up to its capacity, then refilled at its rate, never
// above capacity; `has` looks without taking. Every event of every socket passes two of these (flood-guard.ts).
import { describe, expect, it } from 'vitest';
import { tokenBucket } from '../../server/rate-limit.ts';

const fakeClock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe('tokenBucket', () => {
  it('lets a burst of its capacity through, then refuses', () => {
    const clock = fakeClock();
    const b = tokenBucket(3, 1, clock);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    expect(b.has()).toBe(false);
  });

  it('refills at its rate, and never above its capacity', () => {
    const clock = fakeClock();
    const b = tokenBucket(2, 4, clock);
    b.take();
    b.take();
    clock.advance(200);
    expect(b.has()).toBe(false); // 0.8 of a token
    clock.advance(50);
    expect(b.take()).toBe(true); // 1 token at 250 ms
    expect(b.take()).toBe(false);
    clock.advance(60_000);
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false]);
  });

  it('has() does not take a token, and buckets do not share tokens', () => {
    const clock = fakeClock();
    const a = tokenBucket(1, 1, clock);
    const b = tokenBucket(1, 1, clock);
    expect(a.has()).toBe(true);
    expect(a.has()).toBe(true);
    expect(a.take()).toBe(true);
    expect(a.take()).toBe(false);
    expect(b.take()).toBe(true);
  });
});
