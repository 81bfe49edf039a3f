// Token buckets: per socket (every event) and per address (failed joins, room creation).
import type { Clock } from './clock.ts';

export interface Bucket {
  /** Takes one token; false when empty. */
  take(): boolean;
  /** True when a token is available, without taking it. */
  has(): boolean;
}

export function tokenBucket(capacity: number, perSecond: number, clock: Clock): Bucket {
  let tokens = capacity;
  let last = clock.now();
  const refill = (): void => {
    const now = clock.now();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
    last = now;
  };
  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    has() {
      refill();
      return tokens >= 1;
    },
  };
}

/** One bucket per key (an address), forgotten wholesale when the map grows too big. */
export function keyedBuckets(capacity: number, perSecond: number, clock: Clock, maxKeys = 50_000): (key: string) => Bucket {
  const buckets = new Map<string, Bucket>();
  return (key) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxKeys) buckets.clear();
      bucket = tokenBucket(capacity, perSecond, clock);
      buckets.set(key, bucket);
    }
    return bucket;
  };
}
