// One write per event-loop turn. Every change of the turn takes effect in memory at once (dispatch stays
// synchronous), but what it tells clients (acks, broadcasts) waits in an outbox until the turn's changes are on
// disk: all dirty rooms are saved in ONE transaction on setImmediate, then the outbox goes out. If the write
// fails, the rooms go back to their last saved state and the turn's acks become internal_error, so whatever a
// client was told is still on disk. A 5,000-answer burst costs a few transactions instead of 5,000.
import type { FinalResults } from '../shared/protocol.ts';
import type { RoomState } from '../shared/room/index.ts';
import type { LiveRoom } from './live-room.ts';
import type { Store } from './store.ts';
import type { Log } from './types.ts';

interface Dirty {
  /** The state last saved (the room's state before its first change of the turn). */
  prev: RoomState;
  /** A game that finished this turn: stored in the same transaction. */
  results: FinalResults | null;
}

interface Outgoing {
  sent: () => void;
  /** What to do instead when the write failed; null: drop it (it described a change that was undone). */
  failed: (() => void) | null;
}

export interface SaveBatchDeps {
  store: Store;
  log: Log;
  /** A room whose unsaved changes were just undone (its state is back to `prev`). */
  rolledBack(room: LiveRoom): void;
}

export type SaveBatch = ReturnType<typeof saveBatch>;

export function saveBatch({ store, log, rolledBack }: SaveBatchDeps) {
  let dirty = new Map<LiveRoom, Dirty>();
  let outbox: Outgoing[] = [];
  let scheduled = false;

  const run = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      log('a send after saving failed', error);
    }
  };

  function commit(rooms: Map<LiveRoom, Dirty>): boolean {
    try {
      store.batch(() => {
        for (const [room, d] of rooms) store.saveRoom(d.prev, room.state, d.results);
      });
      return true;
    } catch (error) {
      log(`could not save ${rooms.size} room(s)`, error);
      return false;
    }
  }

  /** Saves the turn's changes, then sends what they produced. False when the write failed (and was undone). */
  function flush(): boolean {
    scheduled = false;
    const rooms = dirty;
    const queued = outbox;
    dirty = new Map();
    outbox = [];
    const saved = rooms.size === 0 || commit(rooms);
    if (!saved) {
      for (const [room, d] of rooms) {
        room.state = d.prev;
        rolledBack(room);
      }
    }
    for (const item of queued) {
      const send = saved ? item.sent : item.failed;
      if (send) run(send);
    }
    return saved;
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      if (scheduled) run(flush);
    });
  }

  return {
    flush,
    /** Call BEFORE replacing room.state: remembers the saved state the first time the room changes this turn. */
    changed(room: LiveRoom, prev: RoomState, results: FinalResults | null): void {
      const entry = dirty.get(room);
      if (!entry) dirty.set(room, { prev, results });
      else if (results) entry.results = results;
      schedule();
    },
    /** Sends now when nothing is waiting to be saved, else right after the save (`failed` if it failed). */
    later(sent: () => void, failed: (() => void) | null = null): void {
      if (dirty.size === 0 && outbox.length === 0) sent();
      else outbox.push({ sent, failed });
    },
    /** A room that is going away: its unsaved changes are not written. */
    forget(room: LiveRoom): void {
      dirty.delete(room);
    },
  };
}
