// The room's state: plain data with absolute times, so it can be saved, restored and replayed.
import type { Answer, PuzzleView } from '../puzzles/kind.ts';
import type { KindId } from '../puzzles/index.ts';
import type { PlayerId, RoomSettings } from '../protocol.ts';
import type { RevealInfo } from './view-types.ts';
import { emptyTable, type Table } from './table.ts';
import type { RoundPlan } from './rounds.ts';

export const timing = {
  /** How long the reveal and the leaderboard stay up when the room advances by itself. */
  revealMs: 10_000,
  leaderboardMs: 6_000,
  /** A room nobody touched for this long is closed. */
  idleMs: 30 * 60_000,
} as const;

export const MAX_PLAYERS = 10_000;
/** At most this many people wait for the host's admission at once. */
export const MAX_WAITING = 500;
/** The ban list keeps the latest this many (a bulk removal of bots can add hundreds at once). */
export const MAX_BANS = 2_000;

export type Level = 'easy' | 'medium' | 'hard';

/** One player's answer in one round, graded when it arrives (the grade stays server-side until the reveal). */
export interface Slot {
  round: number;
  answer: Answer | null;
  at: number | null;
  timeMs: number | null;
  score: number;
  correct: boolean;
  points: number;
  streakBonus: number;
}

export interface PlayerState {
  id: PlayerId;
  token: string;
  name: string;
  team: number | null;
  joinIndex: number;
  connected: boolean;
  /** When the player joined (admitted, for a waiting room): "remove everyone who joined in the last N seconds". */
  joinedAt: number;
  /** The first round whose close counts this player (a miss if they give no answer): the round running when they
   *  joined, or the next one. Saved, so a restore rebuilds the same history from the answers on disk. */
  since: number;
  /** Settled when a round closes; derived from the saved answers on restore (restore.ts). */
  score: number;
  streak: number;
  rank: number | null;
  /** This round's answer; stale once `current.round` differs from the room's round. */
  current: Slot | null;
  history: Slot[];
}

/** Removed by the host (kick, refusal, bulk removal): the token cannot rejoin and the name cannot join again
 *  until the host lifts the ban. `keys` are the name's keys (names.ts). */
export interface Ban {
  playerId: PlayerId;
  token: string;
  name: string;
  keys: string[];
  at: number;
}

/** Someone who asked to join a room with a waiting room: not a player until the host admits them. */
export interface WaitingEntry {
  id: PlayerId;
  token: string;
  name: string;
  /** The team asked for (teamMode 'pick'), placed on admission. */
  team: number | undefined;
  at: number;
}

export interface QuestionState {
  round: number;
  kind: KindId;
  concept: string;
  title: string;
  difficulty: Level;
  seed: string;
  /** The kind's own puzzle object: never sent, only handed back to the kind's functions. */
  puzzle: unknown;
  view: PuzzleView;
  startedAt: number;
  deadline: number;
}

export interface PlayedRound {
  round: number;
  kind: KindId;
  concept: string;
  difficulty: Level;
  seed: string;
}

/** What every phase has. */
export interface RoomCommon {
  version: 2;
  code: string;
  seed: string;
  settings: RoomSettings;
  createdAt: number;
  lastActivity: number;
  startedAt: number | null;
  /** 0 in the lobby; then the round being played or last played. */
  round: number;
  locked: boolean;
  host: { token: string; connected: boolean };
  players: Table<PlayerState>;
  /** Each name key (names.ts: ignoring case, by confusable skeleton) → player id, for players and the waiting. */
  names: Table<PlayerId>;
  playerCount: number;
  connectedCount: number;
  nextJoinIndex: number;
  teamSizes: number[];
  banned: Ban[];
  /** On: joiners wait in `waiting` until the host admits them. */
  waitingRoom: boolean;
  waiting: WaitingEntry[];
  /** The host's cap on players (null: MAX_PLAYERS). */
  maxPlayers: number | null;
  /** Answers to the current (or last) round. */
  answered: number;
  /** Connected players who have not answered this round (0 outside a question). */
  pending: number;
  rounds: PlayedRound[];
  /** Every round of the game: fixed at creation for a room made from a quiz (shared/quiz), else planned when it
   *  starts (empty in the lobby). Never in a view: it holds every round's seed. */
  plan: RoundPlan[];
}

/** Fields a phase does not have, typed so that reading them on the union gives undefined instead of a guess. */
type Without<K extends PhaseField> = { [F in K]?: never };
type PhaseField = 'question' | 'reveal' | 'phaseDeadline' | 'pausedLeftMs' | 'finishedAt';

/** A countdown to the next phase when the room advances by itself: running (deadline), paused (time left), or
 *  none (the host moves on: both null). */
interface Countdown {
  /** When the phase ends by itself (before the host-away hold is applied), or null. */
  phaseDeadline: number | null;
  /** The host paused the countdown with this much of it left (phaseDeadline is null meanwhile). */
  pausedLeftMs: number | null;
}

/** Who joined last is the end of the host's roster (join order): the room keeps no list of recent arrivals. */
export interface LobbyRoom extends RoomCommon, Without<'question' | 'reveal' | 'phaseDeadline' | 'pausedLeftMs' | 'finishedAt'> {
  phase: 'lobby';
}
/** A question runs until its own deadline (question.deadline) or until every connected player has answered. */
export interface QuestionRoom extends RoomCommon, Without<'reveal' | 'phaseDeadline' | 'pausedLeftMs' | 'finishedAt'> {
  phase: 'question';
  question: QuestionState;
}
export interface RevealRoom extends RoomCommon, Countdown, Without<'finishedAt'> {
  phase: 'reveal';
  question: QuestionState;
  reveal: RevealInfo;
}
/** The last round's question is still held: a player's own result keeps its explanation (views.ts). */
export interface LeaderboardRoom extends RoomCommon, Countdown, Without<'reveal' | 'finishedAt'> {
  phase: 'leaderboard';
  question: QuestionState;
}
export interface FinishedRoom extends RoomCommon, Without<'reveal' | 'phaseDeadline' | 'pausedLeftMs'> {
  phase: 'finished';
  /** The last round's question; null for a game ended in the lobby. */
  question: QuestionState | null;
  finishedAt: number;
}

/** The room: discriminated by phase, so question and reveal data exist only where they mean something. */
export type RoomState = LobbyRoom | QuestionRoom | RevealRoom | LeaderboardRoom | FinishedRoom;

/** The room without its phase's own fields: the base a transition builds the next phase on. */
export function commonOf(state: RoomState): RoomCommon {
  const { phase: _phase, question: _question, reveal: _reveal, phaseDeadline: _deadline, pausedLeftMs: _left, finishedAt: _finished, ...common } = state;
  return common;
}

export interface NewRoom {
  code: string;
  seed: string;
  hostToken: string;
  settings: RoomSettings;
  now: number;
  /** A quiz's exact rounds (shared/quiz planOfQuiz); settings.rounds must equal its length. */
  plan?: RoundPlan[];
}

/** Typed as the union: a room is built to move on from the lobby (a `let` of it takes every phase). */
export function createRoom({ code, seed, hostToken, settings, now, plan = [] }: NewRoom): RoomState {
  const teams = settings.teamMode === 'off' ? 0 : settings.teamCount;
  return {
    version: 2,
    code,
    seed,
    settings,
    createdAt: now,
    lastActivity: now,
    startedAt: null,
    phase: 'lobby',
    round: 0,
    locked: false,
    host: { token: hostToken, connected: true },
    players: emptyTable(),
    names: emptyTable(),
    playerCount: 0,
    connectedCount: 0,
    nextJoinIndex: 0,
    teamSizes: Array.from({ length: teams }, () => 0),
    banned: [],
    waitingRoom: false,
    waiting: [],
    maxPlayers: null,
    answered: 0,
    pending: 0,
    rounds: [],
    plan,
  };
}
