// A live room as rows (docs/operations.md, "Durability"): one room record (everything but the players, with the
// phase's own data as a small `stage`), one record per player (without answers or totals), one slot per answer.
// What can be computed again is not stored: the question is generated again from the plan, the reveal's solution
// from the question, every total and rank from the answers (restore.ts). So an answer writes one slot, a join one
// player row, and closing a round of 10,000 writes the room record alone.
//
// Stored JSON is not trusted: every record is parsed against these schemas on restore, and a record of another
// version (or one that fails) is refused, never guessed at.
import { z } from 'zod';
import { AnswerSchema, KindIdSchema, PlayerId, RoomSettings } from '../protocol.ts';
import type { Distribution } from './view-types.ts';
import type { Ban, PlayedRound, RoomState, Slot, WaitingEntry } from './state.ts';
import type { RoundPlan } from './rounds.ts';

export const RECORD_VERSION = 2;

/** The phase's own saved data. */
export type StageRecord =
  | { phase: 'lobby' }
  | { phase: 'question'; startedAt: number }
  | { phase: 'reveal'; startedAt: number; phaseDeadline: number | null; pausedLeftMs: number | null; distribution: Distribution; averageScore: number }
  | { phase: 'leaderboard'; startedAt: number; phaseDeadline: number | null; pausedLeftMs: number | null }
  | { phase: 'finished'; startedAt: number | null; finishedAt: number };

export interface RoomRecord {
  version: 2;
  code: string;
  seed: string;
  settings: RoomState['settings'];
  createdAt: number;
  lastActivity: number;
  startedAt: number | null;
  round: number;
  locked: boolean;
  host: { token: string; connected: boolean };
  nextJoinIndex: number;
  banned: Ban[];
  waitingRoom: boolean;
  waiting: WaitingEntry[];
  maxPlayers: number | null;
  /** The round's answers when the record was written (recounted from the slots during a question). */
  answered: number;
  rounds: PlayedRound[];
  plan: RoundPlan[];
  stage: StageRecord;
}

/** A player as saved: who they are, not how they are doing (that is their slots). */
export interface PlayerRecord {
  id: string;
  token: string;
  name: string;
  team: number | null;
  joinIndex: number;
  connected: boolean;
  joinedAt: number;
  since: number;
}

export interface SlotRecord {
  playerId: string;
  slot: Slot;
}

/** The rows as read back, not yet trusted. */
export interface SavedRoom {
  /** The code the rows are stored under (a room that fails to parse is still reported by it). */
  code: string;
  room: unknown;
  players: readonly unknown[];
  slots: readonly unknown[];
}

const int = z.number().int();
const count = int.min(0);
const time = z.number().finite();
const round = int.min(1);
const Level = z.enum(['easy', 'medium', 'hard']);

export const SlotSchema = z.object({
  round,
  answer: AnswerSchema.nullable(),
  at: time.nullable(),
  timeMs: time.nullable(),
  score: z.number().min(0).max(1),
  correct: z.boolean(),
  points: int,
  streakBonus: int,
});
export const SlotRecordSchema = z.object({ playerId: PlayerId, slot: SlotSchema });

export const PlayerRecordSchema = z.object({
  id: PlayerId, token: z.string(), name: z.string(), team: count.nullable(), joinIndex: count, connected: z.boolean(),
  joinedAt: time, since: round,
});

const BanSchema = z.object({ playerId: z.string(), token: z.string(), name: z.string(), keys: z.array(z.string()), at: time });
const WaitingSchema = z.object({ id: PlayerId, token: z.string(), name: z.string(), team: count.optional(), at: time });
const PlayedRoundSchema = z.object({ round, kind: KindIdSchema, concept: z.string(), difficulty: Level, seed: z.string() });
const PlanSchema = z.object({ round, kind: KindIdSchema, difficulty: Level, seed: z.string(), template: z.string() });
export const DistributionSchema = z.object({
  correct: count, partial: count, wrong: count, none: count,
  options: z.array(z.object({ id: z.string(), count })).optional(),
});
const Countdown = { phaseDeadline: time.nullable(), pausedLeftMs: count.nullable() };

const StageSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('lobby') }),
  z.object({ phase: z.literal('question'), startedAt: time }),
  z.object({ phase: z.literal('reveal'), startedAt: time, ...Countdown, distribution: DistributionSchema, averageScore: z.number().min(0).max(1) }),
  z.object({ phase: z.literal('leaderboard'), startedAt: time, ...Countdown }),
  z.object({ phase: z.literal('finished'), startedAt: time.nullable(), finishedAt: time }),
]);

export const RoomRecordSchema = z.object({
  version: z.literal(RECORD_VERSION),
  code: z.string(), seed: z.string(), settings: RoomSettings, createdAt: time, lastActivity: time, startedAt: time.nullable(),
  round: count, locked: z.boolean(), host: z.object({ token: z.string(), connected: z.boolean() }), nextJoinIndex: count,
  banned: z.array(BanSchema), waitingRoom: z.boolean(), waiting: z.array(WaitingSchema), maxPlayers: int.min(1).nullable(),
  answered: count, rounds: z.array(PlayedRoundSchema), plan: z.array(PlanSchema), stage: StageSchema,
});

/** Version 1 (before issue 14): the whole phase inline, the question with its puzzle, totals on every player, a
 *  slot for every miss. Older rows of it lack fields added since; those get the values restore gave them then. */
const V1Question = z.object({ round, startedAt: time, deadline: time });
export const RoomRecordV1Schema = z.object({
  version: z.literal(1),
  code: z.string(), seed: z.string(), settings: RoomSettings, createdAt: time, lastActivity: time, startedAt: time.nullable(),
  finishedAt: time.nullable().optional(), phase: z.enum(['lobby', 'question', 'reveal', 'leaderboard', 'finished']), round: count,
  locked: z.boolean(), host: z.object({ token: z.string(), connected: z.boolean() }), nextJoinIndex: count,
  banned: z.array(BanSchema).optional(), kicked: z.array(z.string()).optional(), waitingRoom: z.boolean().optional(),
  waiting: z.array(WaitingSchema).optional(), maxPlayers: int.min(1).nullable().optional(), question: V1Question.nullable(),
  answered: count, reveal: z.object({ distribution: DistributionSchema, averageScore: z.number().min(0).max(1) }).nullable(),
  phaseDeadline: time.nullable(), pausedLeftMs: count.nullable().optional(), rounds: z.array(PlayedRoundSchema), plan: z.array(PlanSchema).optional(),
});
export const PlayerRecordV1Schema = z.object({
  id: PlayerId, token: z.string(), name: z.string(), team: count.nullable(), joinIndex: count, connected: z.boolean(),
  joinedAt: time.optional(),
});
