// Arrivals and departures: join, rejoin, disconnect, leave, team choice.
import type { RoomState, PlayerState } from './state.ts';
import { MAX_PLAYERS } from './state.ts';
import { done, fail, type EventOf, type Result } from './events.ts';
import { addPlayer, getPlayer, playerIdOfToken, putPlayer, recentWithTeam, removePlayer, setConnected } from './players.ts';
import { cleanName, nameKey, suggestName } from './names.ts';
import { smallestTeam, withTeamSize } from './teams.ts';
import { tableGet } from './table.ts';
import { closeIfAllAnswered, touch } from './flow.ts';
import { revealDeadline } from './rounds.ts';

/** The team a newcomer lands in, or false when the requested one does not exist. */
function teamFor(state: RoomState, requested: number | undefined): number | null | false {
  const { teamMode, teamCount } = state.settings;
  if (teamMode === 'off') return null;
  if (teamMode === 'pick' && requested !== undefined) return requested < teamCount ? requested : false;
  return teamMode === 'pick' && state.phase === 'lobby' ? null : smallestTeam(state.teamSizes);
}

function joinRefusal(state: RoomState): Result | null {
  if (state.phase === 'finished') return fail('wrong_phase');
  if (state.locked) return fail('room_locked');
  return state.playerCount >= MAX_PLAYERS ? fail('room_full') : null;
}

export function onJoin(state: RoomState, e: EventOf<'join'>): Result {
  const refusal = joinRefusal(state);
  if (refusal) return refusal;
  const name = cleanName(e.name);
  if (name === null) return fail('invalid_name');
  const taken = (key: string): boolean => tableGet(state.names, key) !== undefined;
  if (taken(nameKey(name))) return fail('name_taken', suggestName(name, taken));
  const team = teamFor(state, e.team);
  if (team === false) return fail('invalid_team');
  const player: PlayerState = {
    id: e.playerId, token: e.token, name, team, joinIndex: state.nextJoinIndex, connected: true,
    score: 0, streak: 0, rank: null, current: null, history: [],
  };
  const next = touch(addPlayer(state, player), e.now);
  return done(next, { type: 'identified', role: 'player', playerId: player.id }, { type: 'presence' }, { type: 'roster' }, { type: 'answered' });
}

function hostReturns(state: RoomState, now: number): Result {
  // A reveal held while the host was away gets a fresh countdown, unless the host had paused it.
  const holding = state.phase === 'reveal' && !state.host.connected && state.pausedLeftMs === null;
  const next: RoomState = {
    ...touch(state, now),
    host: { ...state.host, connected: true },
    phaseDeadline: holding ? revealDeadline(state, now) : state.phaseDeadline,
  };
  return done(next, { type: 'identified', role: 'host' }, { type: 'broadcast' }, { type: 'roster' });
}

export function onRejoin(state: RoomState, e: EventOf<'rejoin'>): Result {
  if (e.token === state.host.token) return hostReturns(state, e.now);
  const id = playerIdOfToken(e.token);
  if (id !== null && state.kicked.includes(id)) return fail('kicked');
  const player = id === null ? undefined : getPlayer(state, id);
  if (!player || player.token !== e.token) return fail('unknown_token');
  const next = touch(setConnected(state, player, true), e.now);
  return done(next, { type: 'identified', role: 'player', playerId: player.id }, { type: 'presence' }, { type: 'roster' }, { type: 'answered' });
}

/** A dropped socket: the player stays (score kept); the round does not close on their account. */
export function onDisconnect(state: RoomState, e: EventOf<'disconnect'>): Result {
  if (e.actor.role === 'host') {
    return done({ ...state, host: { ...state.host, connected: false } }, { type: 'broadcast' });
  }
  const player = getPlayer(state, e.actor.playerId);
  if (!player) return fail('player_not_found');
  return done(setConnected(state, player, false), { type: 'presence' }, { type: 'roster' }, { type: 'answered' });
}

export function onLeave(state: RoomState, e: EventOf<'leave'>): Result {
  const player = getPlayer(state, e.playerId);
  if (!player) return fail('not_joined');
  const next = touch(removePlayer(state, player), e.now);
  const result = done(next, { type: 'removed', playerId: player.id, reason: 'left' }, { type: 'presence' }, { type: 'roster' }, { type: 'answered' });
  return closeIfAllAnswered(result, e.now);
}

export function onPickTeam(state: RoomState, e: EventOf<'pickTeam'>): Result {
  const player = getPlayer(state, e.playerId);
  if (!player) return fail('not_joined');
  if (state.phase !== 'lobby' || state.settings.teamMode !== 'pick') return fail('wrong_phase');
  if (e.team >= state.settings.teamCount) return fail('invalid_team');
  const sizes = withTeamSize(withTeamSize(state.teamSizes, player.team, -1), e.team, 1);
  const recent = recentWithTeam(state.recent, player.id, e.team);
  const next = touch({ ...putPlayer(state, { ...player, team: e.team }), teamSizes: sizes, recent }, e.now);
  return done(next, { type: 'presence' }, { type: 'roster' });
}
