// Where a client event comes from, as data: the socket, the node holding it, who the socket is and the address its
// limits count against. Everything that touches a room reads this instead of the socket, so the room's owner can
// run the event whether the socket is on this node or on another (server/room-calls.ts; in cluster mode the origin
// travels with the forwarded request: server/cluster/forwarding.ts). The per-socket parts (flood guard, payload
// validation, rate limits) stay at the socket's node and read the socket itself.
import type { SocketData } from '../shared/protocol.ts';
import { addressOf, type GameSocket } from './types.ts';

export interface Origin {
  readonly socketId: string;
  /** The node whose socket.io server holds the socket (RoomDirectory.node). */
  readonly node: string;
  /** The socket's identity when the event left it (socket.data, set only by the room's bindings). */
  readonly identity: SocketData;
  /** The client's address (handshake.address: the peer's, or forwarded by a trusted proxy). */
  readonly address: string;
}

export const originOf = (socket: GameSocket, node: string): Origin => ({ socketId: socket.id, node, identity: socket.data, address: addressOf(socket) });
