// What the teacher's pages read and write, apart from the live rooms: finished games (reports, CSV), saved quizzes
// and the games index, and assignments with their students' work. One async interface, two implementations: the
// server's SQLite file (the default, server/store.ts) and PostgreSQL when PODIUM_DATABASE_URL is set
// (server/postgres/). The live rooms are not here: they stay in server/store.ts whichever is used.
import type { FinalResults } from '../shared/protocol.ts';
import type { LibraryStore } from './library/library-store.ts';
import type { AssignmentStore } from './assignments/assignments-sql.ts';

export interface FinishedGames {
  /** The latest finished game with this code, if the token is its host's: 'forbidden' when it is not. */
  gameFor(code: string, hostToken: string): Promise<FinalResults | 'forbidden' | null>;
}

export interface TeacherData {
  /** 'sqlite' or 'postgres': for the start-up line and docs/operations.md. */
  readonly kind: 'sqlite' | 'postgres';
  /** Saved quizzes and the games index (server/library/). */
  library: LibraryStore;
  /** Live assignments and their submissions (server/assignments/). */
  assignments: AssignmentStore;
  /** The host's CSV from the results screen. */
  finished: FinishedGames;
  close(): Promise<void>;
}

/** The database behind the teacher's data cannot be reached now (PostgreSQL down, the network cut): the API answers
 *  503 storage_unavailable instead of a bare 500, and games in progress carry on (docs/operations.md). */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}
