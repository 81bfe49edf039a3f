// The only file with effects at import: read the environment, open storage, restore rooms, listen, drain on SIGTERM.
import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type PodiumServer } from './app.ts';
import { systemClock, systemScheduler } from './clock.ts';
import { StartupError } from './database.ts';
import { openStore, type Store } from './store.ts';

const port = Number(process.env['PORT'] ?? 3000);
const dbPath = process.env['PODIUM_DB'] ?? './data/podium.db';
// Relative to the working directory, like the database: the same whether run from source or from the bundle.
const clientDir = resolve(process.env['PODIUM_CLIENT_DIR'] ?? 'dist/client');
/** PODIUM_RATE_LIMITS=off lifts the per-address limits, e.g. for a benchmark whose bots all come from 127.0.0.1. */
const noLimits = process.env['PODIUM_RATE_LIMITS'] === 'off';
const unlimited = {
  eventsPerSecond: 1e9, eventBurst: 1e9, createsPerMinute: 1e9, joinsPerRoomPerMinute: 1e9, connectionsPerAddress: 1e9,
  guessesPerSocket: 1e9, guessesPerAddressPerMinute: 1e9,
};
/** On SIGTERM, how long /readyz says 503 (and games go on) before sockets close: load balancers stop routing here. */
const drainGraceMs = Number(process.env['PODIUM_DRAIN_GRACE_MS'] ?? 500);
/** Kubernetes kills at 30 s; never get near it. */
const HARD_EXIT_MS = 15_000;

/** The first LAN address, so the join link works from phones on the same network. */
function lanAddress(): string {
  const addresses = Object.values(networkInterfaces()).flat();
  return addresses.find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? 'localhost';
}

function openOrExit(): Store {
  try {
    return openStore(dbPath);
  } catch (error) {
    const message = error instanceof StartupError ? error.message : `cannot open ${dbPath}: ${String(error)}`;
    console.error(`podium: ${message}`);
    process.exit(error instanceof StartupError ? 2 : 1);
  }
}

function shutdown(server: PodiumServer, store: Store, signal: string): void {
  const started = Date.now();
  server.drain();
  console.log(`Podium: ${signal}, draining (not ready; rooms are saved, clients will reconnect)`);
  setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
  setTimeout(() => {
    void server.close().finally(() => {
      store.close();
      console.log(`Podium: drained in ${Date.now() - started} ms`);
      process.exit(0);
    });
  }, drainGraceMs);
}

const store = openOrExit();
const server = createServer({
  clock: systemClock,
  scheduler: systemScheduler(),
  store,
  ...(noLimits ? { limits: unlimited } : {}),
  publicUrl: process.env['PUBLIC_URL'] ?? `http://${lanAddress()}:${port}`,
  ...(existsSync(clientDir) ? { clientDir } : {}),
});

server.httpServer.once('error', (error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? `port ${port} is in use: stop the other server or set PORT` : error.message;
  console.error(`podium: ${hint}`);
  store.close();
  process.exit(1);
});

server.httpServer.listen(port, '0.0.0.0', () => {
  const restored = server.restored > 0 ? `, ${server.restored} room(s) restored` : '';
  console.log(`Podium on http://${lanAddress()}:${port} (database ${dbPath}${restored})`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => shutdown(server, store, signal));
