// Per-address limits hold across nodes when they count in Redis: two servers sharing one real redis-server give a
// room creator and a guesser one budget between them; with Redis down each node still limits on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { io as connectClient } from 'socket.io-client';
import { defaultLimits, type Limits } from '../../../server/context.ts';
import { redisLimiterStore } from '../../../server/cluster/redis-limiter-store.ts';
import { call, settings, startServer, waitFor, type Client, type TestServer } from '../harness.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';

let redis: RedisServer;
const clients: Redis[] = [];
const servers: TestServer[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const c of clients) c.disconnect();
  await redis?.close();
});

async function nodes(limits: Partial<Limits>): Promise<[TestServer, TestServer]> {
  const make = async (): Promise<TestServer> => {
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    // The outage below is on purpose: its connection errors are expected.
    client.on('error', () => {});
    clients.push(client);
    // Until the connection is ready the store counts in memory (the insurance limiter): a node in cluster mode
    // connects before it serves, and so does this one.
    if (client.status !== 'ready') await new Promise((r) => client.once('ready', r));
    const server = await startServer({ ...defaultLimits, connectionsPerAddress: 1000, ...limits }, { limiterStore: redisLimiterStore(client) });
    servers.push(server);
    return server;
  };
  return [await make(), await make()];
}

async function from(server: TestServer, address: string): Promise<Client> {
  const socket: Client = connectClient(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress: address } as never);
  server.clients.push(socket);
  await waitFor(socket, 'connect');
  return socket;
}

const create = async (server: TestServer, address: string): Promise<string> => {
  const ack = await call(await from(server, address), 'room:create', { settings: settings() });
  return ack.ok ? 'ok' : ack.error;
};

describe('limits counted in Redis', () => {
  it('give an address one room-creation budget across nodes, and another address its own', async () => {
    const [a, b] = await nodes({ createsPerMinute: 2 });
    expect([await create(a, '127.0.0.2'), await create(b, '127.0.0.2'), await create(a, '127.0.0.2'), await create(b, '127.0.0.2')])
      .toEqual(['ok', 'ok', 'rate_limited', 'rate_limited']);
    expect(await create(b, '127.0.0.3')).toBe('ok');
  });

  it('give a guesser one budget across nodes', async () => {
    const [a, b] = await nodes({ guessesPerSocket: 100, guessesPerAddressPerMinute: 4, overBudgetGuessEverySec: 60 });
    const guess = async (server: TestServer): Promise<string> => {
      const ack = await call(await from(server, '127.0.0.4'), 'room:join', { code: 'ZZZZZZ', name: 'x' });
      return ack.ok ? 'ok' : ack.error;
    };
    const seen = [await guess(a), await guess(b), await guess(a), await guess(b), await guess(a), await guess(b), await guess(a)];
    // Four within the budget, one more allowed past it (once per overBudgetGuessEverySec, wherever it is asked),
    // then refused on both nodes.
    expect(seen).toEqual(['room_not_found', 'room_not_found', 'room_not_found', 'room_not_found', 'room_not_found', 'too_many_attempts', 'too_many_attempts']);
  });

  it('still limit, on each node alone, while Redis is down', async () => {
    const [a] = await nodes({ createsPerMinute: 1 });
    await redis.stop('SIGKILL');
    try {
      expect([await create(a, '127.0.0.5'), await create(a, '127.0.0.5')]).toEqual(['ok', 'rate_limited']);
    } finally {
      await redis.start();
    }
  });
});
