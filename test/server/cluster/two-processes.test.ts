// Two nodes as `npm start` runs them (the server bundle as child processes, PODIUM_REDIS_URL + PODIUM_DATABASE_URL,
// one real redis-server and PostgreSQL), no balancer: the host on node-a, most players on node-b. The whole game is
// played by clients that answer on their own; node-b forwards its players' events to node-a, the broadcasts and
// results cross back through Redis, the scores are exact and the game is stored once. node-b's /metrics counts
// its publishes; node-a's the broadcasts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPostgres, type PostgresServer } from '../../infra/postgres.ts';
import { startRedis, type RedisServer } from '../../infra/redis.ts';
import { freePort, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from '../faults/server-process.ts';
import { hostRoom, joinPlayer, singleChoiceSettings, type FaultPlayer, scoresAsAnswered } from '../faults/resilient-client.ts';

let postgres: PostgresServer;
let redis: RedisServer;
const servers: ServerProcess[] = [];
const cleanups: (() => void)[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map(stopForGood));
  await Promise.all([postgres?.close(), redis?.close()]);
  for (const clean of cleanups) clean();
});

function node(port: number, name: string, env: Record<string, string>): ServerProcess {
  const db = tempDatabase();
  cleanups.push(db.remove);
  const server = startServerProcess(port, db.path, { PODIUM_NODE_ID: name, ...env });
  servers.push(server);
  return server;
}

/** podium_cluster_publishes{kind} from a node's /metrics. */
async function publishes(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^podium_cluster_publishes\{kind="(\w+)"\} (\d+)/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

describe('two node processes on Redis', () => {
  it('plays a game hosted on node-a with players on node-b: forwarded, broadcast across, exact, stored once', async () => {
    const env = { PODIUM_REDIS_URL: redis.url, PODIUM_DATABASE_URL: await postgres.createDatabase(), PODIUM_RATE_LIMITS: 'off' };
    const a = node(await freePort(), 'node-a', env);
    const b = node(await freePort(), 'node-b', env);
    await Promise.all([a.ready(), b.ready()]);
    expect((await fetch(`${b.url}/healthz`)).headers.get('x-podium-node')).toBe('node-b');

    const host = await hostRoom(a.url, singleChoiceSettings(3));
    const players: FaultPlayer[] = await Promise.all(Array.from({ length: 6 }, (_, index) => joinPlayer(index < 4 ? b.url : a.url, host.code, { index })));
    const before = await publishes(b.url);
    await host.start();
    const results = await Promise.race([host.results, sleep(40_000).then(() => Promise.reject(new Error('the game did not finish')))]);
    await Promise.all(players.map((p) => p.finished));
    // Every player, on either node, saw every reveal and finished with the score its acknowledged answers earn.
    expect(players.map((p) => p.solutions.size)).toEqual(players.map(() => 3));
    expect(scoresAsAnswered(results, host, players)).toEqual([]);
    const answers = players.slice(0, 4).reduce((n, p) => n + p.answers.size, 0);
    const after = await publishes(b.url);
    const fromB = (after['node'] ?? 0) - (before['node'] ?? 0);
    // At most one publish per forwarded answer (fewer when they share a turn), plus the host's presses are on A.
    expect(fromB).toBeLessThanOrEqual(answers);
    const ofA = await publishes(a.url);
    console.log(`[cluster] 2 processes, 4 of 6 players on node-b: ${answers} forwarded answers, ${fromB} publishes from node-b; node-a: ${JSON.stringify(ofA)}`);
    for (const s of [host.socket, ...players.map((p) => p.socket)]) s.close();

    const client = new pg.Client({ connectionString: env.PODIUM_DATABASE_URL });
    await client.connect();
    try {
      let stored = 0;
      for (let i = 0; i < 50 && stored === 0; i++, await sleep(100)) stored = Number((await client.query('SELECT count(*) AS n FROM games WHERE code = $1', [host.code])).rows[0].n);
      expect(stored).toBe(1);
    } finally {
      await client.end();
    }
  }, 120_000);
});
