// The facilitator's HTTP API, typed once for the server and the client (docs/protocol.md, "Facilitator API").
// Every endpoint takes `Authorization: Bearer <facilitator key or the object's own token>`.
import { z } from 'zod';
import { QuizSchema, type Quiz } from './quiz/index.ts';
import type { GameMode } from './report/index.ts';
import { ScoringMode } from './protocol.ts';

/** At most this many of a browser's own tokens in one list request. */
export const TOKENS_MAX = 200;
export const ApiToken = z.string().min(1).max(200);
export const TokenList = z.strictObject({ tokens: z.array(ApiToken).max(TOKENS_MAX) });
export type TokenList = z.infer<typeof TokenList>;

export const QuizBody = z.strictObject({ quiz: QuizSchema });
export type QuizBody = z.input<typeof QuizBody>;

export interface QuizSummary {
  id: string;
  name: string;
  rounds: number;
  kinds: string[];
  createdAt: number;
  updatedAt: number;
  /** From /mine: which of the tokens sent opens it. */
  tokenIndex?: number;
}

export interface SavedQuiz extends QuizSummary {
  quiz: Quiz;
}

/** What creating a quiz returns: keep the token, it opens this quiz from this browser. */
export interface CreatedQuiz extends SavedQuiz {
  token: string;
}

export type LiveGameState = 'lobby' | 'playing' | 'finished' | 'ended';
export type AssignmentState = 'scheduled' | 'open' | 'closed';
export type GameState = LiveGameState | AssignmentState;

export interface GameSummary {
  id: string;
  mode: GameMode;
  code: string;
  quizName: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  state: GameState;
  players: number;
  /** Assignments only. */
  opensAt: number | null;
  closesAt: number | null;
  /** A report can be opened (finished, or an assignment with answers so far). */
  hasReport: boolean;
  /** From /mine: which of the tokens sent opens it. */
  tokenIndex?: number;
}

/** An assignment: a saved quiz played at each student's own pace between two times. Times are epoch ms. */
export const AssignmentBody = z
  .strictObject({
    quiz: QuizSchema,
    /** The saved quiz it comes from, for the Games page (optional: a quiz can be assigned straight from preview). */
    quizId: z.string().min(1).max(64).nullable(),
    opensAt: z.number().int().nonnegative(),
    closesAt: z.number().int().nonnegative(),
    scoring: ScoringMode,
  })
  .refine((b) => b.closesAt > b.opensAt, { message: 'the closing time must come after the opening time', path: ['closesAt'] });
export type AssignmentBody = z.input<typeof AssignmentBody>;

export interface CreatedAssignment {
  id: string;
  code: string;
  token: string;
  /** Absolute when the server knows its public address, else a path. */
  joinUrl: string;
}

export type ApiError = 'unauthorized' | 'not_found' | 'invalid_payload' | 'rate_limited' | 'not_finished' | 'too_many' | 'storage_unavailable' | 'internal_error';
