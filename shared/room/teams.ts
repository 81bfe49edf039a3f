// Teams: balanced by size, scored by the mean of their members' points so size does not decide the winner.
import type { TeamStanding } from './view-types.ts';
import type { PlayerState } from './state.ts';

const TEAM_NAMES = ['Kubelets', 'Sidecars', 'Init Crew', 'Probes', 'Schedulers', 'Etcd', 'Controllers', 'Namespaces'];

export const teamName = (team: number): string => TEAM_NAMES[team] ?? `Team ${team + 1}`;

/** The smallest team; ties go to the lowest index. */
export function smallestTeam(sizes: readonly number[]): number {
  let best = 0;
  sizes.forEach((size, i) => {
    if (size < (sizes[best] ?? Infinity)) best = i;
  });
  return best;
}

export function withTeamSize(sizes: readonly number[], team: number | null, delta: number): number[] {
  return sizes.map((size, i) => (i === team ? size + delta : size));
}

/** One pass over the players; ranks by mean score, ties share a rank. */
export function teamStandings(sizes: readonly number[], players: readonly PlayerState[]): TeamStanding[] {
  const totals = sizes.map(() => 0);
  for (const p of players) if (p.team !== null && p.team < totals.length) totals[p.team]! += p.score;
  const rows = sizes.map((size, team) => ({
    team,
    name: teamName(team),
    size,
    score: size === 0 ? 0 : Math.round(totals[team]! / size),
    rank: 0,
  }));
  return rows.map((row) => ({ ...row, rank: 1 + rows.filter((r) => r.score > row.score).length }));
}
