// How long to wait before reconnecting when the server asks (server:restarting) or the room is moving to another
// node (room_moving). Everyone in a room hears it at the same moment, so each client adds a random share of up to
// RECONNECT_SPREAD_MS: a 5,000-player room reconnects over a second instead of in one instant (docs/protocol.md,
// "Server → client").

/** The server's wait is kept inside these bounds, whatever it says. */
export const RETRY_AFTER_MIN_MS = 250;
export const RETRY_AFTER_MAX_MS = 30_000;
/** The random share on top: uniform in [0, RECONNECT_SPREAD_MS). */
export const RECONNECT_SPREAD_MS = 1000;

export function reconnectDelay(retryAfterMs: number, random: () => number = Math.random): number {
  const wait = Math.min(Math.max(Number.isFinite(retryAfterMs) ? retryAfterMs : RETRY_AFTER_MIN_MS, RETRY_AFTER_MIN_MS), RETRY_AFTER_MAX_MS);
  const share = Math.min(Math.max(random(), 0), 1);
  return Math.round(wait + share * RECONNECT_SPREAD_MS);
}
