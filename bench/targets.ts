// The two servers under the same load: Podium as it runs in production, and the socket.io floor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cores, spawnNode, stopChild, type Child } from './children.ts';

export type TargetName = 'podium' | 'floor';

export interface Server {
  child: Child;
  url: string;
  stop(): Promise<void>;
}

// --expose-gc lets the probe collect garbage before reading RSS; the preload answers the probe. Neither changes
// the server's code.
const nodeFlags = ['--expose-gc', '--import', 'tsx', '--import', './bench/server-probe.ts'];
const entry: Record<TargetName, string> = { podium: 'server/main.ts', floor: 'bench/floor-server.ts' };

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

export async function startServer(target: TargetName, port: number): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-bench-'));
  const env = { PORT: String(port), PODIUM_DB: join(dir, 'bench.db'), NODE_ENV: 'production' };
  const child = spawnNode(target, [...nodeFlags, entry[target]], cores?.server ?? null, env);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { child, url, stop };
}
