// Assignments in PostgreSQL (PODIUM_DATABASE_URL), saved like the SQLite ones (assignments-sql.ts): a row per
// assignment without its students, a row per student, only what changed; a change is one transaction, and when an
// assignment closes its results go into games in that same transaction, stored once (finished-games.ts).
// Several nodes may serve one assignment (cluster mode), each from its own copy: every save moves the row's version
// on, only from the version this node last read or wrote, so a save from a stale copy is refused
// (StaleAssignmentError) instead of overwriting another node's change; the caller reloads and applies again.
import type pg from 'pg';
import type { AssignmentState, StudentState } from '../../shared/assignment/index.ts';
import { changedStudents, recordChanged, recordOf, StaleAssignmentError, type AssignmentRecord, type AssignmentStore } from '../assignments/assignments-sql.ts';
import { inTransaction, insertFinishedGame } from './finished-games.ts';
import { reaching } from './unavailable.ts';

const withStudents = (state: AssignmentRecord, students: readonly StudentState[]): AssignmentState =>
  ({ ...state, students: Object.fromEntries(students.map((s) => [s.id, s])) });

export function pgAssignments(pool: pg.Pool): AssignmentStore {
  /** The version of each assignment's row this node's copy was read or written at. */
  const versions = new Map<string, number>();
  return {
    save: (prev, next, results, now) =>
      reaching(() =>
        inTransaction(pool, async (client) => {
          let version: number;
          if (prev === null) {
            const { rows } = await client.query<{ version: string }>(
              `INSERT INTO live_assignments (code, state, updated_at, version) VALUES ($1, $2, $3, 1)
               ON CONFLICT (code) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at, version = live_assignments.version + 1
               RETURNING version`,
              [next.code, JSON.stringify(recordOf(next)), now],
            );
            version = Number(rows[0]!.version);
          } else {
            // The row moves on with every change (a student's too), so two nodes' changes are always ordered.
            const { rows } = await client.query<{ version: string }>(
              `UPDATE live_assignments SET version = version + 1, state = COALESCE($3, state), updated_at = $4
               WHERE code = $1 AND version = $2 RETURNING version`,
              [next.code, versions.get(next.code) ?? 0, recordChanged(prev, next) ? JSON.stringify(recordOf(next)) : null, now],
            );
            if (rows.length === 0) throw new StaleAssignmentError(next.code);
            version = Number(rows[0]!.version);
          }
          const students = changedStudents(prev, next);
          if (students.length > 0) {
            await client.query(
              `INSERT INTO live_students (code, student_id, data) SELECT $1, * FROM unnest($2::text[], $3::jsonb[])
               ON CONFLICT (code, student_id) DO UPDATE SET data = EXCLUDED.data`,
              [next.code, students.map((s) => s.id), students.map((s) => JSON.stringify(s))],
            );
          }
          if (results) await insertFinishedGame(client, results, next.owner);
          return version;
        }).then((version) => void versions.set(next.code, version)),
      ),
    drop: (code) =>
      reaching(() =>
        inTransaction(pool, async (client) => {
          await client.query('DELETE FROM live_students WHERE code = $1', [code]);
          await client.query('DELETE FROM live_assignments WHERE code = $1', [code]);
        }),
      ),
    loadAll: () =>
      reaching(() =>
        inTransaction(pool, async (client) => {
          // One snapshot: the versions read go with exactly these students.
          await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          const records = (await client.query<{ state: AssignmentRecord; version: string }>('SELECT state, version FROM live_assignments ORDER BY code')).rows;
          const students = (await client.query<{ code: string; data: StudentState }>('SELECT code, data FROM live_students ORDER BY code, student_id COLLATE "C"')).rows;
          const byCode = new Map<string, StudentState[]>();
          for (const s of students) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s.data]);
          for (const r of records) versions.set(r.state.code, Number(r.version));
          return records.map(({ state }) => withStudents(state, byCode.get(state.code) ?? []));
        }),
      ),
    load: (code) =>
      reaching(() =>
        inTransaction(pool, async (client) => {
          await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          const record = (await client.query<{ state: AssignmentRecord; version: string }>('SELECT state, version FROM live_assignments WHERE code = $1', [code])).rows[0];
          if (!record) return null;
          const students = (await client.query<{ data: StudentState }>('SELECT data FROM live_students WHERE code = $1 ORDER BY student_id COLLATE "C"', [code])).rows;
          versions.set(code, Number(record.version));
          return withStudents(record.state, students.map((s) => s.data));
        }),
      ),
  };
}
