// Results as CSV (csv-stringify: RFC 4180 quoting, CRLF), one row per player per round, as a teacher reads it: the
// question's text, the right answer and the answer given in words, the date, the team, scores to two decimals.
// UTF-8 with a byte-order mark, so Excel opens "José" as José. Safe to open in a spreadsheet: every text cell that
// starts with = + - @ ; tab or CR is prefixed with ' (OWASP's CSV-injection advice), so it cannot run as a formula
// ("-o wide" is a kubectl flag, and a name is whatever a player typed). Ids, codes and numbers are left as they are:
// player ids never start with such a character (server/tokens.ts), and numbers are numbers.
import { stringify } from 'csv-stringify/sync';
import type { FinalResults } from '../shared/protocol.ts';
import { buildReport, type GameInfo, type Report, type Verdict } from '../shared/report/index.ts';

export const BOM = '\uFEFF';

const HEADER = [
  'game', 'date', 'time_zone', 'quiz', 'mode', 'round', 'kind', 'concept', 'difficulty', 'question', 'correct_answer',
  'player_id', 'name', 'team', 'answer', 'result', 'score', 'points', 'time_s', 'total_points', 'final_rank',
];

const FORMULA_START = /^[=+\-@;\t\r]/;

/** A cell of text, defused. */
export const userText = (text: string | null): string => (text !== null && FORMULA_START.test(text) ? `'${text}` : (text ?? ''));

const RESULT_WORDS: Record<Verdict, string> = { right: 'right', partly: 'partly right', wrong: 'wrong', none: 'no answer' };

/** Two decimals, as a number (0.6667 → 0.67). */
export const twoDecimals = (n: number): number => Math.round(n * 100) / 100;

/** The time zone the browser asked for, if this server knows it; else UTC. */
export function timeZoneOr(zone: unknown): string {
  if (typeof zone !== 'string' || zone.length > 64) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** "2026-11-24 14:05" in that zone. */
export function dateIn(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Plain text of a prompt: inline-code backticks go (`billing` → billing). */
const plain = (text: string): string => text.replace(/`([^`]+)`/g, '$1');

export function reportCsv(report: Report, zone = 'UTC'): string {
  const date = dateIn(report.startedAt ?? report.finishedAt, zone);
  const { game } = report;
  const rows = report.players.flatMap((p) =>
    report.rounds.map((round, i) => {
      const a = p.answers[i]!;
      return [
        game.code, date, zone, userText(game.quizName), game.mode, round.round, round.kind, round.concept, round.difficulty,
        userText(plain(round.view.prompt)), userText(round.solutionText), p.playerId, userText(p.name), userText(p.teamName),
        userText(a.text), RESULT_WORDS[a.verdict], twoDecimals(a.score), a.points, a.timeMs === null ? '' : twoDecimals(a.timeMs / 1000),
        p.score, p.rank,
      ];
    }),
  );
  return BOM + stringify([HEADER, ...rows], { record_delimiter: '\r\n' });
}

/** A game's results with no more known about it than the room (the host's download from the results screen). */
export function resultsCsv(results: FinalResults, game?: GameInfo, zone = 'UTC'): string {
  const info: GameInfo = game ?? { id: results.code, mode: 'live', code: results.code, quizName: null, createdAt: results.startedAt ?? results.finishedAt };
  return reportCsv(buildReport(info, results), zone);
}
