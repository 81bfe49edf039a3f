// Two nodes on one real Redis (socket.io's Redis adapter + the nodes' channels) and one real PostgreSQL: the host
// and one player on node A (the room's owner), three players on node B. A full game: B's answers are forwarded and
// acked, every broadcast reaches every socket on both nodes in the same order, the scores are exact, no message
// before a reveal carries an answer, the finished game is stored once in PostgreSQL; then a kick crosses nodes.
// Prints the Redis publishes per answer and per question (the bench reports the same from /metrics).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Created, Joined, RoomView } from '../../../shared/protocol.ts';
import { kindIds } from '../../../shared/puzzles/index.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';
import { answersFor, call, ok, settings, waitFor, type Client, type TestServer } from '../harness.ts';
import { expectedTotals, playGame, type Game, type Move, type Player } from '../game.ts';
import { identityOn, sharedDirectory, startNode } from './nodes.ts';

let redis: RedisServer;
let postgres: PostgresServer;
let databaseUrl: string;
const connections: Redis[] = [];
const nodes: TestServer[] = [];

function links() {
  const pub = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const sub = pub.duplicate();
  connections.push(pub, sub);
  return { redis: { pub, sub } };
}

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  databaseUrl = await postgres.createDatabase();
  const directory = sharedDirectory();
  nodes.push(await startNode('A', directory, links(), databaseUrl), await startNode('B', directory, links(), databaseUrl));
}, 60_000);
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.close()));
  for (const c of connections) c.disconnect();
  await Promise.all([redis?.close(), postgres?.close()]);
});

const ANSWER_LIKE_KEY = /solution|correct|explanation|grade|expected|docUrl|distribution|reveal|points|streakBonus|lastResult/i;
const keysOf = (value: unknown, out: string[] = []): string[] => {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k, ...keysOf(v));
  return out;
};

/** Publishes by both nodes so far: to nodes' channels, and room broadcasts. */
const published = () => nodes.reduce((n, t) => n + t.server.routing!.bus.published + t.server.routing!.counts.broadcasts, 0);

describe('two nodes on Redis', () => {
  it('plays a whole game with the host on A and players on both nodes: forwarded, broadcast to all, exact, no leak, stored once', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const s = settings({ kinds: [...kindIds].slice(0, 3), rounds: 3, difficulty: 'rising' });
    const host = await a.connect();
    const created = await ok<Created>(call(host, 'room:create', { settings: s }));
    const players: Player[] = [];
    for (const [name, node] of [['Ana', b], ['Ben', b], ['Cy', a], ['Dee', b]] as const) {
      const socket = await node.connect();
      players.push({ socket, name, ...(await ok<Joined>(call(socket, 'room:join', { code: created.code, name }))) });
    }
    expect(b.server.rooms.size()).toBe(0);
    expect(a.server.rooms.get(created.code)!.state.playerCount).toBe(4);
    // Every socket's room:state, in order; everything the players hear while a question is open.
    const states = new Map<Client, string[]>();
    const duringQuestion: { round: number; event: string; data: unknown }[] = [];
    for (const socket of [host, ...players.map((p) => p.socket)]) {
      states.set(socket, []);
      let open = 0;
      socket.onAny((event: string, data: unknown) => {
        const view = data as RoomView;
        if (event === 'room:state') {
          states.get(socket)!.push(`${view.phase}:${view.round}`);
          open = view.phase === 'question' ? view.round : 0;
        }
        if (open > 0 && socket !== host) duringQuestion.push({ round: open, event, data });
      });
    }
    const script: Move[][] = [
      [{ answer: 'right', at: 5000 }, { answer: 'right', at: 10_000 }, { answer: 'wrong', at: 1000 }, null],
      [{ answer: 'right', at: 0 }, { answer: 'wrong', at: 3000 }, { answer: 'right', at: 19_000 }, { answer: 'right', at: 4000 }],
      [{ answer: 'right', at: 2000 }, null, { answer: 'right', at: 7000 }, { answer: 'wrong', at: 500 }],
    ];
    const game: Game = { host, code: created.code, hostToken: created.hostToken, players, settings: s };
    const before = published();
    // The room's clock is A's: the rounds run on the owner.
    const { reveals, results } = await playGame({ ...a, time: a.time }, game, script);
    const expected = expectedTotals(s, script);
    expect(reveals.at(-1)!.map((m) => m.score)).toEqual(expected);
    expect(results.players.map((p) => [p.name, p.score]).sort()).toEqual(players.map((p, i) => [p.name, expected[i]]).sort());

    // One broadcast reached every socket on both nodes, in the same order.
    const hostStates = states.get(host)!;
    expect(hostStates).toContain('finished:3');
    // (B's copy of the last one may still be on its way when the host on A hears its results.)
    for (const p of players) await expect.poll(() => states.get(p.socket), { message: p.name }).toEqual(hostStates);

    // Nothing sent while a question was open carries its answer.
    expect(new Set(duringQuestion.map((m) => m.round))).toEqual(new Set([1, 2, 3]));
    for (const { round, event, data } of duringQuestion) {
      const { solution } = answersFor(s, round);
      expect(keysOf(data).filter((k) => ANSWER_LIKE_KEY.test(k)), `${event} in round ${round}`).toEqual([]);
      if (Array.isArray(solution) || (typeof solution === 'string' && solution.length > 2)) expect(JSON.stringify(data)).not.toContain(JSON.stringify(solution));
    }

    // Stored once, by the owner, in the PostgreSQL both nodes share.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await expect.poll(async () => (await db.query('SELECT code FROM games')).rows.map((r: { code: string }) => r.code), { timeout: 10_000 }).toEqual([created.code]);
    } finally {
      await db.end();
    }
    const answers = script.flat().filter((m) => m !== null).length;
    console.log(`[cluster] 2 nodes, 4 players (3 on the other node): ${published() - before} Redis publishes for ${answers} answers and 3 questions`);
  }, 60_000);

  it('counts the Redis publishes of one forwarded answer, and a kick from A reaches a player on B', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const s = settings({ kinds: ['pod-phase'], rounds: 1 });
    const host = await a.connect();
    const created = await ok<Created>(call(host, 'room:create', { settings: s }));
    const ana = await b.connect();
    const joined = await ok<Joined>(call(ana, 'room:join', { code: created.code, name: 'Ana' }));
    const ben = await b.connect();
    await ok(call(ben, 'room:join', { code: created.code, name: 'Ben' }));
    const question = waitFor<RoomView>(ana, 'room:state', (v) => v.phase === 'question');
    await ok(call(host, 'host:start', {}));
    await question;
    const before = published();
    await ok(call(ana, 'answer:submit', { round: 1, answer: answersFor(s, 1).solution }));
    // The request (B → A) and its ack (A → B); the host's panel is A's own socket.
    const perAnswer = published() - before;
    expect(perAnswer).toBe(2);
    console.log(`[cluster] one answer from the other node: ${perAnswer} Redis publishes`);

    const closed = waitFor<{ reason: string }>(ana, 'room:closed');
    await ok(call(host, 'host:kick', { playerId: joined.me.playerId }));
    expect(await closed).toEqual({ reason: 'kicked' });
    expect(identityOn(b, ana.id)).toEqual({ roomCode: null, role: null, playerId: null });
    expect(await call(ana, 'answer:submit', { round: 1, answer: 'x' })).toEqual({ ok: false, error: 'not_joined' });
  }, 30_000);

  it('batches per node: 200 players on B answering at once, then their results at the reveal, in a few publishes', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const s = settings({ kinds: ['pod-phase'], rounds: 1 });
    const host = await a.connect();
    const created = await ok<Created>(call(host, 'room:create', { settings: s }));
    const players = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      const socket = await b.connect();
      await ok(call(socket, 'room:join', { code: created.code, name: `P${i}` }));
      return socket;
    }));
    const question = waitFor<RoomView>(players[0]!, 'room:state', (v) => v.phase === 'question');
    await ok(call(host, 'host:start', {}));
    await question;
    const { solution } = answersFor(s, 1);
    const results = players.map((p) => waitFor<{ lastResult: { round: number } | null }>(p, 'me:state', (m) => m.lastResult?.round === 1));
    const before = { a: a.server.routing!.bus.published, b: b.server.routing!.bus.published, broadcasts: a.server.routing!.counts.broadcasts };
    await Promise.all(players.map((p) => ok(call(p, 'answer:submit', { round: 1, answer: solution }))));
    await Promise.all(results);
    const requests = b.server.routing!.bus.published - before.b;
    const replies = a.server.routing!.bus.published - before.a;
    const broadcasts = a.server.routing!.counts.broadcasts - before.broadcasts;
    // Far fewer than one publish per answer each way: requests go out per turn on B, acks per commit on A, and the
    // 200 results at the reveal in one message to B.
    expect(requests).toBeLessThan(200);
    expect(replies).toBeLessThan(200);
    expect(broadcasts).toBe(1);
    console.log(`[cluster] 200 answers from the other node + the reveal: ${requests} publishes B→A, ${replies} A→B, ${broadcasts} broadcast (${((requests + replies + broadcasts) / 200).toFixed(2)} per answer)`);
  }, 60_000);

  it('a node that drains tells its own clients it is restarting, not the other node\'s', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const onA = await a.connect();
    const onB = await b.connect();
    const heardOnA: unknown[] = [];
    onA.on('server:restarting', (p) => void heardOnA.push(p));
    const told = waitFor(onB, 'server:restarting');
    b.server.drain();
    expect(await told).toEqual({ retryAfterMs: expect.any(Number) });
    // A's client would have heard it by now through the adapter (one Redis hop, like the broadcasts above).
    await new Promise((r) => setTimeout(r, 200));
    expect(heardOnA).toEqual([]);
  });
});
