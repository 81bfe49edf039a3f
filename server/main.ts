// The only file with effects at import: read the environment, open storage, restore rooms, listen, drain on SIGTERM.
import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type PodiumServer } from './app.ts';
import { systemClock, systemScheduler } from './clock.ts';
import { StartupError } from './database.ts';
import { openStore, type SqliteStore } from './store.ts';
import type { TeacherData } from './teacher-data.ts';
import { openPostgresTeacherData, redacted } from './postgres/teacher-data.ts';
import { errorFields, loggerFromEnv } from './log.ts';
import { publicAddress } from './public-address.ts';
import { facilitatorLink, loadFacilitatorKey, type FacilitatorKey } from './library/facilitator-key.ts';
import { trustedProxies, type TrustProxy } from './client-address.ts';
import { DRAIN_DEADLINE_MS, drainGraceMs } from './drain-settings.ts';
import { nodeName } from './cluster/node-name.ts';
import { connectRedisOrExit } from './cluster/redis-connection.ts';
import { redisLimiterStore } from './cluster/redis-limiter-store.ts';
import type { ClusterSetup } from './cluster/cluster-setup.ts';
import { saveFinishedGame } from './postgres/finished-games.ts';
import type { PostgresTeacherData } from './postgres/teacher-data.ts';
import { applyHeapGrowth, heapGrowingPercent } from './heap-growth.ts';

const env = process.env;
const port = Number(env['PORT'] ?? 3000);
/** The bind address: all interfaces by default; 127.0.0.1 for this machine only. */
const host = env['HOST'] ?? '0.0.0.0';
const dbPath = env['PODIUM_DB'] ?? './data/podium.db';
/** Set: finished games, quizzes, the games index and assignments live in PostgreSQL; the SQLite file keeps the live
 *  rooms and the outbox of finished games on their way there (docs/operations.md, "PostgreSQL"). */
const databaseUrl = env['PODIUM_DATABASE_URL'] || null;
/** Set: cluster mode — live rooms leased and saved in Redis, limits counted there (docs/operations.md, "Cluster
 *  mode"). Needs PODIUM_DATABASE_URL: finished games must outlive any one node. */
const redisUrl = env['PODIUM_REDIS_URL'] || null;
// Relative to the working directory, like the database: the same whether run from source or from the bundle.
const clientDir = resolve(env['PODIUM_CLIENT_DIR'] ?? 'dist/client');
/** PODIUM_RATE_LIMITS=off lifts the per-address limits, e.g. for a benchmark whose bots all come from 127.0.0.1. */
const noLimits = env['PODIUM_RATE_LIMITS'] === 'off';
const unlimited = {
  eventsPerSecond: 1e9, eventBurst: 1e9, createsPerMinute: 1e9, joinsPerRoomPerMinute: 1e9, connectionsPerAddress: 1e9,
  guessesPerSocket: 1e9, guessesPerAddressPerMinute: 1e9,
};
/** SIGTERM: how long games go on, not ready, before sockets close (drain-settings.ts). */
const graceMs = drainGraceMs(env['PODIUM_DRAIN_GRACE_MS']);
const allowedOrigins = (env['PODIUM_ALLOWED_ORIGINS'] ?? '').split(',').map((o) => o.trim()).filter(Boolean);
const logger = loggerFromEnv();

function trustOrExit(): TrustProxy {
  try {
    return trustedProxies(env['PODIUM_TRUSTED_PROXIES']);
  } catch (error) {
    console.error(`podium: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

function openOrExit(): SqliteStore {
  try {
    return openStore(dbPath, { warn: (message) => logger.warn(message), finishedGames: databaseUrl ? 'outbox' : 'here' });
  } catch (error) {
    const message = error instanceof StartupError ? error.message : `cannot open ${dbPath}: ${String(error)}`;
    // Plain text whatever the log format: refusing to start is read by the person starting it (operations.md).
    console.error(`podium: ${message}`);
    process.exit(error instanceof StartupError ? 2 : 1);
  }
}

/** SIGTERM: not ready and "restarting" at once, games go on for the grace, then every socket is closed (cut if it
 *  does not answer), the last batch saved, the database and its lock released, exit 0. A watchdog exits 1 at the
 *  deadline if anything hangs. */
function shutdown(server: PodiumServer, store: SqliteStore, teacher: TeacherData, signal: string, cluster: ClusterSetup | null): void {
  const started = Date.now();
  server.drain();
  logger.info('draining: not ready, clients told to reconnect; rooms are saved', { signal, graceMs });
  setTimeout(() => {
    logger.error('drain did not finish in time: exiting anyway', { deadlineMs: DRAIN_DEADLINE_MS });
    process.exit(1);
  }, DRAIN_DEADLINE_MS).unref();
  setTimeout(() => {
    const sockets = server.io.engine.clientsCount;
    void server.close().finally(async () => {
      await teacher.close().catch((error: unknown) => logger.error('closing the teacher data failed', errorFields(error)));
      await cluster?.redis.quit().catch(() => {});
      store.close();
      logger.info(`drained in ${Date.now() - started} ms`, { drainedMs: Date.now() - started, socketsClosed: sockets });
      process.exit(0);
    });
  }, graceMs);
}

/** PODIUM_FACILITATOR_KEY, or the key kept in the data directory (generated on the first start). */
function keyOrExit(): FacilitatorKey {
  try {
    return loadFacilitatorKey(env['PODIUM_FACILITATOR_KEY'], dbPath);
  } catch (error) {
    console.error(`podium: ${error instanceof StartupError ? error.message : `cannot read the facilitator key: ${String(error)}`}`);
    process.exit(2);
  }
}

/** PostgreSQL reached and migrated before anything listens: a node that cannot reach it does not start. */
async function postgresOrExit(url: string, store: SqliteStore): Promise<TeacherData> {
  try {
    return await openPostgresTeacherData(url, {
      outbox: store.outbox, log: (message, error) => logger.error(message, errorFields(error)), warn: (message) => logger.warn(message),
    });
  } catch (error) {
    console.error(`podium: ${error instanceof StartupError ? error.message : `PostgreSQL: ${String(error)}`}`);
    store.close();
    process.exit(error instanceof StartupError ? 2 : 1);
  }
}

/** A node name that cannot go into a lease is refused before anything opens. */
function nodeOrExit(): string {
  try {
    return nodeName(env);
  } catch (error) {
    console.error(`podium: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

/** V8's heap growing factor, before the rooms fill the heap (heap-growth.ts): the same memory climb on any machine. */
function heapGrowthOrExit(): void {
  try {
    applyHeapGrowth(heapGrowingPercent(env['PODIUM_HEAP_GROWING_PERCENT']));
  } catch (error) {
    console.error(`podium: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

heapGrowthOrExit();
if (redisUrl && !databaseUrl) {
  console.error('podium: PODIUM_REDIS_URL (cluster mode) needs PODIUM_DATABASE_URL too: finished games, quizzes and assignments must live in PostgreSQL, where every node reads them');
  process.exit(2);
}
const node = nodeOrExit();
const trustProxy = trustOrExit();
const store = openOrExit();
const teacher = databaseUrl ? await postgresOrExit(databaseUrl, store) : store.teacher;
// Cluster mode (marked): Redis reached before anything listens, like PostgreSQL.
const redis = redisUrl ? await connectRedisOrExit(redisUrl, { log: (message, error) => logger.error(message, errorFields(error)), closeFirst: () => store.close() }) : null;
const cluster: ClusterSetup | null = redis && redisUrl ? {
  redis, redisUrl, awaitLapsedLeases: true, saveFinished: async (results, hostTokenHash) => void (await saveFinishedGame((teacher as PostgresTeacherData).pool, results, hostTokenHash)),
} : null;
const facilitator = keyOrExit();
const address = publicAddress({ publicUrl: env['PUBLIC_URL'], host, port, interfaces: networkInterfaces() });
const server = createServer({
  clock: systemClock,
  scheduler: systemScheduler(),
  store,
  teacher,
  ...(noLimits ? { limits: unlimited } : {}),
  publicUrl: address.url,
  allowedOrigins,
  log: (message, error) => logger.error(message, errorFields(error)),
  storageProbeMs: Number(env['PODIUM_STORAGE_PROBE_MS'] ?? 1000),
  facilitatorKey: facilitator.key,
  trustProxy,
  node,
  ...(cluster ? { cluster, limiterStore: redisLimiterStore(cluster.redis) } : {}),
  ...(existsSync(clientDir) ? { clientDir } : {}),
});

let restoredRooms: number;
try {
  restoredRooms = await server.restoredRooms;
} catch (error) {
  console.error(`podium: could not take over the rooms in Redis: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

try {
  await server.restoredAssignments;
} catch (error) {
  console.error(`podium: could not restore the assignments: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

server.httpServer.once('error', (error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? `port ${port} is in use: stop the other server or set PORT` : error.message;
  console.error(`podium: ${hint}`);
  store.close();
  process.exit(1);
});

server.httpServer.listen(port, host, () => {
  const restored = restoredRooms > 0 ? `, ${restoredRooms} room(s) restored` : '';
  const teacherData = databaseUrl ? `; teacher's data in PostgreSQL ${redacted(databaseUrl)}` : '';
  const clusterMode = redisUrl ? `; cluster mode as node ${node}, live rooms in Redis ${redacted(redisUrl)}` : '';
  logger.info(`Podium on ${address.url} (database ${dbPath}${teacherData}${clusterMode}${restored})`, {
    url: address.url, bind: `${host}:${port}`, database: dbPath, teacherData: teacher.kind, restored: restoredRooms,
    ...(redisUrl ? { node, liveRooms: 'redis' } : {}),
  });
  if (address.warning) logger.warn(address.warning);
  // The one place the key is shown: whoever reads this console may open every report (docs/operations.md).
  const where = facilitator.source === 'environment' ? 'from PODIUM_FACILITATOR_KEY' : `kept in ${facilitator.path}`;
  logger.info(`Facilitator link (every quiz, game and report; key ${where}): ${facilitatorLink(address.url, facilitator.key)}`, { facilitatorKey: facilitator.source });
  if (noLimits) logger.warn('PODIUM_RATE_LIMITS=off: every rate limit is lifted (benchmarks only)');
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => shutdown(server, store, teacher, signal, cluster));
