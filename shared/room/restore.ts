// Rebuilding a live room from its saved rows (records.ts). Every row is parsed first: a record of an unknown
// version, or one that does not have the shape its version says, is refused with the reason (RestoreError), never
// guessed at. Then what was not stored is computed again, the same way the live room computed it: the question
// from the plan, the reveal's solution from the question, each player's history, score, streak and rank from
// their answers (a closed round without one is a miss), and the counters from the players.
import type { z } from 'zod';
import type { Ban, PlayerState, RoomCommon, RoomState, Slot, WaitingEntry } from './state.ts';
import { timing } from './state.ts';
import type { Distribution } from './view-types.ts';
import {
  DistributionSchema, PlayerRecordSchema, PlayerRecordV1Schema, RoomRecordSchema, RoomRecordV1Schema, SlotRecordSchema,
  type PlayerRecord, type RoomRecord, type SavedRoom, type SlotRecord, type StageRecord,
} from './records.ts';
import { tableFrom } from './table.ts';
import { nameKeys } from './names.ts';
import { missed, revealOf, settled } from './close-round.ts';
import { compareStanding } from './ranking.ts';
import { questionFor } from './rounds.ts';

export type { SavedRoom } from './records.ts';

/** A saved room that cannot be restored as it is; `message` says which row and what is wrong with it. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

function parsed<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RestoreError(`${what}: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid'}`);
}

const distribution = (d: z.output<typeof DistributionSchema>): Distribution => {
  const { options, ...counts } = d;
  return options === undefined ? counts : { ...counts, options };
};

const waitingEntry = (w: { id: string; token: string; name: string; team?: number | undefined; at: number }): WaitingEntry =>
  ({ id: w.id, token: w.token, name: w.name, team: w.team, at: w.at });

/** Version 1 rows as version 2: the phase's data into a stage, legacy fields defaulted as restore did then, and
 *  each player's first counted round read from their slots (version 1 wrote one for every miss too). */
function fromV1(raw: unknown, rawPlayers: readonly unknown[], slots: readonly SlotRecord[]): { room: RoomRecord; players: PlayerRecord[] } {
  const v1 = parsed(RoomRecordV1Schema, raw, 'room record (version 1)');
  const code = v1.code;
  const startedAt = v1.question?.startedAt ?? null;
  const countdown = { phaseDeadline: v1.phaseDeadline, pausedLeftMs: v1.pausedLeftMs ?? null };
  const question = (): number => {
    if (startedAt === null) throw new RestoreError(`room ${code} (version 1): phase ${v1.phase} without a question`);
    return startedAt;
  };
  let stage: StageRecord;
  if (v1.phase === 'lobby') stage = { phase: 'lobby' };
  else if (v1.phase === 'question') stage = { phase: 'question', startedAt: question() };
  else if (v1.phase === 'reveal') {
    if (!v1.reveal) throw new RestoreError(`room ${code} (version 1): a reveal without its data`);
    stage = { phase: 'reveal', startedAt: question(), ...countdown, distribution: distribution(v1.reveal.distribution), averageScore: v1.reveal.averageScore };
  } else if (v1.phase === 'leaderboard') stage = { phase: 'leaderboard', startedAt: question(), ...countdown };
  else stage = { phase: 'finished', startedAt, finishedAt: v1.finishedAt ?? v1.lastActivity };
  // Rooms saved before the ban list kept only kicked ids: those players stay banned by id.
  const banned: Ban[] = v1.banned ?? (v1.kicked ?? []).map((id) => ({ playerId: id, token: '', name: '', keys: [], at: v1.createdAt }));
  const room: RoomRecord = {
    version: 2, code, seed: v1.seed, settings: v1.settings, createdAt: v1.createdAt, lastActivity: v1.lastActivity,
    startedAt: v1.startedAt, round: v1.round, locked: v1.locked, host: v1.host, nextJoinIndex: v1.nextJoinIndex, banned,
    waitingRoom: v1.waitingRoom ?? false, waiting: (v1.waiting ?? []).map(waitingEntry), maxPlayers: v1.maxPlayers ?? null,
    answered: v1.answered, rounds: v1.rounds, plan: v1.plan ?? [], stage,
  };
  const firstSlot = new Map<string, number>();
  for (const { playerId, slot } of slots) firstSlot.set(playerId, Math.min(firstSlot.get(playerId) ?? Infinity, slot.round));
  const next = v1.phase === 'lobby' ? 1 : v1.phase === 'question' ? v1.round : v1.round + 1;
  const players = rawPlayers.map((r, i) => {
    const p = parsed(PlayerRecordV1Schema, r, `player ${i} of room ${code} (version 1)`);
    // Rows saved before players had joinedAt count as joined when the room was made.
    return { id: p.id, token: p.token, name: p.name, team: p.team, joinIndex: p.joinIndex, connected: p.connected, joinedAt: p.joinedAt ?? v1.createdAt, since: firstSlot.get(p.id) ?? next };
  });
  return { room, players };
}

function slotsByPlayer(slots: readonly SlotRecord[]): Map<string, Map<number, Slot>> {
  const by = new Map<string, Map<number, Slot>>();
  for (const { playerId, slot } of slots) {
    let mine = by.get(playerId);
    if (!mine) by.set(playerId, (mine = new Map()));
    mine.set(slot.round, slot);
  }
  return by;
}

/** A player as the live room had them: their closed rounds folded as closeRound folds them. */
function playerFrom(room: RoomRecord, closed: readonly number[], record: PlayerRecord, slots: ReadonlyMap<number, Slot> | undefined): PlayerState {
  let p: PlayerState = { ...record, score: 0, streak: 0, rank: null, current: null, history: [] };
  for (const round of closed) if (round >= record.since) p = settled(p, slots?.get(round) ?? missed(round));
  if (room.stage.phase === 'question') p.current = slots?.get(room.round) ?? null;
  return p;
}

/** Ranks as the last close gave them, over the players it counted (who are still here). */
function rankAll(players: readonly PlayerState[], lastClosed: number | undefined): void {
  if (lastClosed === undefined) return;
  const counted = players.filter((p) => p.since <= lastClosed).sort(compareStanding);
  let rank = 0;
  counted.forEach((p, i) => {
    if (i === 0 || p.score !== counted[i - 1]!.score) rank = i + 1;
    p.rank = rank;
  });
}

function phaseOf(common: RoomCommon, room: RoomRecord, players: readonly PlayerState[]): RoomState {
  const { stage } = room;
  switch (stage.phase) {
    case 'lobby':
      return { ...common, phase: 'lobby' };
    case 'question':
      return { ...common, phase: 'question', question: questionFor(room, room.round, stage.startedAt) };
    case 'reveal': {
      const question = questionFor(room, room.round, stage.startedAt);
      const { phaseDeadline, pausedLeftMs } = stage;
      return { ...common, phase: 'reveal', question, reveal: revealOf(question, stage.distribution, stage.averageScore), phaseDeadline, pausedLeftMs };
    }
    case 'leaderboard':
      return { ...common, phase: 'leaderboard', question: questionFor(room, room.round, stage.startedAt), phaseDeadline: stage.phaseDeadline, pausedLeftMs: stage.pausedLeftMs };
    case 'finished': {
      const question = stage.startedAt === null || room.round === 0 ? null : questionFor(room, room.round, stage.startedAt);
      return { ...common, phase: 'finished', question, finishedAt: stage.finishedAt };
    }
  }
}

function checkRounds(room: RoomRecord): void {
  const { round, settings, stage } = room;
  if (round > settings.rounds || (stage.phase !== 'lobby' && stage.phase !== 'finished' && round < 1)) {
    throw new RestoreError(`room ${room.code}: round ${round} in phase ${stage.phase} of a ${settings.rounds}-round game`);
  }
}

/** The room as it was saved. Throws RestoreError for rows it will not trust. An unfinished room gets a fresh idle
 *  allowance (a restart is not the room going quiet); a finished one keeps its own. */
export function restoreRoom(saved: SavedRoom, now: number): RoomState {
  const version = (saved.room as { version?: unknown } | null)?.version;
  const code = String((saved.room as { code?: unknown } | null)?.code ?? '?');
  const slots = saved.slots.map((s, i) => parsed(SlotRecordSchema, s, `slot ${i} of room ${code}`) as SlotRecord);
  let room: RoomRecord;
  let records: PlayerRecord[];
  if (version === 2) {
    room = parsed(RoomRecordSchema, saved.room, `room record ${code}`) as RoomRecord;
    records = saved.players.map((r, i) => parsed(PlayerRecordSchema, r, `player ${i} of room ${code}`));
  } else if (version === 1) {
    ({ room, players: records } = fromV1(saved.room, saved.players, slots));
  } else {
    throw new RestoreError(`room ${code}: record version ${JSON.stringify(version) ?? 'missing'} (this server reads 1 and 2)`);
  }
  checkRounds(room);
  const byPlayer = slotsByPlayer(slots);
  const closed = room.rounds.map((r) => r.round).sort((a, b) => a - b);
  const players = records.map((r) => playerFrom(room, closed, r, byPlayer.get(r.id))).sort((a, b) => a.joinIndex - b.joinIndex);
  rankAll(players, closed.at(-1));
  const inQuestion = room.stage.phase === 'question';
  const connected = players.filter((p) => p.connected);
  const nextJoinIndex = players.reduce((n, p) => Math.max(n, p.joinIndex + 1), room.nextJoinIndex);
  const names = [...players.map((p) => [p.name, p.id] as const), ...room.waiting.map((w) => [w.name, w.id] as const)];
  const teamSizes = Array.from({ length: room.settings.teamMode === 'off' ? 0 : room.settings.teamCount }, () => 0);
  for (const p of players) if (p.team !== null && p.team < teamSizes.length) teamSizes[p.team]!++;
  const { stage: _stage, ...fields } = room;
  const common: RoomCommon = {
    ...fields,
    lastActivity: room.stage.phase === 'finished' ? room.lastActivity : Math.max(room.lastActivity, now),
    players: tableFrom(players.map((p) => [p.id, p] as const)),
    names: tableFrom(names.flatMap(([name, id]) => nameKeys(name).map((key) => [key, id] as const))),
    playerCount: players.length,
    connectedCount: connected.length,
    nextJoinIndex,
    teamSizes,
    answered: inQuestion ? players.filter((p) => p.current !== null).length : room.answered,
    pending: inQuestion ? connected.filter((p) => p.current === null).length : 0,
  };
  return phaseOf(common, room, players);
}

/** True when a finished room has been idle long enough that restoring it would only expire it. Reads only the
 *  two fields it needs, so a room that will be dropped anyway is never refused for the rest of its record. */
export function isStale(room: unknown, now: number): boolean {
  const r = room as { phase?: unknown; stage?: { phase?: unknown }; lastActivity?: unknown } | null;
  const phase = r?.stage?.phase ?? r?.phase;
  return phase === 'finished' && typeof r?.lastActivity === 'number' && now >= r.lastActivity + timing.idleMs;
}
