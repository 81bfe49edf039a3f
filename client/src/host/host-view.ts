// The arithmetic behind the host's screens, kept out of the components so it can be tested.
import type { ChartBar } from '../lib/chart.ts';
import type { IconName } from '../lib/icons.ts';
import type { Distribution, FinalResults, HostStatus, PlayerRoundRecord, RoomView } from '../../../shared/protocol.ts';

/** "3 of 5 answered": a status from an earlier round counts as nobody yet. */
export function answeredCount(status: HostStatus | null, view: RoomView): { answered: number; expected: number } {
  if (!status || status.round !== view.round || status.phase !== view.phase) {
    return { answered: 0, expected: view.connectedCount };
  }
  return { answered: status.answered, expected: status.answered + status.pending };
}

export interface Outcome {
  label: string;
  /** Told by the icon and the word, never by the colour alone. */
  icon: IconName;
  count: number;
  /** 0..1 of everyone counted, for the meter. */
  share: number;
  tone: number | null;
}

/** How the room did: right, partly right, wrong, no answer, each with its share of the room. */
export function outcomes(distribution: Distribution): Outcome[] {
  const { correct, partial, wrong, none } = distribution;
  const total = correct + partial + wrong + none;
  const share = (count: number) => (total > 0 ? count / total : 0);
  return [
    { label: 'Right', icon: 'check', count: correct, share: share(correct), tone: 3 },
    { label: 'Partly right', icon: 'partial', count: partial, share: share(partial), tone: 2 },
    { label: 'Wrong', icon: 'cross', count: wrong, share: share(wrong), tone: 0 },
    { label: 'No answer', icon: 'dash', count: none, share: share(none), tone: null },
  ];
}

/** Accuracy per concept, weakest first: what to teach again. */
export function conceptBars(results: FinalResults): ChartBar[] {
  return [...results.concepts]
    .sort((a, b) => a.accuracy - b.accuracy || a.concept.localeCompare(b.concept))
    .map((c) => ({ label: c.concept, value: Math.round(c.accuracy * 100), tone: c.accuracy < 0.5 ? 0 : c.accuracy < 0.8 ? 2 : 3 }));
}

/** One cell of the results table: an icon and a word, never colour alone. */
export function roundCell(record: PlayerRoundRecord | undefined): { symbol: IconName; text: string; points: number } {
  if (!record || !record.answered) return { symbol: 'dash', text: 'no answer', points: 0 };
  if (record.correct) return { symbol: 'check', text: 'right', points: record.points };
  if (record.score > 0) return { symbol: 'partial', text: `${Math.round(record.score * 100)}%`, points: record.points };
  return { symbol: 'cross', text: 'wrong', points: record.points };
}

export function csvFileName(code: string): string {
  return `podium-${code}-results.csv`;
}
