// The connection guard's slow lane in cluster mode: a handshake token for a room owned by another node opens its
// seat from the room's hash in Redis (real redis-server), so a flooder's classmates on the same address reconnect
// at once whichever node they reach; a wrong token, an unknown room or a Redis that does not answer in time is
// "no token", as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { connectionGuard } from '../../../server/connection-guard.ts';
import { redisSeatOf, type RemoteSeatOf } from '../../../server/cluster/remote-seat.ts';
import { roomKey } from '../../../server/cluster/lease-commands.ts';
import { roomWrites } from '../../../server/cluster/room-rows.ts';
import { memoryLimiterStore } from '../../../server/limiter.ts';
import { createRooms } from '../../../server/rooms.ts';
import { hashToken, protectToken } from '../../../server/tokens.ts';
import { systemClock, systemScheduler } from '../../../server/clock.ts';
import { createRoom, reduce, type RoomState } from '../../../shared/room/index.ts';
import type { GameSocket } from '../../../server/types.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';
import { settings } from '../harness.ts';
import { recordingTransport } from '../host/recording-transport.ts';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.close();
});

const CODE = 'QWERTY';
const HOST = 'host-secret-token';
const ADA = 'ada1.ada-secret';

function roomWithAda(): RoomState {
  const room = createRoom({ code: CODE, seed: 'seed', hostToken: hashToken(HOST), settings: settings(), now: Date.now() });
  const joined = reduce(room, { type: 'join', playerId: 'ada1', token: protectToken(ADA), name: 'Ada', team: undefined, now: Date.now() });
  if (!joined.ok) throw new Error(joined.error);
  return joined.state;
}

async function saveInRedis(state: RoomState): Promise<void> {
  const writes = roomWrites({ code: CODE, prev: null, next: state, results: null })!;
  await redis.del(roomKey(CODE));
  await redis.hset(roomKey(CODE), writes.set);
}

describe('redisSeatOf', () => {
  it('opens the host and a player seat from the room hash, and nothing for a wrong token or an unknown room', async () => {
    await saveInRedis(roomWithAda());
    const seatOf = redisSeatOf(redis);
    expect(await seatOf(CODE, HOST)).toBe(`${CODE}:host`);
    expect(await seatOf(CODE.toLowerCase(), ADA)).toBe(`${CODE}:ada1`);
    expect(await seatOf(CODE, 'ada1.someone-else')).toBeNull();
    expect(await seatOf(CODE, 'other.ada-secret')).toBeNull();
    expect(await seatOf('ZZZZZZ', ADA)).toBeNull();
    expect(await seatOf('not a code', ADA)).toBeNull();
    expect(await seatOf(CODE, 'x'.repeat(201))).toBeNull();
  });

  it('counts a Redis that does not answer within its bound as no token', async () => {
    const silent = { hmget: () => new Promise<never>(() => {}) } as unknown as Redis;
    // Without the bound this would never resolve (and the test would time out).
    expect(await redisSeatOf(silent, 30)(CODE, HOST)).toBeNull();
    const failing = { hmget: () => Promise.reject(new Error('down')) } as unknown as Redis;
    expect(await redisSeatOf(failing)(CODE, HOST)).toBeNull();
  });
});

describe('the connection guard with a remote seat lookup', () => {
  const socketFrom = (address: string, auth: unknown, data = { roomCode: null, role: null, playerId: null }): GameSocket =>
    ({ handshake: { address, auth }, data }) as unknown as GameSocket;

  function guardWith(remoteSeat?: RemoteSeatOf) {
    const rooms = createRooms({ clock: systemClock, scheduler: systemScheduler(), store: null as never, transport: recordingTransport(), log: () => {}, acked: () => {} });
    return connectionGuard({
      clock: systemClock, rooms, store: memoryLimiterStore, connectionsPerAddress: 100, allowedOrigins: [], refused: () => {},
      addressOf: () => '10.0.0.9', ...(remoteSeat ? { remoteSeat } : {}),
    });
  }

  const admit = (guard: ReturnType<typeof guardWith>, socket: GameSocket): Promise<string> =>
    new Promise((resolve) => guard.middleware(socket, (err) => resolve(err ? err.message : 'ok')));

  it('lets a classmate with a valid token for another node’s room through a cooling address at once, every time', async () => {
    await saveInRedis(roomWithAda());
    const guard = guardWith(redisSeatOf(redis));
    const flooder = socketFrom('10.0.0.9', {}, { roomCode: CODE, role: 'player', playerId: 'bob1' } as never);
    guard.flooded(flooder);
    const ada = () => socketFrom('10.0.0.9', { code: CODE, token: ADA });
    expect(await admit(guard, ada())).toBe('ok');
    expect(await admit(guard, ada())).toBe('ok');
    expect(await admit(guard, ada())).toBe('ok');
    // Tokenless connections from that address: one a second, as before.
    expect(await admit(guard, socketFrom('10.0.0.9', {}))).toBe('ok');
    expect(await admit(guard, socketFrom('10.0.0.9', {}))).toBe('rate_limited');
    // The flooder's own seat stays cooling, found in Redis too.
    await saveInRedis(withBob(roomWithAda()));
    expect(await admit(guard, socketFrom('10.0.0.9', { code: CODE, token: 'bob1.bob-secret' }))).toBe('rate_limited');
  });

  it('without the lookup (single node) the same token for a room it does not host takes the slow lane', async () => {
    const guard = guardWith();
    guard.flooded(socketFrom('10.0.0.9', {}));
    const ada = () => socketFrom('10.0.0.9', { code: CODE, token: ADA });
    expect(await admit(guard, ada())).toBe('ok');
    expect(await admit(guard, ada())).toBe('rate_limited');
  });

  it('asks nothing of Redis while the address is not cooling', async () => {
    let asked = 0;
    const guard = guardWith(async () => {
      asked++;
      return null;
    });
    expect(await admit(guard, socketFrom('10.0.0.9', { code: CODE, token: ADA }))).toBe('ok');
    expect(asked).toBe(0);
  });
});

function withBob(state: RoomState): RoomState {
  const joined = reduce(state, { type: 'join', playerId: 'bob1', token: protectToken('bob1.bob-secret'), name: 'Bob', team: undefined, now: Date.now() });
  if (!joined.ok) throw new Error(joined.error);
  return joined.state;
}
