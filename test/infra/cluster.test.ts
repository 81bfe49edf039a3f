// The cluster harness itself (test/infra/cluster.ts): Redis, PostgreSQL, three nodes and nginx come up on
// loopback; nginx spreads clients over the nodes; a node can be killed, started again, paused and resumed; close()
// and the death of the test process leave no process and no directory behind.
import { fork } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, metric, startCluster, type Cluster } from './cluster.ts';
import { nodeOf, TracedWebSocket } from './node-of.ts';
import { singleChoiceSettings } from '../server/faults/resilient-client.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const gone = (pids: readonly number[]): Promise<true> =>
  eventually('every process gone', () => (pids.every((p) => !alive(p)) ? true : undefined), 10_000);

type Sock = ReturnType<typeof io>;
const sockets: Sock[] = [];

async function open(url: string): Promise<Sock> {
  const socket = io(url, { transports: [TracedWebSocket as never], forceNew: true, reconnection: false, timeout: 5000 });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const connections = (cluster: Cluster): Promise<number[]> =>
  Promise.all(cluster.nodes.map(async (n) => (await metric(n, 'podium_connections')) ?? -1));

describe('startCluster', () => {
  let cluster: Cluster | null = null;
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster?.close();
  });

  it('runs three nodes behind nginx, which spreads WebSocket clients over all of them', async () => {
    cluster = await startCluster();
    expect(cluster.nodes.map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(new Set(cluster.nodes.map((n) => n.port)).size).toBe(3);
    expect(new Set(cluster.nodes.map((n) => n.dbPath)).size).toBe(3);
    expect(await cluster.redis.ping()).toBe(true);
    // The nodes run the repo's nginx site with their own ports.
    for (const n of cluster.nodes) expect(cluster.nginx.config).toContain(`server 127.0.0.1:${n.port} max_fails=1 fail_timeout=5s;`);

    const before = await connections(cluster);
    const opened = await Promise.all(Array.from({ length: 9 }, () => open(cluster!.url)));
    expect(opened.every((s) => s.io.engine.transport.name === 'websocket')).toBe(true);
    const added = (await connections(cluster)).map((c, i) => c - before[i]!);
    expect(added.reduce((a, b) => a + b, 0)).toBe(9);
    expect(added.every((n) => n >= 1)).toBe(true);
    // Each upgrade names the node that took it (X-Podium-Node), and every node took some.
    expect(new Set(opened.map(nodeOf))).toEqual(new Set(['node-1', 'node-2', 'node-3']));
    expect(((await (await cluster.nodes[2]!.get('/healthz')).json()) as { node: string }).node).toBe('node-3');
    // A request and its ack through nginx.
    const ack = (await opened[0]!.timeout(5000).emitWithAck('room:create' as never, { settings: singleChoiceSettings(1) } as never)) as { ok: boolean };
    expect(ack.ok).toBe(true);
  });

  it('kills a node (-9), skips it in nginx, and starts it again on its port and SQLite file', async () => {
    const node = cluster!.nodes[1]!;
    const exit = await node.kill();
    expect(exit.signal).toBe('SIGKILL');
    expect(node.running()).toBe(false);
    const meanwhile = await Promise.all(Array.from({ length: 4 }, () => open(cluster!.url)));
    expect(meanwhile.every((s) => s.connected)).toBe(true);
    await node.start();
    expect(node.running()).toBe(true);
    expect((await node.get('/readyz')).status).toBe(200);
    expect(existsSync(node.dbPath)).toBe(true);
  });

  it('pauses a node (SIGSTOP: it answers nothing) and resumes it (SIGCONT)', async () => {
    const node = cluster!.nodes[0]!;
    node.pause();
    expect(node.paused()).toBe(true);
    await expect(node.get('/healthz', 1000).then((r) => r.status, () => 'no answer')).resolves.toBe('no answer');
    node.resume();
    expect((await node.get('/healthz')).status).toBe(200);
  });

  it('leaves no process and no directory after close(), even with a node paused', async () => {
    const c = cluster!;
    c.nodes[2]!.pause();
    const pids = [...c.nodes.map((n) => n.pid()), c.redis.pid(), c.postgres.pid(), c.nginx.pid()];
    const dirs = [...c.nodes.map((n) => dirname(n.dbPath)), c.redis.dir, c.postgres.dir, c.nginx.dir];
    for (const s of sockets) s.close();
    await c.close();
    cluster = null;
    await gone(pids);
    expect(dirs.filter((d) => existsSync(d))).toEqual([]);
  });

  it('dies with the test process that started it', async () => {
    const child = fork('test/infra/orphan.ts', ['cluster'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const started = await new Promise<{ pids: number[]; dirs: string[] }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { pids: number[]; dirs: string[] }));
      child.once('exit', (code) => reject(new Error(`orphan.ts exited ${code}`)));
    });
    expect(started.pids.every(alive)).toBe(true);
    child.kill('SIGKILL');
    await gone(started.pids);
    for (const dir of started.dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
