// The benchmark's scenarios (issue 5): one room of 200, 1,000 and 5,000 players; 100 rooms of 30 at once.
import type { Scenario } from './scenario.ts';

export const scenarios: readonly Scenario[] = [
  { id: 'one-200', title: 'one room, 200 players', rooms: 1, perRoom: 200 },
  { id: 'one-1000', title: 'one room, 1,000 players', rooms: 1, perRoom: 1000 },
  { id: 'one-5000', title: 'one room, 5,000 players', rooms: 1, perRoom: 5000 },
  { id: 'rooms-100x30', title: '100 rooms of 30 players at once', rooms: 100, perRoom: 30 },
];

/** For trying the harness on a busy machine: every room scaled down (at least 3 players). */
export function scaled(s: Scenario, scale: number): Scenario {
  const perRoom = Math.max(3, Math.round(s.perRoom * scale));
  return scale === 1 ? s : { ...s, perRoom, title: `${s.title} (scaled to ${perRoom} per room)` };
}
