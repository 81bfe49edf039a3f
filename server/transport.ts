// How messages reach sockets. The room logic only produces data (outgoing.ts); a Transport delivers it. Here: the
// local socket.io server. In cluster mode an adapter-backed one (socket.io's Redis adapter reaches every node's
// sockets through io.to(...), socketsJoin and friends) and a forwarded ack take its place without the room changing.
import type { SocketData } from '../shared/protocol.ts';
import { isEach, type AckTo, type Binding, type Each, type Message, type Outgoing, type PayloadOf, type ServerEvent } from './outgoing.ts';
import { noIdentity, type GameServer, type Log } from './types.ts';

export interface Transport {
  ack(to: AckTo, payload: unknown): void;
  send<E extends ServerEvent>(socket: string, event: E, payload: PayloadOf<E>): void;
  broadcast<E extends ServerEvent>(room: string, event: E, payload: PayloadOf<E>): void;
  /** Sets who the socket is (socket.data). */
  identify(socket: string, identity: SocketData): void;
  join(socket: string, room: string): void;
  leave(socket: string, room: string): void;
  disconnect(socket: string): void;
}

/** Delivers one outgoing item (every message of an Each, in order); an exception in one send never stops the others. */
export function deliver(transport: Transport, item: Outgoing, log: Log): void {
  if (isEach(item)) {
    for (let i = 0; i < item.count; i++) deliverEach(transport, item, i, log);
    return;
  }
  try {
    const { to } = item;
    if ('ack' in to) transport.ack(to.ack, item.payload);
    else {
      // The union of event/payload pairs is checked where the message is built (Message).
      const m = item as Message;
      if ('room' in m.to) transport.broadcast(m.to.room, m.event, m.payload as never);
      else transport.send(m.to.socket, m.event, m.payload as never);
    }
  } catch (error) {
    log('ack' in item.to ? `ack for ${item.event} failed` : `sending ${item.event} failed`, error);
  }
}

/** The i-th message of an Each, built now. */
export function deliverEach(transport: Transport, item: Each, i: number, log: Log): void {
  let m: Message | null = null;
  try {
    m = item.message(i);
  } catch (error) {
    log(`building ${item.event} failed`, error);
  }
  if (m) deliver(transport, m, log);
}

export function applyBinding(transport: Transport, b: Binding): void {
  if (b.kind === 'release') {
    transport.leave(b.socket, b.room);
    transport.identify(b.socket, noIdentity());
    return;
  }
  transport.identify(b.socket, b.identity);
  if (b.hears) transport.join(b.socket, b.room);
}

/** socket.io's typed emit, for an event and payload already checked together (Message). */
type Emitter = { emit(event: string, payload: unknown): unknown };
/** What a socket.io 4 socket offers below emit: its namespace and the client's packet writer, which takes packets
 *  already encoded (the adapter's broadcast uses it the same way). */
type Encodable = { nsp: { name: string }; client: { _packet(packets: string[], opts: { preEncoded: true }): void } };

/** One message to one socket, encoded here: `2["event",payload]` is socket.io's EVENT packet in the main namespace
 *  byte for byte (JSON.stringify of the same array socket.io builds), written straight to engine.io. It skips
 *  socket.io's per-emit packet object, flags copy and binary scan (hasBinary walks every payload; ours are JSON and
 *  never carry binary): a reveal at 10,000 sends 10,000 of these (issue 14). */
function sendEncoded(s: Emitter & Encodable, event: string, payload: unknown): void {
  if (s.nsp.name !== '/') s.emit(event, payload);
  else s.client._packet([`2${JSON.stringify([event, payload])}`], { preEncoded: true });
}

export function socketIoTransport(io: GameServer): Transport {
  const socket = (id: string) => io.sockets.sockets.get(id);
  return {
    ack: (to, payload) => to(payload),
    send: (id, event, payload) => {
      const s = socket(id);
      if (s) sendEncoded(s as unknown as Emitter & Encodable, event, payload);
    },
    broadcast: (room, event, payload) => void (io.to(room) as unknown as Emitter).emit(event, payload),
    identify: (id, identity) => {
      const s = socket(id);
      if (s) s.data = identity;
    },
    join: (id, room) => void socket(id)?.join(room),
    leave: (id, room) => void socket(id)?.leave(room),
    disconnect: (id) => void socket(id)?.disconnect(true),
  };
}
