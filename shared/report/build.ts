// Building the report from a game's stored results: each round generated again from its seed.
import { kindById } from '../puzzles/index.ts';
import { answerIds, answerLabels } from '../puzzles/answers.ts';
import type { PuzzleView } from '../puzzles/kind.ts';
import type { FinalResults, PlayerRoundRecord } from '../room/view-types.ts';
import type { Distribution } from '../room/view-types.ts';
import type { GameInfo, Report, ReportAnswer, ReportConcept, ReportRound, Verdict } from './types.ts';

/** An answer in words: order with arrows, a list with commas, an empty ticking as "none ticked". */
export function answerInWords(view: PuzzleView, answer: unknown): string {
  const words = answerLabels(view, answer);
  if (view.format === 'order') return words.join(' → ');
  if (words.length === 0) return view.format === 'multi' ? 'none ticked' : '';
  return words.join(', ');
}

export const verdictOf = (record: Pick<PlayerRoundRecord, 'answered' | 'score'>): Verdict =>
  !record.answered ? 'none' : record.score >= 1 ? 'right' : record.score > 0 ? 'partly' : 'wrong';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function distribution(view: PuzzleView, records: readonly PlayerRoundRecord[]): Distribution {
  const d: Distribution = { correct: 0, partial: 0, wrong: 0, none: 0 };
  for (const r of records) {
    const v = verdictOf(r);
    if (v === 'right') d.correct++;
    else if (v === 'partly') d.partial++;
    else if (v === 'wrong') d.wrong++;
    else d.none++;
  }
  if (view.format !== 'single' && view.format !== 'multi') return d;
  const counts = new Map(view.options.map((o) => [o.id, 0]));
  for (const r of records) {
    if (!r.answered) continue;
    for (const id of answerIds(view.format, r.answer)) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  return { ...d, options: view.options.map((o) => ({ id: o.id, count: counts.get(o.id)! })) };
}

function reportRound(results: FinalResults, round: FinalResults['rounds'][number]): ReportRound {
  const kind = kindById(round.kind);
  const puzzle = kind.generate(round.seed, round.difficulty);
  const view = kind.publicView(puzzle);
  const solution = kind.solve(puzzle);
  const grade = kind.grade(puzzle, solution);
  const records = results.players.map((p) => p.rounds.find((r) => r.round === round.round) ?? { round: round.round, answered: false, answer: null, score: 0, correct: false, points: 0, timeMs: null });
  const d = distribution(view, records);
  const times = records.filter((r) => r.answered && r.timeMs !== null).map((r) => r.timeMs!);
  return {
    round: round.round, kind: round.kind, title: kind.title, concept: round.concept, difficulty: round.difficulty,
    view, solution, solutionText: answerInWords(view, solution), explanation: grade.explanation, lines: grade.lines,
    picture: kind.picture?.(puzzle) ?? null, docUrl: grade.docUrl, distribution: d,
    percentRight: records.length === 0 ? 0 : (100 * d.correct) / records.length,
    medianTimeMs: median(times),
  };
}

function answersOf(rounds: readonly ReportRound[], records: readonly PlayerRoundRecord[]): ReportAnswer[] {
  return rounds.map((round) => {
    const r = records.find((x) => x.round === round.round);
    if (!r || !r.answered) return { round: round.round, text: null, verdict: 'none', score: 0, points: 0, timeMs: null };
    return { round: round.round, text: answerInWords(round.view, r.answer), verdict: verdictOf(r), score: r.score, points: r.points, timeMs: r.timeMs };
  });
}

function conceptsOf(results: FinalResults, rounds: readonly ReportRound[]): ReportConcept[] {
  return results.concepts.map((c) => ({
    ...c,
    docUrls: [...new Set(rounds.filter((r) => r.concept === c.concept).map((r) => r.docUrl))],
  }));
}

export function buildReport(game: GameInfo, results: FinalResults): Report {
  const rounds = results.rounds.map((r) => reportRound(results, r));
  const concepts = conceptsOf(results, rounds);
  const players = [...results.players]
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .map((p) => ({ playerId: p.playerId, name: p.name, team: p.team, teamName: p.teamName, score: p.score, rank: p.rank, correct: p.correct, answers: answersOf(rounds, p.rounds) }));
  const weakest = [...concepts].sort((a, b) => a.accuracy - b.accuracy || a.concept.localeCompare(b.concept)).slice(0, 3);
  return { game, settings: results.settings, startedAt: results.startedAt, finishedAt: results.finishedAt, rounds, players, teams: results.teams, concepts, weakest };
}
