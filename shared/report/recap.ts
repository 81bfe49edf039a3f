// A player's own recap at the end: the rounds they missed or half-got, with their answer, the right one, why, and
// the docs link, plus the kinds to practise. Only ever about a finished game (or a student's own finished run),
// so nothing in it is still to be answered.
import { kindById, type KindId } from '../puzzles/index.ts';
import type { ExplanationLine, PuzzleView } from '../puzzles/kind.ts';
import type { PlayerId } from '../protocol.ts';
import type { FinalResults } from '../room/view-types.ts';
import { answerInWords, verdictOf } from './build.ts';
import type { Verdict } from './types.ts';

export interface RecapRound {
  round: number;
  kind: KindId;
  title: string;
  concept: string;
  verdict: Exclude<Verdict, 'right'>;
  view: PuzzleView;
  /** What this player answered, in words; null when they did not. */
  answerText: string | null;
  solutionText: string;
  lines: ExplanationLine[];
  docUrl: string;
}

export interface Recap {
  name: string;
  score: number;
  rank: number;
  rounds: number;
  correct: number;
  missed: RecapRound[];
  /** Distinct kinds of the missed rounds: what to practise. */
  practise: KindId[];
}

export function recapFor(results: FinalResults, playerId: PlayerId): Recap | null {
  const player = results.players.find((p) => p.playerId === playerId);
  if (!player) return null;
  const missed: RecapRound[] = [];
  for (const round of results.rounds) {
    const record = player.rounds.find((r) => r.round === round.round) ?? { answered: false, answer: null, score: 0 };
    const verdict = verdictOf(record);
    if (verdict === 'right') continue;
    const kind = kindById(round.kind);
    const puzzle = kind.generate(round.seed, round.difficulty);
    const view = kind.publicView(puzzle);
    const solution = kind.solve(puzzle);
    const grade = kind.grade(puzzle, solution);
    missed.push({
      round: round.round, kind: round.kind, title: kind.title, concept: round.concept, verdict, view,
      answerText: record.answered ? answerInWords(view, record.answer) : null, solutionText: answerInWords(view, solution),
      lines: grade.lines, docUrl: grade.docUrl,
    });
  }
  return {
    name: player.name, score: player.score, rank: player.rank, rounds: results.rounds.length, correct: player.correct,
    missed, practise: [...new Set(missed.map((m) => m.kind))],
  };
}
