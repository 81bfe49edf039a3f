// The test infrastructure itself: each server starts on a free loopback port, answers, stops, and leaves nothing
// behind, also when it fails to start or when the test process dies.
import { fork } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedis } from './redis.ts';
import { startPostgres } from './postgres.ts';
import { startNginx, withTestPorts } from './nginx.ts';
import { StartError } from './process.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

async function startFailure(start: () => Promise<unknown>): Promise<StartError> {
  try {
    await start();
  } catch (error) {
    if (error instanceof StartError) return error;
    throw error;
  }
  throw new Error('it started');
}

describe('startRedis', () => {
  it('answers, keeps what it acknowledged across a kill -9 (append-only file), and stops without a trace', async () => {
    const redis = await startRedis();
    expect(await redis.ping()).toBe(true);
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 });
    await client.set('k', 'v');
    await redis.stop('SIGKILL');
    expect(await redis.ping()).toBe(false);
    await redis.start();
    expect(await client.get('k')).toBe('v');
    client.disconnect();
    const pid = redis.pid();
    await redis.close();
    expect(await gone(pid)).toBe(true);
    expect(existsSync(redis.dir)).toBe(false);
  });

  it('fails with Redis\'s own message, and leaves no process or directory, when it cannot start', async () => {
    const error = await startFailure(() => startRedis({ extraArgs: ['--no-such-setting', 'x'] }));
    expect(error.message).toMatch(/no-such-setting/i);
    expect(error.pid).not.toBeNull();
    expect(await gone(error.pid!)).toBe(true);
    expect(existsSync(error.dir!)).toBe(false);
  });

  it('dies with the test process that started it', async () => {
    const child = fork('test/infra/orphan.ts', { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const started = await new Promise<{ pid: number; dir: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { pid: number; dir: string }));
      child.once('exit', (code) => reject(new Error(`orphan.ts exited ${code}`)));
    });
    expect(alive(started.pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await gone(started.pid)).toBe(true);
    rmSync(started.dir, { recursive: true, force: true });
  });
});

describe('startPostgres', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('answers SQL in a fresh database, keeps it across a restart, and stops without a trace', async () => {
    const server = await startPostgres();
    servers.push(server);
    const url = await server.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE t (x int)');
    await client.query('INSERT INTO t VALUES (42)');
    await client.end();
    await server.stop();
    await server.start();
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    expect((await again.query<{ x: number }>('SELECT x FROM t')).rows).toEqual([{ x: 42 }]);
    await again.end();
    const pid = server.pid();
    await server.close();
    expect(await gone(pid)).toBe(true);
    expect(existsSync(server.dir)).toBe(false);
  });

  it('fails with PostgreSQL\'s own message, and leaves no process or directory, when it cannot start', async () => {
    const error = await startFailure(() => startPostgres({ settings: { no_such_setting: '1' } }));
    expect(error.message).toMatch(/no_such_setting/);
    expect(await gone(error.pid!)).toBe(true);
    expect(existsSync(error.dir!)).toBe(false);
  });
});

describe('startNginx', () => {
  const backends: Server[] = [];
  afterAll(() => {
    for (const b of backends) b.close();
  });

  /** A backend that answers with its name and the forwarded address it was given. */
  async function backend(name: string): Promise<number> {
    const server = createServer((req: IncomingMessage, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ name, forwardedFor: req.headers['x-forwarded-for'] ?? null }));
    });
    backends.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as AddressInfo).port;
  }

  it('runs the repo\'s site config in front of the test\'s nodes, overwriting X-Forwarded-For', async () => {
    const ports = [await backend('a'), await backend('b')];
    const nginx = await startNginx({ upstreams: ports });
    try {
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const reply = await fetch(`${nginx.url}/readyz`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
        const body = (await reply.json()) as { name: string; forwardedFor: string };
        seen.add(body.name);
        // The client's own header is replaced by the address nginx saw, so a client cannot pick its address.
        expect(body.forwardedFor).toBe('127.0.0.1');
      }
      expect([...seen].sort()).toEqual(['a', 'b']);
      expect((await fetch(`${nginx.url}/metrics`)).status).toBe(404);
    } finally {
      await nginx.close();
    }
    expect(existsSync(nginx.dir)).toBe(false);
  });

  it('fails with nginx\'s own message, and leaves no process or directory, on a broken config', async () => {
    const error = await startFailure(() => startNginx({ upstreams: [1], site: 'test/infra/fixtures/broken-site.conf' }));
    expect(error.message).toMatch(/unknown directive "no_such_directive"/);
    expect(await gone(error.pid!)).toBe(true);
    expect(existsSync(error.dir!)).toBe(false);
  });

  it('puts the test\'s ports in every upstream, keeping each server\'s parameters, and refuses a site without any', () => {
    const site = 'upstream a {\n  least_conn;\n  server 10.0.0.1:1 max_fails=1;\n  server 10.0.0.2:1 max_fails=1;\n}\nserver {\n  listen 80;\n}\n';
    const out = withTestPorts(site, [5001, 5002, 5003], 9000);
    expect(out).toContain('  least_conn;\n    server 127.0.0.1:5001 max_fails=1;\n    server 127.0.0.1:5002 max_fails=1;\n    server 127.0.0.1:5003 max_fails=1;\n}');
    expect(out).toContain('listen 127.0.0.1:9000;');
    expect(out).not.toContain('10.0.0.');
    expect(() => withTestPorts('server { listen 80; }', [1], 2)).toThrow(/no upstream/);
  });
});
