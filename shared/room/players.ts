// Reading and writing players while keeping the room's counters (counts, team sizes, pending) in step.
import type { PlayerId } from '../protocol.ts';
import { RECENT, arrivalOf, type Arrival, type PlayerState, type RoomState, type Slot } from './state.ts';
import { tableDelete, tableGet, tableSet, tableValues, type Table } from './table.ts';
import { nameKeys } from './names.ts';
import { withTeamSize } from './teams.ts';

export const getPlayer = (state: RoomState, id: PlayerId): PlayerState | undefined => tableGet(state.players, id);

export const allPlayers = (state: RoomState): PlayerState[] => tableValues(state.players);

export const putPlayer = (state: RoomState, player: PlayerState): RoomState => ({
  ...state,
  players: tableSet(state.players, player.id, player),
});

/** This round's answer, if the player gave one. */
export const answerIn = (player: PlayerState, round: number): Slot | null =>
  player.current !== null && player.current.round === round ? player.current : null;

/** True when the player counts toward `pending`: connected, in a running question, no answer yet. */
export const isPending = (state: RoomState, player: PlayerState): boolean =>
  state.phase === 'question' && player.connected && answerIn(player, state.round) === null;

/** The recent arrivals after `player` joins: it goes first; whoever is no longer among the last RECENT drops.
 *  Only the lobby shows them: a late joiner is not listed. */
function arrived(state: RoomState, player: PlayerState): Arrival[] {
  if (state.phase !== 'lobby') return state.recent;
  const oldest = player.joinIndex + 1 - RECENT;
  return [arrivalOf(player), ...state.recent.filter((a) => a.joinIndex >= oldest)];
}

/** The recent arrivals after a player (maybe one of them) moved to another team. */
export const recentWithTeam = (recent: Arrival[], playerId: PlayerId, team: number): Arrival[] =>
  recent.some((a) => a.playerId === playerId) ? recent.map((a) => (a.playerId === playerId ? { ...a, team } : a)) : recent;

/** The names table with a name's keys pointing at `id` (or removed, with id null). */
export function withName(names: Table<PlayerId>, name: string, id: PlayerId | null): Table<PlayerId> {
  return nameKeys(name).reduce((t, key) => (id === null ? tableDelete(t, key) : tableSet(t, key, id)), names);
}

/** True when any of these keys names someone in the room (a player or someone waiting) other than `except`. */
export const nameTaken = (state: RoomState, keys: readonly string[], except: PlayerId | null = null): boolean =>
  keys.some((key) => {
    const owner = tableGet(state.names, key);
    return owner !== undefined && owner !== except;
  });

export function addPlayer(state: RoomState, player: PlayerState): RoomState {
  const next = putPlayer(state, player);
  return {
    ...next,
    names: withName(state.names, player.name, player.id),
    recent: arrived(state, player),
    playerCount: state.playerCount + 1,
    connectedCount: state.connectedCount + 1,
    nextJoinIndex: state.nextJoinIndex + 1,
    teamSizes: withTeamSize(state.teamSizes, player.team, 1),
    pending: state.pending + (state.phase === 'question' ? 1 : 0),
  };
}

export function removePlayer(state: RoomState, player: PlayerState): RoomState {
  return {
    ...state,
    players: tableDelete(state.players, player.id),
    names: withName(state.names, player.name, null),
    recent: state.recent.some((a) => a.playerId === player.id) ? state.recent.filter((a) => a.playerId !== player.id) : state.recent,
    playerCount: state.playerCount - 1,
    connectedCount: state.connectedCount - (player.connected ? 1 : 0),
    teamSizes: withTeamSize(state.teamSizes, player.team, -1),
    pending: state.pending - (isPending(state, player) ? 1 : 0),
  };
}

/** Marks a player (dis)connected, adjusting the counters. */
export function setConnected(state: RoomState, player: PlayerState, connected: boolean): RoomState {
  if (player.connected === connected) return state;
  const delta = connected ? 1 : -1;
  const pendingDelta = isPending(state, { ...player, connected: true }) ? delta : 0;
  return {
    ...putPlayer(state, { ...player, connected }),
    connectedCount: state.connectedCount + delta,
    pending: state.pending + pendingDelta,
  };
}

/** The player's id, when the token is a player token of this room (`<playerId>.<secret>`). */
export function playerIdOfToken(token: string): PlayerId | null {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : null;
}
