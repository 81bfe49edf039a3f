// The node bus on a real redis-server: a publish to a node's channel that nobody subscribes to (the node was
// killed: Redis dropped its connections) is reported as unheard, from PUBLISH's count of receivers; one that the
// node hears is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { redisNodeBus } from '../../../server/cluster/node-bus.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';

let server: RedisServer;
const connections: Redis[] = [];
const connect = (): Redis => {
  const r = new Redis(server.url, { maxRetriesPerRequest: 1 });
  connections.push(r);
  return r;
};

beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  for (const r of connections) r.disconnect();
  await server?.close();
});

describe('redisNodeBus', () => {
  it('says when nobody listens on a node channel, and not when the node does', async () => {
    const alive = redisNodeBus(connect(), connect(), () => {});
    const heard: string[] = [];
    await alive.listen('alive', (m) => heard.push(m));
    const pub = connect();
    const sender = redisNodeBus(pub, connect(), () => {});
    const unheard: string[] = [];
    // Replies on one connection come in order: once a PING after it is answered, the PUBLISH's reply was handled.
    const published = async (node: string, message: string): Promise<void> => {
      sender.publish(node, message, () => unheard.push(node));
      await pub.ping();
    };
    await published('dead', 'hello?');
    await published('alive', 'hello!');
    expect(unheard).toEqual(['dead']);
    while (heard.length === 0) await new Promise((r) => setTimeout(r, 10));
    await alive.close();
    await published('alive', 'still there?');
    expect(unheard).toEqual(['dead', 'alive']);
    expect(heard).toEqual(['hello!']);
  });
});
