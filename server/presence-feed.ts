// When the room hears who is here (room:presence). Each re-broadcast costs one message per connected player, and
// per-message cost is what a crowd's join pays for (issue 14: 32% of the server's join CPU under load went to
// presence broadcasts on a 500 ms timer). So besides the throttle's interval, a big room waits until enough has
// changed to be worth a message to everyone: as many changes as half the connected players. Joining a crowd then
// costs each phone a handful of presence messages however slowly the joins arrive (the sizes told double each
// time), instead of one per interval. With a third (sizes growing by half), a 10,000-player join sent each phone
// ~1.8 of these, ~6% of the join's server CPU (issue 14). What is left over is told once the room has been quiet for a moment,
// and never later than STALE_MS after the last update.
import type { RoomState } from '../shared/room/index.ts';

/** Up to this many connected players, every change is told (at the throttle's pace). */
export const SMALL_ROOM = 200;
/** No change for this long: the room has gone quiet, tell it where it stands. */
export const QUIET_MS = 2_000;
/** An untold change waits at most this long. */
export const STALE_MS = 30_000;

interface Counts {
  players: number;
  connected: number;
  sizes: readonly number[];
}

const countsOf = (state: RoomState): Counts => ({ players: state.playerCount, connected: state.connectedCount, sizes: state.teamSizes });

/** How many arrivals, departures, drops and team moves separate two counts, at least (some cancel out): a join
 *  moves both counts by one, a team move two sizes. */
function distance(a: Counts, b: Counts): number {
  let moved = 0;
  for (let i = 0; i < Math.max(a.sizes.length, b.sizes.length); i++) moved += Math.abs((a.sizes[i] ?? 0) - (b.sizes[i] ?? 0));
  return Math.max(Math.abs(a.players - b.players), Math.abs(a.connected - b.connected)) + moved / 2;
}

interface Told {
  counts: Counts;
  at: number;
  /** What the last check saw, and since when: to tell when the room went quiet. */
  seen: Counts;
  seenSince: number;
}

/** Keyed by the room's owner (live-room-host.ts). */
const told = new WeakMap<object, Told>();

/** A room:state (which carries the counts) or a room:presence went out with these counts. */
export function presenceTold(room: object, state: RoomState, now: number): void {
  const counts = countsOf(state);
  told.set(room, { counts, at: now, seen: counts, seenSince: now });
}

/** 'send': tell the room now; 'wait': check again later (the change is small and recent); 'none': nothing new. */
export function presenceDue(room: object, state: RoomState, now: number): 'send' | 'wait' | 'none' {
  const last = told.get(room);
  if (!last) return 'send';
  const counts = countsOf(state);
  const d = distance(last.counts, counts);
  if (d === 0) return 'none';
  if (distance(last.seen, counts) > 0) {
    last.seen = counts;
    last.seenSince = now;
  }
  const enough = state.connectedCount <= SMALL_ROOM || d * 2 >= state.connectedCount;
  return enough || now - last.seenSince >= QUIET_MS || now - last.at >= STALE_MS ? 'send' : 'wait';
}
