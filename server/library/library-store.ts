// What the teacher's side keeps: saved quizzes and the index of every game (live or assignment) with who owns it.
// A narrow, async interface: SQLite implements it here (sqlite-library.ts); a shared database can implement the
// same one for several servers. Tokens are never stored, only their hashes (server/tokens.ts).
import type { Quiz } from '../../shared/quiz/index.ts';
import type { FinalResults } from '../../shared/protocol.ts';
import type { GameMode } from '../../shared/report/index.ts';

export interface QuizRecord {
  id: string;
  /** sha256 of the token the creating browser keeps. */
  tokenHash: string;
  quiz: Quiz;
  createdAt: number;
  updatedAt: number;
}

/** One game as the Games page lists it, written when the room or assignment is made. */
export interface GameEntry {
  id: string;
  mode: GameMode;
  code: string;
  /** sha256 of the host token (live) or the assignment's owner token. */
  ownerHash: string;
  quizId: string | null;
  quizName: string | null;
  createdAt: number;
  /** Assignments only. */
  opensAt: number | null;
  closesAt: number | null;
}

/** A game entry with its finished results, when it has them. */
export interface StoredGame {
  entry: GameEntry;
  results: FinalResults | null;
}

/** Which records a request may see: every one (the facilitator key), or those these token hashes own. */
export type Owner = { all: true } | { all: false; hashes: readonly string[] };

export interface LibraryStore {
  putQuiz(record: QuizRecord): Promise<void>;
  quiz(id: string): Promise<QuizRecord | null>;
  quizzes(owner: Owner): Promise<QuizRecord[]>;
  deleteQuiz(id: string): Promise<boolean>;
  recordGame(entry: GameEntry): Promise<void>;
  game(id: string): Promise<StoredGame | null>;
  /** Newest first, at most `limit`. */
  games(owner: Owner, limit: number): Promise<StoredGame[]>;
}
