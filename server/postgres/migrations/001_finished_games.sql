-- Finished games in cluster mode: the shape of the SQLite tables of the same names (server/store.ts), so a report
-- reads the same either way. Times are epoch milliseconds, as everywhere in Podium.
CREATE TABLE games (
  id              BIGSERIAL PRIMARY KEY,
  code            TEXT NOT NULL,
  host_token_hash TEXT NOT NULL,
  settings        JSONB NOT NULL,
  started_at      BIGINT,
  finished_at     BIGINT NOT NULL,
  results         JSONB NOT NULL,
  -- A game is stored once: the node that finishes it, or its successor after a failover, inserts with
  -- ON CONFLICT DO NOTHING, and the second insert changes nothing.
  CONSTRAINT games_once UNIQUE (code, finished_at)
);
CREATE INDEX games_code ON games (code, id);

CREATE TABLE game_players (
  game_id   BIGINT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
  player_id TEXT NOT NULL,
  name      TEXT NOT NULL,
  team      INTEGER,
  score     INTEGER NOT NULL,
  rank      INTEGER NOT NULL,
  PRIMARY KEY (game_id, player_id)
);

CREATE TABLE game_teams (
  game_id BIGINT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
  team    INTEGER NOT NULL,
  name    TEXT NOT NULL,
  size    INTEGER NOT NULL,
  score   INTEGER NOT NULL,
  rank    INTEGER NOT NULL,
  PRIMARY KEY (game_id, team)
);

CREATE TABLE game_answers (
  game_id   BIGINT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
  player_id TEXT NOT NULL,
  round     INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  answer    JSONB,
  score     DOUBLE PRECISION NOT NULL,
  correct   BOOLEAN NOT NULL,
  points    INTEGER NOT NULL,
  time_ms   INTEGER,
  PRIMARY KEY (game_id, player_id, round)
);
