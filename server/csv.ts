// Results as CSV, one row per player per round, safe to open in a spreadsheet.
import type { FinalResults } from '../shared/protocol.ts';

const HEADER = [
  'room', 'round', 'kind', 'concept', 'difficulty', 'player_id', 'name', 'team', 'answered', 'answer',
  'score', 'correct', 'points', 'time_ms', 'total_points', 'final_rank',
];

/** Quotes when needed; a leading = + - @ is defused so a nickname cannot become a spreadsheet formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function resultsCsv(results: FinalResults): string {
  const roundInfo = new Map(results.rounds.map((r) => [r.round, r]));
  const rows = results.players.flatMap((p) =>
    p.rounds.map((r) => {
      const info = roundInfo.get(r.round);
      return [
        results.code, r.round, info?.kind, info?.concept, info?.difficulty, p.playerId, p.name, p.teamName,
        r.answered, r.answer, r.score, r.correct, r.points, r.timeMs, p.score, p.rank,
      ];
    }),
  );
  return [HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
