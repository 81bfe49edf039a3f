// A finished game in cluster mode: written to the room's Redis hash (`results`) in the same fenced write as the
// room's last state, so the finish is acknowledged only once it is kept; then stored in PostgreSQL (once, by code
// and finish time) and the field removed. Until then it is retried on every sweep while this node holds the room;
// a node that takes the room over finds the field and delivers it (docs/operations.md, "Cluster mode").
import type { FinalResults } from '../../shared/protocol.ts';
import type { Log } from '../types.ts';
import { RESULTS_FIELD, type StoredResults } from './room-rows.ts';
import type { RoomLease } from './room-lease.ts';

export type SaveFinished = (results: FinalResults, hostTokenHash: string) => Promise<void>;

export interface FinishedDelivery {
  /** Stores the game in PostgreSQL, then removes it from the hash; true once both are done. */
  deliver(code: string, stored: StoredResults): Promise<boolean>;
  /** Games not delivered yet (PostgreSQL was down): tried again. */
  retry(): void;
  /** Whether the room still has a game on its way. */
  waiting(code: string): boolean;
  /** Resolves when no delivery is in flight. */
  settled(): Promise<void>;
}

export function finishedDelivery({ saveFinished, log, leaseOf }: {
  saveFinished: SaveFinished;
  log: Log;
  /** The room's lease while this node holds it: only its owner removes the field. */
  leaseOf(code: string): RoomLease | null;
}): FinishedDelivery {
  const undelivered = new Map<string, StoredResults>();
  const inFlight = new Map<string, Promise<boolean>>();
  let failing = false;

  function deliver(code: string, stored: StoredResults): Promise<boolean> {
    undelivered.set(code, stored);
    const current = inFlight.get(code);
    if (current) return current.then(() => (undelivered.has(code) ? deliver(code, undelivered.get(code)!) : true));
    const attempt = (async () => {
      try {
        await saveFinished(stored.results, stored.hostTokenHash);
        // Stored: another finish since (a later game in the same room) would have replaced the entry.
        if (undelivered.get(code) === stored) undelivered.delete(code);
        await leaseOf(code)?.write({ set: {}, del: [RESULTS_FIELD] });
        if (failing) log('finished games reach PostgreSQL again');
        failing = false;
        return true;
      } catch (error) {
        if (!failing) log(`could not store the finished game of room ${code} (kept in Redis, retried every second)`, error);
        failing = true;
        return false;
      } finally {
        inFlight.delete(code);
      }
    })();
    inFlight.set(code, attempt);
    return attempt;
  }

  return {
    deliver,
    retry() {
      for (const [code, stored] of undelivered) {
        // The room moved: its new owner delivers what the hash holds.
        if (leaseOf(code) === null) undelivered.delete(code);
        else if (!inFlight.has(code)) void deliver(code, stored);
      }
    },
    waiting: (code) => undelivered.has(code) || inFlight.has(code),
    async settled() {
      await Promise.all([...inFlight.values()]);
    },
  };
}
