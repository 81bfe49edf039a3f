// The two servers under the same load, each started fresh for a scenario and pinned to the server core:
// Podium exactly as `npm start` runs server/main.ts (production mode, SQLite in a temporary directory, the
// per-address limits off with PODIUM_RATE_LIMITS=off since every player comes from 127.0.0.x), and the floor.
// Both run as built JavaScript (bench/server-build.ts: Podium's bundle as `npm run build:server` makes it, the floor
// the same way) with `node --enable-source-maps` as `npm start` runs it, and the same bench preload
// (bench/server-probe.ts), which binds them to 127.0.0.1. `fromSource` (--from-source) runs the .ts files under tsx
// instead, for CPU profiles that name each file of ours (a bundle is one file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cores, spawnNode, stopChild, type Child } from './children.ts';
import { nextMessage } from './ipc.ts';
import { benchBundles } from './server-build.ts';

export type TargetName = 'podium' | 'floor';
export const targetNames: readonly TargetName[] = ['podium', 'floor'];

export interface Server {
  target: TargetName;
  child: Child;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

const sourceEntry: Record<TargetName, string> = { podium: 'server/main.ts', floor: 'bench/floor-server.ts' };

/** node's arguments for a target: the bundle (default) or the sources under tsx, with the bench preloads. */
export function commandLine(target: TargetName, sqliteLog: boolean, fromSource: boolean): string[] {
  if (fromSource) {
    const preloads = ['--import', 'tsx', '--import', './bench/server-probe.ts', ...(sqliteLog ? ['--import', './bench/sqlite-probe.ts'] : [])];
    return [...preloads, sourceEntry[target]];
  }
  const b = benchBundles();
  const preloads = ['--import', b.probe, ...(sqliteLog ? ['--import', b.sqliteProbe] : [])];
  return ['--enable-source-maps', ...preloads, b[target]];
}

async function waitHealthy(url: string, child: Child, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited: ${child.tail()}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.name} not healthy after ${timeoutMs} ms: ${child.tail()}`);
}

/** `sqliteLog`: also preload bench/sqlite-probe.ts into Podium, logging its transactions to this file. */
export async function startServer(target: TargetName, sqliteLog: string | null = null, fromSource = false): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-bench-'));
  const env = {
    PORT: '0', HOST: '127.0.0.1', PODIUM_DB: join(dir, 'bench.db'), PODIUM_CLIENT_DIR: join(dir, 'no-client'), NODE_ENV: 'production',
    PODIUM_RATE_LIMITS: 'off', PODIUM_DRAIN_GRACE_MS: '0', BENCH_SQLITE_LOG: sqliteLog ?? '',
  };
  const child = spawnNode(target, commandLine(target, sqliteLog !== null && target === 'podium', fromSource), cores?.server ?? null, env);
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { port } = await nextMessage<{ type: string; port: number }>(child, (m) => m.type === 'listening', 30_000);
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, child, 10_000);
    return { target, child, pid: child.proc.pid!, url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
