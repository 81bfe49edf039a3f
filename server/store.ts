// Finished games in SQLite (better-sqlite3, WAL): settings, players, teams, every answer, the final ranking.
import Database from 'better-sqlite3';
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FinalResults } from '../shared/protocol.ts';

export interface Store {
  saveGame(results: FinalResults, hostToken: string): void;
  /** The latest finished game with this code, if the token is its host's: 'forbidden' when it is not. */
  gameFor(code: string, hostToken: string): FinalResults | 'forbidden' | null;
  ready(): boolean;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, host_token_hash TEXT NOT NULL, settings TEXT NOT NULL,
  started_at INTEGER, finished_at INTEGER NOT NULL, results TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS games_code ON games (code, id);
CREATE TABLE IF NOT EXISTS game_players (
  game_id INTEGER NOT NULL REFERENCES games(id), player_id TEXT NOT NULL, name TEXT NOT NULL,
  team INTEGER, score INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (game_id, player_id));
CREATE TABLE IF NOT EXISTS game_teams (
  game_id INTEGER NOT NULL REFERENCES games(id), team INTEGER NOT NULL, name TEXT NOT NULL,
  size INTEGER NOT NULL, score INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (game_id, team));
CREATE TABLE IF NOT EXISTS game_answers (
  game_id INTEGER NOT NULL REFERENCES games(id), player_id TEXT NOT NULL, round INTEGER NOT NULL,
  kind TEXT NOT NULL, answer TEXT, score REAL NOT NULL, correct INTEGER NOT NULL, points INTEGER NOT NULL,
  time_ms INTEGER, PRIMARY KEY (game_id, player_id, round));
`;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

function insertGame(db: Database.Database, r: FinalResults, hostToken: string): void {
  const { lastInsertRowid: gameId } = db
    .prepare('INSERT INTO games (code, host_token_hash, settings, started_at, finished_at, results) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.code, hashToken(hostToken), JSON.stringify(r.settings), r.startedAt, r.finishedAt, JSON.stringify(r));
  const player = db.prepare('INSERT INTO game_players VALUES (?, ?, ?, ?, ?, ?)');
  const answer = db.prepare('INSERT INTO game_answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const team = db.prepare('INSERT INTO game_teams VALUES (?, ?, ?, ?, ?, ?)');
  const kinds = new Map(r.rounds.map((x) => [x.round, x.kind]));
  for (const p of r.players) {
    player.run(gameId, p.playerId, p.name, p.team, p.score, p.rank);
    for (const a of p.rounds) {
      const stored = a.answer === null ? null : JSON.stringify(a.answer);
      answer.run(gameId, p.playerId, a.round, kinds.get(a.round) ?? '', stored, a.score, a.correct ? 1 : 0, a.points, a.timeMs);
    }
  }
  for (const t of r.teams) team.run(gameId, t.team, t.name, t.size, t.score, t.rank);
}

export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const save = db.transaction((r: FinalResults, token: string) => insertGame(db, r, token));
  const latest = db.prepare<[string], { host_token_hash: string; results: string }>(
    'SELECT host_token_hash, results FROM games WHERE code = ? ORDER BY id DESC LIMIT 1',
  );
  return {
    saveGame: (results, hostToken) => save(results, hostToken),
    gameFor(code, hostToken) {
      const row = latest.get(code);
      if (!row) return null;
      return sameHash(row.host_token_hash, hashToken(hostToken)) ? (JSON.parse(row.results) as FinalResults) : 'forbidden';
    },
    ready: () => db.open,
    close: () => db.close(),
  };
}
