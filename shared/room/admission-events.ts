// Who may be in the room, decided by the host: kick (= ban by token and name), lift a ban, remove everyone who
// joined in the last N seconds, the waiting room (admit or refuse), the player cap, and renaming a player.
import type { PlayerId } from '../protocol.ts';
import { MAX_BANS, MAX_PLAYERS, type Ban, type PlayerState, type RoomState, type WaitingEntry } from './state.ts';
import { done, fail, type Actor, type EventOf, type Result, type RoomEffect } from './events.ts';
import { allPlayers, getPlayer, nameTaken, putPlayer, removePlayer, withName } from './players.ts';
import { checkName, nameKeys } from './names.ts';
import { closeIfAllAnswered, touch } from './flow.ts';
import { admitPlayer, capOf, isBannedName, teamFor } from './lobby-events.ts';

const notHost = (actor: Actor): boolean => actor.role !== 'host';

const banOf = (who: { id: PlayerId; token: string; name: string }, now: number): Ban =>
  ({ playerId: who.id, token: who.token, name: who.name, keys: nameKeys(who.name), at: now });

/** Newest last; the oldest fall off past MAX_BANS. */
const withBans = (state: RoomState, bans: readonly Ban[]): Ban[] => [...state.banned, ...bans].slice(-MAX_BANS);

function dropWaiting(state: RoomState, entries: readonly WaitingEntry[]): RoomState {
  if (entries.length === 0) return state;
  const gone = new Set(entries.map((w) => w.id));
  const names = entries.reduce((t, w) => withName(t, w.name, null), state.names);
  return { ...state, waiting: state.waiting.filter((w) => !gone.has(w.id)), names };
}

/** Removes and bans players and waiting entries; each removed socket hears why. */
function removeAndBan(state: RoomState, players: readonly PlayerState[], waiting: readonly WaitingEntry[], now: number): Result {
  let next = players.reduce(removePlayer, state);
  next = dropWaiting(next, waiting);
  next = { ...touch(next, now), banned: withBans(state, [...players, ...waiting].map((who) => banOf(who, now))) };
  const effects: RoomEffect[] = [
    ...players.map((p): RoomEffect => ({ type: 'removed', playerId: p.id, reason: 'kicked' })),
    ...waiting.map((w): RoomEffect => ({ type: 'removed', playerId: w.id, reason: 'refused' })),
    { type: 'roster' },
  ];
  if (players.length > 0) effects.push({ type: 'presence' }, { type: 'answered' });
  return closeIfAllAnswered(done(next, ...effects), now);
}

/** A player (or someone waiting) out, and banned: their token cannot rejoin, their name cannot join again. */
export function onKick(state: RoomState, e: EventOf<'kick'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  const player = getPlayer(state, e.playerId);
  const waiting = state.waiting.find((w) => w.id === e.playerId);
  if (!player && !waiting) return fail('player_not_found');
  return removeAndBan(state, player ? [player] : [], waiting ? [waiting] : [], e.now);
}

export function onUnban(state: RoomState, e: EventOf<'unban'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  if (!state.banned.some((b) => b.playerId === e.playerId)) return fail('player_not_found');
  return done({ ...touch(state, e.now), banned: state.banned.filter((b) => b.playerId !== e.playerId) }, { type: 'roster' });
}

/** Everyone who joined (or started waiting) in the last `seconds`: a join flood undone in one press. */
export function onRemoveRecent(state: RoomState, e: EventOf<'removeRecent'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  const since = e.now - e.seconds * 1000;
  const players = allPlayers(state).filter((p) => p.joinedAt >= since);
  const waiting = state.waiting.filter((w) => w.at >= since);
  return removeAndBan(state, players, waiting, e.now);
}

/** Lets someone waiting in (if the room has space and they still fit a team), or refuses and bans them. */
function admitOne(state: RoomState, entry: WaitingEntry, now: number): RoomState | null {
  const team = teamFor(state, entry.team);
  if (state.playerCount >= capOf(state) || team === false) return null;
  const waiting = state.waiting.filter((w) => w.id !== entry.id);
  return admitPlayer({ ...state, waiting }, entry.id, entry.token, entry.name, team, now);
}

const admittedEffects = (ids: readonly PlayerId[]): RoomEffect[] => [
  ...ids.map((playerId): RoomEffect => ({ type: 'admitted', playerId })),
  { type: 'presence' }, { type: 'roster' }, { type: 'answered' },
];

export function onAdmit(state: RoomState, e: EventOf<'admit'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  const entry = state.waiting.find((w) => w.id === e.playerId);
  if (!entry) return fail('player_not_found');
  if (!e.admit) return removeAndBan(state, [], [entry], e.now);
  if (state.phase === 'finished') return fail('wrong_phase');
  const next = admitOne(state, entry, e.now);
  return next ? done(next, ...admittedEffects([entry.id])) : fail('room_full');
}

/** Switching the waiting room off lets in everyone waiting who fits under the cap (in the order they came). */
export function onWaitingRoom(state: RoomState, e: EventOf<'waitingRoom'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  let next: RoomState = { ...touch(state, e.now), waitingRoom: e.enabled };
  const admitted: PlayerId[] = [];
  if (!e.enabled && state.phase !== 'finished') {
    for (const entry of state.waiting) {
      const after = admitOne(next, entry, e.now);
      if (!after) break;
      next = after;
      admitted.push(entry.id);
    }
  }
  return done(next, { type: 'broadcast' }, { type: 'roster' }, ...(admitted.length ? admittedEffects(admitted) : []));
}

export function onPlayerCap(state: RoomState, e: EventOf<'playerCap'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  if (e.max !== null && (!Number.isInteger(e.max) || e.max < 1 || e.max > MAX_PLAYERS)) return fail('invalid_payload');
  return done({ ...touch(state, e.now), maxPlayers: e.max }, { type: 'roster' });
}

/** The host's fix for a name that slipped through: the same policy applies to the new name. */
export function onRename(state: RoomState, e: EventOf<'rename'>): Result {
  if (notHost(e.actor)) return fail('not_host');
  const player = getPlayer(state, e.playerId);
  if (!player) return fail('player_not_found');
  const checked = checkName(e.name);
  if (!checked.ok) return fail(checked.error);
  const keys = nameKeys(checked.name);
  if (nameTaken(state, keys, player.id) || isBannedName(state, keys)) return fail('name_taken');
  const names = withName(withName(state.names, player.name, null), checked.name, player.id, keys);
  const next = { ...putPlayer(touch(state, e.now), { ...player, name: checked.name }), names };
  return done(next, { type: 'me', playerId: player.id }, { type: 'presence' }, { type: 'roster' });
}
