// The library in PostgreSQL (PODIUM_DATABASE_URL): the same rows and the same answers as the SQLite one
// (server/library/sqlite-library.ts), which the contract tests check against both (test/server/contract/).
// A live game's games-index entry that cannot reach PostgreSQL waits in the node's outbox (outbox.ts), so a live
// game can still be made while PostgreSQL is down; every other call fails with StorageUnavailableError then.
import type pg from 'pg';
import type { FinalResults } from '../../shared/protocol.ts';
import type { Quiz } from '../../shared/quiz/index.ts';
import type { GameMode } from '../../shared/report/index.ts';
import type { GameEntry, LibraryStore, QuizRecord, StoredGame } from '../library/library-store.ts';
import type { Outbox } from './outbox.ts';
import { isUnavailable, reaching } from './unavailable.ts';

interface QuizRow { id: string; token_hash: string; quiz: Quiz; created_at: string; updated_at: string }
interface GameRow {
  id: string; mode: string; code: string; owner_hash: string; quiz_id: string | null; quiz_name: string | null;
  created_at: string; opens_at: string | null; closes_at: string | null; results: FinalResults | null;
}

/** BIGINT comes back from pg as a string (it may not fit a double); Podium's times always do. */
const num = (v: string | number): number => Number(v);
const numOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

const quizOf = (row: QuizRow): QuizRecord => ({
  id: row.id, tokenHash: row.token_hash, quiz: row.quiz, createdAt: num(row.created_at), updatedAt: num(row.updated_at),
});

const gameOf = (row: GameRow): StoredGame => ({
  entry: {
    id: row.id, mode: row.mode as GameMode, code: row.code, ownerHash: row.owner_hash, quizId: row.quiz_id, quizName: row.quiz_name,
    createdAt: num(row.created_at), opensAt: numOrNull(row.opens_at), closesAt: numOrNull(row.closes_at),
  },
  results: row.results,
});

/** The game row with its results: the first finished game with its code after it was made and before the code was
 *  given to another game (as in sqlite-library.ts). */
const GAME_SELECT = `
SELECT g.*, (
  SELECT r.results FROM games r WHERE r.code = g.code AND r.finished_at >= g.created_at
    AND r.finished_at < COALESCE((SELECT MIN(n.created_at) FROM game_index n WHERE n.code = g.code AND n.created_at > g.created_at), 9000000000000000)
  ORDER BY r.id LIMIT 1) AS results
FROM game_index g`;

export const INSERT_ENTRY = `INSERT INTO game_index (id, mode, code, owner_hash, quiz_id, quiz_name, created_at, opens_at, closes_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`;

export const entryParams = (e: GameEntry): unknown[] => [e.id, e.mode, e.code, e.ownerHash, e.quizId, e.quizName, e.createdAt, e.opensAt, e.closesAt];

export function pgLibrary(pool: pg.Pool, outbox: Outbox | null): LibraryStore {
  const rows = async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> =>
    reaching(async () => (await pool.query<Row>(sql, params)).rows);

  return {
    async putQuiz(r) {
      await rows(
        `INSERT INTO quizzes (id, token_hash, name, quiz, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET token_hash = EXCLUDED.token_hash, name = EXCLUDED.name, quiz = EXCLUDED.quiz,
           created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
        [r.id, r.tokenHash, r.quiz.name, JSON.stringify(r.quiz), r.createdAt, r.updatedAt],
      );
    },
    async quiz(id) {
      const [row] = await rows<QuizRow>('SELECT * FROM quizzes WHERE id = $1', [id]);
      return row ? quizOf(row) : null;
    },
    async quizzes(owner) {
      const found = owner.all
        ? await rows<QuizRow>('SELECT * FROM quizzes ORDER BY updated_at DESC')
        : await rows<QuizRow>('SELECT * FROM quizzes WHERE token_hash = ANY($1::text[]) ORDER BY updated_at DESC', [owner.hashes]);
      return found.map(quizOf);
    },
    async deleteQuiz(id) {
      return (await rows<{ id: string }>('DELETE FROM quizzes WHERE id = $1 RETURNING id', [id])).length > 0;
    },
    async recordGame(e) {
      try {
        await reaching(() => pool.query(INSERT_ENTRY, entryParams(e)));
      } catch (error) {
        // A live room can still be made: the entry reaches PostgreSQL with the node's next delivery (forwarder.ts).
        // An assignment cannot (its state is kept in PostgreSQL too), so its creation fails as a whole.
        if (!outbox || e.mode !== 'live' || !isUnavailable(error)) throw error;
        outbox.add({ type: 'entry', entry: e });
      }
    },
    async game(id) {
      const [row] = await rows<GameRow>(`${GAME_SELECT} WHERE g.id = $1`, [id]);
      return row ? gameOf(row) : null;
    },
    async games(owner, limit) {
      const found = owner.all
        ? await rows<GameRow>(`${GAME_SELECT} ORDER BY g.created_at DESC LIMIT $1`, [limit])
        : await rows<GameRow>(`${GAME_SELECT} WHERE g.owner_hash = ANY($1::text[]) ORDER BY g.created_at DESC LIMIT $2`, [owner.hashes, limit]);
      return found.map(gameOf);
    },
  };
}
