// One write per event-loop turn (or per MAX_STEPS changes, whichever comes first). Every change takes effect in
// memory at once (dispatch stays synchronous), but what it tells clients waits in an outbox until the changes are
// on disk: all dirty rooms are saved in ONE transaction, then the outbox goes out in a declared order — every ack
// first, then the broadcasts and direct messages in the order they were produced — so an answer's ack never
// queues behind the reveal its round closed with (issue 14). If the write fails, the rooms go back to their last
// saved state and the acks become internal_error, so whatever a client was told is still on disk.
import type { FinalResults } from '../shared/protocol.ts';
import type { RoomState } from '../shared/room/index.ts';
import type { LiveRoom } from './live-room.ts';
import type { Store } from './store.ts';
import type { Log } from './types.ts';

/** Changes saved per transaction at most: a burst of 10,000 answers in one turn is saved (and acked) in slices,
 *  so the acks stream while answers still arrive and the round's close has only a short tail before it. */
export const MAX_STEPS = 256;

interface Dirty {
  /** The state last saved (the room's state before its first change of the batch). */
  prev: RoomState;
  /** A game that finished in this batch: stored in the same transaction. */
  results: FinalResults | null;
}

interface Outgoing {
  sent: () => void;
  /** What to do instead when the write failed; null: drop it (it described a change that was undone). */
  failed: (() => void) | null;
}

/** An ack answers one client's own event; a send is anything else (broadcasts, per-player messages). */
export type OutgoingKind = 'ack' | 'send';

export interface SaveBatchDeps {
  store: Store;
  log: Log;
  /** A room whose unsaved changes were just undone (its state is back to `prev`). */
  rolledBack(room: LiveRoom): void;
}

export type SaveBatch = ReturnType<typeof saveBatch>;

export function saveBatch({ store, log, rolledBack }: SaveBatchDeps) {
  let dirty = new Map<LiveRoom, Dirty>();
  let acks: Outgoing[] = [];
  let sends: Outgoing[] = [];
  let steps = 0;
  let scheduled = false;
  let soon = false;

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

  /** Saves the batch's changes, then sends what they produced, acks first. False when the write failed (undone). */
  function flush(): boolean {
    scheduled = false;
    soon = false;
    const rooms = dirty;
    const queued = [...acks, ...sends];
    dirty = new Map();
    acks = [];
    sends = [];
    steps = 0;
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

  /** Flushes once the current callback has returned: after the handler that made the change queued its ack, before
   *  the next socket's message is read. */
  function flushSoon(): void {
    if (soon) return;
    soon = true;
    queueMicrotask(() => {
      if (soon) run(flush);
    });
  }

  return {
    flush,
    flushSoon,
    /** Call BEFORE replacing room.state: remembers the saved state the first time the room changes this batch. */
    changed(room: LiveRoom, prev: RoomState, results: FinalResults | null): void {
      const entry = dirty.get(room);
      if (!entry) dirty.set(room, { prev, results });
      else if (results) entry.results = results;
      schedule();
      if (++steps >= MAX_STEPS) flushSoon();
    },
    /** Sends now when nothing is waiting to be saved, else right after the save (`failed` if it failed). */
    later(sent: () => void, failed: (() => void) | null = null, kind: OutgoingKind = 'send'): void {
      if (dirty.size === 0 && acks.length === 0 && sends.length === 0) sent();
      else (kind === 'ack' ? acks : sends).push({ sent, failed });
    },
    /** A room that is going away: its unsaved changes are not written. */
    forget(room: LiveRoom): void {
      dirty.delete(room);
    },
  };
}
