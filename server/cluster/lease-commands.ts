// What a room's lease needs from Redis, as four atomic operations (each one Lua script, so no other client's
// command runs between its read and its write). Two implementations: Redis itself (redis-lease-commands.ts) and, in
// the tests, a map on a fake clock with the same semantics; the same contract tests run against both.
//
// Keys of room CODE (the {CODE} hash tag keeps them in one Redis Cluster slot, which multi-key scripts require):
//   podium:lease:{CODE}  "<holder>:<token>", with an expiry: who owns the room right now
//   podium:fence:{CODE}  the newest token ever handed out for the room (a counter that only grows)
//   podium:room:{CODE}   the room's saved state, a hash written only through writeFenced

export const leaseKey = (room: string): string => `podium:lease:{${room}}`;
export const fenceKey = (room: string): string => `podium:fence:{${room}}`;
export const roomKey = (room: string): string => `podium:room:{${room}}`;

/** The fence outlives any lease by far, so a token is never handed out twice while an old owner might still hold it
 *  (refreshed at each acquisition; an idle room's keys go after a week). */
export const FENCE_KEEP_MS = 7 * 24 * 3600_000;

export interface LeaseHolder {
  holder: string;
  token: number;
}

/** Writes to a room's saved state: fields to set and fields to delete. */
export interface RoomWrites {
  set: Readonly<Record<string, string>>;
  del: readonly string[];
}

export interface LeaseCommands {
  /** If nobody holds the room's lease: takes it for `ttlMs` with the next token, which it returns. Else null. */
  acquire(room: string, holder: string, ttlMs: number): Promise<number | null>;
  /** Extends the lease by `ttlMs` if `holder` still holds it with `token`; false if it lapsed or is someone else's
   *  (a lapsed lease is never silently taken back: the owner must acquire again, with a new token). */
  renew(room: string, holder: string, token: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` still holds it with `token` (a successor need not wait for it to expire). */
  release(room: string, holder: string, token: number): Promise<void>;
  /** Who holds the lease now, if anyone. */
  owner(room: string): Promise<LeaseHolder | null>;
  /**
   * Applies `writes` to the room's saved state only if `token` is still the room's newest (the fence): false, and
   * nothing written, once anyone has acquired the room since. This is what stops an owner that was paused past its
   * lease (a long GC, SIGSTOP, a VM migration) from overwriting its successor's state when it wakes up.
   */
  writeFenced(room: string, token: number, writes: RoomWrites): Promise<boolean>;
  /** Deletes the room's saved state (the room ended or idled out), only if `token` is still the room's newest. */
  dropFenced(room: string, token: number): Promise<boolean>;
  /** The room's saved state, every field. */
  readRoom(room: string): Promise<Record<string, string>>;
}

export const holderValue = (holder: string, token: number): string => `${holder}:${token}`;

export function parseHolder(value: string | null): LeaseHolder | null {
  if (value === null) return null;
  const colon = value.lastIndexOf(':');
  const token = Number(value.slice(colon + 1));
  return colon > 0 && Number.isSafeInteger(token) ? { holder: value.slice(0, colon), token } : null;
}
