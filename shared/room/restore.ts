// Rebuilding a live room from its saved rows (see snapshot.ts). Counters are recomputed from the players rather
// than trusted, since the room record is not rewritten for every join or answer.
import type { Ban, PlayerState, RoomState, Slot } from './state.ts';
import type { PlayerRecord, RoomRecord, SlotRecord } from './snapshot.ts';
import { tableFrom } from './table.ts';
import { nameKeys } from './names.ts';
import { RECENT, arrivalOf, timing } from './state.ts';

export interface SavedRoom {
  room: RoomRecord;
  players: PlayerRecord[];
  slots: SlotRecord[];
}

function slotsByPlayer(slots: readonly SlotRecord[]): Map<string, Slot[]> {
  const by = new Map<string, Slot[]>();
  for (const { playerId, slot } of slots) {
    const list = by.get(playerId) ?? [];
    list.push(slot);
    by.set(playerId, list);
  }
  for (const list of by.values()) list.sort((a, b) => a.round - b.round);
  return by;
}

function playerFrom(room: RoomRecord, record: PlayerRecord, slots: readonly Slot[]): PlayerState {
  const closed = new Set(room.rounds.map((r) => r.round));
  const current = room.phase === 'question' ? (slots.find((s) => s.round === room.round) ?? null) : null;
  // Rows saved before players had joinedAt count as joined when the room was made.
  return { ...record, joinedAt: record.joinedAt ?? room.createdAt, current, history: slots.filter((s) => closed.has(s.round)) };
}

/** Rooms saved before the ban list kept only kicked ids: those players stay banned by id. */
function bansOf(room: RoomRecord): Ban[] {
  if (Array.isArray(room.banned)) return room.banned;
  const legacy = (room as { kicked?: unknown }).kicked;
  return Array.isArray(legacy) ? legacy.map((id) => ({ playerId: String(id), token: '', name: '', keys: [], at: room.createdAt })) : [];
}

function teamSizesOf(room: RoomRecord, players: readonly PlayerState[]): number[] {
  const sizes = room.teamSizes.map(() => 0);
  for (const p of players) if (p.team !== null && p.team < sizes.length) sizes[p.team]!++;
  return sizes;
}

/** An unfinished room gets a fresh idle allowance (a restart is not the room going quiet); a finished one keeps its own. */
export function restoreRoom(saved: SavedRoom, now: number): RoomState {
  const { room } = saved;
  const slots = slotsByPlayer(saved.slots);
  const players = saved.players
    .map((r) => playerFrom(room, r, slots.get(r.id) ?? []))
    .sort((a, b) => a.joinIndex - b.joinIndex);
  const inQuestion = room.phase === 'question';
  const connected = players.filter((p) => p.connected);
  const nextJoinIndex = players.reduce((n, p) => Math.max(n, p.joinIndex + 1), room.nextJoinIndex);
  const { kicked: _kicked, ...record } = room as RoomRecord & { kicked?: unknown };
  const waiting = record.waiting ?? [];
  const names = [...players.map((p) => [p.name, p.id] as const), ...waiting.map((w) => [w.name, w.id] as const)];
  return {
    ...record,
    banned: bansOf(room),
    waitingRoom: record.waitingRoom ?? false,
    waiting,
    maxPlayers: record.maxPlayers ?? null,
    // Saved before the pause existed: not paused.
    pausedLeftMs: record.pausedLeftMs ?? null,
    // Rooms saved before plans were stored have none: questionFor computes the same plan again from the seed.
    plan: room.plan ?? [],
    lastActivity: room.phase === 'finished' ? room.lastActivity : Math.max(room.lastActivity, now),
    players: tableFrom(players.map((p) => [p.id, p] as const)),
    names: tableFrom(names.flatMap(([name, id]) => nameKeys(name).map((key) => [key, id] as const))),
    recent: room.phase === 'lobby' ? players.filter((p) => p.joinIndex >= nextJoinIndex - RECENT).map(arrivalOf).reverse() : [],
    playerCount: players.length,
    connectedCount: connected.length,
    nextJoinIndex,
    teamSizes: teamSizesOf(room, players),
    answered: inQuestion ? players.filter((p) => p.current !== null).length : room.answered,
    pending: inQuestion ? connected.filter((p) => p.current === null).length : 0,
  };
}

/** True when a finished room has been idle long enough that restoring it would only expire it. */
export const isStale = (room: RoomRecord, now: number): boolean =>
  room.phase === 'finished' && now >= room.lastActivity + timing.idleMs;
