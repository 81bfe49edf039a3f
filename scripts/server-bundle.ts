// The server bundle, defined once: `npm run build:server` runs this file (so `npm start` and the image run what it
// writes), and the tests and the bench build their own bundles through it, so what they run is built as it ships.
// One esbuild bundle of server/main.ts for Node 20, node_modules left external (better-sqlite3 is native), with
// source maps, and the PostgreSQL migrations beside it (cluster mode reads them from there).
import { buildSync } from 'esbuild';
import { cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoDir = resolve(import.meta.dirname, '..');
/** Where `npm run build:server` writes the bundle (relative to the repo); the Dockerfile's CMD runs it. */
export const SERVER_BUNDLE = 'dist/server/main.js';

/** Bundles `entry` (a path in the repo) to `outfile` with the server's options. */
export function bundle(entry: string, outfile: string): string {
  buildSync({
    entryPoints: [join(repoDir, entry)], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external',
    target: 'node20', sourcemap: true, logLevel: 'warning',
  });
  return outfile;
}

/** The server's bundle at `outfile`, with the migrations in a `migrations` folder next to it. */
export function buildServer(outfile: string): string {
  bundle('server/main.ts', outfile);
  cpSync(join(repoDir, 'server/postgres/migrations'), join(dirname(outfile), 'migrations'), { recursive: true });
  return outfile;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildServer(join(repoDir, SERVER_BUNDLE));
}
