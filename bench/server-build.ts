// The bench's servers as JavaScript built the way `npm run build:server` builds Podium's (scripts/server-bundle.ts:
// one esbuild bundle, node_modules external, node20, source maps), the floor and the bench preloads the same way: `npm start` runs that
// bundle, not tsx, and tsx's transform differs where the bench looks closest (it wraps every function created at run
// time in a call that defines its name: a closure per answer or per join cost that, under tsx only). Built once per
// bench run from the current sources into dist/bench-servers/<pid>/ (inside the repo, so the bundles' packages resolve
// from its node_modules), removed on exit.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundle as build, repoDir as repo } from '../scripts/server-bundle.ts';

export interface Built {
  podium: string;
  floor: string;
  probe: string;
  sqliteProbe: string;
}

let built: Built | null = null;

export function benchBundles(): Built {
  if (built) return built;
  const dir = join(repo, 'dist', 'bench-servers', String(process.pid));
  mkdirSync(dir, { recursive: true });
  const bundle = (entry: string, name: string): string => build(entry, join(dir, name));
  built = {
    podium: bundle('server/main.ts', 'podium.js'),
    floor: bundle('bench/floor-server.ts', 'floor.js'),
    probe: bundle('bench/server-probe.ts', 'server-probe.js'),
    sqliteProbe: bundle('bench/sqlite-probe.ts', 'sqlite-probe.js'),
  };
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return built;
}
