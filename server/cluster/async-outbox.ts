// The outbox of cluster mode: the same promise as server/outbox.ts — nobody is told of a change before it is saved —
// over a store that answers later (Redis, through each room's fenced write). Same interface and batching (an
// event-loop turn, FLUSH_MS for a thin one, the turn's end for a change everyone sees, at once for MAX_STEPS
// changes), same order after a write (every ack first, then broadcasts and direct messages in the order they were
// made). What differs:
// - a batch's writes are in flight for a while: new steps apply to the rooms in memory meanwhile and queue into the
//   next batch, which is written when the one in flight has resolved (serial per node; one fenced script per room,
//   sent together so ioredis pipelines them);
// - a room is marked committed when its batch is taken (its next change is written as a diff from there), so a
//   write that fails cannot be undone in memory: instead the room is SET DOWN (`failed`: disposed, lease given up,
//   its sockets told to reconnect), its acks in this batch and the next become internal_error and nothing else of
//   it is sent. The state in Redis is the last one anybody heard of; whoever takes the room next loads it from there
//   (docs/operations.md, "Cluster mode").
import { refuse } from '../validated.ts';
import { FLUSH_MS, FULL_TURN, MAX_STEPS, type Committable, type Outbox } from '../outbox.ts';
import type { Outgoing, Reply, Step } from '../outgoing.ts';
import type { RoomCommit } from '../live-store.ts';
import { applyBinding, deliver, type Transport } from '../transport.ts';
import type { Log } from '../types.ts';

export interface AsyncOutboxDeps {
  transport: Transport;
  log: Log;
  /** Saves one room's change (fenced): false when refused because another node took the room; throws when the
   *  store could not be reached. */
  save(commit: RoomCommit): Promise<boolean>;
  /** A room whose change could not be saved: set it down. `sockets`: the sockets the lost batches bound or
   *  released for it (besides the ones the room knows). Its acks were refused already. */
  failed(owner: Committable, sockets: ReadonlySet<string>): void;
  acked?: (reply: Reply) => void;
  flushMs?: number;
}

export interface AsyncOutbox extends Outbox {
  /** Flushes, then resolves once nothing is queued or being written (drain, tests). */
  settled(): Promise<void>;
  /** Writes in flight now (0 or 1 batch). */
  readonly inFlight: boolean;
}

interface Tagged<T> {
  owner: Committable | null;
  item: T;
}

interface Batch {
  /** Owners touched (state or bindings), with the sockets their bindings named. */
  owners: Map<Committable, Set<string>>;
  changed: number;
  acks: Tagged<Reply>[];
  sends: Tagged<Outgoing>[];
}

const newBatch = (): Batch => ({ owners: new Map(), changed: 0, acks: [], sends: [] });

export function createAsyncOutbox({ transport, log, save, failed, acked, flushMs = FLUSH_MS }: AsyncOutboxDeps): AsyncOutbox {
  let next = newBatch();
  /** The batch being written; a flush asked for meanwhile waits for it (the next batch goes when it resolves). */
  let writing: Promise<void> | null = null;
  let scheduled = false;
  let soon = false;
  /** A timers-phase flush is armed (holdForTimers). */
  let held = false;
  /** Rooms set down after a failed write: whatever they still add is refused, never sent. */
  const down = new WeakSet<Committable>();

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
  const refused = (r: Reply): void => sendAck({ to: r.to, event: r.event, payload: refuse('internal_error') });
  const empty = (b: Batch): boolean => b.owners.size === 0 && b.acks.length === 0 && b.sends.length === 0;
  const idle = (): boolean => writing === null && empty(next);

  function flush(): boolean {
    scheduled = false;
    soon = false;
    if (writing !== null) return true;
    if (empty(next)) return true;
    const batch = next;
    next = newBatch();
    const commits: { owner: Committable; commit: RoomCommit }[] = [];
    for (const owner of batch.owners.keys()) {
      const commit = owner.pending();
      if (!commit) continue;
      commits.push({ owner, commit });
      // From here its next change is a diff from this state (see the top of this file).
      owner.committed();
    }
    if (commits.length === 0) {
      deliverBatch(batch, new Set());
      return true;
    }
    writing = Promise.all(commits.map(({ owner, commit }) => save(commit).then((ok) => (ok ? null : owner), (error: unknown) => {
      log(`could not save room ${commit.code}`, error);
      return owner;
    }))).then((results) => {
      const lost = new Set(results.filter((o): o is Committable => o !== null));
      writing = null;
      run(() => deliverBatch(batch, lost));
      // The steps that waited behind this write go at once: they have waited a whole round trip already.
      if (!empty(next)) run(() => void flush());
    });
    return true;
  }

  /** After the writes: the lost rooms are set down and refused (their queued steps too), the rest is sent. */
  function deliverBatch(batch: Batch, lost: ReadonlySet<Committable>): void {
    for (const owner of lost) setDown(owner, batch);
    for (const { owner, item } of batch.acks) (owner !== null && down.has(owner) ? refused : sendAck)(item);
    for (const { owner, item } of batch.sends) if (owner === null || !down.has(owner)) deliver(transport, item, log);
  }

  function setDown(owner: Committable, batch: Batch): void {
    down.add(owner);
    const sockets = new Set(batch.owners.get(owner) ?? []);
    // Its steps queued behind the lost write were made from state that is not saved either.
    for (const s of next.owners.get(owner) ?? []) sockets.add(s);
    next.owners.delete(owner);
    next.acks = next.acks.filter(({ owner: o, item }) => (o === owner ? (refused(item), false) : true));
    next.sends = next.sends.filter(({ owner: o }) => o !== owner);
    try {
      failed(owner, sockets);
    } catch (error) {
      log(`could not set room ${owner.code} down`, error);
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    const due = (): void => {
      if (scheduled) run(() => void flush());
    };
    setImmediate(() => {
      if (!scheduled) return;
      if (flushMs <= 0 || next.changed >= FULL_TURN) due();
      else setTimeout(due, flushMs);
    });
  }

  /** Once this turn's reads (or timers) have all run: a change everyone sees waits for no window, and the rooms
   *  that made one in the same turn share the write. */
  function flushAtTurnEnd(): void {
    if (held) return;
    held = true;
    setImmediate(() => {
      held = false;
      run(() => void flush());
    });
  }

  function flushSoon(): void {
    if (soon) return;
    soon = true;
    queueMicrotask(() => {
      if (soon) run(() => void flush());
    });
  }

  return {
    add(owner, step: Step) {
      if (down.has(owner)) {
        for (const o of step.out) if ('ack' in o.to) refused(o as Reply);
        return;
      }
      const nothingWaits = idle();
      for (const b of step.bindings) applyBinding(transport, b);
      if (!step.changed && step.bindings.length === 0 && nothingWaits) {
        for (const o of step.out) 'ack' in o.to ? sendAck(o as Reply) : deliver(transport, o, log);
        return;
      }
      const sockets = next.owners.get(owner) ?? new Set<string>();
      for (const b of step.bindings) sockets.add(b.socket);
      next.owners.set(owner, sockets);
      for (const o of step.out) {
        if ('ack' in o.to) next.acks.push({ owner, item: o as Reply });
        else next.sends.push({ owner, item: o });
      }
      schedule();
      if (step.changed && ++next.changed >= MAX_STEPS) flushSoon();
      else if (step.urgent) flushAtTurnEnd();
    },
    reply(r) {
      if (idle()) sendAck(r);
      else {
        next.acks.push({ owner: null, item: r });
        schedule();
      }
    },
    flush,
    forget() {
      // A room going away (disposed) has no pending change; what it still queued (an expiry's goodbyes) is sent.
    },
    holdForTimers() {
      // Rooms whose deadlines fall due together share one write: flushed once every timer due now has run.
      flushAtTurnEnd();
    },
    drain() {
      // Nothing waits here once written (each batch is sent as its write resolves): settled() is what waits.
    },
    async settled() {
      for (;;) {
        flush();
        if (writing === null) {
          if (empty(next)) return;
          continue;
        }
        await writing;
      }
    },
    get inFlight() {
      return writing !== null;
    },
  };
}
