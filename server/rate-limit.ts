// Token buckets: per socket (every event) and per address (failed joins, room creation).
import type { Clock } from './clock.ts';

export interface Bucket {
  /** Takes one token; false when empty. */
  take(): boolean;
  /** True when a token is available, without taking it. */
  has(): boolean;
}

/** One object per bucket, its methods on the prototype: every socket gets two of these (app.ts), so closures
 *  (a context and three functions each) were per-connection memory and allocation (issue 14). */
class TokenBucket implements Bucket {
  private readonly capacity: number;
  private readonly perSecond: number;
  private readonly clock: Clock;
  private tokens: number;
  private last: number;

  constructor(capacity: number, perSecond: number, clock: Clock) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.clock = clock;
    this.tokens = capacity;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  has(): boolean {
    this.refill();
    return this.tokens >= 1;
  }
}

export const tokenBucket = (capacity: number, perSecond: number, clock: Clock): Bucket => new TokenBucket(capacity, perSecond, clock);

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
