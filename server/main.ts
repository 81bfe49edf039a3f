// The only file with effects at import: read the environment, open storage, listen, drain on SIGTERM.
import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from './app.ts';
import { systemClock, systemScheduler } from './clock.ts';
import { openStore } from './store.ts';

const port = Number(process.env['PORT'] ?? 3000);
const dbPath = process.env['PODIUM_DB'] ?? './data/podium.db';
const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
/** PODIUM_RATE_LIMITS=off lifts the per-address limits, e.g. for a benchmark whose bots all come from 127.0.0.1. */
const noLimits = process.env['PODIUM_RATE_LIMITS'] === 'off';
const unlimited = { eventsPerSecond: 1e9, eventBurst: 1e9, failedJoinsPerMinute: 1e9, createsPerMinute: 1e9 };

/** The first LAN address, so the join link works from phones on the same network. */
function lanAddress(): string {
  const addresses = Object.values(networkInterfaces()).flat();
  return addresses.find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? 'localhost';
}

const store = openStore(dbPath);
const server = createServer({
  clock: systemClock,
  scheduler: systemScheduler(),
  store,
  ...(noLimits ? { limits: unlimited } : {}),
  publicUrl: process.env['PUBLIC_URL'] ?? `http://${lanAddress()}:${port}`,
  ...(existsSync(clientDir) ? { clientDir } : {}),
});

server.httpServer.listen(port, '0.0.0.0', () => {
  console.log(`Podium on http://${lanAddress()}:${port} (database ${dbPath})`);
});

process.once('SIGTERM', () => {
  server.drain();
  void server.close().finally(() => {
    store.close();
    process.exit(0);
  });
});
