// The rows a step changed (records.ts says what a row holds). Two versions of the room share all but what the step
// touched (table.ts), so `changesBetween` visits only that: an answer finds its one slot, a join its one player.
import type { PlayerId } from '../protocol.ts';
import type { PlayerState, RoomState } from './state.ts';
import { tableDiff, tableForEach } from './table.ts';
import type { PlayerRecord, RoomRecord, SlotRecord, StageRecord } from './records.ts';

export interface RoomChanges {
  /** null: the room record did not change. */
  room: RoomRecord | null;
  players: PlayerRecord[];
  removed: PlayerId[];
  slots: SlotRecord[];
}

function stageOf(s: RoomState): StageRecord {
  switch (s.phase) {
    case 'lobby':
      return { phase: 'lobby' };
    case 'question':
      return { phase: 'question', startedAt: s.question.startedAt };
    case 'reveal': {
      const { distribution, averageScore } = s.reveal;
      return { phase: 'reveal', startedAt: s.question.startedAt, phaseDeadline: s.phaseDeadline, pausedLeftMs: s.pausedLeftMs, distribution, averageScore };
    }
    case 'leaderboard':
      return { phase: 'leaderboard', startedAt: s.question.startedAt, phaseDeadline: s.phaseDeadline, pausedLeftMs: s.pausedLeftMs };
    case 'finished':
      return { phase: 'finished', startedAt: s.question?.startedAt ?? null, finishedAt: s.finishedAt };
  }
}

export function roomRecord(s: RoomState): RoomRecord {
  return {
    version: 2, code: s.code, seed: s.seed, settings: s.settings, createdAt: s.createdAt, lastActivity: s.lastActivity,
    startedAt: s.startedAt, round: s.round, locked: s.locked, host: s.host, nextJoinIndex: s.nextJoinIndex, banned: s.banned,
    waitingRoom: s.waitingRoom, waiting: s.waiting, maxPlayers: s.maxPlayers, answered: s.answered, rounds: s.rounds, plan: s.plan,
    stage: stageOf(s),
  };
}

export const playerRecord = (p: PlayerState): PlayerRecord =>
  ({ id: p.id, token: p.token, name: p.name, team: p.team, joinIndex: p.joinIndex, connected: p.connected, joinedAt: p.joinedAt, since: p.since });

const sameRecord = (a: PlayerState, b: PlayerState): boolean =>
  a.token === b.token && a.name === b.name && a.team === b.team && a.joinIndex === b.joinIndex &&
  a.connected === b.connected && a.joinedAt === b.joinedAt && a.since === b.since;

/** What the room record holds that a step can change. Counters (answered, pending, counts) and the idle clock ride
 *  along when the record is written for another reason: restore recounts or tolerates them. The question and the
 *  reveal are compared by identity: a new one is a new object. */
function recordChanged(a: RoomState, b: RoomState): boolean {
  return a.phase !== b.phase || a.round !== b.round || a.question !== b.question || a.reveal !== b.reveal ||
    a.phaseDeadline !== b.phaseDeadline || a.pausedLeftMs !== b.pausedLeftMs || a.finishedAt !== b.finishedAt ||
    a.seed !== b.seed || a.settings !== b.settings || a.startedAt !== b.startedAt || a.locked !== b.locked ||
    a.host !== b.host || a.banned !== b.banned || a.waitingRoom !== b.waitingRoom || a.waiting !== b.waiting ||
    a.maxPlayers !== b.maxPlayers || a.rounds !== b.rounds || a.plan !== b.plan;
}

/** The slots to write: an answer when it arrives. A round's close only moves answers into the history (already
 *  stored) and settles misses, which a missing slot already means. */
function everySlot(p: PlayerState, out: SlotRecord[]): void {
  for (const slot of p.history) if (slot.answer !== null) out.push({ playerId: p.id, slot });
  if (p.current) out.push({ playerId: p.id, slot: p.current });
}

/** Answers `after` holds that `before` had not stored: this round's answer when it arrives, and an answer that
 *  went straight into the history (the one that closed its round, taken and settled in one step). An answer
 *  already stored as `before.current` moves into the history as the same object and is not written again. */
function newAnswers(before: PlayerState, after: PlayerState, id: PlayerId, out: SlotRecord[]): void {
  for (let i = before.history.length; i < after.history.length; i++) {
    const slot = after.history[i]!;
    if (slot.answer !== null && slot !== before.current) out.push({ playerId: id, slot });
  }
  if (after.current !== null && after.current !== before.current) out.push({ playerId: id, slot: after.current });
}

/** The rows to write after `prev` became `next` (prev null: a new or re-saved room, everything). */
export function changesBetween(prev: RoomState | null, next: RoomState): RoomChanges {
  const out: RoomChanges = { room: null, players: [], removed: [], slots: [] };
  if (prev === null || recordChanged(prev, next)) out.room = roomRecord(next);
  if (prev === null) {
    tableForEach(next.players, (p) => {
      out.players.push(playerRecord(p));
      everySlot(p, out.slots);
    });
    return out;
  }
  tableDiff(prev.players, next.players, (id, before, after) => {
    if (after === undefined) {
      out.removed.push(id);
      return;
    }
    if (before === undefined || !sameRecord(before, after)) out.players.push(playerRecord(after));
    if (before === undefined) everySlot(after, out.slots);
    else newAnswers(before, after, id, out.slots);
  });
  return out;
}

export const isEmptyChange = (c: RoomChanges): boolean =>
  c.room === null && c.players.length === 0 && c.removed.length === 0 && c.slots.length === 0;
