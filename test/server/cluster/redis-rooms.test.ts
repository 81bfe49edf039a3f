// Cluster rooms on a real redis-server (Debian's, loopback): the room's Redis hash holds exactly the records the
// SQLite store would (a restore from it gives the same rows back), every write goes through the fenced script, and a
// room handed over by a drain is loaded by another node with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { systemClock, systemScheduler } from '../../../server/clock.ts';
import { redisLeaseCommands } from '../../../server/cluster/redis-lease-commands.ts';
import { redisRoomIndex } from '../../../server/cluster/room-index.ts';
import { savedRoomFrom } from '../../../server/cluster/room-rows.ts';
import { changesBetween, createRoom, restoreRoom, type RoomState } from '../../../shared/room/index.ts';
import { hashToken } from '../../../server/tokens.ts';
import { SEED, settings } from '../harness.ts';
import { recordingTransport } from '../host/recording-transport.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';
import { clusterNode, player, type Shared, type TestNode } from './cluster-node.ts';

let server: RedisServer;
let redis: Redis;
const nodes: TestNode[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.rooms.drain().catch(() => {})));
  redis?.disconnect();
  await server?.close();
});

/** The rows of a state, in a stable order: what the store must give back (a restore refreshes the idle clock of an
 *  unfinished room: that one field is left out). */
function rows(state: RoomState) {
  const c = changesBetween(null, state);
  return { room: { ...c.room!, lastActivity: 0 }, players: [...c.players].sort((a, b) => a.id.localeCompare(b.id)), slots: [...c.slots].sort((a, b) => `${a.playerId}${a.slot.round}`.localeCompare(`${b.playerId}${b.slot.round}`)) };
}

describe('cluster rooms on Redis', () => {
  it('keeps exactly the rows of the state it was told; a drained room is taken by another node unchanged', async () => {
    const commands = redisLeaseCommands(redis);
    const shared: Shared = {
      clock: systemClock, scheduler: systemScheduler(), commands, index: redisRoomIndex(redis), transport: recordingTransport(), stored: [], pgDown: { value: false },
    };
    const a = clusterNode(shared, 'a');
    const b = clusterNode(shared, 'b');
    nodes.push(a, b);
    const s = settings({ rounds: 2 });
    const code = 'QWERTY';
    const room = await a.rooms.directory.open(createRoom({ code, seed: SEED, hostToken: hashToken('host-token'), settings: s, now: Date.now() }));
    const p = player(shared, () => room, s);
    p.host();
    for (const id of ['ana', 'ben', 'cy', 'dee']) p.join(id);
    await a.rooms.outbox.settled();
    p.start();
    await a.rooms.outbox.settled();
    p.answer('ana');
    p.answer('ben', false);
    p.answer('cy');
    await a.rooms.outbox.settled();
    room.dispatch({ type: 'kick', actor: { role: 'host' }, playerId: 'dee', now: Date.now() }, p.request('host', 'host:kick'));
    await a.rooms.outbox.settled();
    const acks = shared.transport.lines().filter((l) => l.startsWith('ack'));
    expect(acks.filter((l) => !l.endsWith(' ok'))).toEqual([]);
    expect(acks).toHaveLength(10);

    const saved = savedRoomFrom(code, await commands.readRoom(code))!;
    expect(rows(restoreRoom(saved, Date.now()))).toEqual(rows(room.state));
    expect(await redis.sismember('podium:rooms', code)).toBe(1);
    expect(await redis.hexists(`podium:room:{${code}}`, 'p:dee')).toBe(0);

    await a.rooms.drain();
    expect(await commands.owner(code)).toBeNull();
    expect(await b.rooms.sweep()).toBe(1);
    const moved = b.rooms.get(code)!;
    expect(rows(moved.state)).toEqual(rows(room.state));
    expect(b.evacuated).toEqual([code]);
    // b runs it now: its writes go through, a's token is fenced.
    const q = player(shared, () => moved, s);
    expect(moved.state.phase).toBe('reveal');
    q.next();
    await b.rooms.outbox.settled();
    expect(shared.transport.lines().filter((l) => l.startsWith('ack')).at(-1)).toBe('ack host host:next ok');
    expect(rows(restoreRoom(savedRoomFrom(code, await commands.readRoom(code))!, Date.now()))).toEqual(rows(moved.state));
    expect(await commands.writeFenced(code, 1, { set: { room: 'stale' }, del: [] })).toBe(false);
    await sleep(10);
  });
});
