// The bench's scenarios (issue 14): 5,000 and 10,000 players in one room, 100 rooms of 30 closing together, and
// the small smoke run `npm test` plays (functional checks only: it is too small and too busy to time).
import type { TargetKey } from './targets.ts';

/** warmup: not measured. spread: answers 2–4 s after the question (fan-out without answer traffic). burst:
 *  everyone answers the moment the question arrives; the last answer closes the round. deadline: a burst where
 *  each room's b1 stays silent, so the round closes at its deadline. */
export type RoundKind = 'warmup' | 'spread' | 'burst' | 'deadline';

export interface Scenario {
  id: string;
  title: string;
  rooms: number;
  perRoom: number;
  rounds: readonly RoundKind[];
  secondsPerRound: number;
  spreadMs: [number, number];
  /** The targets that apply to this scenario (its PASS/MISS column). */
  targets: readonly TargetKey[];
}

/** Three of each measured kind but the deadline, so a burst of other load on a shared machine moves one round's
 *  figure, not the median. */
const FULL: readonly RoundKind[] = ['warmup', 'spread', 'burst', 'spread', 'burst', 'deadline', 'spread', 'burst'];
const ONE_ROOM: readonly TargetKey[] = ['noneLost', 'join', 'fanoutP95', 'lastAnswer', 'revealLag', 'revealAfterDeadline', 'acksAfterReveal', 'cpuPerAnswer', 'peakRss', 'rssPerConnection'];

export const scenarios: readonly Scenario[] = [
  { id: '5k', title: 'one room, 5,000 players', rooms: 1, perRoom: 5000, rounds: FULL, secondsPerRound: 10, spreadMs: [2000, 4000], targets: ONE_ROOM },
  { id: '10k', title: 'one room, 10,000 players', rooms: 1, perRoom: 10_000, rounds: FULL, secondsPerRound: 10, spreadMs: [2000, 4000], targets: ONE_ROOM },
  { id: '100x30', title: '100 rooms of 30 players, closing together', rooms: 100, perRoom: 30, rounds: FULL, secondsPerRound: 10, spreadMs: [2000, 4000], targets: ['noneLost', 'lastAnswer'] },
  { id: 'smoke', title: 'smoke: 2 rooms of 12 players', rooms: 2, perRoom: 12, rounds: ['warmup', 'spread', 'burst'], secondsPerRound: 10, spreadMs: [50, 300], targets: [] },
];

/** What `npm run bench` runs without --scenario. */
export const defaultScenarios = ['5k', '10k', '100x30'];

export const isMeasured = (kind: RoundKind): boolean => kind !== 'warmup';
