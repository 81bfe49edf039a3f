// createServer: Express 5 and socket.io 4 on one HTTP server, every dependency injected. Nothing listens here.
import { createRoutes } from './validated.ts';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Socket as TcpSocket } from 'node:net';
import { randomBytes as cryptoBytes } from 'node:crypto';
import { Server } from 'socket.io';
import express from 'express';
import type { Clock, Scheduler } from './clock.ts';
import type { Store } from './store.ts';
import type { TeacherData } from './teacher-data.ts';
import { createApp } from './http-routes.ts';
import { createRooms, type Rooms } from './rooms.ts';
import { createRoomCalls } from './room-calls.ts';
import { originOf } from './origin.ts';
import { localDirectory, type RoomDirectory } from './cluster/room-directory.ts';
import { nodeName } from './cluster/node-name.ts';
import { clusterRouting, publishMetrics, redisLinks, type ClusterLinks, type ClusterRouting } from './cluster/routing.ts';
import { clusterRoomsOn, type ClusterSetup } from './cluster/cluster-setup.ts';
import { redisSeatOf } from './cluster/remote-seat.ts';
import type { ClusterRooms } from './cluster/cluster-rooms.ts';
import { sqliteLiveRooms } from './live-store.ts';
import { socketIoTransport, type Transport } from './transport.ts';
import type { Reply } from './outgoing.ts';
import { defaultLimits, type HandlerContext, type Limits } from './context.ts';
import { tokenBucket } from './rate-limit.ts';
import { registerSessionHandlers } from './session-handlers.ts';
import { registerGameHandlers } from './game-handlers.ts';
import { registerRecapHandlers } from './recap-handlers.ts';
import { registerRosterHandlers } from './roster-handlers.ts';
import { guardFloods } from './flood-guard.ts';
import { connectionGuard, type ConnectionGuard } from './connection-guard.ts';
import { guesses } from './guesses.ts';
import { limiter, memoryLimiterStore, type LimiterStore } from './limiter.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { clientAddress, trustNone, type TrustProxy } from './client-address.ts';
import { CLOSE_GRACE_MS, RESTART_RETRY_MS } from './drain-settings.ts';
import { newId } from './tokens.ts';
import { noIdentity, type GameServer, type GameSocket, type Log } from './types.ts';
import { apiRouter, type ApiLimits } from './library/api.ts';
import { liveGames } from './library/live-games.ts';
import { hashToken } from './tokens.ts';
import { createAssignmentHost, type AssignmentHost } from './assignments/assignment-host.ts';
import { registerHomeworkHandlers } from './assignments/homework-handlers.ts';
import { assignmentRoutes } from './assignments/assignment-routes.ts';
import { assignmentGames } from './assignments/assignment-games.ts';

export interface ServerDeps {
  clock: Clock;
  scheduler: Scheduler;
  /** The live rooms (server/store.ts). */
  store: Store;
  /** Finished games, quizzes, the games index, assignments: the SQLite file's (openStore(...).teacher) or
   *  PostgreSQL's (server/postgres/teacher-data.ts). */
  teacher: TeacherData;
  newId?: () => string;
  newSeed?: () => string;
  randomBytes?: (count: number) => Uint8Array;
  limits?: Partial<Limits>;
  /** Where keyed limits count (memory; Redis when several servers share them). */
  limiterStore?: LimiterStore;
  /** Browser origins allowed besides the server's own. */
  allowedOrigins?: readonly string[];
  /** e.g. http://192.168.1.20:3000, so join links work from phones; '' gives a path. */
  publicUrl?: string;
  /** The built client (dist/client), served with an SPA fallback. */
  clientDir?: string;
  log?: Log;
  /** How often storage is probed with a tiny write, so /readyz notices a disk that stops (or resumes) taking writes. */
  storageProbeMs?: number;
  /** Opens every quiz, game and report (server/library/facilitator-key.ts); without one, only objects' own tokens do. */
  facilitatorKey?: string | null;
  apiLimits?: Partial<ApiLimits>;
  /** Which peers may tell us the client's address (X-Forwarded-For): none by default (client-address.ts). */
  trustProxy?: TrustProxy;
  /** This node's name (server/cluster/node-name.ts); generated when absent. */
  node?: string;
  /** Cluster mode (PODIUM_REDIS_URL): live rooms leased and saved in Redis (server/cluster/), events for rooms owned
   *  by other nodes forwarded there (server/cluster/routing.ts: `links`, by default two connections of its own to
   *  `redisUrl`). Routing tests may instead keep this process's rooms and find other nodes' through `directory`.
   *  Absent: this process's rooms in the SQLite file, as always. */
  cluster?: (ClusterSetup & { links?: ClusterLinks }) | { links: ClusterLinks; directory: (rooms: Rooms, node: string) => RoomDirectory };
}

export interface PodiumServer {
  httpServer: HttpServer;
  io: GameServer;
  rooms: Rooms;
  /** Where rooms live and how new ones open (server/cluster/room-directory.ts). */
  directory: RoomDirectory;
  /** This node's name. */
  node: string;
  /** Cluster mode: the socket layer across nodes (null on a single node). */
  routing: ClusterRouting | null;
  /** Cluster mode's rooms (null on a single node, and with a routing test's directory). */
  cluster: ClusterRooms | null;
  /** Resolves to how many rooms this node reopened (cluster mode: took over from Redis) before it listens. */
  restoredRooms: Promise<number>;
  assignments: AssignmentHost;
  /** Rooms reopened from the database at start. */
  restored: number;
  /** Assignments reopened from the database at start: resolves to how many once they are all back (main.ts
   *  listens only then). */
  restoredAssignments: Promise<number>;
  metrics: Metrics;
  /** Stops accepting rooms, /readyz turns 503, and every client hears server:restarting at once. */
  drain(): void;
  /** Saves the last batch and sets the rooms down (they stay saved), then closes every socket and HTTP connection:
   *  clients get a moment to close politely, then whatever is left (a frozen phone) is cut. Always ends. */
  close(): Promise<void>;
}

/** Frames above this close the connection: every valid payload is far smaller. */
export const MAX_PAYLOAD_BYTES = 4096;
/** A socket sending this many times the polite rate is disconnected (flood-guard.ts). */
const FLOOD_FACTOR = 3;

const defaultLog: Log = (message, error) => console.error(`[podium] ${message}`, error ?? '');

function serveClient(app: express.Express, dir: string): void {
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (_req, res) => res.sendFile('index.html', { root: dir, maxAge: 0 }));
}

/** Cluster mode takes WebSocket only: long-polling would need sticky sessions at the balancer (ip_hash breaks for
 *  a class behind one NAT address; docs/operations.md, "Cluster mode"). The web client tries WebSocket first. */
function createIo(httpServer: HttpServer, cluster: boolean): GameServer {
  return new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES, perMessageDeflate: false, serveClient: false, ...(cluster ? { transports: ['websocket'] } : {}),
  });
}

/** Connections: origin and per-address cap at the HTTP request, the flood cooldown at the socket.io handshake.
 *  Every address is the client's (client-address.ts), so behind a trusted proxy the limits still count people. */
function guardConnections(io: GameServer, guard: ConnectionGuard, trust: TrustProxy): void {
  io.engine.opts.allowRequest = (req, answer) => guard.allowRequest(req, answer);
  io.engine.on('connection', (conn: { request: IncomingMessage; once(e: 'close', fn: () => void): void }) => {
    guard.opened(clientAddress(conn.request, trust), (fn) => conn.once('close', fn));
  });
  io.use((socket, next) => {
    // handshake.address is what every limit reads (addressOf): the client's, not the proxy's.
    socket.handshake.address = clientAddress(socket.request, trust);
    next();
  });
  io.use((socket, next) => guard.middleware(socket, next));
}

/** Each new socket: no identity yet, its rate limits first, then the handlers (registered once per server:
 *  validated.ts). */
function onConnection(ctx: HandlerContext, assignments: AssignmentHost, limits: Limits, connections: ConnectionGuard): (socket: GameSocket) => void {
  const routes = createRoutes({ log: ctx.log, queue: (reply) => ctx.rooms.outbox.reply(reply), refused: (error) => ctx.metrics.rejections.inc({ reason: error }) });
  const sessionGone = registerSessionHandlers(ctx, routes);
  registerGameHandlers(ctx, routes);
  registerRecapHandlers(ctx, routes);
  registerRosterHandlers(ctx, routes);
  const homeworkGone = registerHomeworkHandlers(ctx, assignments, routes);
  const flooded = (s: GameSocket): void => connections.flooded(s);
  return (socket) => {
    socket.data = noIdentity();
    const bucket = tokenBucket(limits.eventBurst, limits.eventsPerSecond, ctx.clock);
    const flood = tokenBucket(limits.eventBurst * FLOOD_FACTOR, limits.eventsPerSecond * FLOOD_FACTOR, ctx.clock);
    guardFloods(socket, { bucket, flood, flooded, log: ctx.log });
    routes.attach(socket);
    socket.on('disconnect', sessionGone);
    socket.on('disconnect', homeworkGone);
  };
}

export function createServer(deps: ServerDeps): PodiumServer {
  const log = deps.log ?? defaultLog;
  const limits = { ...defaultLimits, ...deps.limits };
  const trust = deps.trustProxy ?? trustNone;
  let draining = false;
  // Read on each scrape, after everything below exists.
  const metrics = createMetrics({ rooms: () => rooms, connections: () => io.engine.clientsCount });
  deps.store.onWrite = (seconds) => metrics.saveSeconds.observe(seconds);
  const limiterStore = deps.limiterStore ?? memoryLimiterStore;
  const ids = deps.newId ?? newId;
  // The API reads the rooms through `live`, which is filled in once the room host exists below.
  const live = liveGames(() => rooms);
  const randomBytes = deps.randomBytes ?? ((n: number) => cryptoBytes(n));
  const homework = assignmentRoutes({ assignments: () => assignments, rooms: () => rooms, randomBytes, publicUrl: deps.publicUrl ?? '' });
  const api = apiRouter({
    library: deps.teacher.library, creds: { keyHash: deps.facilitatorKey ? hashToken(deps.facilitatorKey) : null }, clock: deps.clock,
    newId: ids, limiterStore, live, log, ...(deps.apiLimits ? { limits: deps.apiLimits } : {}), extra: homework,
  });
  const node = deps.node ?? nodeName();
  const app = createApp({
    store: deps.store, finished: deps.teacher.finished, log, isDraining: () => draining, metrics: metrics.registry, https: (deps.publicUrl ?? '').startsWith('https:'), trustProxy: trust, api,
    ...(deps.cluster ? { node } : {}),
  });
  if (deps.clientDir !== undefined) serveClient(app, deps.clientDir);
  const httpServer = createHttpServer(app);
  const connections = new Set<TcpSocket>();
  httpServer.on('connection', (socket: TcpSocket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  const io = createIo(httpServer, deps.cluster !== undefined);
  // Cluster mode (marked): the socket.io handshake and the WebSocket upgrade (engine.io's, not Express's) name the
  // node too, so a client behind the balancer can tell where it landed (docs/operations.md, "Cluster mode").
  if (deps.cluster) io.engine.on('headers', (headers: Record<string, string>) => void (headers['X-Podium-Node'] = node));
  const acked = ({ payload }: Reply): void => {
    if (!payload.ok) metrics.rejections.inc({ reason: payload.error });
  };
  // Cluster mode (marked): the socket layer across nodes, and the rooms this node owns by lease, saved in Redis;
  // else every room here, in SQLite.
  const setup = deps.cluster && 'redis' in deps.cluster ? deps.cluster : null;
  const routing = deps.cluster ? clusterRouting(io, node, deps.cluster.links ?? redisLinks(setup!.redisUrl, log), log) : null;
  if (routing) publishMetrics(metrics.registry, routing);
  const transport = routing?.transport ?? socketIoTransport(io);
  const cluster = setup ? clusterRoomsOn(setup, { node, io, clock: deps.clock, scheduler: deps.scheduler, transport, log, acked }) : null;
  const rooms: Rooms = cluster ?? createRooms({ clock: deps.clock, scheduler: deps.scheduler, store: sqliteLiveRooms(deps.store), transport, log, acked });
  const directory = cluster?.directory ?? (deps.cluster && 'directory' in deps.cluster ? deps.cluster.directory(rooms, node) : localDirectory(rooms, node));
  const assignments = createAssignmentHost({ io, clock: deps.clock, scheduler: deps.scheduler, store: deps.teacher.assignments, log });
  live.withAssignments(assignmentGames(assignments, deps.clock));
  const guard = connectionGuard({
    clock: deps.clock, rooms, assignments, store: limiterStore, connectionsPerAddress: limits.connectionsPerAddress,
    allowedOrigins: deps.allowedOrigins ?? [], refused: (reason) => metrics.rejections.inc({ reason }),
    addressOf: (req) => clientAddress(req, trust),
    ...(setup ? { remoteSeat: redisSeatOf(setup.redis) } : {}),
  });
  guardConnections(io, guard, trust);
  const ctx: HandlerContext = {
    io, rooms, directory, clock: deps.clock, log,
    calls: createRoomCalls(rooms, routing ? routing.remote(directory) : null),
    origin: (socket) => originOf(socket, node),
    newId: ids,
    newSeed: deps.newSeed ?? (() => cryptoBytes(9).toString('base64url')),
    randomBytes,
    guesses: guesses(limiterStore, limits),
    creates: limiter(limiterStore, { keyPrefix: 'create:address', points: limits.createsPerMinute, durationSec: 60 }),
    joinsPerRoom: limiter(limiterStore, { keyPrefix: 'join:room', points: limits.joinsPerRoomPerMinute, durationSec: 60 }),
    publicUrl: deps.publicUrl ?? '',
    isDraining: () => draining,
    metrics,
    library: deps.teacher.library,
    assignments,
  };
  io.on('connection', onConnection(ctx, assignments, limits, guard));
  routing?.attach(ctx.calls, rooms.outbox);
  const restored = rooms.restore();
  // Subscribed to this node's channel before it takes rooms over or listens: nothing forwarded here is missed.
  const restoredRooms = cluster ? (routing?.ready ?? Promise.resolve()).then(() => cluster.start()) : Promise.resolve(restored);
  restoredRooms.catch((error: unknown) => log('could not take over the rooms in Redis', error));
  const restoredAssignments = assignments.restore();
  restoredAssignments.catch((error: unknown) => log('could not restore the assignments', error));
  const prober = setInterval(() => deps.store.probe(), deps.storageProbeMs ?? 1000);
  prober.unref();
  const drain = (): void => {
    if (draining) return;
    draining = true;
    // This node's clients only: in cluster mode io.emit would reach every node's (through the adapter).
    io.local.emit('server:restarting', { retryAfterMs: RESTART_RETRY_MS });
  };
  return {
    httpServer, io, rooms, directory, node, routing, cluster, restoredRooms, assignments, restored, restoredAssignments, metrics,
    drain,
    close: async () => {
      drain();
      clearInterval(prober);
      // Rooms first: the sockets closing below must not be saved as players dropping out. Closing the engine
      // (not disconnecting each socket) lets socket.io clients reconnect by themselves. Cluster mode: everything
      // queued is written and every lease given up first, so other nodes take the rooms at once.
      if (cluster) await cluster.drain().catch((error: unknown) => log('could not hand the rooms over', error));
      rooms.closeAll();
      const assignmentsSaved = assignments.closeAll();
      const closed = io.close();
      // A client that never answers the close handshake (a phone asleep, a frozen tab) would hold the HTTP server
      // open for the WebSocket's 30 s close timeout: cut whatever is left.
      const cut = setTimeout(() => {
        for (const socket of connections) socket.destroy();
      }, CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
      await routing?.close();
      await assignmentsSaved;
    },
  };
}
