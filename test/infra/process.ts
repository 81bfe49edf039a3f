// Child processes for the test infrastructure (Redis, PostgreSQL, nginx, Podium nodes): started through setpriv so
// that they die with the test process (--pdeathsig) even when the test runner is killed, run as an unprivileged user
// where the program refuses root, keep the tail of their output for error messages, and stop with an escalation.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface ChildOptions {
  /** For messages: 'redis', 'postgres'… */
  name: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user (only possible, and only needed, when the tests run as root). */
  user?: RunAs | null;
  /** What the child gets when the test process dies: the program's own fast, clean shutdown signal. */
  deathSignal?: NodeJS.Signals;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly exited: Promise<Exit>;
  running(): boolean;
  /** The last 64 KiB of stdout and stderr together. */
  output(): string;
  signal(signal: NodeJS.Signals): void;
  /** `signal`, then SIGKILL if it is still running after `graceMs`; resolves once it has exited. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<Exit>;
}

const OUTPUT_LIMIT = 64 * 1024;

/** A start-up that failed: the child is gone and its directory removed; the message carries its output. */
export class StartError extends Error {
  override name = 'StartError';
  readonly pid: number | null;
  readonly dir: string | null;
  constructor(message: string, pid: number | null, dir: string | null) {
    super(message);
    this.pid = pid;
    this.dir = dir;
  }
}

export function spawnChild(options: ChildOptions): Child {
  const wrapper = ['--pdeathsig', options.deathSignal ?? 'SIGTERM'];
  if (options.user) wrapper.push('--reuid', String(options.user.uid), '--regid', String(options.user.gid), '--init-groups');
  const proc = spawn('setpriv', [...wrapper, '--', options.command, ...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  let alive = true;
  const exited = new Promise<Exit>((resolve) => {
    proc.once('error', (error) => {
      keep(Buffer.from(String(error)));
      alive = false;
      resolve({ code: null, signal: null });
    });
    proc.once('exit', (code, signal) => {
      alive = false;
      resolve({ code, signal });
    });
  });
  const signal = (s: NodeJS.Signals): void => {
    if (alive) proc.kill(s);
  };
  return {
    name: options.name,
    pid: proc.pid ?? -1,
    exited,
    running: () => alive,
    output: () => output,
    signal,
    async stop(s = 'SIGTERM', graceMs = 10_000) {
      if (!alive) return exited;
      signal(s);
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Polls `probe` until it returns a value; fails early (with the child's output) if the child exits first. */
export async function waitUntil<T>(child: Child, what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    if (!child.running()) {
      const exit = await child.exited;
      throw new Error(`${child.name} exited (code ${exit.code}, signal ${exit.signal}) before ${what}:\n${child.output().slice(-4000)}`);
    }
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${child.name} not ${what} after ${timeoutMs} ms (last error: ${String(lastError)}):\n${child.output().slice(-4000)}`);
}

/** A port free on 127.0.0.1 right now (the kernel's pick). Another process could take it before it is used:
 *  the helpers retry with a new port when a program says its address is in use. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const addressInUse = (output: string): boolean => /address already in use|EADDRINUSE/i.test(output);

/** The user to run as: null when the tests are not root (run as ourselves), else the named system user. */
export function systemUser(name: string): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(`the tests run as root and need the system user "${name}" to run a server that refuses root (installing the Debian package creates it; .ci/run does)`);
  }
}

/** The full path of a program on PATH or in `extraDirs`, or a clear error naming the Debian package. */
export function findProgram(program: string, debianPackage: string, extraDirs: readonly string[] = []): string {
  const dirs = [...extraDirs, ...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/bin'];
  for (const dir of dirs) {
    try {
      accessSync(`${dir}/${program}`, constants.X_OK);
      return `${dir}/${program}`;
    } catch {
      // not here
    }
  }
  throw new Error(`${program} not found: install the Debian package ${debianPackage} (.ci/run does: apt-get install ${debianPackage})`);
}
