// The node's Redis connection in cluster mode: reached before the node listens (a node that cannot reach Redis does
// not start: exit 2, password never printed), then kept by ioredis, which reconnects by itself. Commands are
// auto-pipelined (the fenced writes of one batch, the sweep's lease reads go in one round trip) and fail after a
// couple of retries instead of queueing for long: a write that cannot be made in time sets its room down
// (async-outbox.ts) rather than holding every ack.
import { Redis } from 'ioredis';
import { redacted } from '../postgres/teacher-data.ts';
import type { Log } from '../types.ts';

export const REDIS_CONNECT_TIMEOUT_MS = 5000;

export function redisConnection(url: string): Redis {
  return new Redis(url, { lazyConnect: true, enableAutoPipelining: true, maxRetriesPerRequest: 2, connectTimeout: REDIS_CONNECT_TIMEOUT_MS, retryStrategy: (times) => Math.min(times * 100, 1000) });
}

export async function connectRedisOrExit(url: string, { log, closeFirst }: { log: Log; closeFirst(): void }): Promise<Redis> {
  const redis = redisConnection(url);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    console.error(`podium: cannot reach Redis at ${redacted(url)} (${error instanceof Error ? error.message : String(error)}): start it, or check PODIUM_REDIS_URL`);
    closeFirst();
    process.exit(2);
  }
  // Unhandled, a connection error would end the process; ioredis reconnects by itself.
  let broken = false;
  redis.on('error', (error) => {
    if (!broken) log('the Redis connection broke (reconnecting)', error);
    broken = true;
  });
  redis.on('ready', () => {
    if (broken) log('Redis reached again');
    broken = false;
  });
  return redis;
}
