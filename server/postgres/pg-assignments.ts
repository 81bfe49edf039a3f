// Assignments in PostgreSQL (PODIUM_DATABASE_URL), saved like the SQLite ones (assignments-sql.ts): a row per
// assignment without its students, a row per student, only what changed; a change is one transaction, and when an
// assignment closes its results go into games in that same transaction, stored once (finished-games.ts).
import type pg from 'pg';
import type { AssignmentState, StudentState } from '../../shared/assignment/index.ts';
import { changedStudents, recordChanged, recordOf, type AssignmentRecord, type AssignmentStore } from '../assignments/assignments-sql.ts';
import { inTransaction, insertFinishedGame } from './finished-games.ts';
import { reaching } from './unavailable.ts';

export function pgAssignments(pool: pg.Pool): AssignmentStore {
  return {
    save: (prev, next, results, now) =>
      reaching(() =>
        inTransaction(pool, async (client) => {
          if (recordChanged(prev, next)) {
            await client.query(
              `INSERT INTO live_assignments (code, state, updated_at) VALUES ($1, $2, $3)
               ON CONFLICT (code) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
              [next.code, JSON.stringify(recordOf(next)), now],
            );
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
        }),
      ),
    drop: (code) =>
      reaching(() =>
        inTransaction(pool, async (client) => {
          await client.query('DELETE FROM live_students WHERE code = $1', [code]);
          await client.query('DELETE FROM live_assignments WHERE code = $1', [code]);
        }),
      ),
    loadAll: () =>
      reaching(async () => {
        const records = (await pool.query<{ state: AssignmentRecord }>('SELECT state FROM live_assignments ORDER BY code')).rows;
        const students = (await pool.query<{ code: string; data: StudentState }>('SELECT code, data FROM live_students ORDER BY code, student_id COLLATE "C"')).rows;
        const byCode = new Map<string, StudentState[]>();
        for (const s of students) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s.data]);
        return records.map(({ state }): AssignmentState => ({ ...state, students: Object.fromEntries((byCode.get(state.code) ?? []).map((s) => [s.id, s])) }));
      }),
  };
}
