// Keyed rate limits shared by every node (cluster mode): rate-limiter-flexible's Redis store, so a guesser or a
// room creator gets one budget whichever node their sockets reach. While Redis is unreachable each node counts in
// memory on its own (the library's insurance limiter): limits still hold, per node, instead of failing open or
// refusing everyone.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterStore } from '../limiter.ts';

export function redisLimiterStore(redis: Redis): LimiterStore {
  return {
    create: ({ keyPrefix, points, durationSec }) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `podium:limit:${keyPrefix}`,
        points,
        duration: durationSec,
        // Not ready (reconnecting): count in memory now rather than queue the command until Redis is back.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSec }),
      }),
  };
}
