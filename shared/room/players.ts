// Reading and writing players while keeping the room's counters (counts, team sizes, pending) in step.
import type { PlayerId } from '../protocol.ts';
import type { PlayerState, RoomState, Slot } from './state.ts';
import { tableDelete, tableGet, tableSet, tableValues, type Table } from './table.ts';
import { nameKeys } from './names.ts';
import { withTeamSize } from './teams.ts';

export const getPlayer = (state: RoomState, id: PlayerId): PlayerState | undefined => tableGet(state.players, id);

export const allPlayers = (state: RoomState): PlayerState[] => tableValues(state.players);

export const putPlayer = <S extends RoomState>(state: S, player: PlayerState): S => ({
  ...state,
  players: tableSet(state.players, player.id, player),
});

/**
 * The player with this round's fields replaced, every field written out. It runs for every answer and for every
 * player at a round's close: an object spread (`{ ...player, current }`) copies through V8's generic path once
 * players come from several places (a join, a close, a restore): at 10,000 players a close took 38–51 ms with
 * spreads and 15–19 ms written out (issue 14), and the close runs between the last answer and the reveal. The
 * return type makes a field added to PlayerState and missed here a compile error.
 */
export const withRound = (
  p: PlayerState, current: Slot | null, score = p.score, streak = p.streak, history = p.history,
): PlayerState => ({
  id: p.id,
  token: p.token,
  name: p.name,
  team: p.team,
  joinIndex: p.joinIndex,
  connected: p.connected,
  joinedAt: p.joinedAt,
  since: p.since,
  score,
  streak,
  rank: p.rank,
  current,
  history,
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

/** The names table with a name's keys pointing at `id` (or removed, with id null). `keys` when the caller has them. */
export function withName(names: Table<PlayerId>, name: string, id: PlayerId | null, keys: readonly string[] = nameKeys(name)): Table<PlayerId> {
  return keys.reduce((t, key) => (id === null ? tableDelete(t, key) : tableSet(t, key, id)), names);
}

/** True when any of these keys names someone in the room (a player or someone waiting) other than `except`. */
export const nameTaken = (state: RoomState, keys: readonly string[], except: PlayerId | null = null): boolean =>
  keys.some((key) => {
    const owner = tableGet(state.names, key);
    return owner !== undefined && owner !== except;
  });

/** `keys`: the name's keys (names.ts), when the caller has already computed them. `now`: a join is activity, so
 *  the idle clock moves in the same copy (flow.ts `touch`): one copy of the room per join, not three (each is
 *  ~40 fields; issue 14, what a 10,000-player join allocates). */
export function addPlayer<S extends RoomState>(state: S, player: PlayerState, keys: readonly string[] = nameKeys(player.name), now = state.lastActivity): S {
  return {
    ...state,
    players: tableSet(state.players, player.id, player),
    lastActivity: now,
    names: withName(state.names, player.name, player.id, keys),
    playerCount: state.playerCount + 1,
    connectedCount: state.connectedCount + 1,
    nextJoinIndex: state.nextJoinIndex + 1,
    teamSizes: withTeamSize(state.teamSizes, player.team, 1),
    pending: state.pending + (state.phase === 'question' ? 1 : 0),
  };
}

export function removePlayer<S extends RoomState>(state: S, player: PlayerState): S {
  return {
    ...state,
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
