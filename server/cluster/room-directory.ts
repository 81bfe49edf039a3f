// Where a room lives, for the handlers: on this node (its RoomHost), on another node (its owner's name, so the
// request is forwarded there: server/cluster/forwarding*.ts), or nowhere. Two implementations: the single-node one
// below, over this process's Rooms, and the cluster one (cluster-directory.ts), over leases in Redis.
import type { RoomState } from '../../shared/room/index.ts';
import type { RoomHost } from '../room-host.ts';
import type { Rooms } from '../rooms.ts';

export type Located = { kind: 'local'; room: RoomHost } | { kind: 'remote'; node: string } | { kind: 'none' };

/** A new room's code is already some room's (open): the caller picks another code. */
export class RoomCodeTaken extends Error {
  override name = 'RoomCodeTaken';
  constructor(code: string) {
    super(`room code ${code} is taken`);
  }
}

export interface RoomDirectory {
  /** The room's owner. Cluster: the owner is cached per code; with no owner at all the room is taken over first
   *  (lease, load from Redis), so 'none' means the room does not exist (or could not be loaded just now). */
  locate(code: string): Promise<Located>;
  /** A forwarded request came back 'not_owner': the cached owner is stale, look again next time. */
  forgetOwner(code: string): void;
  /** A new room, saved before anyone can join it: lease, listed, first write. Throws RoomCodeTaken if the code is
   *  some room's already, or the store's error if it could not be saved. */
  open(state: RoomState): Promise<RoomHost>;
  /** Whether any node has a live room with this code (for picking a fresh one). */
  exists(code: string): Promise<boolean>;
  /** This node's name (node-name.ts). */
  readonly node: string;
}

/** One node, every room in this process: a room is here or nowhere. */
export function localDirectory(rooms: Rooms, node: string): RoomDirectory {
  return {
    node,
    async locate(code) {
      const room = rooms.get(code);
      return room ? { kind: 'local', room } : { kind: 'none' };
    },
    forgetOwner() {},
    async open(state) {
      if (rooms.has(state.code)) throw new RoomCodeTaken(state.code);
      return rooms.open(state);
    },
    exists: async (code) => rooms.has(code),
  };
}
