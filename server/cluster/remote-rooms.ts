// A room this node does not host, reached through the directory (room-directory.ts) and the forwarder
// (forwarding.ts): located (the owner is cached per code), forwarded, answered. The socket's node delivers the
// owner's ack itself, after the bindings that came before it were applied (forwarding.ts).
import type { Ack, ErrorCode } from '../../shared/protocol.ts';
import type { Origin } from '../origin.ts';
import type { AckTo } from '../outgoing.ts';
import type { OpName, Outcome, RemoteRooms } from '../room-calls.ts';
import type { Log } from '../types.ts';
import { ACKED, refuse } from '../validated.ts';
import type { Forwarder } from './forwarding.ts';
import type { RoomDirectory } from './room-directory.ts';

/** The owner did not answer in time, or the room changed owner twice in a row: try again in a moment. */
const moving = (): Outcome<never> => ({ answer: refuse('room_moving'), error: 'room_moving' satisfies ErrorCode });

export function remoteRooms(directory: RoomDirectory, forwarder: Forwarder, log: Log): RemoteRooms {
  return {
    async call<T>(code: string, name: OpName, origin: Origin, payload: unknown, ack: AckTo<T>) {
      // Twice at most: a stale cached owner answers not_owner, and the second look finds the new one.
      for (let attempt = 0; attempt < 2; attempt++) {
        const where = await directory.locate(code);
        if (where.kind === 'none') return 'none' as const;
        if (where.kind === 'local') return { local: where.room };
        if (name === 'room:gone') {
          forwarder.notify(where.node, code, name, origin, payload);
          return { answer: ACKED, error: null };
        }
        const answer = await forwarder.request(where.node, code, name, origin, payload);
        if (answer.status === 'not_owner') {
          directory.forgetOwner(code);
          continue;
        }
        if (answer.status === 'timeout') {
          directory.forgetOwner(code);
          return moving();
        }
        if (answer.ack !== null) {
          try {
            ack(answer.ack as Ack<T>);
          } catch (error) {
            log(`ack for ${name} failed`, error);
          }
        }
        return { answer: ACKED, error: answer.error };
      }
      return moving();
    },
    exists: (code) => directory.exists(code),
  };
}
