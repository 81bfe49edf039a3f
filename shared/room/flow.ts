// Moving between phases: lobby → question → reveal → leaderboard → question … → finished.
import { commonOf, timing, type FinishedRoom, type RoomState } from './state.ts';
import { done, type Success } from './events.ts';
import { closeRound } from './close-round.ts';
import { leaderboardDeadline, openRound, prepareRound } from './rounds.ts';

export const touch = <S extends RoomState>(state: S, now: number): S => ({ ...state, lastActivity: now });

export function finish(state: RoomState, now: number): Success {
  const closed = state.phase === 'question' ? closeRound(state, now) : state;
  const question = closed.phase === 'lobby' ? null : closed.question;
  const next: FinishedRoom = { ...commonOf(closed), phase: 'finished', question, finishedAt: now, pending: 0 };
  return done(next, { type: 'broadcast' }, { type: 'results' }, { type: 'finished' });
}

/** One step forward from the current phase. A pause holds one countdown only: the next phase runs its own. */
export function advance(state: RoomState, now: number): Success {
  switch (state.phase) {
    case 'question':
      return done(closeRound(state, now), { type: 'broadcast' }, { type: 'results' });
    case 'reveal':
      if (state.round >= state.settings.rounds) return finish(state, now);
      // The next question's puzzle is made now, while the room reads the leaderboard, not when it opens.
      prepareRound(state, state.round + 1);
      return done(
        { ...commonOf(state), phase: 'leaderboard', question: state.question, phaseDeadline: leaderboardDeadline(state, now), pausedLeftMs: null },
        { type: 'broadcast' },
      );
    case 'leaderboard':
      return done(openRound(state, state.round + 1, now), { type: 'broadcast' }, { type: 'answered' });
    default:
      return done(state);
  }
}

/** Closes the question early once every connected player has answered. */
export function closeIfAllAnswered(result: Success, now: number): Success {
  const { state } = result;
  if (state.phase !== 'question' || state.pending > 0 || state.answered === 0) return result;
  const closed = advance(state, now);
  return { ...closed, effects: [...result.effects, ...closed.effects] };
}

/** The phase deadline after the hold: while the host is away, a reveal waits for them. */
export function phaseDeadlineOf(state: RoomState): number | null {
  switch (state.phase) {
    case 'question':
      return state.question.deadline;
    case 'reveal':
      return state.host.connected ? state.phaseDeadline : null;
    case 'leaderboard':
      return state.phaseDeadline;
    default:
      return null;
  }
}

/** When the server should next wake this room with a tick: the phase deadline or the idle expiry. */
export function nextDeadline(state: RoomState): number {
  const idle = state.lastActivity + timing.idleMs;
  const phase = phaseDeadlineOf(state);
  return phase === null ? idle : Math.min(phase, idle);
}
