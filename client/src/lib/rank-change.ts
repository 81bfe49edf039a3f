// How each player moved since the last leaderboard, told with an arrow AND words (never colour alone).
import type { RankEntry } from '../../../shared/protocol.ts';

export type RankChange = { kind: 'up' | 'down'; by: number } | { kind: 'same' } | { kind: 'new' } | { kind: 'first' };

/** `previous` maps playerId to rank on the last leaderboard shown; null before the first one. */
export function rankChange(previous: ReadonlyMap<string, number> | null, entry: RankEntry): RankChange {
  if (!previous) return { kind: 'first' };
  const before = previous.get(entry.playerId);
  if (before === undefined) return { kind: 'new' };
  if (before > entry.rank) return { kind: 'up', by: before - entry.rank };
  if (before < entry.rank) return { kind: 'down', by: entry.rank - before };
  return { kind: 'same' };
}

export function rankChangeText(change: RankChange): { arrow: string; text: string } {
  switch (change.kind) {
    case 'up':
      return { arrow: '▲', text: `up ${change.by}` };
    case 'down':
      return { arrow: '▼', text: `down ${change.by}` };
    case 'new':
      return { arrow: '★', text: 'new' };
    case 'same':
      return { arrow: '●', text: 'same' };
    default:
      return { arrow: '', text: '' };
  }
}

export function ranksOf(entries: readonly RankEntry[]): Map<string, number> {
  return new Map(entries.map((e) => [e.playerId, e.rank]));
}
