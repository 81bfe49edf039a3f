// LeaseCommands on Redis (ioredis): each operation is one Lua script, run atomically by Redis. ioredis sends them
// with EVALSHA and falls back to EVAL once after a Redis restart (which empties the script cache).
import type { Redis } from 'ioredis';
import { fenceKey, FENCE_KEEP_MS, holderValue, leaseKey, parseHolder, roomKey, type LeaseCommands } from './lease-commands.ts';

// KEYS[1] lease, KEYS[2] fence; ARGV[1] holder, ARGV[2] ttl ms, ARGV[3] fence keep ms. Returns the token or false.
const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local token = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
return token`;

// KEYS[1] lease; ARGV[1] "holder:token", ARGV[2] ttl ms. 1 when extended.
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

// KEYS[1] lease; ARGV[1] "holder:token".
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

// KEYS[1] fence, KEYS[2] room hash; ARGV[1] token, ARGV[2] count of fields to set, then field/value pairs, then
// fields to delete. 1 when written. One HSET per field rather than unpack(): Lua's unpack has a stack limit that a
// join burst of thousands of players would pass.
const WRITE_FENCED = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local last_set = 2 + tonumber(ARGV[2]) * 2
for i = 3, last_set, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
for i = last_set + 1, #ARGV do redis.call('HDEL', KEYS[2], ARGV[i]) end
return 1`;

// KEYS[1] fence, KEYS[2] room hash; ARGV[1] token. 1 when deleted (or already gone).
const DROP_FENCED = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
return 1`;

interface LeaseScripts {
  podiumAcquire(lease: string, fence: string, holder: string, ttlMs: number, keepMs: number): Promise<number | null>;
  podiumRenew(lease: string, value: string, ttlMs: number): Promise<number>;
  podiumRelease(lease: string, value: string): Promise<number>;
  podiumWriteFenced(fence: string, room: string, ...args: (string | number)[]): Promise<number>;
  podiumDropFenced(fence: string, room: string, token: string): Promise<number>;
}

export function redisLeaseCommands(redis: Redis): LeaseCommands {
  redis.defineCommand('podiumAcquire', { numberOfKeys: 2, lua: ACQUIRE });
  redis.defineCommand('podiumRenew', { numberOfKeys: 1, lua: RENEW });
  redis.defineCommand('podiumRelease', { numberOfKeys: 1, lua: RELEASE });
  redis.defineCommand('podiumWriteFenced', { numberOfKeys: 2, lua: WRITE_FENCED });
  redis.defineCommand('podiumDropFenced', { numberOfKeys: 2, lua: DROP_FENCED });
  const scripts = redis as unknown as LeaseScripts;
  return {
    async acquire(room, holder, ttlMs) {
      const token = await scripts.podiumAcquire(leaseKey(room), fenceKey(room), holder, ttlMs, FENCE_KEEP_MS);
      return token === null ? null : Number(token);
    },
    async renew(room, holder, token, ttlMs) {
      return (await scripts.podiumRenew(leaseKey(room), holderValue(holder, token), ttlMs)) === 1;
    },
    async release(room, holder, token) {
      await scripts.podiumRelease(leaseKey(room), holderValue(holder, token));
    },
    async owner(room) {
      return parseHolder(await redis.get(leaseKey(room)));
    },
    async writeFenced(room, token, writes) {
      const sets = Object.entries(writes.set);
      const args = [String(token), sets.length, ...sets.flat(), ...writes.del];
      return (await scripts.podiumWriteFenced(fenceKey(room), roomKey(room), ...args)) === 1;
    },
    async dropFenced(room, token) {
      return (await scripts.podiumDropFenced(fenceKey(room), roomKey(room), String(token))) === 1;
    },
    async readRoom(room) {
      return redis.hgetall(roomKey(room));
    },
  };
}
