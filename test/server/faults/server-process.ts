// The real server as a child process, built the way `npm start` builds it (scripts/server-bundle.ts: one esbuild
// bundle run by plain node, one process so signals reach it), on a port and a database file the test chooses, so
// it can be killed and started again on the same address.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle as bundleEntry } from '../../../scripts/server-bundle.ts';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when the process ended. */
  at: number;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<Exit>;
  /** Resolves once /readyz answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

/** A port nobody is listening on right now (other engineers' servers share this machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function tempDatabase(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'podium-faults-'));
  return { path: join(dir, 'podium.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function isReady(url: string): Promise<boolean | null> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
    return res.status === 200;
  } catch {
    return null;
  }
}

let bundle: string | null = null;

/** Bundle server/main.ts once per test worker, from the current sources, inside the repo so node_modules resolve. */
function serverBundle(): string {
  if (bundle) return bundle;
  const dir = join('dist', 'test-servers');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `main-${process.pid}.js`);
  bundleEntry('server/main.ts', out);
  process.once('exit', () => {
    rmSync(out, { force: true });
    rmSync(`${out}.map`, { force: true });
  });
  bundle = out;
  return out;
}

/** `nodeFlags` go before the bundle, e.g. V8 tracing for a test that watches the heap. */
export function startServerProcess(port: number, dbPath: string, env: Record<string, string> = {}, nodeFlags: readonly string[] = []): ServerProcess {
  const child = spawn(process.execPath, [...nodeFlags, serverBundle()], {
    env: { ...process.env, PORT: String(port), PODIUM_DB: dbPath, PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => void output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    child, url, output, exited,
    async ready(timeoutMs = 20_000) {
      const until = performance.now() + timeoutMs;
      while (performance.now() < until) {
        if (gone) throw new Error(`server exited before it was ready:\n${output.join('\n')}`);
        if (await isReady(url)) return;
        await sleep(50);
      }
      throw new Error(`server not ready within ${timeoutMs} ms:\n${output.join('\n')}`);
    },
    kill(signal) {
      if (!gone) child.kill(signal);
    },
  };
}

/** For afterAll/finally: whatever state it is in, the process is gone when this resolves. */
export async function stopForGood(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.kill('SIGKILL');
  await server.exited;
}
