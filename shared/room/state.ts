// The room's state: plain JSON with absolute times, so it can be saved, restored and replayed.
import type { Answer, PuzzleView } from '../puzzles/kind.ts';
import type { KindId } from '../puzzles/index.ts';
import type { Phase, PlayerId, RoomSettings } from '../protocol.ts';
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
/** How many of the latest arrivals the lobby shows. */
export const RECENT = 20;

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
  score: number;
  streak: number;
  rank: number | null;
  /** This round's answer; stale once `current.round` differs from the room's round. */
  current: Slot | null;
  history: Slot[];
}

/** A recent arrival as the lobby lists it (kept up to date when the player picks a team). */
export interface Arrival {
  playerId: PlayerId;
  name: string;
  team: number | null;
  joinIndex: number;
}

export const arrivalOf = (p: PlayerState): Arrival => ({ playerId: p.id, name: p.name, team: p.team, joinIndex: p.joinIndex });

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

export interface RoomState {
  version: 1;
  code: string;
  seed: string;
  settings: RoomSettings;
  createdAt: number;
  lastActivity: number;
  startedAt: number | null;
  finishedAt: number | null;
  phase: Phase;
  round: number;
  locked: boolean;
  host: { token: string; connected: boolean };
  players: Table<PlayerState>;
  /** Each name key (names.ts: ignoring case, by confusable skeleton) → player id, for players and the waiting. */
  names: Table<PlayerId>;
  /** In the lobby, the players among the last RECENT to join who are still here, newest first (empty once the
   *  game starts): shown without sorting the roster on every join. Derived from the players, so it is not saved
   *  (restore rebuilds it). */
  recent: Arrival[];
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
  question: QuestionState | null;
  answered: number;
  /** Connected players who have not answered this round. */
  pending: number;
  reveal: RevealInfo | null;
  /** When the current phase ends by itself (before the host-away hold is applied), or null. */
  phaseDeadline: number | null;
  /** The host paused the auto-advance countdown with this much of it left (phaseDeadline is null meanwhile). */
  pausedLeftMs: number | null;
  rounds: PlayedRound[];
  /** Every round of the game: fixed at creation for a room made from a quiz (shared/quiz), else planned when it
   *  starts (empty in the lobby). Never in a view: it holds every round's seed. */
  plan: RoundPlan[];
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

export function createRoom({ code, seed, hostToken, settings, now, plan = [] }: NewRoom): RoomState {
  const teams = settings.teamMode === 'off' ? 0 : settings.teamCount;
  return {
    version: 1,
    code,
    seed,
    settings,
    createdAt: now,
    lastActivity: now,
    startedAt: null,
    finishedAt: null,
    phase: 'lobby',
    round: 0,
    locked: false,
    host: { token: hostToken, connected: true },
    players: emptyTable(),
    names: emptyTable(),
    recent: [],
    playerCount: 0,
    connectedCount: 0,
    nextJoinIndex: 0,
    teamSizes: Array.from({ length: teams }, () => 0),
    banned: [],
    waitingRoom: false,
    waiting: [],
    maxPlayers: null,
    question: null,
    answered: 0,
    pending: 0,
    reveal: null,
    phaseDeadline: null,
    pausedLeftMs: null,
    rounds: [],
    plan,
  };
}
