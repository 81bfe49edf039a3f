// The transport of a node in cluster mode (transport.ts is the single-node one). A socket held here is reached
// directly; a socket on another node through the forwarder's queue for that node (one publish per node per turn,
// in order: forwarding.ts); a room's broadcast through socket.io's Redis adapter (one publish, every node delivers
// it to its own sockets in that socket.io room). Before a broadcast the queues are published, so a binding or an
// ack never arrives behind the broadcast that followed it. A socket this node has never heard from (it reached
// the room through the node that owned it before a failover) is reached through the adapter as well.
import type { SocketData } from '../../shared/protocol.ts';
import type { Transport } from '../transport.ts';
import type { GameServer } from '../types.ts';
import type { Forwarder } from './forwarding.ts';

/** Publishes this transport caused besides the forwarder's own (the bench reads them: Redis round trips). */
export interface TransportCounts {
  /** Room broadcasts through the adapter. */
  broadcasts: number;
  /** Sends, joins and disconnects for sockets no node was known for, through the adapter. */
  fallbacks: number;
  /** Identities for such sockets: cannot be set from here (counted, so a test or an operator sees it). */
  unknownIdentities: number;
}

type Emitter = { emit(event: string, payload: unknown): unknown };

export function clusterTransport(io: GameServer, forwarder: Forwarder): Transport & { counts: TransportCounts } {
  const counts: TransportCounts = { broadcasts: 0, fallbacks: 0, unknownIdentities: 0 };
  const local = (id: string) => io.sockets.sockets.get(id);
  const nodeOf = (id: string) => forwarder.nodeOf(id);
  const viaAdapter = (): void => {
    forwarder.flush();
    counts.fallbacks++;
  };
  return {
    counts,
    ack: (to, payload) => to(payload),
    send(id, event, payload) {
      const socket = local(id);
      if (socket) return void (socket as unknown as Emitter).emit(event, payload);
      const node = nodeOf(id);
      if (node) return forwarder.toSocket(node, { k: 'send', socket: id, event, payload });
      viaAdapter();
      (io.to(id) as unknown as Emitter).emit(event, payload);
    },
    broadcast(room, event, payload) {
      forwarder.flush();
      counts.broadcasts++;
      (io.to(room) as unknown as Emitter).emit(event, payload);
    },
    identify(id, identity: SocketData) {
      const socket = local(id);
      if (socket) return void (socket.data = identity);
      const node = nodeOf(id);
      if (node) forwarder.toSocket(node, { k: 'identify', socket: id, identity });
      else counts.unknownIdentities++;
    },
    join(id, room) {
      const socket = local(id);
      if (socket) return void socket.join(room);
      const node = nodeOf(id);
      if (node) return forwarder.toSocket(node, { k: 'join', socket: id, room });
      viaAdapter();
      io.in(id).socketsJoin(room);
    },
    leave(id, room) {
      const socket = local(id);
      if (socket) return void socket.leave(room);
      const node = nodeOf(id);
      if (node) return forwarder.toSocket(node, { k: 'leave', socket: id, room });
      viaAdapter();
      io.in(id).socketsLeave(room);
    },
    disconnect(id) {
      const socket = local(id);
      if (socket) return void socket.disconnect(true);
      const node = nodeOf(id);
      if (node) return forwarder.toSocket(node, { k: 'disconnect', socket: id });
      viaAdapter();
      io.in(id).disconnectSockets(true);
    },
  };
}
