// The rooms of one node in cluster mode, and the directory of every node's rooms (room-directory.ts): a room is run
// by the node holding its lease (room-lease.ts), saved only through that lease's fenced write (room-rows.ts,
// async-outbox.ts), listed in podium:rooms (room-index.ts) so that when its owner dies another node's sweep takes the
// lease, loads it from Redis and carries on (docs/operations.md, "Cluster mode").
import { isStale, RestoreError, restoreRoom, type RoomState } from '../../shared/room/index.ts';
import type { Clock, Scheduler } from '../clock.ts';
import type { DroppedGame, LiveRoomStore } from '../live-store.ts';
import { LiveRoomHost } from '../live-room-host.ts';
import type { Reply } from '../outgoing.ts';
import type { RoomHost } from '../room-host.ts';
import { RESTORE_GRACE_MS, type Rooms } from '../rooms.ts';
import type { Transport } from '../transport.ts';
import type { Log } from '../types.ts';
import { createAsyncOutbox, type AsyncOutbox } from './async-outbox.ts';
import { finishedDelivery, type SaveFinished } from './finished-delivery.ts';
import type { LeaseCommands } from './lease-commands.ts';
import { RoomCodeTaken, type Located, type RoomDirectory } from './room-directory.ts';
import type { RoomIndex } from './room-index.ts';
import { LEASE_RENEW_EVERY_MS, LEASE_TTL_MS, type RoomLease, type RoomLeases } from './room-lease.ts';
import { roomWrites, savedRoomFrom, storedResultsFrom } from './room-rows.ts';
import { repeat } from './repeat.ts';
import { socketsOf } from './room-sockets.ts';

/** A client whose room moved (set down here, or taken over from a dead node) reconnects after this long. */
export const MOVE_RETRY_MS = 250;
/** ...or after this long when the room's lease could not be given up (Redis unreachable): by then it has lapsed
 *  and a sweep has taken the room again (once Redis answers). */
export const MOVE_RETRY_LAPSED_MS = LEASE_TTL_MS + LEASE_RENEW_EVERY_MS;

export interface ClusterRoomsDeps {
  node: string;
  clock: Clock;
  scheduler: Scheduler;
  commands: LeaseCommands;
  leases: RoomLeases;
  index: RoomIndex;
  transport: Transport;
  log: Log;
  /** Stores a finished game in PostgreSQL, once by its code and finish time (server/postgres/finished-games.ts). */
  saveFinished: SaveFinished;
  /** The room's sockets, on every node, are told to reconnect (server:restarting, then disconnected), so they
   *  rejoin with their tokens at the room's new owner. Called when this node takes over a room it did not open. */
  evacuate(code: string): void;
  acked?: (reply: Reply) => void;
  flushMs?: number;
  /** How often podium:rooms is swept for rooms nobody holds (LEASE_RENEW_EVERY_MS). */
  sweepEveryMs?: number;
  /** At start, rooms other nodes hold are waited for this long and swept again before start() resolves (the
   *  node listens only then): the rooms of a node this one replaces after a kill -9 (their leases run out within
   *  a lease time) are back before its players reconnect. 0: no wait. */
  startWaitMs?: number;
}

export interface ClusterRooms extends Rooms {
  readonly directory: RoomDirectory;
  readonly outbox: AsyncOutbox;
  /** Takes over every listed room nobody holds (the first sweep, before the node listens), then sweeps every
   *  second. Resolves to how many rooms this node took. */
  start(): Promise<number>;
  /** One sweep now (tests; start() repeats it). */
  sweep(): Promise<number>;
  /** SIGTERM: saves what is queued, gives every lease up (other nodes take the rooms at once) and stops sweeping.
   *  The rooms stay saved in Redis. */
  drain(): Promise<void>;
}

interface Entry {
  room: LiveRoomHost;
  lease: RoomLease;
  /** Its lease is released by whoever set this (a drop when done, the drain): not when the room is disposed. */
  releasing: boolean;
}

export function createClusterRooms(deps: ClusterRoomsDeps): ClusterRooms {
  const { node, clock, scheduler, commands, leases, index, transport, log } = deps;
  const entries = new Map<string, Entry>();
  /** Takeovers under way, so concurrent locates of one code share one. */
  const taking = new Map<string, Promise<LiveRoomHost | null>>();
  /** Another node's room: its name, believed until `until` (a lease time) or a 'not_owner' reply. */
  const owners = new Map<string, { node: string; until: number }>();
  /** Rooms set down here whose lease could not be given up (Redis unreachable): the token it still holds, so a sweep
   *  takes the room back as soon as Redis answers instead of waiting for the lease to lapse. */
  const unreleased = new Map<string, number>();
  /** Rooms whose saved rows this node refused (RestoreError): not retried every sweep (logged once). */
  const broken = new Set<string>();
  let draining = false;
  let stopSweep = (): void => {};

  const delivery = finishedDelivery({ saveFinished: deps.saveFinished, log, leaseOf: (code) => entries.get(code)?.lease ?? null });

  const outbox = createAsyncOutbox({
    transport, log, ...(deps.acked ? { acked: deps.acked } : {}), ...(deps.flushMs === undefined ? {} : { flushMs: deps.flushMs }),
    async save(commit) {
      const entry = entries.get(commit.code);
      // Set down meanwhile, or the lease's time is up by this node's clock: not written, refused.
      if (!entry || entry.room.disposed || !entry.lease.valid()) return false;
      const writes = roomWrites(commit);
      if (writes === null) return true;
      const ok = await entry.lease.write(writes);
      if (ok && commit.results) delivery.deliver(commit.code, { results: commit.results, hostTokenHash: commit.next.host.token });
      return ok;
    },
    failed: (owner, sockets) => setDown(owner.code, sockets, 'its change could not be saved'),
  });

  /** LiveRoomHost drops an idle room synchronously (expire); here the drop is a fenced delete, done right after. */
  const dropper: LiveRoomStore = {
    commit() {
      throw new Error('cluster rooms are saved through the outbox');
    },
    drop: (code, report) => void dropLater(code, report),
    load: () => [],
  };

  function host(state: RoomState, lease: RoomLease): LiveRoomHost {
    const room = new LiveRoomHost(state, {
      clock, scheduler, store: dropper, outbox, log,
      closed(r) {
        const entry = entries.get(r.code);
        if (entry?.room !== r) return;
        entries.delete(r.code);
        if (!entry.releasing) void entry.lease.release().catch((error: unknown) => log(`could not release room ${r.code}`, error));
      },
    });
    entries.set(state.code, { room, lease, releasing: false });
    owners.delete(state.code);
    // A lost lease (another node has the room now, or this one could not renew in time): set down, nobody told
    // anything new; the room's sockets reconnect to wherever it is.
    lease.onLost((reason) => {
      // Taken: the room is elsewhere now. Expired: Redis did not answer the renewals; the room is back once it does.
      if (reason !== 'released') setDown(state.code, new Set(), `lease ${reason}`, reason === 'expired' ? MOVE_RETRY_LAPSED_MS : MOVE_RETRY_MS);
    });
    return room;
  }

  /** The room stops here: disposed, its lease given up, its sockets told to reconnect (they rejoin at its next
   *  owner, who loads it from Redis: what they were told is there). */
  function setDown(code: string, extra: ReadonlySet<string>, why: string, retryAfterMs = MOVE_RETRY_MS): void {
    const entry = entries.get(code);
    if (!entry) return;
    log(`room ${code} set down on ${node}: ${why}`);
    const sockets = new Set([...socketsOf(entry.room), ...extra]);
    entry.releasing = true;
    entry.room.dispose();
    const tell = (retryAfterMs: number): void => {
      for (const s of sockets) {
        transport.send(s, 'server:restarting', { retryAfterMs });
        transport.disconnect(s);
      }
    };
    // An expired lease may still be this node's in Redis (its renewals did not get through).
    if (retryAfterMs === MOVE_RETRY_LAPSED_MS) unreleased.set(code, entry.lease.token);
    entry.lease.release().then(() => tell(retryAfterMs), (error: unknown) => {
      log(`could not release room ${code} (it lapses within ${LEASE_TTL_MS} ms)`, error);
      unreleased.set(code, entry.lease.token);
      tell(MOVE_RETRY_LAPSED_MS);
    });
  }

  async function dropLater(code: string, report: DroppedGame | null): Promise<void> {
    const entry = entries.get(code);
    if (!entry) return;
    entry.releasing = true;
    const { lease } = entry;
    try {
      if (report) await deps.saveFinished(report.results, report.hostTokenHash);
      // A finished game not in PostgreSQL yet keeps the room in Redis (a later owner delivers it, then drops it).
      const stored = delivery.waiting(code) ? storedResultsFrom(await commands.readRoom(code)) : null;
      if (stored && !(await delivery.deliver(code, stored))) return;
      if (await lease.drop()) await index.remove(code);
    } catch (error) {
      // Still in Redis: whoever takes it next restores it and it idles out again (the report is retried then).
      log(`could not drop room ${code}`, error);
    } finally {
      await lease.release().catch(() => {});
    }
  }

  async function open(state: RoomState): Promise<RoomHost> {
    const { code } = state;
    if (entries.has(code) || taking.has(code)) throw new RoomCodeTaken(code);
    const lease = await leases.acquire(code);
    if (lease === null) throw new RoomCodeTaken(code);
    try {
      if (!(await index.add(code)) && savedRoomFrom(code, await commands.readRoom(code)) !== null) {
        // A live room whose owner is gone and that no sweep has taken yet: this node hosts it now.
        await adopt(code, lease);
        throw new RoomCodeTaken(code);
      }
      const writes = roomWrites({ code, prev: null, next: state, results: null })!;
      if (!(await lease.write(writes))) throw new RoomCodeTaken(code);
    } catch (error) {
      if (!entries.has(code)) await lease.release().catch(() => {});
      throw error;
    }
    return host(state, lease);
  }

  /** Loads the room this node has just leased and hosts it; null (lease given back) when there is nothing to run. */
  async function adopt(code: string, lease: RoomLease): Promise<LiveRoomHost | null> {
    try {
      const hash = await commands.readRoom(code);
      const saved = savedRoomFrom(code, hash);
      const now = clock.now();
      const stored = storedResultsFrom(hash);
      if (saved === null || isStale(saved.room, now)) {
        // Nothing saved (it was dropped, or its first write never happened), or finished long ago: forgotten, its
        // results stored first.
        if (stored) await deps.saveFinished(stored.results, stored.hostTokenHash);
        if (await lease.drop()) await index.remove(code);
        await lease.release();
        return null;
      }
      const state = restoreRoom(saved, now);
      const room = host(state, lease);
      broken.delete(code);
      scheduler.at(now + RESTORE_GRACE_MS, () => {
        try {
          room.settleAbsent();
        } catch (error) {
          log('a deferred send failed', error);
        }
      });
      if (stored) delivery.deliver(code, stored);
      deps.evacuate(code);
      return room;
    } catch (error) {
      if (error instanceof RestoreError) {
        if (!broken.has(code)) log(`room ${code} not restored: ${error.message}`);
        broken.add(code);
      } else log(`could not take over room ${code}`, error);
      if (!entries.has(code)) await lease.release().catch(() => {});
      return null;
    }
  }

  /** Leases and loads a room nobody holds (or that this node still holds with `token`: taken back); null if another
   *  node got it first or there is nothing to run. */
  function takeOver(code: string, token: number | null = null): Promise<LiveRoomHost | null> {
    const existing = taking.get(code);
    if (existing) return existing;
    const attempt = (async () => {
      if (draining) return null;
      const lease = token === null ? await leases.acquire(code) : await leases.resume(code, token);
      unreleased.delete(code);
      return lease === null ? null : adopt(code, lease);
    })().finally(() => taking.delete(code));
    taking.set(code, attempt);
    return attempt;
  }

  async function locate(code: string): Promise<Located> {
    const entry = entries.get(code);
    if (entry && !entry.room.disposed) return { kind: 'local', room: entry.room };
    const now = clock.now();
    const cached = owners.get(code);
    if (cached && cached.until > now) return { kind: 'remote', node: cached.node };
    const pending = taking.get(code);
    if (pending) {
      const room = await pending;
      if (room) return { kind: 'local', room };
    }
    const owner = await commands.owner(code);
    if (owner !== null && owner.holder !== node) {
      owners.set(code, { node: owner.holder, until: now + LEASE_TTL_MS });
      return { kind: 'remote', node: owner.holder };
    }
    if (owner !== null && unreleased.get(code) === owner.token) {
      const room = await takeOver(code, owner.token);
      if (room) return { kind: 'local', room };
    }
    if (owner === null && (await index.has(code))) {
      const room = await takeOver(code);
      if (room) return { kind: 'local', room };
      const winner = await commands.owner(code);
      if (winner !== null && winner.holder !== node) return { kind: 'remote', node: winner.holder };
    }
    const local = entries.get(code);
    return local ? { kind: 'local', room: local.room } : { kind: 'none' };
  }

  /** Takes over every listed room nobody holds; how many it took, and how many other nodes hold. */
  async function sweepOnce(): Promise<{ taken: number; held: number }> {
    if (draining) return { taken: 0, held: 0 };
    const codes = (await index.all()).filter((c) => !entries.has(c) && !taking.has(c) && !broken.has(c));
    const owners = await Promise.all(codes.map((c) => commands.owner(c)));
    // Free, or still this node's from before Redis stopped answering.
    const free = codes.flatMap((c, i): { c: string; token: number | null }[] => {
      const o = owners[i]!;
      if (o === null) return [{ c, token: null }];
      return o.holder === node && unreleased.get(c) === o.token ? [{ c, token: o.token }] : [];
    });
    const taken = await Promise.all(free.map(({ c, token }) => takeOver(c, token)));
    delivery.retry();
    return { taken: taken.filter((r) => r !== null).length, held: owners.filter((o) => o !== null && o.holder !== node).length };
  }
  const sweep = async (): Promise<number> => (await sweepOnce()).taken;

  const directory: RoomDirectory = {
    node,
    locate,
    forgetOwner: (code) => void owners.delete(code),
    open,
    exists: async (code) => entries.has(code) || taking.has(code) || (await index.has(code)),
  };

  const local = (): LiveRoomHost[] => [...entries.values()].map((e) => e.room);

  return {
    directory,
    outbox,
    open() {
      throw new Error('in cluster mode rooms open through the directory');
    },
    restore: () => 0,
    get: (code) => entries.get(code)?.room,
    has: (code) => entries.has(code),
    size: () => entries.size,
    all: () => local().values(),
    flush: () => outbox.flush(),
    closeAll() {
      outbox.flush();
      for (const room of local()) room.dispose();
    },
    async start() {
      const first = await sweepOnce();
      let count = first.taken;
      if (first.held > 0 && deps.startWaitMs) {
        const wait = deps.startWaitMs;
        await new Promise<void>((resolve) => scheduler.at(clock.now() + wait, resolve));
        count += await sweep();
      }
      stopSweep = repeat({ clock, scheduler, everyMs: deps.sweepEveryMs ?? LEASE_RENEW_EVERY_MS, run: sweep, log, what: 'the failover sweep' });
      return count;
    },
    sweep,
    async drain() {
      draining = true;
      stopSweep();
      await outbox.settled();
      await delivery.settled();
      const held = [...entries.values()];
      for (const e of held) {
        e.releasing = true;
        e.room.dispose();
      }
      await Promise.all(held.map((e) => e.lease.release().catch((error: unknown) => log(`could not release room ${e.room.code}`, error))));
    },
  };
}
