// The lobby's roster by team (in team order, "no team yet" last), or one group without teams.
import type { RosterEntry, TeamStanding } from '../../../shared/protocol.ts';

export interface Group {
  key: string;
  title: string | null;
  players: RosterEntry[];
}

export function groupByTeam(players: readonly RosterEntry[], teams: readonly TeamStanding[], byTeam: boolean): Group[] {
  if (!byTeam) return [{ key: 'all', title: null, players: [...players] }];
  const names = new Map(teams.map((t) => [t.team, t.name]));
  const groups = new Map<number | null, RosterEntry[]>();
  for (const t of teams) groups.set(t.team, []);
  for (const p of players) groups.set(p.team, [...(groups.get(p.team) ?? []), p]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? 99) - (b ?? 99))
    .filter(([team, members]) => team !== null || members.length > 0)
    .map(([team, members]) => ({
      key: String(team),
      title: team === null ? 'No team yet' : (names.get(team) ?? `Team ${team + 1}`),
      players: members,
    }));
}

/** The newest arrivals first: the roster is in join order, so they are its end. */
export const latestArrivals = (players: readonly RosterEntry[], count: number): RosterEntry[] => players.slice(-count).reverse();
