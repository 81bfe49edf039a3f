// The numbers of a drain (SIGTERM to exit), in one place: main.ts and app.ts run them, and the Kubernetes manifests
// (deploy/) must agree with them, which test/deploy/ checks by importing these, not copies.

/** The whole drain, SIGTERM to exit, stays under this: a watchdog exits 1 when it is reached. */
export const DRAIN_DEADLINE_MS = 5000;
/** How long /readyz says 503 (and games go on) after SIGTERM before sockets close, unless PODIUM_DRAIN_GRACE_MS
 *  says otherwise: load balancers that probe readiness stop routing here meanwhile. */
export const DRAIN_GRACE_DEFAULT_MS = 500;
/** The grace is capped so that closing (below) and saving always fit inside the deadline. */
export const DRAIN_GRACE_MAX_MS = DRAIN_DEADLINE_MS - 2000;
/** On close, how long clients get to answer the close handshake before their connections are cut. */
export const CLOSE_GRACE_MS = 300;
/** What clients are told to wait before reconnecting when the server drains (server:restarting). */
export const RESTART_RETRY_MS = 1000;

/** PODIUM_DRAIN_GRACE_MS as the server applies it: the default when unset, never above the cap. */
export function drainGraceMs(setting: string | undefined): number {
  const asked = Number(setting ?? DRAIN_GRACE_DEFAULT_MS);
  return Math.min(Number.isFinite(asked) && asked >= 0 ? asked : DRAIN_GRACE_DEFAULT_MS, DRAIN_GRACE_MAX_MS);
}
