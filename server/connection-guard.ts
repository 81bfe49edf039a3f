// Who may open a connection, before any handler runs:
// - browsers from this origin (or PODIUM_ALLOWED_ORIGINS) only; clients without an Origin header (bots, tests,
//   native apps) are not browsers and pass;
// - at most `connectionsPerAddress` open at once per address;
// - after a socket was cut off for flooding (flood-guard.ts), its seat (room + player, or host) may not reconnect
//   for FLOOD_COOLDOWN_MS, and its address may open connections without a valid token only once a second. A
//   client that brings the token of another seat (auth { code, token }, sent by the web client on every
//   (re)connect: a room's host or player, or a student of an assignment) passes at once: the flooder's classmates
//   reconnect as fast as their network allows. In cluster mode a token for a room another node owns is checked
//   against the room's hash in Redis (cluster/remote-seat.ts), only on that slow lane, bounded in time.
import type { IncomingMessage } from 'node:http';
import type { Clock } from './clock.ts';
import type { Rooms } from './rooms.ts';
import type { LimiterStore } from './limiter.ts';
import { limiter } from './limiter.ts';
import { protectToken } from './tokens.ts';
import { getPlayer } from '../shared/room/index.ts';
import { studentOf, type AssignmentState } from '../shared/assignment/index.ts';
import type { GameSocket } from './types.ts';
import type { RemoteSeatOf } from './cluster/remote-seat.ts';
import { addressOf } from './types.ts';

export const FLOOD_COOLDOWN_MS = 10_000;
const MAX_COOLING = 10_000;

export type ConnectionRefusal = 'origin' | 'connections_per_address' | 'flood_cooldown';

/** The assignments in memory, by code (server/assignments/assignment-host.ts). */
export interface AssignmentLookup {
  get(code: string): { code: string; state: AssignmentState } | undefined;
}

export interface ConnectionGuardDeps {
  clock: Clock;
  rooms: Rooms;
  assignments?: AssignmentLookup;
  store: LimiterStore;
  connectionsPerAddress: number;
  /** Extra origins allowed besides the server's own (e.g. https://quiz.example.org). */
  allowedOrigins: readonly string[];
  refused(reason: ConnectionRefusal): void;
  /** The client's address for a request (the peer's, or forwarded by a trusted proxy: client-address.ts). */
  addressOf(req: IncomingMessage): string;
  /** Cluster mode: the seat a token opens in a room this node does not host (null: none, or no answer in time). */
  remoteSeat?: RemoteSeatOf;
}

/** The seat a handshake's token opens ('CODE:host' or 'CODE:playerId', waiting included; 'CODE:studentId' in an
 *  assignment), or null. */
export function seatOf(rooms: Rooms, auth: unknown, assignments?: AssignmentLookup): string | null {
  const { code, token } = (auth ?? {}) as { code?: unknown; token?: unknown };
  if (typeof code !== 'string' || typeof token !== 'string' || token.length > 200) return null;
  const room = rooms.get(code.toUpperCase());
  if (!room) {
    const a = assignments?.get(code.toUpperCase());
    const student = a ? studentOf(a.state, playerIdOfToken(token) ?? '') : undefined;
    return a && student && student.token === protectToken(token) ? `${a.code}:${student.id}` : null;
  }
  const hashed = protectToken(token);
  if (hashed === room.state.host.token) return `${room.code}:host`;
  const id = playerIdOfToken(token) ?? '';
  const stored = getPlayer(room.state, id)?.token ?? room.state.waiting.find((w) => w.id === id)?.token;
  return stored === hashed ? `${room.code}:${id}` : null;
}

const playerIdOfToken = (token: string): string | null => {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : null;
};

/** The seat a connected socket speaks for, if any. */
function seatOfSocket(socket: GameSocket): string | null {
  const { roomCode, role, playerId } = socket.data;
  if (roomCode === null || role === null) return null;
  return role === 'host' ? `${roomCode}:host` : `${roomCode}:${playerId}`;
}

/** Same origin: the Origin's host is the Host the request was sent to. */
function sameOrigin(req: IncomingMessage, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function connectionGuard(deps: ConnectionGuardDeps) {
  const open = new Map<string, number>();
  /** Seats and addresses ('addr:…') cooling down after a flood, until when. */
  const cooling = new Map<string, number>();
  const tokenless = limiter(deps.store, { keyPrefix: 'conn:tokenless', points: 1, durationSec: 1 });
  const allowed = new Set(deps.allowedOrigins.map((o) => o.replace(/\/$/, '')));

  const isCooling = (key: string): boolean => {
    const until = cooling.get(key);
    if (until === undefined) return false;
    if (deps.clock.now() < until) return true;
    cooling.delete(key);
    return false;
  };

  function cool(key: string): void {
    if (cooling.size >= MAX_COOLING) cooling.clear();
    cooling.set(key, deps.clock.now() + FLOOD_COOLDOWN_MS);
  }

  return {
    /** engine.io's allowRequest: origin and the per-address cap, at the HTTP request, before any handshake work. */
    allowRequest(req: IncomingMessage, answer: (err: string | null | undefined, success: boolean) => void): void {
      const origin = req.headers.origin;
      if (origin !== undefined && !sameOrigin(req, origin) && !allowed.has(origin)) {
        deps.refused('origin');
        answer('origin not allowed', false);
        return;
      }
      const address = deps.addressOf(req);
      if ((open.get(address) ?? 0) >= deps.connectionsPerAddress) {
        deps.refused('connections_per_address');
        answer('too many connections from this address', false);
        return;
      }
      answer(null, true);
    },
    /** Counts an engine connection against its address until it closes. */
    opened(address: string, onClose: (fn: () => void) => void): void {
      open.set(address, (open.get(address) ?? 0) + 1);
      onClose(() => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
    },
    openCount: (address: string): number => open.get(address) ?? 0,
    /** socket.io middleware: the flood cooldown binds to the flooder's seat and its tokenless connections. */
    middleware(socket: GameSocket, next: (err?: Error) => void): void {
      const auth = socket.handshake.auth;
      const seat = seatOf(deps.rooms, auth, deps.assignments);
      if (seat !== null) return isCooling(seat) ? refuse(next) : next();
      if (!isCooling(`addr:${addressOf(socket)}`)) return next();
      const slowLane = (): void => void tokenless.take(addressOf(socket)).then((ok) => (ok ? next() : refuse(next)), () => next());
      const { code, token } = (auth ?? {}) as { code?: unknown; token?: unknown };
      if (!deps.remoteSeat || typeof code !== 'string' || typeof token !== 'string') return slowLane();
      // Only here, on a cooling address: a seat of a room owned by another node passes as a local one would.
      void deps.remoteSeat(code, token).then(
        (remote) => (remote === null ? slowLane() : isCooling(remote) ? refuse(next) : next()),
        () => slowLane(),
      );
    },
    flooded(socket: GameSocket): void {
      const seat = seatOfSocket(socket);
      if (seat !== null) cool(seat);
      cool(`addr:${addressOf(socket)}`);
    },
  };

  function refuse(next: (err?: Error) => void): void {
    deps.refused('flood_cooldown');
    next(new Error('rate_limited'));
  }
}

export type ConnectionGuard = ReturnType<typeof connectionGuard>;
