// Assignments in SQLite, saved like live rooms: a row per assignment (without its students) and a row per student
// (with their slots: at most one per round). Written before anyone is told of a change, so a kill -9 loses nothing
// that was acknowledged. When an assignment closes, its results go into `games` in the same transaction.
import type Database from 'better-sqlite3';
import type { AssignmentState, StudentState } from '../../shared/assignment/index.ts';
import type { FinalResults } from '../../shared/protocol.ts';

export const ASSIGNMENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS live_assignments (code TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS live_students (
  code TEXT NOT NULL, student_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (code, student_id)) WITHOUT ROWID;
`;

/** Async (PostgreSQL implements it too: server/postgres/pg-assignments.ts); a change is saved, all of it or
 *  nothing, before anyone is told of it (assignment-host.ts). */
export interface AssignmentStore {
  /** Writes what changed from prev to next (prev null: everything), and the results of one that just closed.
   *  Throws StaleAssignmentError (nothing written) when another node changed it since this node's copy. */
  save(prev: AssignmentState | null, next: AssignmentState, results: FinalResults | null, now: number): Promise<void>;
  drop(code: string): Promise<void>;
  loadAll(): Promise<AssignmentState[]>;
  /** One assignment as saved now, or null (PostgreSQL only: there several nodes share the assignments). */
  load?(code: string): Promise<AssignmentState | null>;
}

/** Another node saved the assignment after this node's copy was read: reload it and apply the event again. */
export class StaleAssignmentError extends Error {
  override name = 'StaleAssignmentError';
  constructor(code: string) {
    super(`assignment ${code} was changed by another node`);
  }
}

/** The record without its students, as both implementations store it. */
export type AssignmentRecord = Omit<AssignmentState, 'students'>;

/** The students whose state changed from prev to next (every one when prev is null). */
export const changedStudents = (prev: AssignmentState | null, next: AssignmentState): StudentState[] =>
  Object.values(next.students).filter((s) => prev?.students[s.id] !== s);

/** Whether the record (everything but the students) changed. */
export const recordChanged = (prev: AssignmentState | null, next: AssignmentState): boolean =>
  prev === null || (Object.keys(next) as (keyof AssignmentState)[]).some((k) => k !== 'students' && prev[k] !== next[k]);

/** The record to store: the state without its students. */
export function recordOf(state: AssignmentState): AssignmentRecord {
  const { students: _students, ...record } = state;
  return record;
}

/** Results go where a finished live game's go (server/store.ts), so reports and the Games page read them alike. */
export type SaveResults = (results: FinalResults, ownerHash: string) => void;

/** The SQLite side is synchronous (better-sqlite3); server/store.ts wraps it into the async AssignmentStore. */
export type SqliteAssignments = { [K in Exclude<keyof AssignmentStore, 'load'>]: (...args: Parameters<AssignmentStore[K]>) => Awaited<ReturnType<AssignmentStore[K]>> };

export function assignmentsSql(db: Database.Database, saveResults: SaveResults): SqliteAssignments {
  db.exec(ASSIGNMENT_SCHEMA);
  const putRecord = db.prepare('INSERT OR REPLACE INTO live_assignments (code, state, updated_at) VALUES (?, ?, ?)');
  const putStudent = db.prepare('INSERT OR REPLACE INTO live_students (code, student_id, data) VALUES (?, ?, ?)');
  const dropRecord = db.prepare('DELETE FROM live_assignments WHERE code = ?');
  const dropStudents = db.prepare('DELETE FROM live_students WHERE code = ?');
  const records = db.prepare<[], { state: string }>('SELECT state FROM live_assignments');
  const students = db.prepare<[string], { data: string }>('SELECT data FROM live_students WHERE code = ?');

  const write = db.transaction((prev: AssignmentState | null, next: AssignmentState, results: FinalResults | null, now: number) => {
    if (recordChanged(prev, next)) putRecord.run(next.code, JSON.stringify(recordOf(next)), now);
    for (const s of changedStudents(prev, next)) putStudent.run(next.code, s.id, JSON.stringify(s));
    if (results) saveResults(results, next.owner);
  });
  const drop = db.transaction((code: string) => {
    dropRecord.run(code);
    dropStudents.run(code);
  });

  return {
    save: (prev, next, results, now) => write(prev, next, results, now),
    drop: (code) => drop(code),
    loadAll: () =>
      records.all().map((row) => {
        const record = JSON.parse(row.state) as AssignmentRecord;
        const list = students.all(record.code).map((s) => JSON.parse(s.data) as StudentState);
        return { ...record, students: Object.fromEntries(list.map((s) => [s.id, s])) };
      }),
  };
}
