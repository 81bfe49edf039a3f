// The room lease on a real redis-server, real time and ioredis: renewals keep it, a release hands it over, a process
// that really stops (its thread blocked past the lease) wakes up without the room, and a Redis killed and started
// again (append-only file) keeps both the lease and the fence, so a token is never handed out twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { systemClock, systemScheduler } from '../../../server/clock.ts';
import { redisLeaseCommands } from '../../../server/cluster/redis-lease-commands.ts';
import { roomLeases, type RoomLease } from '../../../server/cluster/room-lease.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Blocks this thread: no timer, no socket, nothing of this process runs meanwhile (like SIGSTOP). */
const freeze = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

let server: RedisServer;
const clients: Redis[] = [];
const leases: RoomLease[] = [];

function node(holder: string, ttlMs: number, renewEveryMs: number) {
  const client = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  // The restart below is on purpose: its connection errors are expected.
  client.on('error', () => {});
  clients.push(client);
  const commands = redisLeaseCommands(client);
  return { commands, leases: roomLeases({ commands, holder, clock: systemClock, scheduler: systemScheduler(), ttlMs, renewEveryMs, log: () => {} }) };
}

beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await Promise.all(leases.map((l) => l.release().catch(() => {})));
  for (const c of clients) c.disconnect();
  await server?.close();
});

describe('room lease on Redis', () => {
  it('is kept by renewals over several lease times, then handed over at once by a release', async () => {
    // Renewed five times per lease time: a busy machine may delay a timer, not by a whole lease.
    const a = node('a', 1500, 300);
    const b = node('b', 1500, 300);
    const lease = (await a.leases.acquire('REAL01'))!;
    leases.push(lease);
    await sleep(3500);
    expect(lease.valid()).toBe(true);
    expect(await b.leases.acquire('REAL01')).toBeNull();
    await lease.release();
    const next = (await b.leases.acquire('REAL01'))!;
    leases.push(next);
    expect(next.token).toBe(lease.token + 1);
  });

  it('leaves an owner whose process stood still past its lease without the room when it wakes', async () => {
    const a = node('a', 300, 100);
    const b = node('b', 300, 100);
    const lease = (await a.leases.acquire('REAL02'))!;
    expect(await lease.write({ set: { room: 'by a' }, del: [] })).toBe(true);
    freeze(700);
    expect(lease.valid()).toBe(false);
    const next = (await b.leases.acquire('REAL02'))!;
    leases.push(next);
    expect(next).not.toBeNull();
    expect(await next.write({ set: { room: 'by b' }, del: [] })).toBe(true);
    expect(await lease.write({ set: { room: 'stale, by a' }, del: [] })).toBe(false);
    // Straight to Redis with the old token, as a write already on its way would be: fenced off.
    expect(await a.commands.writeFenced('REAL02', lease.token, { set: { room: 'stale, by a' }, del: [] })).toBe(false);
    expect(await b.commands.readRoom('REAL02')).toEqual({ room: 'by b' });
  });

  it('keeps the lease and the fence through a Redis kill -9 and restart', async () => {
    const a = node('a', 5000, 1000);
    const b = node('b', 5000, 1000);
    const lease = (await a.leases.acquire('REAL03'))!;
    await server.stop('SIGKILL');
    await server.start();
    expect(await b.commands.owner('REAL03')).toEqual({ holder: 'a', token: lease.token });
    // Renewals go on over the reconnected client (scripts are loaded again by ioredis).
    await sleep(2500);
    expect(lease.valid()).toBe(true);
    await lease.release();
    const next = (await b.leases.acquire('REAL03'))!;
    leases.push(next);
    expect(next.token).toBe(lease.token + 1);
  }, 30_000);
});
