// Telling a room's sockets, on every node, to reconnect: after a node took the room over (its seat table is empty
// after a load, so sockets elsewhere would keep a stale identity). Told through the cluster transport, whose
// broadcast first publishes what this node still queues for other nodes (forwarded acks, bindings), so nothing
// queued before reaches a socket after it was told to go; then cut through the adapter. Each client waits
// retryAfterMs plus its own random share of up to 1 s (docs/protocol.md), so a big room does not reconnect in one
// instant.
import type { Transport } from '../transport.ts';
import type { GameServer } from '../types.ts';

export function evacuateRoom(io: Pick<GameServer, 'in'>, transport: Transport, code: string, retryAfterMs: number): void {
  transport.broadcast(code, 'server:restarting', { retryAfterMs });
  io.in(code).disconnectSockets(true);
}
