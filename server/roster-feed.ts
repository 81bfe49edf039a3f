// The host's roster for one live room: a full list when the host (re)connects or asks (host:roster), then only
// what changed since the last update it was sent (shared/room/roster-delta.ts). Versions count the updates, so a
// host that missed one sees the gap and asks again (docs/protocol.md, "The host's roster").
import type { RosterFull, RosterUpdate } from '../shared/protocol.ts';
import { fullRoster, rosterDelta, type RoomState } from '../shared/room/index.ts';

export class RosterFeed {
  /** Never goes back, even across host connections, while the server runs (a restart counts from 1 again: the
   *  client takes a new connection's full roster whatever its version). */
  #version = 0;
  /** The state the host's copy describes; null: the next update is a full roster. */
  #base: RoomState | null = null;

  /** A new host connection (or none): its first update is the whole roster. Also lets go of the old state. */
  reset(): void {
    this.#base = null;
  }

  full(state: RoomState): RosterFull {
    this.#base = state;
    return fullRoster(state, ++this.#version);
  }

  /** The update that brings the host's copy to `state`, or undefined when nothing it shows changed. */
  next(state: RoomState): RosterUpdate | undefined {
    if (this.#base === null) return this.full(state);
    if (this.#base === state) return undefined;
    const delta = rosterDelta(this.#base, state, this.#version + 1);
    // Moved on even without a delta (a round's close rewrites every player, none of what the roster shows), so
    // the old state's players are not kept alive for the next diff.
    this.#base = state;
    if (delta === null) return undefined;
    this.#version = delta.version;
    return delta;
  }
}
