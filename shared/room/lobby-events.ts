// Arrivals and departures: join, rejoin, disconnect, leave, team choice.
import type { PlayerId } from '../protocol.ts';
import type { RoomState, PlayerState } from './state.ts';
import { MAX_PLAYERS, MAX_WAITING } from './state.ts';
import { done, fail, type EventOf, type Result } from './events.ts';
import { addPlayer, getPlayer, nameTaken, playerIdOfToken, putPlayer, removePlayer, setConnected, sinceFor, withName } from './players.ts';
import { checkName, nameKeys, suggestName } from './names.ts';
import { smallestTeam, withTeamSize } from './teams.ts';
import { closeIfAllAnswered, touch } from './flow.ts';
import { revealDeadline } from './rounds.ts';

/** The team a newcomer lands in, or false when the requested one does not exist. */
export function teamFor(state: RoomState, requested: number | undefined): number | null | false {
  const { teamMode, teamCount } = state.settings;
  if (teamMode === 'off') return null;
  if (teamMode === 'pick' && requested !== undefined) return requested < teamCount ? requested : false;
  return teamMode === 'pick' && state.phase === 'lobby' ? null : smallestTeam(state.teamSizes);
}

/** The host's cap, or the hard one. */
export const capOf = (state: RoomState): number => Math.min(state.maxPlayers ?? MAX_PLAYERS, MAX_PLAYERS);

function joinRefusal(state: RoomState): Result | null {
  if (state.phase === 'finished') return fail('wrong_phase');
  if (state.locked) return fail('room_locked');
  if (state.waitingRoom) return state.waiting.length >= MAX_WAITING ? fail('room_full') : null;
  return state.playerCount >= capOf(state) ? fail('room_full') : null;
}

/** A name the host banned, by either of its keys. */
export const isBannedName = (state: RoomState, keys: readonly string[]): boolean =>
  state.banned.some((ban) => ban.keys.some((key) => keys.includes(key)));

/** Makes a joiner a player (at once, or when the host admits them from the waiting room). */
export function admitPlayer<S extends RoomState>(
  state: S, id: PlayerId, token: string, name: string, team: number | null, now: number, keys: readonly string[] = nameKeys(name),
): S {
  const player: PlayerState = {
    id, token, name, team, joinIndex: state.nextJoinIndex, connected: true, joinedAt: now, since: sinceFor(state),
    score: 0, streak: 0, rank: null, current: null, history: [],
  };
  return addPlayer(state, player, keys, now);
}

export function onJoin(state: RoomState, e: EventOf<'join'>): Result {
  const refusal = joinRefusal(state);
  if (refusal) return refusal;
  const checked = checkName(e.name);
  if (!checked.ok) return fail(checked.error);
  const { name } = checked;
  const keys = nameKeys(name);
  if (isBannedName(state, keys)) return fail('name_banned');
  if (nameTaken(state, keys)) return fail('name_taken', suggestName(name, (k) => nameTaken(state, k) || isBannedName(state, k)));
  const team = teamFor(state, e.team);
  if (team === false) return fail('invalid_team');
  if (state.waitingRoom) {
    const entry = { id: e.playerId, token: e.token, name, team: e.team, at: e.now };
    const next = { ...touch(state, e.now), waiting: [...state.waiting, entry], names: withName(state.names, name, e.playerId, keys) };
    return done(next, { type: 'identified', role: 'waiting', playerId: e.playerId }, { type: 'roster' });
  }
  const next = admitPlayer(state, e.playerId, e.token, name, team, e.now, keys);
  return done(next, { type: 'identified', role: 'player', playerId: e.playerId }, { type: 'presence' }, { type: 'roster' }, { type: 'answered' });
}

function hostReturns(state: RoomState, now: number): Result {
  // A reveal held while the host was away gets a fresh countdown, unless the host had paused it.
  const back: RoomState = { ...touch(state, now), host: { ...state.host, connected: true } };
  const holding = back.phase === 'reveal' && !state.host.connected && back.pausedLeftMs === null;
  const next: RoomState = holding ? { ...back, phaseDeadline: revealDeadline(state, now) } : back;
  return done(next, { type: 'identified', role: 'host' }, { type: 'broadcast' }, { type: 'roster' });
}

export function onRejoin(state: RoomState, e: EventOf<'rejoin'>): Result {
  if (e.token === state.host.token) return hostReturns(state, e.now);
  const id = playerIdOfToken(e.token);
  // A ban restored from an older save has no token: it matches by player id.
  if (state.banned.some((ban) => ban.token === e.token || (ban.token === '' && ban.playerId === id))) return fail('kicked');
  const waiting = state.waiting.find((w) => w.id === id && w.token === e.token);
  if (waiting) return done(touch(state, e.now), { type: 'identified', role: 'waiting', playerId: waiting.id });
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
  const waiting = state.waiting.find((w) => w.id === e.playerId);
  if (!player && waiting) {
    const next = { ...touch(state, e.now), waiting: state.waiting.filter((w) => w !== waiting), names: withName(state.names, waiting.name, null) };
    return done(next, { type: 'removed', playerId: waiting.id, reason: 'left' }, { type: 'roster' });
  }
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
  const next = touch({ ...putPlayer(state, { ...player, team: e.team }), teamSizes: sizes }, e.now);
  return done(next, { type: 'presence' }, { type: 'roster' });
}
