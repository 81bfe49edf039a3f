// A real PostgreSQL server (Debian's) for one test file: a fresh cluster made by initdb in a temp directory, listening
// on 127.0.0.1 at a free port, trust authentication (loopback, tests only), run as the postgres system user when the
// tests run as root (postgres refuses root). fsync is off: the data survives the server being killed, not the
// machine losing power, which no test here does.
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addressInUse, findProgram, freePort, spawnChild, StartError, systemUser, waitUntil, type Child, type RunAs } from './process.ts';

export const SUPERUSER = 'podium';

export interface PostgresServer {
  readonly port: number;
  readonly dir: string;
  /** postgres://podium@127.0.0.1:PORT/DB, for the `postgres` database unless named. */
  url(database?: string): string;
  /** A new, empty database (a unique name when none is given); resolves to its URL. */
  createDatabase(name?: string): Promise<string>;
  pid(): number;
  /** SIGINT is PostgreSQL's fast shutdown; SIGKILL a crash. The cluster directory is kept. */
  stop(signal?: 'SIGINT' | 'SIGKILL'): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes the cluster. */
  close(): Promise<void>;
}

/** Debian installs the server binaries per major version, off PATH: the newest there, else PATH. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  } catch {
    // not Debian's layout
  }
  const dirs = versions.map((v) => join(root, v, 'bin'));
  const initdb = findProgram('initdb', 'postgresql', dirs);
  return initdb.slice(0, -'/initdb'.length);
}

function chownTree(path: string, user: RunAs | null): void {
  if (user) chownSync(path, user.uid, user.gid);
}

let databases = 0;

export interface PostgresOptions {
  /** Extra server settings, passed as -c name=value. */
  settings?: Readonly<Record<string, string>>;
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const user = systemUser('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'podium-pg-'));
  const data = join(dir, 'data');
  chownTree(dir, user);
  let port = 0;
  let child: Child | null = null;

  const url = (database = 'postgres'): string => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  const query = async (sql: string, database = 'postgres'): Promise<void> => {
    const client = new pg.Client({ connectionString: url(database), connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  async function launch(): Promise<void> {
    const started = spawnChild({
      name: `postgres :${port}`, command: join(bin, 'postgres'), user, deathSignal: 'SIGINT',
      args: [
        '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
        '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=16MB', '-c', 'max_connections=60',
        '-c', 'log_min_messages=warning', '-c', 'logging_collector=off',
        ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
    });
    child = started;
    await waitUntil(started, 'accepting connections', async () => {
      await query('SELECT 1');
      return true;
    });
  }

  try {
    execFileSync('setpriv', [
      ...(user ? ['--reuid', String(user.uid), '--regid', String(user.gid), '--init-groups'] : []),
      '--', join(bin, 'initdb'), '-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions',
    ], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new StartError(`initdb failed: ${stderr.slice(-2000)}`, null, dir);
  }

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
      throw new StartError(`postgres did not start: ${error instanceof Error ? error.message : String(error)}`, failed?.pid ?? null, dir);
    }
  }

  const current = (): Child => child!;
  return {
    port,
    dir,
    url,
    async createDatabase(name = `test_${process.pid}_${++databases}`) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await query(`CREATE DATABASE ${name}`);
      return url(name);
    },
    pid: () => current().pid,
    async stop(signal = 'SIGINT') {
      await current().stop(signal);
    },
    async start() {
      if (current().running()) throw new Error('postgres is already running');
      await launch();
    },
    async close() {
      await current().stop('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
