// Keyed rate limits (per address, per room, per socket id) behind one small interface, so the store can change:
// rate-limiter-flexible's memory store now; its Redis store when several servers must share the counts.
// (The per-packet budget of each socket stays a plain token bucket, rate-limit.ts: it lives and dies with one
// socket on one server, and runs on every packet, where a promise each would cost.)
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimitOptions {
  /** Counters of different limits never mix: 'guess:address', 'join:room'… */
  keyPrefix: string;
  points: number;
  /** The window: `points` per this many seconds, counted from the key's first use. */
  durationSec: number;
}

/** Where the counters live. The scale-out issue adds a Redis store with the same shape. */
export interface LimiterStore {
  create(options: LimitOptions): RateLimiterAbstract;
}

export const memoryLimiterStore: LimiterStore = {
  create: ({ keyPrefix, points, durationSec }) => new RateLimiterMemory({ keyPrefix, points, duration: durationSec }),
};

export interface Limiter {
  /** Counts `points` against `key`; false when that went over the limit. */
  take(key: string, points?: number): Promise<boolean>;
  /** Gives points back (a guess that turned out not to be one). */
  refund(key: string, points?: number): Promise<void>;
  /** Uses the key's whole budget (a guesser that reached its address's limit gets no more from this socket). */
  exhaust(key: string): Promise<void>;
  /** Forgets the key (a socket that closed). */
  forget(key: string): Promise<void>;
  /** True when the key has used its whole budget in this window (without counting anything). */
  isOver(key: string): Promise<boolean>;
}

export function limiter(store: LimiterStore, options: LimitOptions): Limiter {
  const rl = store.create(options);
  return {
    async take(key, points = 1) {
      try {
        await rl.consume(key, points);
        return true;
      } catch (error) {
        if (error instanceof Error) throw error;
        return false;
      }
    },
    async refund(key, points = 1) {
      await rl.reward(key, points);
    },
    async exhaust(key) {
      await rl.penalty(key, options.points);
    },
    async forget(key) {
      await rl.delete(key);
    },
    async isOver(key) {
      const res = await rl.get(key);
      return res !== null && res.consumedPoints >= options.points;
    },
  };
}
