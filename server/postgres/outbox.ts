// The outbox of writes bound for PostgreSQL, in the node's SQLite file: a finished game is written here in the same
// transaction as the room's last state (so it is never told "finished" without being kept), and a games-index entry
// whose PostgreSQL write failed waits here too, so a room can still be made while PostgreSQL is down. The forwarder
// (forwarder.ts) stores each one in PostgreSQL, where both writes are idempotent, then deletes it here.
import type Database from 'better-sqlite3';
import type { FinalResults } from '../../shared/protocol.ts';
import type { GameEntry } from '../library/library-store.ts';

export const OUTBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS pg_outbox (id INTEGER PRIMARY KEY, body TEXT NOT NULL, queued_at INTEGER NOT NULL);
`;

export type OutboxItem =
  | { type: 'game'; results: FinalResults; hostTokenHash: string }
  | { type: 'entry'; entry: GameEntry };

export interface Outbox {
  /** Inside the caller's transaction when there is one. */
  add(item: OutboxItem): void;
  /** The oldest items first. */
  pending(limit: number): { id: number; item: OutboxItem }[];
  done(id: number): void;
  size(): number;
}

export function sqliteOutbox(db: Database.Database): Outbox {
  const put = db.prepare('INSERT INTO pg_outbox (body, queued_at) VALUES (?, ?)');
  const oldest = db.prepare<[number], { id: number; body: string }>('SELECT id, body FROM pg_outbox ORDER BY id LIMIT ?');
  const del = db.prepare('DELETE FROM pg_outbox WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM pg_outbox');
  return {
    add: (item) => void put.run(JSON.stringify(item), Date.now()),
    pending: (limit) => oldest.all(limit).map((row) => ({ id: row.id, item: JSON.parse(row.body) as OutboxItem })),
    done: (id) => void del.run(id),
    size: () => count.get()!.n,
  };
}
