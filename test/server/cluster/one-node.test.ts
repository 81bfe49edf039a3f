// One node in cluster mode (the `npm start` bundle as a child process, a real redis-server and PostgreSQL): its
// live rooms are in Redis, not in its SQLite file. A game played by real socket.io clients; the node killed (-9)
// mid-round and a NEW node (another name, a fresh SQLite file) started: it takes the room over from Redis, everyone
// rejoins as themselves with score and acked answer, the game finishes and is stored in PostgreSQL once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Redis } from 'ioredis';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';
import { freePort, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from '../faults/server-process.ts';
import { hostRoom, joinPlayer, singleChoiceSettings, type FaultPlayer, scoresAsAnswered } from '../faults/resilient-client.ts';

const PLAYERS = 6;
let postgres: PostgresServer;
let redis: RedisServer;
let peek: Redis;
const servers: ServerProcess[] = [];
const cleanups: (() => void)[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  peek = new Redis(redis.url, { maxRetriesPerRequest: 1 });
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map(stopForGood));
  peek?.disconnect();
  await Promise.all([postgres?.close(), redis?.close()]);
  for (const clean of cleanups) clean();
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

function database(): string {
  const db = tempDatabase();
  cleanups.push(db.remove);
  return db.path;
}

const dbOf = new Map<ServerProcess, string>();
function node(port: number, name: string, env: Record<string, string>): ServerProcess {
  const path = database();
  const server = startServerProcess(port, path, { PODIUM_NODE_ID: name, ...env });
  servers.push(server);
  dbOf.set(server, path);
  return server;
}

async function count(url: string, sql: string, params: unknown[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

const sqliteRooms = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM live_rooms').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('one node in cluster mode', () => {
  it('refuses to start with PODIUM_REDIS_URL but no PODIUM_DATABASE_URL', async () => {
    const server = node(await freePort(), 'lonely', { PODIUM_REDIS_URL: redis.url, PODIUM_DATABASE_URL: '' });
    const exit = await server.exited;
    expect(exit.code).toBe(2);
    expect(server.output.join('\n')).toContain('PODIUM_REDIS_URL (cluster mode) needs PODIUM_DATABASE_URL');
  });

  it('refuses to start when Redis cannot be reached, without printing the password', async () => {
    const nobody = await freePort();
    const server = node(await freePort(), 'unreached', { PODIUM_REDIS_URL: `redis://:s3cret@127.0.0.1:${nobody}`, PODIUM_DATABASE_URL: await postgres.createDatabase() });
    const exit = await server.exited;
    expect(exit.code).toBe(2);
    const said = server.output.join('\n');
    expect(said).toContain(`podium: cannot reach Redis at redis://:***@127.0.0.1:${nobody}`);
    expect(said).not.toContain('s3cret');
  });

  it('plays a game from Redis; after kill -9 a new node takes the room over and everyone finishes it, stored once', async () => {
    const env = { PODIUM_REDIS_URL: redis.url, PODIUM_DATABASE_URL: await postgres.createDatabase(), PODIUM_RATE_LIMITS: 'off' };
    const port = await freePort();
    const first = node(port, 'node-a', env);
    await first.ready();
    const health = await fetch(`${first.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, node: 'node-a' });
    expect(health.headers.get('x-podium-node')).toBe('node-a');
    expect(first.output.join('\n')).toContain('cluster mode as node node-a');

    const host = await hostRoom(first.url, singleChoiceSettings(3));
    const players: FaultPlayer[] = await Promise.all(
      Array.from({ length: PLAYERS }, (_, index) => joinPlayer(first.url, host.code, { index, hold: (round) => round === 2 && index % 2 === 1 })),
    );
    await host.start();
    await until(() => players.every((p, i) => (i % 2 === 0 ? p.answers.has(2) : p.me?.lastResult?.round === 1)), 20_000, 'round 2 half answered');
    expect(await peek.sismember('podium:rooms', host.code)).toBe(1);
    expect(await peek.get(`podium:lease:{${host.code}}`)).toMatch(/^node-a:\d+$/);
    const fields = await peek.hkeys(`podium:room:{${host.code}}`);
    expect(fields.filter((f) => f.startsWith('p:'))).toHaveLength(PLAYERS);
    const before = players.map((p) => ({ score: p.me!.score, streak: p.me!.streak, answer: p.answers.get(2) ?? null }));

    const killedAt = performance.now();
    first.kill('SIGKILL');
    await first.exited;
    const second = node(port, 'node-b', env);
    await second.ready();
    const readyAt = performance.now();
    expect(second.output.join('\n')).toContain('1 room(s) restored');
    expect(await peek.get(`podium:lease:{${host.code}}`)).toMatch(/^node-b:\d+$/);
    await until(() => players.every((p) => p.returns.length > 0) && host.returns.length > 0, 20_000, 'everyone back');
    const back = players.map((p) => p.returns[0]!);
    console.log(`[cluster] one node kill -9: new node ready ${Math.round(readyAt - killedAt)} ms after the kill; players back after the kill: max ${Math.round(Math.max(...back.map((r) => r.backAt - killedAt)))} ms`);
    expect(back.map((r) => ({ score: r.me!.score, streak: r.me!.streak, answer: (r.me!.answer?.answer as string | undefined) ?? null }))).toEqual(before);

    players.forEach((p) => p.release(2));
    const results = await Promise.race([host.results, sleep(30_000).then(() => Promise.reject(new Error('the game did not finish')))]);
    await Promise.all(players.map((p) => p.finished));
    expect(scoresAsAnswered(results, host, players)).toEqual([]);
    for (const s of [host.socket, ...players.map((p) => p.socket)]) s.close();
    // Stored once in PostgreSQL (by node-b, after the finishing write), and gone from the hash once it was.
    for (let i = 0; i < 50 && (await count(env.PODIUM_DATABASE_URL, 'SELECT count(*) AS n FROM games WHERE code = $1', [host.code])) === 0; i++) await sleep(100);
    expect(await count(env.PODIUM_DATABASE_URL, 'SELECT count(*) AS n FROM games WHERE code = $1', [host.code])).toBe(1);
    expect(await count(env.PODIUM_DATABASE_URL, 'SELECT count(*) AS n FROM game_answers a JOIN games g ON g.id = a.game_id WHERE g.code = $1', [host.code])).toBe(PLAYERS * 3);
    expect(await peek.hexists(`podium:room:{${host.code}}`, 'results')).toBe(0);
    // The live room never touched either node's SQLite file.
    second.kill('SIGTERM');
    const exit = await second.exited;
    expect(exit.code).toBe(0);
    expect([first, second].map((s) => sqliteRooms(dbOf.get(s)!))).toEqual([0, 0]);
    // SIGTERM gave the lease up: the room is free for the next node at once.
    expect(await peek.get(`podium:lease:{${host.code}}`)).toBeNull();
  }, 120_000);
});
