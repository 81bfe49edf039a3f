// A real redis-server (Debian's) for one test file: loopback, a free port, its own temp directory, append-only file
// on (the persistence cluster mode documents), no RDB snapshots. It can be killed and started again on the same port
// and directory, to test what survives a Redis restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressInUse, findProgram, freePort, spawnChild, StartError, waitUntil, type Child } from './process.ts';

export interface RedisOptions {
  /** appendfsync: 'everysec' (the documented production setting) or 'always'. */
  fsync?: 'everysec' | 'always';
  /** Extra command-line settings, e.g. ['--maxmemory', '64mb']. */
  extraArgs?: readonly string[];
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  pid(): number;
  /** PING over a raw connection: true on PONG. */
  ping(): Promise<boolean>;
  /** Stops the server (SIGTERM, or SIGKILL for a crash) and keeps its directory. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and directory (it reloads its append-only file). */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/** Sends one inline command and reads one reply line. */
export function redisCommand(port: number, command: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply to ${command} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (!reply.includes('\r\n')) return;
      clearTimeout(timer);
      socket.end();
      resolve(reply.slice(0, reply.indexOf('\r\n')));
    });
    socket.write(`${command}\r\n`);
  });
}

function redisArgs(port: number, dir: string, options: RedisOptions): string[] {
  return [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
    '--save', '', '--appendonly', 'yes', '--appendfsync', options.fsync ?? 'everysec',
    '--daemonize', 'no', '--logfile', '', '--loglevel', 'warning',
    ...(options.extraArgs ?? []),
  ];
}

export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  const program = findProgram('redis-server', 'redis-server');
  const dir = mkdtempSync(join(tmpdir(), 'podium-redis-'));
  let port = 0;
  let child: Child | null = null;

  async function launch(): Promise<void> {
    const started = spawnChild({ name: `redis-server :${port}`, command: program, args: redisArgs(port, dir, options) });
    child = started;
    await waitUntil(started, 'answering PING', async () => ((await redisCommand(port, 'PING').catch(() => '')) === '+PONG' ? true : undefined));
  }

  // A port picked by the kernel may be taken by someone else before Redis binds it: try another.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      const failed = child as Child | null;
      const output = failed?.output() ?? '';
      await failed?.stop('SIGKILL');
      if (attempt < 3 && addressInUse(output)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new StartError(`redis-server did not start: ${String(error instanceof Error ? error.message : error)}`, failed?.pid ?? null, dir);
    }
  }

  const current = (): Child => child!;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    pid: () => current().pid,
    ping: async () => (await redisCommand(port, 'PING').catch(() => '')) === '+PONG',
    async stop(signal = 'SIGTERM') {
      await current().stop(signal);
    },
    async start() {
      if (current().running()) throw new Error('redis-server is already running');
      await launch();
    },
    async close() {
      await current().stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
