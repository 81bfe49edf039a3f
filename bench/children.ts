// Every process the benchmark starts goes through here, so all of them can be ended: on success, on an error,
// on Ctrl-C, or when the run's time budget runs out. Children are pinned to a core with taskset when possible.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface Child {
  name: string;
  proc: ChildProcess;
  /** The last lines it wrote, for error messages. */
  tail(): string;
  exited: Promise<number | null>;
}

const live = new Set<ChildProcess>();
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

/** The core the server gets, and the one the load (drivers, orchestrator) gets; null on a one-core machine. */
export const cores = availableParallelism() >= 2 && hasTaskset ? { server: 0, load: 1 } : null;

/** Pins this process (the orchestrator and its host sockets) to the load core. */
export function pinSelf(): void {
  if (cores) spawnSync('taskset', ['-p', '-c', String(cores.load), String(process.pid)], { stdio: 'ignore' });
}

function keepTail(proc: ChildProcess): () => string {
  let tail = '';
  const add = (chunk: Buffer): void => void (tail = (tail + chunk.toString()).slice(-4000));
  proc.stdout?.on('data', add);
  proc.stderr?.on('data', add);
  return () => tail;
}

/** Starts `node <args>` with an IPC channel, pinned to `cpu` when the machine allows it. */
export function spawnNode(name: string, args: string[], cpu: number | null, env: NodeJS.ProcessEnv = {}): Child {
  const [cmd, argv] = cpu !== null && hasTaskset ? ['taskset', ['-c', String(cpu), process.execPath, ...args]] : [process.execPath, args];
  const proc = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...env } });
  live.add(proc);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => {
    live.delete(proc);
    resolve(code);
  }));
  return { name, proc, tail: keepTail(proc), exited };
}

/** SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
export async function stopChild(child: Child, graceMs = 3000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export function killAll(): void {
  for (const proc of live) proc.kill('SIGKILL');
}

/** Ends every child however this process ends. */
export function installCleanup(): void {
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}
