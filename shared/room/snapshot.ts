// A room as rows, for saving it while it is live: one room record (everything but the players), one record per
// player (without answers), one slot per player per round. `changesBetween` finds the rows a step changed, so an
// answer in a 5,000-player room writes one slot, not the roster; closing a round rewrites every player once.
import type { PlayerId } from '../protocol.ts';
import type { PlayerState, RoomState, Slot } from './state.ts';
import type { Table } from './table.ts';

/** The room without its players and without the counters a restore recomputes from them. */
export type RoomRecord = Omit<RoomState, 'players' | 'names' | 'recent'>;
/** A player without this round's answer and without history: those are slots. */
export type PlayerRecord = Omit<PlayerState, 'current' | 'history'>;
export interface SlotRecord {
  playerId: PlayerId;
  slot: Slot;
}

export interface RoomChanges {
  /** null: the room record did not change. */
  room: RoomRecord | null;
  players: PlayerRecord[];
  removed: PlayerId[];
  slots: SlotRecord[];
}

/** Fields whose change rewrites the room record; the rest are counters rebuilt from the players on restore. */
const ROOM_FIELDS = [
  'seed', 'settings', 'startedAt', 'finishedAt', 'phase', 'round', 'locked', 'host', 'nextJoinIndex', 'banned',
  'waitingRoom', 'waiting', 'maxPlayers', 'question', 'reveal', 'phaseDeadline', 'pausedLeftMs', 'rounds', 'plan',
] as const satisfies readonly (keyof RoomState)[];

export function roomRecord(state: RoomState): RoomRecord {
  const { players: _players, names: _names, recent: _recent, ...rest } = state;
  return rest;
}

export function playerRecord(p: PlayerState): PlayerRecord {
  return { id: p.id, token: p.token, name: p.name, team: p.team, joinIndex: p.joinIndex, connected: p.connected, joinedAt: p.joinedAt, score: p.score, streak: p.streak, rank: p.rank };
}

const sameRecord = (a: PlayerState, b: PlayerState): boolean =>
  a.token === b.token && a.name === b.name && a.team === b.team && a.joinIndex === b.joinIndex &&
  a.connected === b.connected && a.score === b.score && a.streak === b.streak && a.rank === b.rank;

/** Slots `next` holds that `prev` had not stored: new history entries and this round's answer, except the
 *  answer that was already stored when it arrived (closing the round moves that same object into history). */
function newSlots(prev: PlayerState | undefined, next: PlayerState): Slot[] {
  const all = next.current ? [...next.history.slice(prev?.history.length ?? 0), next.current] : next.history.slice(prev?.history.length ?? 0);
  return all.filter((slot) => slot !== prev?.current);
}

function bucketChanges(prev: readonly [string, PlayerState][], next: readonly [string, PlayerState][], out: RoomChanges): void {
  const before = new Map(prev);
  for (const [id, player] of next) {
    const old = before.get(id);
    before.delete(id);
    if (old === player) continue;
    if (!old || !sameRecord(old, player)) out.players.push(playerRecord(player));
    for (const slot of newSlots(old, player)) out.slots.push({ playerId: id, slot });
  }
  out.removed.push(...before.keys());
}

function playerChanges(prev: Table<PlayerState>, next: Table<PlayerState>, out: RoomChanges): void {
  if (prev === next) return;
  next.forEach((bucket, i) => {
    const old = prev[i] ?? [];
    if (old !== bucket) bucketChanges(old, bucket, out);
  });
}

/** The rows to write after `prev` became `next` (prev null: a new or re-saved room, everything). */
export function changesBetween(prev: RoomState | null, next: RoomState): RoomChanges {
  const out: RoomChanges = { room: null, players: [], removed: [], slots: [] };
  const roomChanged = prev === null || ROOM_FIELDS.some((field) => prev[field] !== next[field]);
  if (roomChanged) out.room = roomRecord(next);
  const empty: Table<PlayerState> = next.players.map(() => []);
  playerChanges(prev?.players ?? empty, next.players, out);
  return out;
}

export const isEmptyChange = (c: RoomChanges): boolean =>
  c.room === null && c.players.length === 0 && c.removed.length === 0 && c.slots.length === 0;
