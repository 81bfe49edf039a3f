// Moving between phases: lobby → question → reveal → leaderboard → question … → finished.
import type { RoomState } from './state.ts';
import { timing } from './state.ts';
import { done, type Success } from './events.ts';
import { closeRound } from './close-round.ts';
import { leaderboardDeadline, openRound } from './rounds.ts';

export const touch = (state: RoomState, now: number): RoomState => ({ ...state, lastActivity: now });

export function finish(state: RoomState, now: number): Success {
  const closed = state.phase === 'question' ? closeRound(state, now) : state;
  const next: RoomState = { ...closed, phase: 'finished', finishedAt: now, phaseDeadline: null, pausedLeftMs: null, pending: 0 };
  return done(next, { type: 'broadcast' }, { type: 'results' }, { type: 'finished' });
}

/** One step forward from the current phase. A pause holds one countdown only: the next phase runs its own. */
export function advance(paused: RoomState, now: number): Success {
  const state: RoomState = paused.pausedLeftMs === null ? paused : { ...paused, pausedLeftMs: null };
  switch (state.phase) {
    case 'question':
      return done(closeRound(state, now), { type: 'broadcast' }, { type: 'results' });
    case 'reveal':
      if (state.round >= state.settings.rounds) return finish(state, now);
      return done({ ...state, phase: 'leaderboard', phaseDeadline: leaderboardDeadline(state, now) }, { type: 'broadcast' });
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
  if (state.phase === 'reveal' && !state.host.connected) return null;
  return state.phase === 'finished' || state.phase === 'lobby' ? null : state.phaseDeadline;
}

/** When the server should next wake this room with a tick: the phase deadline or the idle expiry. */
export function nextDeadline(state: RoomState): number {
  const idle = state.lastActivity + timing.idleMs;
  const phase = phaseDeadlineOf(state);
  return phase === null ? idle : Math.min(phase, idle);
}
