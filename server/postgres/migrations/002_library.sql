-- The teacher's library in cluster mode: saved quizzes, and the index of every game (live or assignment) with who
-- owns it. The shape of the SQLite tables of the same names on the teacher branch (server/library/), tokens
-- stored only as hashes. Assignments are game_index rows with mode 'assignment' and their opening and closing
-- times; while open they live in Redis like any live room, and their results land in games when they close.
CREATE TABLE quizzes (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL,
  name       TEXT NOT NULL,
  quiz       JSONB NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX quizzes_token ON quizzes (token_hash);

CREATE TABLE game_index (
  id         TEXT PRIMARY KEY,
  mode       TEXT NOT NULL CHECK (mode IN ('live', 'assignment')),
  code       TEXT NOT NULL,
  owner_hash TEXT NOT NULL,
  quiz_id    TEXT,
  quiz_name  TEXT,
  created_at BIGINT NOT NULL,
  opens_at   BIGINT,
  closes_at  BIGINT
);
CREATE INDEX game_index_owner ON game_index (owner_hash, created_at);
CREATE INDEX game_index_code ON game_index (code, created_at);
