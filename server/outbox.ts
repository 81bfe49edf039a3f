// The outbox: what the rooms' steps tell people waits here until their changes are on disk. One write per
// event-loop turn — or, when a turn brought only a few changes, per FLUSH_MS; and at most MAX_STEPS changes
// each: every changed room in ONE transaction, then
// the messages in a declared order — every ack first, then each room's messages in the order they were made, a
// room's broadcasts ahead of other rooms' direct messages — so an answer's ack never queues behind the reveal its
// round closed with, and of 100 rooms closing together the last reveal does not wait for 99 rooms' per-player
// results (issue 14). Sends leave in slices of SEND_SLICE per event-loop turn, in order: 10,000 results at a
// reveal do not hold the server (nor all their buffers at once) for one long turn. If the write fails,
// every room of the batch goes back to its last saved state (bindings included), the acks become internal_error
// and nothing else is sent: whatever a client was told is still on disk (docs/operations.md, "Durable rooms").
import { refuse } from './validated.ts';
import { isEach, type Binding, type Outgoing, type Reply, type Step } from './outgoing.ts';
import type { LiveRoomStore, RoomCommit } from './live-store.ts';
import { applyBinding, deliver, deliverEach, type Transport } from './transport.ts';
import type { Log } from './types.ts';

/** Changes saved per transaction at most: a burst of 10,000 answers in one turn is saved (and acked) in slices,
 *  so the acks stream while answers still arrive and the round's close has only a short tail before it. */
export const MAX_STEPS = 256;
/** How long a batch of a few changes stays open for more. A commit costs ~0.1–0.3 ms whatever it holds (BEGIN,
 *  the WAL pages, COMMIT): committed at the end of every event-loop turn, a 5,000-player round whose answers
 *  trickle in over 2 s spent ~20% of the server's busy time in commits of one or two answers each (issue 14
 *  profile). A few ms more before such an ack buys far fewer commits. A turn that brought FULL_TURN changes or
 *  more (a burst) is committed at its end as before, so a burst's acks are not held back; a change everyone sees
 *  (a question, a reveal) does not wait either, nor does a deadline. */
export const FLUSH_MS = 5;
export const FULL_TURN = 16;
/** Messages sent per event-loop turn at most (an Each counts one per message); the rest follow on the next turns, before anything queued later. Sent in
 *  one go, a 10,000-player reveal (the broadcast, then a result per player) kept every packet of it queued in
 *  engine.io until the whole loop had run (~250 ms), long enough to survive the young generation: ~100 MiB promoted
 *  per round, peak RSS 2.5× the after-join RSS (issue 14). */
export const SEND_SLICE = 1000;
/** A burst of answers is being read: BUSY_READS changes (answers, mostly) within BUSY_MS. While it lasts, a reveal's
 *  per-player results (an Each) wait behind it, for at most DEFER_MAX_MS: an answer is scored by when the server
 *  takes it (speed scoring), so taking it should not queue behind telling other rooms' players their own result,
 *  which follows the reveal's broadcast (sent at once) by a few hundred ms at most. With 100 rooms closing together,
 *  their 3,000 results were ~100 ms of the answer window (issue 14 profile). Nothing of the same room overtakes a
 *  waiting Each, and a quiet server sends it at once, as before. */
export const BUSY_READS = 16;
export const BUSY_MS = 10;
export const DEFER_MAX_MS = 500;

/** What the outbox needs of a room's owner (room-host.ts). */
export interface Committable {
  readonly code: string;
  /** The room's change since its last commit; null when it has none. */
  pending(): RoomCommit | null;
  committed(): void;
  /** Back to the last commit; returns the bindings that undo what the batch bound. */
  rollback(): Binding[];
}

export interface OutboxDeps {
  store: LiveRoomStore;
  transport: Transport;
  log: Log;
  /** Every ack, as it is sent (the refusal counter in /metrics). */
  acked?: (reply: Reply) => void;
  /** How long a batch of fewer than FULL_TURN changes stays open (FLUSH_MS); 0: until the end of the turn. */
  flushMs?: number;
  /** Milliseconds, for telling a burst (BUSY_READS within BUSY_MS) and how long results have waited. */
  now?: () => number;
}

export interface Outbox {
  /** Applies the step's bindings now (the socket's next event already sees who it is) and queues its messages
   *  behind the batch's commit; sent at once when nothing is waiting to be saved. */
  add(owner: Committable, step: Step): void;
  /** An ack that no room step carries (a refusal before any dispatch, a query): it waits like the others. */
  reply(reply: Reply): void;
  /** Commits and sends now; false when the write failed (the batch was undone and refused). */
  flush(): boolean;
  /** A room that is going away: its unsaved changes are not written. */
  forget(owner: Committable): void;
  /** A timer's step is being made: the batch is flushed once every timer due now has run (setImmediate) rather than
   *  after this callback, so rooms whose deadlines fall together share one commit and their reveals leave together. */
  holdForTimers(): void;
  /** Sends everything still queued, now (shutdown). */
  drain(): void;
}

export function createOutbox({ store, transport, log, acked, flushMs = FLUSH_MS, now = () => performance.now() }: OutboxDeps): Outbox {
  /** Owners touched since the last flush (state or bindings); `changed`: those with state to commit. */
  let touched = new Set<Committable>();
  let changed = 0;
  let acks: Reply[] = [];
  /** The room each of `acks` came from (null: a reply no room step made). */
  let ackRooms: (string | null)[] = [];
  let sends: Outgoing[] = [];
  /** The room each of `sends` came from (same index). */
  let sendRooms: string[] = [];
  let scheduled = false;
  let soon = false;
  let turnEnd = false;
  let timersHeld = false;
  /** Committed (or needing no commit), not yet sent: `queue[head]` goes next. */
  let queue: Outgoing[] = [];
  let head = 0;
  /** The next message of `queue[head]` when it is an Each. */
  let cursor = 0;
  let pumping = false;
  /** Results held back while a burst of answers is read, oldest first (`since`: when they were committed). */
  let later: { item: Outgoing; room: string; since: number }[] = [];
  let laterScheduled = false;
  /** When the last BUSY_READS changes were made (a ring): a burst is BUSY_READS of them within BUSY_MS. */
  const reads = new Array<number>(BUSY_READS).fill(-Infinity);
  let readAt = 0;
  const noteRead = (): void => {
    reads[readAt] = now();
    readAt = (readAt + 1) % BUSY_READS;
  };
  const busy = (): boolean => now() - reads[readAt]! < BUSY_MS;

  const run = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      log('the outbox failed', error);
    }
  };

  const sendAck = (r: Reply): void => {
    acked?.(r);
    deliver(transport, r, log);
  };

  function commit(owners: Set<Committable>): boolean {
    const rows: RoomCommit[] = [];
    for (const owner of owners) {
      const pending = owner.pending();
      if (pending) rows.push(pending);
    }
    if (rows.length === 0) return true;
    try {
      store.commit(rows);
      return true;
    } catch (error) {
      log(`could not save ${rows.length} room(s)`, error);
      return false;
    }
  }

  const send = (o: Outgoing): void => ('ack' in o.to ? sendAck(o as Reply) : deliver(transport, o, log));

  /** Sends up to `budget` messages from the head of the queue (an Each counts one per message, from `cursor`);
   *  returns how many it sent. */
  function sendFromHead(budget: number): number {
    const item = queue[head]!;
    if (!isEach(item)) {
      queue[head++] = undefined as unknown as Outgoing;
      send(item);
      return 1;
    }
    const end = Math.min(item.count, cursor + budget);
    const from = cursor;
    while (cursor < end) deliverEach(transport, item, cursor++, log);
    if (cursor >= item.count) {
      queue[head++] = undefined as unknown as Outgoing;
      cursor = 0;
    }
    return end - from;
  }

  /** Up to SEND_SLICE messages now; the rest on the next turns. */
  function pump(): void {
    let budget = SEND_SLICE;
    while (head < queue.length && budget > 0) budget -= sendFromHead(budget);
    if (head < queue.length) {
      if (!pumping) {
        pumping = true;
        setImmediate(() => {
          pumping = false;
          run(pump);
        });
      }
      return;
    }
    queue = [];
    head = 0;
    if (later.length > 0) checkLaterSoon();
  }

  /** Once the turn's reads are done: the held results go out unless answers are still pouring in (and they have
   *  not waited DEFER_MAX_MS yet). */
  function checkLaterSoon(): void {
    if (laterScheduled) return;
    laterScheduled = true;
    setImmediate(() => {
      laterScheduled = false;
      if (later.length === 0) return;
      if (busy() && now() - later[0]!.since < DEFER_MAX_MS) return checkLaterSoon();
      const held = later;
      later = [];
      for (const l of held) queue.push(l.item);
      if (!pumping) run(pump);
    });
  }

  /** The held results of `room` go first: nothing of the same room overtakes them. */
  function release(room: string): void {
    if (!later.some((l) => l.room === room)) return;
    const kept: typeof later = [];
    for (const l of later) {
      if (l.room === room) queue.push(l.item);
      else kept.push(l);
    }
    later = kept;
  }

  /** `rooms[i]`: the room `items[i]` came from (null: none). */
  function enqueue(items: readonly Outgoing[], rooms: readonly (string | null)[]): void {
    const burst = busy();
    items.forEach((o, i) => {
      const room = rooms[i] ?? null;
      if (room !== null && later.length > 0) release(room);
      if (room !== null && burst && isEach(o)) later.push({ item: o, room, since: now() });
      else queue.push(o);
    });
    if (!pumping) pump();
    else if (later.length > 0) checkLaterSoon();
  }

  /** A room's broadcasts ahead of other rooms' direct messages, each room's own order kept. */
  function ordered(messages: readonly Outgoing[], rooms: readonly string[]): [Outgoing, string][] {
    const out: [Outgoing, string][] = [];
    const held = new Map<string, Outgoing[]>();
    messages.forEach((m, i) => {
      const room = rooms[i]!;
      if ('room' in m.to) {
        const mine = held.get(room);
        if (mine) {
          for (const d of mine) out.push([d, room]);
          held.delete(room);
        }
        out.push([m, room]);
      } else {
        const mine = held.get(room);
        if (mine) mine.push(m);
        else held.set(room, [m]);
      }
    });
    for (const [room, mine] of held) for (const d of mine) out.push([d, room]);
    return out;
  }

  function flush(): boolean {
    scheduled = false;
    soon = false;
    turnEnd = false;
    timersHeld = false;
    const owners = touched;
    const replies = acks;
    const replyRooms = ackRooms;
    const messages = sends;
    const rooms = sendRooms;
    touched = new Set();
    changed = 0;
    acks = [];
    ackRooms = [];
    sends = [];
    sendRooms = [];
    const saved = commit(owners);
    for (const owner of owners) {
      if (saved) owner.committed();
      else for (const b of owner.rollback()) applyBinding(transport, b);
    }
    if (saved) {
      const items: Outgoing[] = replies;
      const itemRooms: (string | null)[] = replyRooms;
      if (owners.size > 1) for (const [m, room] of ordered(messages, rooms)) items.push(m), itemRooms.push(room);
      else messages.forEach((m, i) => (items.push(m), itemRooms.push(rooms[i]!)));
      enqueue(items, itemRooms);
    } else {
      enqueue(replies.map((r) => ({ to: r.to, event: r.event, payload: refuse('internal_error') })), replyRooms);
    }
    return saved;
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    const due = (): void => {
      if (scheduled) run(flush);
    };
    // At the end of the turn: a full one is committed now, a thin one waits for more (up to flushMs).
    setImmediate(() => {
      if (!scheduled) return;
      if (flushMs <= 0 || changed >= FULL_TURN) due();
      else setTimeout(due, flushMs);
    });
  }

  /** Flushes once the current callback has returned: after the handler that made the change queued its ack, before
   *  the next socket's message is read. */
  function flushSoon(): void {
    if (soon || timersHeld) return;
    soon = true;
    queueMicrotask(() => {
      if (soon) run(flush);
    });
  }

  /** Flushes once this turn's reads (or timers) have all run: a change everyone sees does not wait for more, but
   *  the rooms that made one in the same turn share its commit. A host's next question in each of 100 rooms read
   *  together had one transaction each (100 of ~0.2–0.3 ms, each ahead of the next room's question). */
  function flushAtTurnEnd(): void {
    if (turnEnd || soon || timersHeld) return;
    turnEnd = true;
    setImmediate(() => {
      if (turnEnd) run(flush);
    });
  }

  const idle = (): boolean => touched.size === 0 && acks.length === 0 && sends.length === 0;

  return {
    add(owner, step) {
      const nothingWaits = idle();
      for (const b of step.bindings) applyBinding(transport, b);
      if (step.changed) noteRead();
      if (!step.changed && step.bindings.length === 0 && nothingWaits) {
        // Nothing to save and nothing ahead of it but earlier sends: a reply or a throttled panel goes out now.
        enqueue(step.out, step.out.map(() => owner.code));
        return;
      }
      touched.add(owner);
      for (const o of step.out) {
        if ('ack' in o.to) {
          acks.push(o as Reply);
          ackRooms.push(owner.code);
        } else {
          sends.push(o);
          sendRooms.push(owner.code);
        }
      }
      schedule();
      if (step.changed && ++changed >= MAX_STEPS) flushSoon();
      else if (step.urgent) flushAtTurnEnd();
    },
    reply(r) {
      if (idle()) enqueue([r], [null]);
      else {
        acks.push(r);
        ackRooms.push(null);
        schedule();
      }
    },
    flush,
    forget(owner) {
      touched.delete(owner);
    },
    holdForTimers() {
      if (timersHeld) return;
      timersHeld = true;
      setImmediate(() => {
        if (timersHeld) run(flush);
      });
    },
    drain() {
      for (const l of later) queue.push(l.item);
      later = [];
      while (head < queue.length) sendFromHead(Number.MAX_SAFE_INTEGER);
      queue = [];
      head = 0;
    },
  };
}
