// A real nginx (Debian's) in front of test servers, running the repo's own site config (deploy/nginx/podium.conf)
// with the test's ports put in place: every `server` line of each upstream becomes one line per test node (keeping
// its parameters), and `listen` becomes 127.0.0.1 at a free port. Runs in the foreground from a temp prefix, as an
// unprivileged user when the tests are root.
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressInUse, findProgram, freePort, spawnChild, StartError, systemUser, waitUntil, type Child } from './process.ts';

export const REPO_SITE = join(import.meta.dirname, '../../deploy/nginx/podium.conf');

export interface NginxOptions {
  /** Ports of the nodes on 127.0.0.1, in place of the site's upstream servers. */
  upstreams: readonly number[];
  /** The site config (http context); the repo's by default. */
  site?: string;
  /** Connections per worker (4,096): each proxied client holds two. */
  workerConnections?: number;
  /** Listen on this port (a free one by default). */
  port?: number;
}

export interface NginxServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  pid(): number;
  /** The site as it runs (the test's ports in place). */
  readonly config: string;
  close(): Promise<void>;
}

/** The site with the test's nodes and listen address. Throws if the site has no upstream or no listen to replace,
 *  so a test can never run some other config than the one it means. */
export function withTestPorts(site: string, upstreams: readonly number[], listenPort: number): string {
  let blocks = 0;
  let out = site.replace(/upstream\s+[\w-]+\s*\{[^}]*\}/g, (block) => {
    blocks++;
    const lines = block.split('\n');
    const first = lines.find((l) => /^\s*server\s/.test(l));
    if (!first) throw new Error(`an upstream without a server line: ${block}`);
    const params = first.trim().replace(/^server\s+\S+/, '').replace(/;$/, '');
    const servers = upstreams.map((port) => `    server 127.0.0.1:${port}${params};`);
    const kept = lines.filter((l) => !/^\s*server\s/.test(l));
    const close = kept.pop()!;
    return [...kept, ...servers, close].join('\n');
  });
  if (blocks === 0) throw new Error('the site has no upstream block');
  let listens = 0;
  out = out.replace(/^(\s*)listen\s+[^;]+;/gm, (_m, indent: string) => {
    listens++;
    return `${indent}listen 127.0.0.1:${listenPort};`;
  });
  if (listens === 0) throw new Error('the site has no listen directive');
  return out;
}

function mainConfig(dir: string, workerConnections = 4096): string {
  return `worker_processes 1;
worker_rlimit_nofile ${workerConnections + 64};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${workerConnections}; }
http {
  access_log off;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  include ${dir}/site.conf;
}
`;
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  const program = findProgram('nginx', 'nginx');
  const user = systemUser('nobody');
  const dir = mkdtempSync(join(tmpdir(), 'podium-nginx-'));
  mkdirSync(join(dir, 'temp'));
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(join(dir, 'temp'), user.uid, user.gid);
  }
  const site = readFileSync(options.site ?? REPO_SITE, 'utf8');
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir, options.workerConnections));
  let child: Child | null = null;
  let config = '';
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? await freePort();
    try {
      config = withTestPorts(site, options.upstreams, port);
      writeFileSync(join(dir, 'site.conf'), config);
      const started = spawnChild({
        name: `nginx :${port}`, command: program, user,
        // -e: the start-up error log, before the config's own (Debian's default path is not writable here).
        args: ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
      });
      child = started;
      await waitUntil(started, `listening on ${port}`, async () => ((await listening(port)) ? true : undefined), 10_000);
      const running = started;
      return {
        port,
        url: `http://127.0.0.1:${port}`,
        dir,
        config,
        pid: () => running.pid,
        async close() {
          await running.stop('SIGTERM');
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      const failed = child as Child | null;
      const output = `${failed?.output() ?? ''}${readLog(dir)}`;
      await failed?.stop('SIGKILL');
      child = null;
      if (attempt < 3 && addressInUse(output) && options.port === undefined) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new StartError(`nginx did not start: ${error instanceof Error ? error.message : String(error)}\n${output.slice(-2000)}`, failed?.pid ?? null, dir);
    }
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'error.log'), 'utf8').slice(-2000);
  } catch {
    return '';
  }
}
