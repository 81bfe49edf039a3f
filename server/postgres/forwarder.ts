// Delivers the node's outbox (outbox.ts) to PostgreSQL: oldest first, each item stored idempotently (a finished game
// once per code and finish time, an index entry once per id) and only then deleted, so a crash between the two
// delivers it again harmlessly. While PostgreSQL is down the items wait and delivery is retried, with a pause that
// grows to RETRY_MAX_MS; nothing is dropped (docs/operations.md, "PostgreSQL").
import type pg from 'pg';
import type { Log } from '../types.ts';
import type { Outbox, OutboxItem } from './outbox.ts';
import { saveFinishedGame } from './finished-games.ts';
import { entryParams, INSERT_ENTRY } from './pg-library.ts';

export const POLL_MS = 250;
export const RETRY_MAX_MS = 10_000;
const BATCH = 20;

export interface Forwarder {
  /** Delivers everything waiting now; rejects (and the items stay) when PostgreSQL cannot take them. */
  flush(): Promise<void>;
  /** Items still waiting. */
  waiting(): number;
  stop(): Promise<void>;
}

async function deliver(pool: pg.Pool, item: OutboxItem): Promise<void> {
  if (item.type === 'game') await saveFinishedGame(pool, item.results, item.hostTokenHash);
  else await pool.query(INSERT_ENTRY, entryParams(item.entry));
}

export function startForwarder(outbox: Outbox, pool: pg.Pool, log: Log, pollMs = POLL_MS): Forwarder {
  let running: Promise<void> | null = null;
  let failures = 0;
  let nextTry = 0;
  let stopped = false;

  async function deliverAll(): Promise<void> {
    for (;;) {
      const items = outbox.pending(BATCH);
      if (items.length === 0) return;
      for (const { id, item } of items) {
        await deliver(pool, item);
        outbox.done(id);
      }
    }
  }

  /** One delivery after whatever delivery is under way: an item added while one runs is always in the next. */
  function flush(): Promise<void> {
    const previous = running ?? Promise.resolve();
    const attempt = previous.catch(() => {}).then(deliverAll).then(
      () => {
        if (failures > 0) log(`PostgreSQL reachable again: the outbox is delivered (after ${failures} failed attempt(s))`);
        failures = 0;
        nextTry = 0;
      },
      (error: unknown) => {
        // Logged once per outage, not at every retry.
        if (failures === 0) log(`cannot deliver the outbox to PostgreSQL (${outbox.size()} waiting): retrying`, error);
        failures++;
        nextTry = Date.now() + Math.min(RETRY_MAX_MS, pollMs * 2 ** failures);
        throw error;
      },
    );
    running = attempt;
    void attempt.catch(() => {}).finally(() => {
      if (running === attempt) running = null;
    });
    return attempt;
  }

  const timer = setInterval(() => {
    if (stopped || running || Date.now() < nextTry || outbox.size() === 0) return;
    flush().catch(() => {});
  }, pollMs);
  timer.unref();

  return {
    flush,
    waiting: () => outbox.size(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

