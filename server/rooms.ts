// Every live room on this server: one owner each (room-host.ts), one outbox for all of them (outbox.ts), the
// durable store behind it (live-store.ts) and the transport in front (transport.ts).
import { isStale, RestoreError, restoreRoom, type RoomState } from '../shared/room/index.ts';
import type { Clock, Scheduler } from './clock.ts';
import type { LiveRoomStore } from './live-store.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import type { Reply } from './outgoing.ts';
import { LiveRoomHost } from './live-room-host.ts';
import type { RoomHost } from './room-host.ts';
import type { Transport } from './transport.ts';
import type { Log } from './types.ts';

/** After a restart, players and the host count as present this long, so a round does not close before they are back. */
export const RESTORE_GRACE_MS = 10_000;

export interface RoomsDeps {
  clock: Clock;
  scheduler: Scheduler;
  store: LiveRoomStore;
  transport: Transport;
  log: Log;
  acked?: (reply: Reply) => void;
  /** The outbox's batch window (outbox.ts, FLUSH_MS). */
  flushMs?: number;
}

export interface Rooms {
  /** A new room, saved before anyone can join it (throws if it could not be). */
  open(state: RoomState): RoomHost;
  /** Reopens every saved room; stale ones are dropped instead. Returns how many. */
  restore(): number;
  get(code: string): RoomHost | undefined;
  has(code: string): boolean;
  size(): number;
  all(): IterableIterator<RoomHost>;
  readonly outbox: Outbox;
  /** Saves and sends what the current turn produced, now. */
  flush(): boolean;
  /** Saves the last batch and sets every room down (they stay saved). */
  closeAll(): void;
}

export function createRooms({ clock, scheduler, store, transport, log, acked, flushMs }: RoomsDeps): Rooms {
  const rooms = new Map<string, RoomHost>();
  const outbox = createOutbox({ store, transport, log, ...(acked ? { acked } : {}), ...(flushMs === undefined ? {} : { flushMs }) });
  const closed = (room: RoomHost): void => {
    if (rooms.get(room.code) === room) rooms.delete(room.code);
  };

  function host(state: RoomState): RoomHost {
    const room = new LiveRoomHost(state, { clock, scheduler, store, outbox, log, closed });
    rooms.set(state.code, room);
    return room;
  }

  function restore(): number {
    const now = clock.now();
    let count = 0;
    for (const saved of store.load()) {
      if (isStale(saved.room, now)) {
        store.drop(saved.code, null);
        continue;
      }
      let state: RoomState;
      try {
        state = restoreRoom(saved, now);
      } catch (error) {
        // A row this server does not trust stays in the database for an operator (docs/operations.md); the
        // other rooms start.
        if (!(error instanceof RestoreError)) throw error;
        log(`room ${saved.code} not restored: ${error.message}`);
        continue;
      }
      const room = host(state);
      scheduler.at(now + RESTORE_GRACE_MS, () => {
        try {
          room.settleAbsent();
        } catch (error) {
          log('a deferred send failed', error);
        }
      });
      count++;
    }
    return count;
  }

  return {
    open(state) {
      store.commit([{ code: state.code, prev: null, next: state, results: null }]);
      return host(state);
    },
    restore,
    get: (code) => rooms.get(code),
    has: (code) => rooms.has(code),
    size: () => rooms.size,
    all: () => rooms.values(),
    outbox,
    flush: () => outbox.flush(),
    closeAll() {
      outbox.flush();
      outbox.drain();
      for (const room of [...rooms.values()]) room.dispose();
    },
  };
}
