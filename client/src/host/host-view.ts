// The arithmetic behind the host's screens, kept out of the components so it can be tested.
import type { ChartBar } from '../lib/chart.ts';
import type { IconName } from '../lib/icons.ts';
import { puzzleKinds } from '../../../shared/puzzles/index.ts';
import type { Distribution, FinalResults, HostStatus, RoomView } from '../../../shared/protocol.ts';

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

export interface RoundSummary {
  round: number;
  /** The question's title, as the round's screen named it. */
  title: string;
  concept: string;
  difficulty: string;
  right: number;
  players: number;
}

/** Every round by its title with how many got it fully right, for the results screen (no "R1" columns). */
export function roundSummaries(results: FinalResults): RoundSummary[] {
  return results.rounds.map((r) => ({
    round: r.round,
    title: puzzleKinds[r.kind]?.title ?? r.kind,
    concept: r.concept,
    difficulty: r.difficulty,
    right: results.players.filter((p) => p.rounds.some((x) => x.round === r.round && x.correct)).length,
    players: results.players.length,
  }));
}

export function csvFileName(code: string): string {
  return `podium-${code}-results.csv`;
}
