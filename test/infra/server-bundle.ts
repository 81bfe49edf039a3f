// The server as `npm run build:server` builds it (scripts/server-bundle.ts: one esbuild bundle of server/main.ts, node_modules external, the
// PostgreSQL migrations next to it), built once per test process from the current sources, so a test never runs a
// stale dist/. Removed when the process exits.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, repoDir } from '../../scripts/server-bundle.ts';

let built: string | null = null;

/** The path of main.js; run it with the repo as the working directory (node_modules resolve from there). */
export function serverBundle(): string {
  if (built) return built;
  // Inside the repo: the bundle imports its packages, which resolve from the nearest node_modules.
  const dir = join(repoDir, 'dist', 'test-servers', `cluster-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const out = buildServer(join(dir, 'main.js'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  built = out;
  return out;
}

export { repoDir };
