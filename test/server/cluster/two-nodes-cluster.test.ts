// Two nodes with the real cluster rooms (leases, rooms saved in Redis through fenced writes, the cluster directory)
// on one real Redis and one PostgreSQL, real time: the room opened on A is found from B through the directory and
// played by players on both nodes; the finished game is stored once. Then A gives the room up (drain): B's next
// event for it hears not_owner from A, looks again, takes the room over from Redis and answers it itself, and the
// room's sockets on both nodes are told to reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Created, FinalResults, Joined } from '../../../shared/protocol.ts';
import { systemClock, systemScheduler } from '../../../server/clock.ts';
import type { ClusterRooms } from '../../../server/cluster/cluster-rooms.ts';
import { saveFinishedGame } from '../../../server/postgres/finished-games.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';
import { call, ok, settings, startServer, waitFor, type TestServer } from '../harness.ts';
import { expectedTotals, playGame, type Game, type Move, type Player } from '../game.ts';

let redis: RedisServer;
let postgres: PostgresServer;
let databaseUrl: string;
let pool: pg.Pool;
const connections: Redis[] = [];
const nodes: TestServer[] = [];

/** A node as main.ts makes one in cluster mode: its rooms leased and saved in Redis, finished games to PostgreSQL,
 *  the routing on two Redis connections of its own. */
function clusterNode(node: string): Promise<TestServer> {
  const client = new Redis(redis.url, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
  connections.push(client);
  const cluster = {
    redis: client, redisUrl: redis.url,
    saveFinished: async (results: FinalResults, hostTokenHash: string) => void (await saveFinishedGame(pool, results, hostTokenHash)),
  };
  return startServer(undefined, { node, clock: systemClock, scheduler: systemScheduler(), cluster }, databaseUrl).then(async (t) => {
    await t.server.routing!.ready;
    await t.server.restoredRooms;
    return t;
  });
}

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  databaseUrl = await postgres.createDatabase();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  nodes.push(await clusterNode('A'));
  nodes.push(await clusterNode('B'));
  // PostgreSQL stopping at the end of the file may reach an idle client first.
  pool.on('error', () => {});
}, 60_000);
afterAll(async () => {
  await Promise.all(nodes.map((n) => (n.server.rooms as ClusterRooms).drain().catch(() => {})));
  await Promise.all(nodes.map((n) => n.close()));
  for (const c of connections) c.disconnect();
  await pool?.end();
  await Promise.all([redis?.close(), postgres?.close()]);
});

/** Real time: moves happen when the players get to them (every player answers, so rounds close by themselves). */
const realTime = { now: () => Date.now(), advance: () => {} };

describe('two nodes with cluster rooms on Redis', () => {
  it('plays a game owned by A with players on both nodes, found through the directory, stored once in PostgreSQL', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const s = settings({ kinds: ['pod-phase'], rounds: 2, scoring: 'accuracy' });
    const host = await a.connect();
    const created = await ok<Created>(call(host, 'room:create', { settings: s }));
    const players: Player[] = [];
    for (const [name, node] of [['Ana', b], ['Ben', a], ['Cy', b]] as const) {
      const socket = await node.connect();
      players.push({ socket, name, ...(await ok<Joined>(call(socket, 'room:join', { code: created.code, name }))) });
    }
    expect(await b.server.directory.locate(created.code)).toEqual({ kind: 'remote', node: 'A' });
    expect(b.server.rooms.size()).toBe(0);
    const script: Move[][] = [
      [{ answer: 'right', at: 0 }, { answer: 'wrong', at: 0 }, { answer: 'right', at: 0 }],
      [{ answer: 'wrong', at: 0 }, { answer: 'right', at: 0 }, { answer: 'right', at: 0 }],
    ];
    const game: Game = { host, code: created.code, hostToken: created.hostToken, players, settings: s };
    const { reveals, results } = await playGame({ ...a, time: { ...a.time, ...realTime } }, game, script);
    const expected = expectedTotals(s, script);
    expect(reveals.at(-1)!.map((m) => m.score)).toEqual(expected);
    expect(results.players.map((p) => [p.name, p.score]).sort()).toEqual(players.map((p, i) => [p.name, expected[i]]).sort());
    await expect.poll(async () => (await pool.query('SELECT code FROM games WHERE code = $1', [created.code])).rowCount, { timeout: 10_000 }).toBe(1);
  }, 60_000);

  it('a room its owner gave up is taken over by the node whose player speaks next (not_owner, then a fresh look)', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const host = await a.connect();
    const created = await ok<Created>(call(host, 'room:create', { settings: settings({ rounds: 1 }) }));
    const ana = await b.connect();
    await ok(call(ana, 'room:join', { code: created.code, name: 'Ana' }));
    expect(await b.server.directory.locate(created.code)).toEqual({ kind: 'remote', node: 'A' });
    // A sets the room down and releases its lease (what a drain does), without telling B.
    const room = a.server.rooms.get(created.code)!;
    await (a.server.rooms as ClusterRooms).outbox.settled();
    room.dispose();
    await expect.poll(async () => (await b.server.directory.exists(created.code))).toBe(true);
    const told = waitFor<{ retryAfterMs: number }>(ana, 'server:restarting', () => true, 10_000);
    // B still believes A: A answers not_owner, B looks again, finds nobody holding the room, takes it from Redis.
    const answer = await call(ana, 'team:pick', { team: 0 });
    expect(answer).toEqual({ ok: false, error: 'wrong_phase' });
    expect(b.server.rooms.get(created.code)?.state.playerCount).toBe(1);
    // Everyone in the room is told to reconnect to its new owner (they rejoin with their tokens).
    expect((await told).retryAfterMs).toBeGreaterThan(0);
  }, 30_000);
});
