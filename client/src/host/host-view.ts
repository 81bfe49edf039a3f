// The arithmetic behind the host's screens, kept out of the components so it can be tested.
import type { ChartBar } from '../lib/chart.ts';
import type { Distribution, FinalResults, HostStatus, PlayerRoundRecord, RoomView } from '../../../shared/protocol.ts';

/** "3 of 5 answered": a status from an earlier round counts as nobody yet. */
export function answeredCount(status: HostStatus | null, view: RoomView): { answered: number; expected: number } {
  if (!status || status.round !== view.round || status.phase !== view.phase) {
    return { answered: 0, expected: view.connectedCount };
  }
  return { answered: status.answered, expected: status.answered + status.pending };
}

/** How the room did: right, partly right, wrong, no answer. */
export function outcomeBars(distribution: Distribution): ChartBar[] {
  return [
    { label: 'Right', value: distribution.correct, tone: 3 },
    { label: 'Partly right', value: distribution.partial, tone: 2 },
    { label: 'Wrong', value: distribution.wrong, tone: 0 },
    { label: 'No answer', value: distribution.none },
  ];
}

/** Accuracy per concept, weakest first: what to teach again. */
export function conceptBars(results: FinalResults): ChartBar[] {
  return [...results.concepts]
    .sort((a, b) => a.accuracy - b.accuracy || a.concept.localeCompare(b.concept))
    .map((c) => ({ label: c.concept, value: Math.round(c.accuracy * 100), tone: c.accuracy < 0.5 ? 0 : c.accuracy < 0.8 ? 2 : 3 }));
}

/** One cell of the results table: a symbol and a word, never colour alone. */
export function roundCell(record: PlayerRoundRecord | undefined): { symbol: string; text: string; points: number } {
  if (!record || !record.answered) return { symbol: '–', text: 'no answer', points: 0 };
  if (record.correct) return { symbol: '✓', text: 'right', points: record.points };
  if (record.score > 0) return { symbol: '◐', text: `${Math.round(record.score * 100)}%`, points: record.points };
  return { symbol: '✗', text: 'wrong', points: record.points };
}

export function csvFileName(code: string): string {
  return `podium-${code}-results.csv`;
}
