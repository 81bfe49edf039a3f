// Reading and writing players while keeping the room's counters (counts, team sizes, pending) in step.
import type { PlayerId } from '../protocol.ts';
import { RECENT, arrivalOf, type Arrival, type PlayerState, type RoomState, type Slot } from './state.ts';
import { tableDelete, tableGet, tableSet, tableValues, type Table } from './table.ts';
import { nameKeys } from './names.ts';
import { withTeamSize } from './teams.ts';

export const getPlayer = (state: RoomState, id: PlayerId): PlayerState | undefined => tableGet(state.players, id);

export const allPlayers = (state: RoomState): PlayerState[] => tableValues(state.players);

export const putPlayer = <S extends RoomState>(state: S, player: PlayerState): S => ({
  ...state,
  players: tableSet(state.players, player.id, player),
});

/** This round's answer, if the player gave one. */
export const answerIn = (player: PlayerState, round: number): Slot | null =>
  player.current !== null && player.current.round === round ? player.current : null;

/** The first round whose close counts a player joining now: the round running, or the next one. */
export const sinceFor = (state: RoomState): number =>
  state.phase === 'lobby' ? 1 : state.phase === 'question' ? state.round : state.round + 1;

/** True when the player counts toward `pending`: connected, in a running question, no answer yet. */
export const isPending = (state: RoomState, player: PlayerState): boolean =>
  state.phase === 'question' && player.connected && answerIn(player, state.round) === null;

/** The recent arrivals after `player` joins: it goes first; whoever is no longer among the last RECENT drops.
 *  Only the lobby shows them: a late joiner is not listed. */
function arrived(recent: readonly Arrival[], player: PlayerState): Arrival[] {
  const oldest = player.joinIndex + 1 - RECENT;
  return [arrivalOf(player), ...recent.filter((a) => a.joinIndex >= oldest)];
}

/** The lobby's recent arrivals, changed by `fn`; other phases list none. */
const withRecent = <S extends RoomState>(state: S, fn: (recent: Arrival[]) => Arrival[]): S =>
  state.phase === 'lobby' ? { ...state, recent: fn(state.recent) } : state;

/** The recent arrivals after a player (maybe one of them) moved to another team. */
export const recentWithTeam = <S extends RoomState>(state: S, playerId: PlayerId, team: number): S =>
  withRecent(state, (recent) => (recent.some((a) => a.playerId === playerId) ? recent.map((a) => (a.playerId === playerId ? { ...a, team } : a)) : recent));

/** The recent arrivals after a player was renamed. */
export const recentWithName = <S extends RoomState>(state: S, playerId: PlayerId, name: string): S =>
  withRecent(state, (recent) => recent.map((a) => (a.playerId === playerId ? { ...a, name } : a)));

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

export function addPlayer<S extends RoomState>(state: S, player: PlayerState): S {
  const next = withRecent(putPlayer(state, player), (recent) => arrived(recent, player));
  return {
    ...next,
    names: withName(state.names, player.name, player.id),
    playerCount: state.playerCount + 1,
    connectedCount: state.connectedCount + 1,
    nextJoinIndex: state.nextJoinIndex + 1,
    teamSizes: withTeamSize(state.teamSizes, player.team, 1),
    pending: state.pending + (state.phase === 'question' ? 1 : 0),
  };
}

export function removePlayer<S extends RoomState>(state: S, player: PlayerState): S {
  const next = withRecent(state, (recent) => (recent.some((a) => a.playerId === player.id) ? recent.filter((a) => a.playerId !== player.id) : recent));
  return {
    ...next,
    players: tableDelete(state.players, player.id),
    names: withName(state.names, player.name, null),
    playerCount: state.playerCount - 1,
    connectedCount: state.connectedCount - (player.connected ? 1 : 0),
    teamSizes: withTeamSize(state.teamSizes, player.team, -1),
    pending: state.pending - (isPending(state, player) ? 1 : 0),
  };
}

/** Marks a player (dis)connected, adjusting the counters. */
export function setConnected<S extends RoomState>(state: S, player: PlayerState, connected: boolean): S {
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
