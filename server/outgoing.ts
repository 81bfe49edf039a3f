// What a room step tells people, as data: the server's output is built by the room's owner (room-host.ts), then
// committed and sent by the outbox (outbox.ts) through a transport (transport.ts). Nothing here does I/O.
import type { Ack, ServerToClientEvents, SocketData } from '../shared/protocol.ts';
import type { Result } from '../shared/room/index.ts';
import type { EventName } from './validated.ts';

export type ServerEvent = keyof ServerToClientEvents;
export type PayloadOf<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/** Where an ack goes: the socket.io ack callback of the event it answers (in cluster mode, one that carries the
 *  reply back to the node holding the socket). Opaque to the room logic; `T` is the ack's data type. */
export type AckTo<T = unknown> = ((response: unknown) => void) & { readonly __ackData?: T };

/** A message to one socket or to everyone bound to a room (the room's socket.io room). */
export type Message = { [E in ServerEvent]: { to: { socket: string } | { room: string }; event: E; payload: PayloadOf<E> } }[ServerEvent];
/** The answer to one client event: `event` is the client's event it answers. */
export interface Reply { to: { ack: AckTo }; event: EventName; payload: Ack<unknown> }
/** One message to each of many sockets, each built only as it is sent: a reveal's 10,000 results are one item in
 *  the outbox, not 10,000 queued messages (fanout.ts `results`). `message(i)` for i in [0, count); null: nobody
 *  to tell there any more. */
export interface Each { to: { each: string }; event: 'me:state'; count: number; message(i: number): Message | null }
export type Outgoing = Message | Reply | Each;

export const isReply = (o: Outgoing): o is Reply => 'ack' in o.to;
export const isEach = (o: Outgoing): o is Each => 'each' in o.to;

/** A socket's identity in a room: made when a join/rejoin/admission is dispatched, undone if its commit fails. */
export type Binding =
  /** The socket speaks for `identity`; `hears`: it joins the room's broadcasts (a waiting joiner does not). */
  | { kind: 'bind'; socket: string; room: string; identity: SocketData; hears: boolean }
  /** The socket leaves the room's broadcasts and forgets who it was (it is told why by a message, if at all). */
  | { kind: 'release'; socket: string; room: string };

/** One dispatch's output. `changed`: the owner holds state that is not on disk yet (the outbox commits it). */
export interface Step {
  result: Result | null;
  out: Outgoing[];
  bindings: Binding[];
  changed: boolean;
  /** Everyone sees this change (a new phase): flushed as soon as the current callback returns. */
  urgent: boolean;
}

export const newStep = (result: Result | null = null): Step => ({ result, out: [], bindings: [], changed: false, urgent: false });
