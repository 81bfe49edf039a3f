// The lease commands' contract against the in-memory fake and against a real redis-server (Debian's, started here).
import { afterAll, beforeAll } from 'vitest';
import { Redis } from 'ioredis';
import { redisLeaseCommands } from '../../../server/cluster/redis-lease-commands.ts';
import type { LeaseCommands } from '../../../server/cluster/lease-commands.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';
import { fakeTime } from '../harness.ts';
import { leaseContract } from './lease-contract.ts';
import { memoryLeaseCommands } from './memory-lease-commands.ts';

leaseContract('in memory, fake clock', () => {
  const time = fakeTime();
  return { commands: memoryLeaseCommands(time.clock), wait: async (ms) => time.advance(ms) };
});

let server: RedisServer;
let client: Redis;
let commands: LeaseCommands;
beforeAll(async () => {
  server = await startRedis();
  client = new Redis(server.url, { maxRetriesPerRequest: 1 });
  commands = redisLeaseCommands(client);
});
afterAll(async () => {
  client?.disconnect();
  await server?.close();
});

leaseContract('Redis (Lua scripts)', () => ({ commands, wait: (ms) => new Promise((r) => setTimeout(r, ms)) }));
