// Every incoming packet, known event or not, with or without an ack, passes here first. Within the per-socket
// rate it goes on; beyond it the sender hears `rate_limited` (or nothing, without an ack); a socket that keeps
// sending at several times the rate is disconnected, so a flood stops costing the server anything. Its address
// may then open only one connection a second for a while: reconnecting at once to flood again is refused at the
// HTTP request, before any handshake work.
import type { Clock } from './clock.ts';
import type { Bucket } from './rate-limit.ts';
import type { GameSocket, Log } from './types.ts';

/** How long an address that flooded stays slowed down, and how often it may connect meanwhile. */
export const COOLDOWN_MS = 10_000;
const COOLDOWN_CONNECT_EVERY_MS = 1000;

export interface Cooldowns {
  /** A socket from this address was cut off for flooding. */
  mark(address: string): void;
  /** May this address open a connection now? */
  allow(address: string): boolean;
}

export function cooldowns(clock: Clock, maxKeys = 10_000): Cooldowns {
  const marked = new Map<string, { until: number; lastAllowed: number }>();
  return {
    mark(address) {
      if (marked.size >= maxKeys) marked.clear();
      marked.set(address, { until: clock.now() + COOLDOWN_MS, lastAllowed: clock.now() });
    },
    allow(address) {
      const entry = marked.get(address);
      const now = clock.now();
      if (!entry || now >= entry.until) return marked.delete(address) || true;
      if (now - entry.lastAllowed < COOLDOWN_CONNECT_EVERY_MS) return false;
      entry.lastAllowed = now;
      return true;
    },
  };
}

export interface FloodGuard {
  /** The polite limit: refused with rate_limited. */
  bucket: Bucket;
  /** The hard limit: the socket is dropped. */
  flood: Bucket;
  cooldowns: Cooldowns;
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
      guard.cooldowns.mark(socket.handshake.address);
      socket.disconnect(true);
      return;
    }
    if (guard.bucket.take()) next();
    else refuse(packet, guard.log);
  });
}
