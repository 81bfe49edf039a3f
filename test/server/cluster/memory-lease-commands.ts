// LeaseCommands in memory on a (fake) clock: the semantics of the Lua scripts in server/cluster/redis-lease-commands.ts,
// for unit tests of the lease logic. lease-contract.ts runs the same cases against this and against real Redis, so
// the two cannot drift apart. `down` makes every command fail, as an unreachable Redis does.
import type { Clock } from '../../../server/clock.ts';
import { holderValue, parseHolder, type LeaseCommands } from '../../../server/cluster/lease-commands.ts';

export interface MemoryLeaseCommands extends LeaseCommands {
  down: boolean;
  /** Every command received, in order (renewals included). */
  readonly calls: string[];
}

export function memoryLeaseCommands(clock: Clock): MemoryLeaseCommands {
  const leases = new Map<string, { value: string; expiresAt: number }>();
  const fences = new Map<string, number>();
  const rooms = new Map<string, Map<string, string>>();
  const calls: string[] = [];
  const self: MemoryLeaseCommands = {
    down: false,
    calls,
    async acquire(room, holder, ttlMs) {
      enter(`acquire ${room} ${holder}`);
      if (current(room) !== null) return null;
      const token = (fences.get(room) ?? 0) + 1;
      fences.set(room, token);
      leases.set(room, { value: holderValue(holder, token), expiresAt: clock.now() + ttlMs });
      return token;
    },
    async renew(room, holder, token, ttlMs) {
      enter(`renew ${room} ${holder}`);
      if (current(room) !== holderValue(holder, token)) return false;
      leases.set(room, { value: holderValue(holder, token), expiresAt: clock.now() + ttlMs });
      return true;
    },
    async release(room, holder, token) {
      enter(`release ${room} ${holder}`);
      if (current(room) === holderValue(holder, token)) leases.delete(room);
    },
    async owner(room) {
      enter(`owner ${room}`);
      return parseHolder(current(room));
    },
    async writeFenced(room, token, writes) {
      enter(`write ${room} ${token}`);
      if (fences.get(room) !== token) return false;
      const hash = rooms.get(room) ?? new Map<string, string>();
      for (const [field, value] of Object.entries(writes.set)) hash.set(field, value);
      for (const field of writes.del) hash.delete(field);
      rooms.set(room, hash);
      return true;
    },
    async dropFenced(room, token) {
      enter(`drop ${room} ${token}`);
      if (fences.get(room) !== token) return false;
      rooms.delete(room);
      return true;
    },
    async readRoom(room) {
      enter(`read ${room}`);
      return Object.fromEntries(rooms.get(room) ?? []);
    },
  };
  return self;

  function enter(call: string): void {
    if (self.down) throw new Error('connect ECONNREFUSED (Redis is down)');
    calls.push(call);
  }
  function current(room: string): string | null {
    const lease = leases.get(room);
    if (!lease) return null;
    if (clock.now() >= lease.expiresAt) {
      leases.delete(room);
      return null;
    }
    return lease.value;
  }
}
