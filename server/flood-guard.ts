// Every incoming packet, known event or not, with or without an ack, passes here first. Within the per-socket
// rate it goes on; beyond it the sender hears `rate_limited` (or nothing, without an ack); a socket that keeps
// sending at several times the rate is disconnected, so a flood stops costing the server anything. What follows
// binds to the flooder, not its classmates (connection-guard.ts): its seat may not reconnect for a while, and its
// address may open tokenless connections only slowly; honest players there reconnect with their tokens at once.
import type { Bucket } from './rate-limit.ts';
import type { GameSocket, Log } from './types.ts';

export interface FloodGuard {
  /** The polite limit: refused with rate_limited. */
  bucket: Bucket;
  /** The hard limit: the socket is dropped. */
  flood: Bucket;
  /** The socket was cut off for flooding. */
  flooded(socket: GameSocket): void;
  log: Log;
}

type Packet = unknown[];

function refuse(packet: Packet, log: Log): void {
  const ack = packet.at(-1);
  if (typeof ack !== 'function') return;
  try {
    ack({ ok: false, error: 'rate_limited' });
  } catch (error) {
    log('rate_limited ack failed', error);
  }
}

export function guardFloods(socket: GameSocket, guard: FloodGuard): void {
  socket.use((packet: Packet, next: (err?: Error) => void) => {
    if (!guard.flood.take()) {
      guard.flooded(socket);
      socket.disconnect(true);
      return;
    }
    if (guard.bucket.take()) next();
    else refuse(packet, guard.log);
  });
}
