// Several in-process nodes for the routing tests: real servers (each its own SQLite file and fake clock) whose
// rooms are found through one shared directory, linked by a memory bus or by a real Redis (routing.ts).
import type { Rooms } from '../../../server/rooms.ts';
import type { ClusterLinks } from '../../../server/cluster/routing.ts';
import { RoomCodeTaken, type RoomDirectory } from '../../../server/cluster/room-directory.ts';
import { startServer, type TestServer } from '../harness.ts';

/** Who owns which room, shared by every node of a test; `stale` is what a node believes until it forgets. */
export function sharedDirectory() {
  const owners = new Map<string, string>();
  const stale = new Map<string, string>();
  const forgotten: string[] = [];
  const make = (rooms: Rooms, node: string): RoomDirectory => ({
    node,
    async locate(code) {
      const room = rooms.get(code);
      if (room) return { kind: 'local', room };
      const owner = stale.get(`${node}:${code}`) ?? owners.get(code);
      return owner && owner !== node ? { kind: 'remote', node: owner } : { kind: 'none' };
    },
    forgetOwner(code) {
      forgotten.push(`${node}:${code}`);
      stale.delete(`${node}:${code}`);
    },
    async open(state) {
      if (owners.has(state.code)) throw new RoomCodeTaken(state.code);
      owners.set(state.code, node);
      return rooms.open(state);
    },
    exists: async (code) => owners.has(code),
  });
  return { make, owners, stale, forgotten };
}

export type Directory = ReturnType<typeof sharedDirectory>;

/** One node named `node` on the shared directory. */
export function startNode(node: string, directory: Directory, links: ClusterLinks, postgresUrl: string | null = null): Promise<TestServer> {
  return startServer(undefined, { node, cluster: { links, directory: directory.make } }, postgresUrl).then(async (t) => {
    await t.server.routing!.ready;
    return t;
  });
}

/** The server-side identity of a client's socket on its node. */
export const identityOn = (t: TestServer, socketId: string | undefined) => t.server.io.sockets.sockets.get(socketId ?? '')?.data;
