// The views the client renders, one type per audience: RoomView for everyone, MeView for one player,
// HostStatus and FinalResults for the host. Re-exported by shared/protocol.ts; built by shared/room/views.ts.
import type { Answer, ExplanationLine, Picture, PuzzleView } from '../puzzles/kind.ts';
import type { KindId } from '../puzzles/index.ts';
import type { Phase, PlayerId, RoomSettings, RosterUpdate } from '../protocol.ts';

export interface TeamStanding {
  team: number;
  name: string;
  size: number;
  /** Mean of the members' points, rounded: team size does not decide the winner. */
  score: number;
  rank: number;
}

export interface RankEntry {
  rank: number;
  playerId: PlayerId;
  name: string;
  team: number | null;
  score: number;
  streak: number;
  /** Points gained in the round just closed (0 for a miss). */
  gained: number;
}

export interface QuestionInfo {
  round: number;
  totalRounds: number;
  kind: KindId;
  title: string;
  concept: string;
  difficulty: 'easy' | 'medium' | 'hard';
  puzzle: PuzzleView;
  /** Epoch ms. The countdown is deadline − (serverNow + local time elapsed since the view arrived). */
  startedAt: number;
  deadline: number;
  durationMs: number;
}

/** How the room answered: correct (score 1), partial (0 < score < 1), wrong (0), none (no answer). */
export interface Distribution {
  correct: number;
  partial: number;
  wrong: number;
  none: number;
  /** single: players who picked each option; multi: players who ticked it. Absent for order and number. */
  options?: { id: string; count: number }[];
}

export interface RevealInfo {
  solution: Answer;
  /** The lines' texts joined (reports, screen readers). */
  explanation: string;
  /** Why the solution is right, one short line per rule, statement or dependency, with what each points at. */
  lines: ExplanationLine[];
  /** A sequence or timeline drawn from the model, or null when the kind has none for this puzzle. */
  picture: Picture | null;
  docUrl: string;
  distribution: Distribution;
  /** Mean score 0..1 over the players who answered. */
  averageScore: number;
}

export interface ViewBase {
  code: string;
  round: number;
  totalRounds: number;
  locked: boolean;
  hostConnected: boolean;
  playerCount: number;
  connectedCount: number;
  /** Empty when teamMode is off. */
  teams: TeamStanding[];
  /** Server clock (epoch ms) when the view was built. */
  serverNow: number;
  /** Epoch ms when the phase advances by itself, or null (waiting for the host, holding while the host is away,
   *  or paused). */
  phaseDeadline: number | null;
  /** The host paused the auto-advance countdown (host:pause); it resumes with the time it had left. */
  paused: boolean;
}

/** The room's settings ride only where a screen reads them (lobby, finished): a question goes to every player at
 *  once, so every byte of it is paid N times. */
export interface LobbyView extends ViewBase {
  phase: 'lobby';
  settings: RoomSettings;
}
export interface QuestionView extends ViewBase {
  phase: 'question';
  question: QuestionInfo;
}
export interface RevealView extends ViewBase {
  phase: 'reveal';
  question: QuestionInfo;
  reveal: RevealInfo;
  /** True while the host is away: the game waits here until the host is back. */
  holding: boolean;
}
export interface LeaderboardView extends ViewBase {
  phase: 'leaderboard';
  top: RankEntry[];
}
export interface FinishedView extends ViewBase {
  phase: 'finished';
  settings: RoomSettings;
  podium: RankEntry[];
  top: RankEntry[];
}
/** room:presence: who is here changed (arrivals, departures, team moves) and nothing else did. The client merges it
 *  into the view on screen; it is the same size in a room of 30 and of 10,000. */
export interface PresenceView {
  playerCount: number;
  connectedCount: number;
  teams: TeamStanding[];
}

/** The common state, one object for everyone in the room (players and host). */
export type RoomView = LobbyView | QuestionView | RevealView | LeaderboardView | FinishedView;

/** A player's own result for one round, sent only to that player at the reveal. */
export interface RoundResult {
  round: number;
  answered: boolean;
  /** 0..1 from the puzzle's grade. */
  score: number;
  correct: boolean;
  /** Points gained this round, streak bonus included. */
  points: number;
  streakBonus: number;
  /** ms from the question's start to the answer; null without an answer. */
  timeMs: number | null;
  /** Why this player's own answer scored what it did (the puzzle's grade of it); absent without an answer. */
  explanation?: string;
  /** The answer this player gave, so the reveal can show it beside the right one; absent without an answer. */
  answer?: Answer;
  /** The same as lines, with evidence; absent without an answer. */
  lines?: ExplanationLine[];
}

/** What only this player sees. */
export interface MeView {
  playerId: PlayerId;
  name: string;
  team: number | null;
  score: number;
  streak: number;
  /** 1-based, ties share a rank; null before the first reveal. */
  rank: number | null;
  /** This round's answer, kept across a reload. */
  answer: { round: number; answer: Answer; at: number } | null;
  /** The last revealed round's result. */
  lastResult: RoundResult | null;
}

/** Who may join: the host's own controls, always in host:status. */
export interface AdmissionView {
  waitingRoom: boolean;
  /** null: no cap but the server's (10,000). */
  maxPlayers: number | null;
  waitingCount: number;
}

/** The host's live panel, throttled (at most one every 250 ms). `roster`: a full list after the host (re)connects,
 *  then only what changed (docs/protocol.md, "The host's roster"). */
export interface HostStatus {
  phase: Phase;
  round: number;
  answered: number;
  /** Connected players who have not answered this round. */
  pending: number;
  connectedCount: number;
  playerCount: number;
  admission: AdmissionView;
  /** When the players, the waiting room or the bans changed. */
  roster?: RosterUpdate;
}

export interface PlayerRoundRecord {
  round: number;
  answered: boolean;
  answer: Answer | null;
  score: number;
  correct: boolean;
  points: number;
  timeMs: number | null;
}

export interface FinalResults {
  code: string;
  settings: RoomSettings;
  startedAt: number | null;
  finishedAt: number;
  rounds: { round: number; kind: KindId; concept: string; difficulty: 'easy' | 'medium' | 'hard'; seed: string }[];
  players: {
    playerId: PlayerId;
    name: string;
    team: number | null;
    teamName: string | null;
    score: number;
    rank: number;
    correct: number;
    rounds: PlayerRoundRecord[];
  }[];
  teams: TeamStanding[];
  /** Accuracy per concept: mean score over every answer slot (a missed answer counts 0). */
  concepts: { concept: string; answers: number; correct: number; accuracy: number }[];
}
