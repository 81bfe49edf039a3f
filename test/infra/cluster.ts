// A whole cluster on loopback for one test file: one Redis (append-only file, everysec: what docs/operations.md
// documents), one PostgreSQL, N Podium nodes (the server bundle as `npm start` runs it, each its own process,
// port and SQLite file, PODIUM_REDIS_URL + PODIUM_DATABASE_URL + PODIUM_NODE_ID, nginx trusted as the proxy) and
// nginx in front running the repo's deploy/nginx/podium.conf with the nodes' ports put in. Each node can be killed
// (-9), terminated (SIGTERM, the drain), paused (SIGSTOP) and resumed (SIGCONT), and started again on its port and
// file; Redis can be stopped and started again on its directory. close() ends every process and removes every
// directory; every process also dies with the test process (setpriv --pdeathsig, test/infra/process.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis, type RedisOptions, type RedisServer } from './redis.ts';
import { startPostgres, type PostgresServer } from './postgres.ts';
import { startNginx, type NginxServer } from './nginx.ts';
import { addressInUse, freePort, spawnChild, waitUntil, type Child, type Exit } from './process.ts';
import { repoDir, serverBundle } from './server-bundle.ts';

export const FACILITATOR_KEY = 'facilitator-key-for-the-cluster-tests';

export interface ClusterOptions {
  /** How many Podium nodes (3). */
  nodes?: number;
  /** Extra environment for every node (e.g. PODIUM_RATE_LIMITS=off), and per node by index. */
  env?: Readonly<Record<string, string>>;
  nodeEnv?: (index: number) => Readonly<Record<string, string>>;
  redis?: RedisOptions;
  /** nginx's port (a free one by default); when given, it is also every node's PUBLIC_URL (join links, QR codes). */
  nginxPort?: number;
}

export interface ClusterNode {
  readonly index: number;
  /** PODIUM_NODE_ID: node-1, node-2… */
  readonly id: string;
  readonly port: number;
  /** The node itself, not through nginx. */
  readonly url: string;
  readonly dbPath: string;
  pid(): number;
  running(): boolean;
  paused(): boolean;
  /** Everything it wrote, across its restarts (the last 64 KiB of each run). */
  output(): string;
  /** Resolves when the current run of the process ends. */
  exited(): Promise<Exit>;
  /** kill -9; resolves once it is gone. */
  kill(): Promise<Exit>;
  /** SIGTERM (the drain); resolves when it exited (SIGKILL after `graceMs`). */
  terminate(graceMs?: number): Promise<Exit>;
  /** SIGSTOP / SIGCONT: the process freezes (timers, sockets, lease renewals) and wakes. */
  pause(): void;
  resume(): void;
  /** Starts it again on the same port, SQLite file and node id, after it ended; resolves once /readyz is 200. */
  start(): Promise<void>;
  /** GET on the node directly (rejects after `timeoutMs`). */
  get(path: string, timeoutMs?: number): Promise<Response>;
}

export interface Cluster {
  readonly redis: RedisServer;
  readonly postgres: PostgresServer;
  /** PODIUM_DATABASE_URL of every node. */
  readonly databaseUrl: string;
  readonly nginx: NginxServer;
  /** Where clients go: nginx. */
  readonly url: string;
  readonly nodes: readonly ClusterNode[];
  node(id: string): ClusterNode;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function readyz(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false;
  }
}

interface NodeSetup {
  index: number;
  dir: string;
  env: Record<string, string>;
}

const DEFAULT_ENV = (dir: string): Record<string, string> => ({
  NODE_ENV: 'production', HOST: '127.0.0.1', PODIUM_TRUSTED_PROXIES: '127.0.0.1', PODIUM_FACILITATOR_KEY: FACILITATOR_KEY,
  PODIUM_CLIENT_DIR: join(dir, 'no-client'), PODIUM_LOG_FORMAT: 'json',
});

function makeNode(setup: NodeSetup, port: number): ClusterNode & { launch(): Promise<void> } {
  const id = `node-${setup.index + 1}`;
  const dbPath = join(setup.dir, 'podium.db');
  const url = `http://127.0.0.1:${port}`;
  let child: Child | null = null;
  let stopped = false;
  let earlier = '';
  const current = (): Child => {
    if (!child) throw new Error(`${id} was never started`);
    return child;
  };
  const env = { ...process.env, ...DEFAULT_ENV(setup.dir), PUBLIC_URL: url, ...setup.env, PORT: String(port), PODIUM_DB: dbPath, PODIUM_NODE_ID: id };
  const launch = async (): Promise<void> => {
    if (child?.running()) throw new Error(`${id} is already running`);
    if (child) earlier += child.output();
    stopped = false;
    // SIGKILL when the test process dies: a paused node would never act on a SIGTERM.
    const started = spawnChild({
      name: `podium ${id} :${port}`, command: process.execPath, args: ['--enable-source-maps', serverBundle()],
      cwd: repoDir, env, deathSignal: 'SIGKILL',
    });
    child = started;
    await waitUntil(started, 'ready (/readyz 200)', async () => ((await readyz(url)) ? true : undefined), 30_000);
  };
  return {
    index: setup.index, id, port, url, dbPath, launch,
    pid: () => current().pid,
    running: () => child?.running() ?? false,
    paused: () => stopped,
    output: () => earlier + (child?.output() ?? ''),
    exited: () => current().exited,
    async kill() {
      stopped = false;
      return current().stop('SIGKILL');
    },
    async terminate(graceMs = 10_000) {
      if (stopped) this.resume();
      return current().stop('SIGTERM', graceMs);
    },
    pause() {
      current().signal('SIGSTOP');
      stopped = true;
    },
    resume() {
      current().signal('SIGCONT');
      stopped = false;
    },
    start: launch,
    get: (path, timeoutMs = 5000) => fetch(`${url}${path}`, { signal: AbortSignal.timeout(timeoutMs) }),
  };
}

/** A node on a free port; another port when the first is taken before the node binds it. */
async function startNode(setup: NodeSetup): Promise<ClusterNode> {
  for (let attempt = 1; ; attempt++) {
    const node = makeNode(setup, await freePort());
    try {
      await node.launch();
      return node;
    } catch (error) {
      const output = node.output();
      if (node.running()) await node.kill();
      if (attempt < 3 && addressInUse(output)) continue;
      throw error;
    }
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.nodes ?? 3;
  const dirs: string[] = [];
  const nodes: ClusterNode[] = [];
  let redis: RedisServer | null = null;
  let postgres: PostgresServer | null = null;
  let nginx: NginxServer | null = null;

  const close = async (): Promise<void> => {
    // Nodes first (they would log Redis and PostgreSQL going away), in parallel, each drained or cut after 6 s.
    await Promise.all(nodes.map((n) => (n.running() ? n.terminate(6000) : null)));
    await nginx?.close();
    await Promise.all([redis?.close(), postgres?.close()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };

  try {
    [redis, postgres] = await Promise.all([startRedis(options.redis), startPostgres()]);
    const databaseUrl = await postgres.createDatabase('podium');
    const shared = {
      PODIUM_REDIS_URL: redis.url, PODIUM_DATABASE_URL: databaseUrl,
      ...(options.nginxPort ? { PUBLIC_URL: `http://127.0.0.1:${options.nginxPort}` } : {}), ...options.env,
    };
    // One at a time: the first applies the PostgreSQL migrations, and a 2-core machine starts them faster so.
    for (let index = 0; index < count; index++) {
      const dir = mkdtempSync(join(tmpdir(), `podium-node-${index + 1}-`));
      dirs.push(dir);
      nodes.push(await startNode({ index, dir, env: { ...shared, ...options.nodeEnv?.(index) } }));
    }
    nginx = await startNginx({ upstreams: nodes.map((n) => n.port), ...(options.nginxPort ? { port: options.nginxPort } : {}) });
    const [r, p, x] = [redis, postgres, nginx];
    return {
      redis: r, postgres: p, databaseUrl, nginx: x, url: x.url, nodes,
      node(id) {
        const found = nodes.find((n) => n.id === id);
        if (!found) throw new Error(`no node ${id} (nodes: ${nodes.map((n) => n.id).join(', ')})`);
        return found;
      },
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/** Polls `probe` every 50 ms until it returns a value other than undefined (or `timeoutMs` passes: throws `what`). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await sleep(50);
  }
  throw new Error(`not ${what} within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
}

/** A Prometheus gauge or counter of a node (no labels): its value, or null when it is not there. */
export async function metric(node: ClusterNode, name: string): Promise<number | null> {
  const text = await (await node.get('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : null;
}
