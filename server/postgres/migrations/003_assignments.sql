-- Live assignments when PostgreSQL holds the teacher's data: the shape of the SQLite tables of the same names
-- (server/assignments/assignments-sql.ts), a row per assignment (its state without the students) and a row per
-- student (with their slots). When one closes, its results go into games in the same transaction.
CREATE TABLE live_assignments (
  code       TEXT PRIMARY KEY,
  state      JSONB NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE live_students (
  code       TEXT NOT NULL,
  student_id TEXT NOT NULL,
  data       JSONB NOT NULL,
  PRIMARY KEY (code, student_id)
);
