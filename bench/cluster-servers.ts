// The cluster bench's two targets (bench/cluster.ts), started fresh for each scenario: one node as `npm start`
// runs it (SQLite, no Redis), and three nodes in cluster mode (PODIUM_REDIS_URL + PODIUM_DATABASE_URL) on one
// real Redis and PostgreSQL behind nginx with the repo's site config (the test infrastructure's servers,
// test/infra/). Every server-side process is pinned to the server core, so the three nodes share one core with
// Redis and nginx: on this 2-core machine the cluster can spread load, not add CPU.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cores, spawnNode, stopChild, type Child } from './children.ts';
import { nextMessage } from './ipc.ts';
import { commandLine, startServer } from './servers.ts';
import { startRedis, type RedisServer } from '../test/infra/redis.ts';
import { startPostgres, type PostgresServer } from '../test/infra/postgres.ts';
import { startNginx, type NginxServer } from '../test/infra/nginx.ts';

export type ClusterTargetName = 'one node' | 'three nodes + Redis';
export const clusterTargets: readonly ClusterTargetName[] = ['one node', 'three nodes + Redis'];

export interface ClusterTarget {
  name: ClusterTargetName;
  /** Where clients go: the node, or nginx. */
  url: string;
  /** The Podium processes. */
  nodes: number[];
  /** Redis and nginx (worker included): what cluster mode adds. */
  helpers: number[];
  /** Redis's port, for INFO commandstats; null on one node. */
  redisPort: number | null;
  stop(): Promise<void>;
}

/** Pins a running process (every thread) to the server core. */
function pin(pid: number): void {
  if (cores) spawnSync('taskset', ['-a', '-p', '-c', String(cores.server), String(pid)], { stdio: 'ignore' });
}

function childrenOf(pid: number): number[] {
  const out = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout ?? '';
  return out.split('\n').filter(Boolean).map(Number);
}

async function healthy(url: string, child: Child): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited: ${child.tail()}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.name} not ready: ${child.tail()}`);
}

async function oneNode(): Promise<ClusterTarget> {
  const server = await startServer('podium');
  return { name: 'one node', url: server.url, nodes: [server.pid], helpers: [], redisPort: null, stop: () => server.stop() };
}

async function threeNodes(): Promise<ClusterTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-cluster-bench-'));
  const nodes: Child[] = [];
  let redis: RedisServer | null = null;
  let postgres: PostgresServer | null = null;
  let nginx: NginxServer | null = null;
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map((n) => stopChild(n, 6000)));
    await nginx?.close();
    await Promise.all([redis?.close(), postgres?.close()]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const databaseUrl = await postgres.createDatabase('podium');
    const ports: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const env = {
        PORT: '0', HOST: '127.0.0.1', PODIUM_DB: join(dir, `node-${i}.db`), PODIUM_CLIENT_DIR: join(dir, 'no-client'), NODE_ENV: 'production',
        PODIUM_RATE_LIMITS: 'off', PODIUM_DRAIN_GRACE_MS: '0', PODIUM_REDIS_URL: redis.url, PODIUM_DATABASE_URL: databaseUrl,
        PODIUM_NODE_ID: `node-${i}`, PODIUM_TRUSTED_PROXIES: '127.0.0.1', BENCH_SQLITE_LOG: '',
      };
      const child = spawnNode(`node-${i}`, commandLine('podium', false, false), cores?.server ?? null, env);
      nodes.push(child);
      const { port } = await nextMessage<{ type: string; port: number }>(child, (m) => m.type === 'listening', 60_000);
      await healthy(`http://127.0.0.1:${port}`, child);
      ports.push(port);
    }
    nginx = await startNginx({ upstreams: ports, workerConnections: 16_000 });
    const helpers = [redis.pid(), nginx.pid(), ...childrenOf(nginx.pid())];
    helpers.forEach(pin);
    pin(postgres.pid());
    return { name: 'three nodes + Redis', url: nginx.url, nodes: nodes.map((n) => n.proc.pid!), helpers, redisPort: redis.port, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

export const startClusterTarget = (name: ClusterTargetName): Promise<ClusterTarget> => (name === 'one node' ? oneNode() : threeNodes());
