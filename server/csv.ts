// Results as CSV (csv-stringify: RFC 4180 quoting, CRLF), one row per player per round, safe to open in a
// spreadsheet: a text cell a person typed (a name, a team) that starts with = + - @ ; tab or CR is prefixed with
// ' (OWASP's CSV-injection advice), so it cannot run as a formula. Ids, codes and numbers are ours and left as they
// are: player ids never start with such a character (server/tokens.ts), and numbers are numbers.
import { stringify } from 'csv-stringify/sync';
import type { FinalResults } from '../shared/protocol.ts';

const HEADER = [
  'room', 'round', 'kind', 'concept', 'difficulty', 'player_id', 'name', 'team', 'answered', 'answer',
  'score', 'correct', 'points', 'time_ms', 'total_points', 'final_rank',
];

const FORMULA_START = /^[=+\-@;\t\r]/;

/** A cell of text a person typed, defused. */
export const userText = (text: string | null): string => (text !== null && FORMULA_START.test(text) ? `'${text}` : (text ?? ''));

/** Answers: an option id as is (ours), anything else as JSON (a number stays a number). */
const answerCell = (answer: unknown): string | number => (answer === null || answer === undefined ? '' : typeof answer === 'number' ? answer : typeof answer === 'string' ? answer : JSON.stringify(answer));

export function resultsCsv(results: FinalResults): string {
  const roundInfo = new Map(results.rounds.map((r) => [r.round, r]));
  const rows = results.players.flatMap((p) =>
    p.rounds.map((r) => {
      const info = roundInfo.get(r.round);
      return [
        results.code, r.round, info?.kind ?? '', info?.concept ?? '', info?.difficulty ?? '', p.playerId, userText(p.name), userText(p.teamName),
        r.answered, answerCell(r.answer), r.score, r.correct, r.points, r.timeMs ?? '', p.score, p.rank,
      ];
    }),
  );
  return stringify([HEADER, ...rows], { record_delimiter: '\r\n', cast: { boolean: (b) => String(b) } });
}
