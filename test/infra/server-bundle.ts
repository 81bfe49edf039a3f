// The server as `npm run build:server` builds it (one esbuild bundle of server/main.ts, node_modules external, the
// PostgreSQL migrations next to it), built once per test process from the current sources, so a test never runs a
// stale dist/. Removed when the process exits.
import { buildSync } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
let built: string | null = null;

/** The path of main.js; run it with the repo as the working directory (node_modules resolve from there). */
export function serverBundle(): string {
  if (built) return built;
  // Inside the repo: the bundle imports its packages, which resolve from the nearest node_modules.
  const dir = join(repo, 'dist', 'test-servers', `cluster-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'main.js');
  buildSync({
    entryPoints: [join(repo, 'server/main.ts')], bundle: true, platform: 'node', format: 'esm',
    packages: 'external', target: 'node20', sourcemap: true, logLevel: 'warning', outfile: out,
  });
  cpSync(join(repo, 'server/postgres/migrations'), join(dir, 'migrations'), { recursive: true });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  built = out;
  return out;
}

export const repoDir = repo;
