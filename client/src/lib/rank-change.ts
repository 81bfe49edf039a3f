// How each player moved since the last leaderboard, told with an icon AND words (never colour alone), and only
// where it means something: a player who had no points yet shared a rank with everyone at zero, so moving from it
// is not "down".
import type { IconName } from './icons.ts';
import type { RankEntry } from '../../../shared/protocol.ts';

export type RankChange = { kind: 'up' | 'down'; by: number } | { kind: 'same' } | { kind: 'new' } | { kind: 'none' };

/** `previous` maps playerId to rank on the last leaderboard shown; null before the first one. */
export function rankChange(previous: ReadonlyMap<string, number> | null, entry: RankEntry): RankChange {
  if (!previous || entry.score - entry.gained <= 0) return { kind: 'none' };
  const before = previous.get(entry.playerId);
  if (before === undefined) return { kind: 'new' };
  if (before > entry.rank) return { kind: 'up', by: before - entry.rank };
  if (before < entry.rank) return { kind: 'down', by: entry.rank - before };
  return { kind: 'same' };
}

export function rankChangeText(change: RankChange): { icon: IconName | null; text: string } {
  switch (change.kind) {
    case 'up':
      return { icon: 'up', text: `up ${change.by}` };
    case 'down':
      return { icon: 'down', text: `down ${change.by}` };
    case 'new':
      return { icon: 'star', text: 'new in the top 10' };
    case 'same':
      return { icon: 'same', text: 'same' };
    default:
      return { icon: null, text: '' };
  }
}

export function ranksOf(entries: readonly RankEntry[]): Map<string, number> {
  return new Map(entries.map((e) => [e.playerId, e.rank]));
}
