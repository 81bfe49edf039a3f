// A finished game's report: what was asked, what was right, how the room answered, what each player gave, and
// what to teach again. Built from the stored results alone (the rounds are generated again from their seeds), so
// it stands without the room. For facilitators only (docs/protocol.md, "Reports").
import type { Answer, ExplanationLine, Picture, PuzzleView } from '../puzzles/kind.ts';
import type { KindId } from '../puzzles/index.ts';
import type { PlayerId, RoomSettings } from '../protocol.ts';
import type { Distribution, TeamStanding } from '../room/view-types.ts';

export type GameMode = 'live' | 'assignment';
export type Verdict = 'right' | 'partly' | 'wrong' | 'none';

export interface ReportRound {
  round: number;
  kind: KindId;
  title: string;
  concept: string;
  difficulty: 'easy' | 'medium' | 'hard';
  /** The question as it was shown: prompt, YAML or table, options or items. */
  view: PuzzleView;
  solution: Answer;
  /** The right answer in words ("wait-db → migrate → app", "30 seconds"). */
  solutionText: string;
  explanation: string;
  lines: ExplanationLine[];
  picture: Picture | null;
  docUrl: string;
  distribution: Distribution;
  /** Players who got it fully right, of every player in the game, 0..100. */
  percentRight: number;
  /** Median time to answer among those who answered, ms; null when nobody did. */
  medianTimeMs: number | null;
}

export interface ReportAnswer {
  round: number;
  /** The answer given, in words; null without an answer. */
  text: string | null;
  verdict: Verdict;
  score: number;
  points: number;
  timeMs: number | null;
}

export interface ReportPlayer {
  playerId: PlayerId;
  name: string;
  team: number | null;
  teamName: string | null;
  score: number;
  rank: number;
  correct: number;
  answers: ReportAnswer[];
}

export interface ReportConcept {
  concept: string;
  answers: number;
  correct: number;
  /** Mean score over every answer slot (a missed answer counts 0), 0..1. */
  accuracy: number;
  /** The docs pages behind this concept's questions in this game, distinct. */
  docUrls: string[];
}

export interface GameInfo {
  id: string;
  mode: GameMode;
  code: string;
  quizName: string | null;
  createdAt: number;
}

export interface Report {
  game: GameInfo;
  settings: RoomSettings;
  startedAt: number | null;
  finishedAt: number;
  rounds: ReportRound[];
  players: ReportPlayer[];
  teams: TeamStanding[];
  concepts: ReportConcept[];
  /** The (up to) three weakest concepts, weakest first: what to teach again. */
  weakest: ReportConcept[];
}
