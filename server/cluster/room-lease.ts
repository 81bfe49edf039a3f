// Each room has exactly one owner node at a time: the node holding the room's lease in Redis, taken with
// set-if-absent and an expiry, renewed while the node lives, fenced by a token that grows with every new owner.
//
// Two guards, because neither alone is enough (docs/operations.md, "Cluster mode"):
// - by its own clock, an owner acts only while its lease is surely still valid: from the moment the last successful
//   renewal was SENT, for the lease time less a margin for clock drift (valid());
// - a process can pause right after that check (GC, SIGSTOP, a VM migration) and wake up long after its lease
//   went to another node: so every write of the room's state carries the token, and Redis refuses a token that is
//   no longer the newest (LeaseCommands.writeFenced).
import type { Clock, Scheduler } from '../clock.ts';
import type { LeaseCommands, RoomWrites } from './lease-commands.ts';

/** How long a lease lasts without renewal: an owner that dies (kill -9) is replaced within this. */
export const LEASE_TTL_MS = 3000;
/** Renewed three times per lease time, so one lost or slow renewal does not cost the lease. */
export const LEASE_RENEW_EVERY_MS = 1000;

/** Redlock's allowance for the two clocks running at different rates, plus a little. */
export const driftMs = (ttlMs: number): number => Math.ceil(ttlMs * 0.01) + 2;

export type LostReason = 'taken' | 'expired' | 'released';

export interface RoomLease {
  readonly room: string;
  readonly token: number;
  /** True while this node may act as the room's owner, by its own clock. */
  valid(): boolean;
  /** The fenced write of the room's state: false (nothing written) once another node has taken the room. */
  write(writes: RoomWrites): Promise<boolean>;
  /** The fenced delete of the room's whole saved state (it ended): false once another node has taken the room. */
  drop(): Promise<boolean>;
  /** Gives the room up now (shutdown, the room ended). */
  release(): Promise<void>;
  /** Called once, when the lease is lost for good (a renewal found another owner, or its time ran out). */
  onLost(listener: (reason: LostReason) => void): void;
}

export interface LeaseOptions {
  commands: LeaseCommands;
  /** This node's name in the lease (unique per process). */
  holder: string;
  clock: Clock;
  scheduler: Scheduler;
  ttlMs?: number;
  renewEveryMs?: number;
  /** A renewal that failed to reach Redis (the lease is kept while its time lasts). */
  log?: (message: string, error: unknown) => void;
}

export interface RoomLeases {
  /** Becomes the room's owner if nobody is: the lease, or null while another node holds it. */
  acquire(room: string): Promise<RoomLease | null>;
  /** Takes back a lease this process still holds in Redis with `token` (it could not release it while Redis was
   *  unreachable): renewed with the same token, or null if it lapsed or is someone else's. Safe because the renewal
   *  succeeds only while the value is exactly this holder's with this token, so nobody has acquired it since and
   *  the token is still the fence's newest. */
  resume(room: string, token: number): Promise<RoomLease | null>;
}

export function roomLeases(options: LeaseOptions): RoomLeases {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const renewEveryMs = options.renewEveryMs ?? LEASE_RENEW_EVERY_MS;
  if (renewEveryMs * 2 > ttlMs) throw new Error('a lease must be renewed at least twice per lease time');
  const { commands, holder, clock, scheduler } = options;

  return {
    async acquire(room) {
      const sentAt = clock.now();
      const token = await commands.acquire(room, holder, ttlMs);
      return token === null ? null : held(room, token, sentAt);
    },
    async resume(room, token) {
      const sentAt = clock.now();
      return (await commands.renew(room, holder, token, ttlMs)) ? held(room, token, sentAt) : null;
    },
  };

  function held(room: string, token: number, acquiredAt: number): RoomLease {
    let validUntil = acquiredAt + ttlMs - driftMs(ttlMs);
    let lost: LostReason | null = null;
    let listener: ((reason: LostReason) => void) | null = null;
    let cancelRenew = (): void => {};
    let cancelExpiry = (): void => {};

    const lose = (reason: LostReason): void => {
      if (lost !== null) return;
      lost = reason;
      cancelRenew();
      cancelExpiry();
      listener?.(reason);
    };
    const armExpiry = (): void => {
      cancelExpiry();
      cancelExpiry = scheduler.at(validUntil, () => {
        if (clock.now() >= validUntil) lose('expired');
      });
    };
    const armRenew = (): void => {
      cancelRenew = scheduler.at(clock.now() + renewEveryMs, () => void renew());
    };

    async function renew(): Promise<void> {
      if (lost !== null) return;
      // Validity counts from when the request left, not when the answer came: Redis may have set the expiry at any
      // moment in between.
      const sentAt = clock.now();
      try {
        const ok = await commands.renew(room, holder, token, ttlMs);
        if (lost !== null) return;
        if (!ok) return lose(clock.now() >= validUntil ? 'expired' : 'taken');
        // (Had the expiry fired while this was in flight, the lease would be lost already: never brought back.)
        validUntil = Math.max(validUntil, sentAt + ttlMs - driftMs(ttlMs));
        armExpiry();
      } catch (error) {
        options.log?.(`lease renewal for ${room} failed; the lease holds until it expires`, error);
      }
      if (lost === null) armRenew();
    }

    armExpiry();
    armRenew();
    return {
      room,
      token,
      valid: () => lost === null && clock.now() < validUntil,
      // Refused here once lost (a released lease's token may still be the newest); the fence refuses the rest.
      write: async (writes) => (lost === null ? commands.writeFenced(room, token, writes) : false),
      drop: async () => (lost === null ? commands.dropFenced(room, token) : false),
      async release() {
        if (lost !== null) return;
        lose('released');
        await commands.release(room, holder, token);
      },
      onLost(fn) {
        listener = fn;
        if (lost !== null) fn(lost);
      },
    };
  }
}
