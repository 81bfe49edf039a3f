// Standard competition ranking (1, 1, 3) by total points; arrival order breaks ties in the list, not in the rank.
import type { PlayerState } from './state.ts';

/** Higher score first, then earlier arrival. */
export const compareStanding = (a: PlayerState, b: PlayerState): number => b.score - a.score || a.joinIndex - b.joinIndex;

export function ranked(players: readonly PlayerState[]): { player: PlayerState; rank: number }[] {
  const sorted = [...players].sort(compareStanding);
  let rank = 0;
  return sorted.map((player, i) => {
    if (i === 0 || player.score !== sorted[i - 1]!.score) rank = i + 1;
    return { player, rank };
  });
}
