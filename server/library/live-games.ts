// What the rooms in memory say about the games the index lists: live state and player count. (Assignments add
// theirs through `withAssignments`.) The room must be the one the entry was made for: codes are reused.
import type { FinalResults } from '../../shared/protocol.ts';
import type { Rooms } from '../rooms.ts';
import type { LiveGames } from './api.ts';
import type { GameEntry } from './library-store.ts';

export interface LiveGamesSource extends LiveGames {
  /** Assignments answer for their own entries. */
  withAssignments(other: LiveGames): void;
}

export function liveGames(rooms: () => Rooms): LiveGamesSource {
  let assignments: LiveGames | null = null;
  return {
    status(entry: GameEntry) {
      if (entry.mode === 'assignment') return assignments?.status(entry) ?? null;
      const room = rooms().get(entry.code);
      if (!room || room.state.createdAt !== entry.createdAt) return null;
      const { state } = room;
      const { playerCount, startedAt } = state;
      const finishedAt = state.phase === 'finished' ? state.finishedAt : null;
      return { state: state.phase === 'lobby' ? 'lobby' : state.phase === 'finished' ? 'finished' : 'playing', players: playerCount, startedAt, finishedAt };
    },
    resultsSoFar(entry: GameEntry): FinalResults | null {
      return entry.mode === 'assignment' ? (assignments?.resultsSoFar(entry) ?? null) : null;
    },
    withAssignments(other) {
      assignments = other;
    },
  };
}
