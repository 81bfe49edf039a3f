-- Several nodes serve one assignment (cluster mode): each holds a copy in memory and saves what changed from it.
-- The row's version makes those saves conditional (server/postgres/pg-assignments.ts): a node whose copy is older
-- than the row is refused, reloads the assignment and applies its event again, so no node overwrites another's
-- change with a stale copy.
ALTER TABLE live_assignments ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
