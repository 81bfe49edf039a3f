// The library in the server's SQLite file (the same connection as the rooms, so one lock and one WAL).
// A game's results are the first finished game with its code after it was made and before the code was given to
// another game (codes are reused once a room is gone).
import type Database from 'better-sqlite3';
import type { FinalResults } from '../../shared/protocol.ts';
import type { Quiz } from '../../shared/quiz/index.ts';
import type { GameMode } from '../../shared/report/index.ts';
import type { GameEntry, LibraryStore, Owner, QuizRecord, StoredGame } from './library-store.ts';

export const LIBRARY_TABLES = ['quizzes', 'game_index'] as const;

export const LIBRARY_SCHEMA = `
CREATE TABLE IF NOT EXISTS quizzes (
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, name TEXT NOT NULL, quiz TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS quizzes_token ON quizzes (token_hash);
CREATE TABLE IF NOT EXISTS game_index (
  id TEXT PRIMARY KEY, mode TEXT NOT NULL, code TEXT NOT NULL, owner_hash TEXT NOT NULL, quiz_id TEXT, quiz_name TEXT,
  created_at INTEGER NOT NULL, opens_at INTEGER, closes_at INTEGER);
CREATE INDEX IF NOT EXISTS game_index_owner ON game_index (owner_hash, created_at);
CREATE INDEX IF NOT EXISTS game_index_code ON game_index (code, created_at);
`;

interface QuizRow { id: string; token_hash: string; quiz: string; created_at: number; updated_at: number }
interface GameRow {
  id: string; mode: string; code: string; owner_hash: string; quiz_id: string | null; quiz_name: string | null;
  created_at: number; opens_at: number | null; closes_at: number | null; results: string | null;
}

const quizOf = (row: QuizRow): QuizRecord => ({
  id: row.id, tokenHash: row.token_hash, quiz: JSON.parse(row.quiz) as Quiz, createdAt: row.created_at, updatedAt: row.updated_at,
});

const gameOf = (row: GameRow): StoredGame => ({
  entry: {
    id: row.id, mode: row.mode as GameMode, code: row.code, ownerHash: row.owner_hash, quizId: row.quiz_id, quizName: row.quiz_name,
    createdAt: row.created_at, opensAt: row.opens_at, closesAt: row.closes_at,
  },
  results: row.results === null ? null : (JSON.parse(row.results) as FinalResults),
});

/** The game row with its results (see the file comment). */
const GAME_SELECT = `
SELECT g.*, (
  SELECT r.results FROM games r WHERE r.code = g.code AND r.finished_at >= g.created_at
    AND r.finished_at < COALESCE((SELECT MIN(n.created_at) FROM game_index n WHERE n.code = g.code AND n.created_at > g.created_at), 9e15)
  ORDER BY r.id LIMIT 1) AS results
FROM game_index g`;

/** Owners are matched in chunks, far below SQLite's limit on bound parameters. */
const CHUNK = 200;

export function sqliteLibrary(db: Database.Database): LibraryStore {
  db.exec(LIBRARY_SCHEMA);
  const put = db.prepare('INSERT OR REPLACE INTO quizzes (id, token_hash, name, quiz, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const one = db.prepare<[string], QuizRow>('SELECT * FROM quizzes WHERE id = ?');
  const allQuizzes = db.prepare<[], QuizRow>('SELECT * FROM quizzes ORDER BY updated_at DESC');
  const del = db.prepare('DELETE FROM quizzes WHERE id = ?');
  const record = db.prepare('INSERT OR IGNORE INTO game_index VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const game = db.prepare<[string], GameRow>(`${GAME_SELECT} WHERE g.id = ?`);
  const allGames = db.prepare<[number], GameRow>(`${GAME_SELECT} ORDER BY g.created_at DESC LIMIT ?`);

  function byOwner<Row>(table: string, column: string, order: string, hashes: readonly string[], select = `SELECT * FROM ${table}`): Row[] {
    const rows: Row[] = [];
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const chunk = hashes.slice(i, i + CHUNK);
      const marks = chunk.map(() => '?').join(',');
      rows.push(...(db.prepare(`${select} WHERE ${column} IN (${marks}) ORDER BY ${order}`).all(...chunk) as Row[]));
    }
    return rows;
  }

  return {
    async putQuiz(r) {
      put.run(r.id, r.tokenHash, r.quiz.name, JSON.stringify(r.quiz), r.createdAt, r.updatedAt);
    },
    async quiz(id) {
      const row = one.get(id);
      return row ? quizOf(row) : null;
    },
    async quizzes(owner) {
      const rows = owner.all ? allQuizzes.all() : byOwner<QuizRow>('quizzes', 'token_hash', 'updated_at DESC', owner.hashes);
      return rows.map(quizOf).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async deleteQuiz(id) {
      return del.run(id).changes > 0;
    },
    async recordGame(e: GameEntry) {
      record.run(e.id, e.mode, e.code, e.ownerHash, e.quizId, e.quizName, e.createdAt, e.opensAt, e.closesAt);
    },
    async game(id) {
      const row = game.get(id);
      return row ? gameOf(row) : null;
    },
    async games(owner, limit) {
      const rows = owner.all ? allGames.all(limit) : byOwner<GameRow>('game_index', 'g.owner_hash', 'g.created_at DESC', owner.hashes, GAME_SELECT);
      return rows.map(gameOf).sort((a, b) => b.entry.createdAt - a.entry.createdAt).slice(0, limit);
    },
  };
}
