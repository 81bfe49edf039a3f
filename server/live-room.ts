// A live room: the pure state plus what only the server knows (sockets, the timer, throttles).
import type { PlayerId } from '../shared/protocol.ts';
import type { RoomState } from '../shared/room/index.ts';
import type { Throttle } from './throttle.ts';
import type { RosterFeed } from './roster-feed.ts';

export interface LiveRoom {
  code: string;
  state: RoomState;
  timer: { at: number; cancel: () => void } | null;
  hostSocket: string | null;
  /** The socket currently speaking for each player (a reload replaces it). */
  sockets: Map<PlayerId, string>;
  /** The host's panel: at most every 250 ms. */
  status: Throttle;
  /** Arrivals and departures re-broadcast as room:presence at most every 500 ms (longer in a big room: room-host.ts,
   *  and only once enough changed: presence-feed.ts). */
  presence: Throttle;
  /** What the host's roster was last told: the next host:status carries only what changed since. */
  roster: RosterFeed;
}
