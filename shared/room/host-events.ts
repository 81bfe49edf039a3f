// What only the host may do: start, next (skip), lock, end (who may be in the room: admission-events.ts).
// The actor comes from the socket.
import type { LobbyRoom, PlayerState, RoomState } from './state.ts';
import { done, fail, type Actor, type EventOf, type Result } from './events.ts';
import { allPlayers } from './players.ts';
import { smallestTeam } from './teams.ts';
import { tableSet } from './table.ts';
import { openRound, planRounds } from './rounds.ts';
import { advance, finish, touch } from './flow.ts';

const notHost = (actor: Actor): boolean => actor.role !== 'host';

/** Players in 'pick' mode who chose nothing are balanced into the smallest teams at the start. */
function placeUnassigned(state: LobbyRoom): LobbyRoom {
  if (state.settings.teamMode !== 'pick') return state;
  const sizes = [...state.teamSizes];
  let players = state.players;
  const unassigned = allPlayers(state).filter((p) => p.team === null).sort((a, b) => a.joinIndex - b.joinIndex);
  for (const p of unassigned) {
    const team = smallestTeam(sizes);
    sizes[team]!++;
    players = tableSet(players, p.id, { ...p, team } satisfies PlayerState);
  }
  return { ...state, players, teamSizes: sizes };
}

export function onStart(state: RoomState, e: EventOf<'start'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  if (state.phase !== 'lobby') return fail('wrong_phase');
  if (state.playerCount === 0) return fail('no_players');
  const started = { ...placeUnassigned(touch(state, e.now)), startedAt: e.now, plan: state.plan.length > 0 ? state.plan : planRounds(state.seed, state.settings) };
  return done(openRound(started, 1, e.now), { type: 'broadcast' }, { type: 'roster' }, { type: 'answered' });
}

export function onNext(state: RoomState, e: EventOf<'next'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  if (state.phase === 'lobby' || state.phase === 'finished' || e.phase !== state.phase) return fail('wrong_phase');
  if (e.round !== state.round) return fail('stale_round');
  return advance(touch(state, e.now), e.now);
}

export function onLock(state: RoomState, e: EventOf<'lock'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  return done({ ...touch(state, e.now), locked: e.locked }, { type: 'broadcast' });
}

/** Holds (paused) or resumes the auto-advance countdown of a reveal or a leaderboard; asking for the state the room
 *  is already in changes nothing. Without auto-advance there is no countdown to hold. */
export function onPause(state: RoomState, e: EventOf<'pause'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  if ((state.phase !== 'reveal' && state.phase !== 'leaderboard') || !state.settings.autoAdvance) return fail('wrong_phase');
  const left = state.pausedLeftMs;
  if (e.paused === (left !== null)) return done(touch(state, e.now));
  const next: RoomState = left === null
    ? { ...state, pausedLeftMs: Math.max(0, (state.phaseDeadline ?? e.now) - e.now), phaseDeadline: null }
    : { ...state, phaseDeadline: e.now + left, pausedLeftMs: null };
  return done(touch(next, e.now), { type: 'broadcast' });
}

export function onEnd(state: RoomState, e: EventOf<'end'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  if (state.phase === 'finished') return fail('wrong_phase');
  return finish(touch(state, e.now), e.now);
}
