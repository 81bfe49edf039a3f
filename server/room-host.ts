// The owner of one live room, as an interface: the only writer of its state, of which socket speaks for whom, and
// of its timer and throttles. `dispatch` is synchronous and does no I/O: it applies the event and returns what it
// means as data (outgoing.ts) — the reply, the messages, the bindings — which the outbox commits and sends
// (outbox.ts). Two events for a room can never interleave, and nobody hears of a change before it is on disk.
// The implementation is live-room-host.ts.
import type { Ack, PlayerId, RosterFull, SocketData } from '../shared/protocol.ts';
import type { Actor, Result, RoomEvent, RoomState } from '../shared/room/index.ts';
import type { Clock, Scheduler } from './clock.ts';
import type { LiveRoomStore } from './live-store.ts';
import type { Committable, Outbox } from './outbox.ts';
import type { AckTo, Step } from './outgoing.ts';
import type { Log } from './types.ts';
import type { EventName } from './validated.ts';

export const HOST_STATUS_MS = 250;
export const PRESENCE_MS = 500;
/** The lobby re-broadcast waits this much longer per connected player (1 s at 10,000), so a crowd joining costs
 *  about 10,000 lobby messages a second whatever its size, instead of one view to everyone every 500 ms. */
export const PRESENCE_MS_PER_PLAYER = 0.1;
/** A tick whose change could not be saved is retried after this long. */
export const RETRY_MS = 1000;

/** A client event on its way into a room: the socket it came from (identity is the server's, never the payload's),
 *  where its ack goes, and how the ack reads the outcome. In cluster mode the same request is forwarded to the
 *  room's owner node, and `ack` carries the reply back. */
export interface Request<T> {
  socketId: string;
  event: EventName;
  ack: AckTo<T>;
  /** null: the handler answers itself after the step (a miss whose answer depends on a limit it still awaits). */
  reply(result: Result, room: RoomHost): Ack<T> | null;
}

/** One live room's owner. Everything else reads it; only its methods change it. */
export interface RoomHost extends Committable {
  readonly code: string;
  /** The current state (including changes not on disk yet). */
  readonly state: RoomState;
  readonly hostSocket: string | null;
  socketOf(playerId: PlayerId): string | undefined;
  /** Host only when the socket says host and is the room's current host socket. */
  actorOf(socketId: string, identity: SocketData): Actor;
  /** Applies the event; the step (reply included) is in the outbox when this returns. */
  dispatch<T>(event: RoomEvent, request?: Request<T> | null): Step;
  /** The socket that created the room becomes its host. */
  attachHost<T>(request: Request<T>): Step;
  /** The socket dropped: counts only if it still speaks for its seat. */
  gone(socketId: string, identity: SocketData): void;
  /** After a restart: whoever did not come back within the grace is marked away. */
  settleAbsent(): void;
  /** The host's whole roster, from which the next host:status deltas build (host:roster, a host's rejoin). */
  fullRoster(): RosterFull;
  /** When the room's timer is next due (deadline or idle expiry). */
  nextWake(): number;
  /** Sets the room down without telling anyone (server shutdown; it stays saved). */
  dispose(): void;
  readonly disposed: boolean;
}

export interface RoomHostDeps {
  clock: Clock;
  scheduler: Scheduler;
  store: LiveRoomStore;
  outbox: Outbox;
  log: Log;
  /** The room was dropped or set down: the registry forgets it. */
  closed(room: RoomHost): void;
}

