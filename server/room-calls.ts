// How a handler reaches a room: by name. Each room operation is defined once (the handlers' owner side: it reads
// the Origin, never the socket, and returns the room's answer or its step), and called with the room's code. The
// call runs where the room is: at once on this node when it hosts the room — single-node mode always, with no
// added latency — and, in cluster mode, on the room's owner node, the request and its answer crossing Redis
// (server/cluster/forwarding.ts). Either way the caller learns the same Outcome.
import type { Ack, ErrorCode } from '../shared/protocol.ts';
import type { Origin } from './origin.ts';
import { isReply, type AckTo, type Step } from './outgoing.ts';
import type { RoomHost } from './room-host.ts';
import type { Rooms } from './rooms.ts';
import { ACKED, refuse, type Acked, type EventName } from './validated.ts';

/** A client event's room operation, or a socket gone (disconnects reach the room like any event, without an ack). */
export type OpName = EventName | 'room:gone';

/** The owner side of one event: the room's answer (a refusal, a query's data) or the step that carries its ack. */
export type RoomOp<P = never, T = unknown> = (room: RoomHost, origin: Origin, payload: P, ack: AckTo<T>) => Ack<T> | Step | void;

/** What a call came to: `answer` for the route (ACKED when the ack is already on its way), `error` for the caller's
 *  own bookkeeping (limits refunded or charged). */
export interface Outcome<T = unknown> {
  answer: Ack<T> | Acked;
  error: ErrorCode | null;
  /** The room's step carries the ack (false: a plain answer in `answer`, or a miss the caller answers itself). */
  carried?: boolean;
}

export interface RoomCalls {
  /** `missing`: what the caller hears when no node hosts the room. */
  define<P, T>(name: OpName, missing: ErrorCode | ((payload: P) => ErrorCode), op: RoomOp<P, T>): void;
  /** Runs the operation where the room is; synchronous when this node hosts it. */
  call<P, T>(code: string | null, name: OpName, origin: Origin, payload: P, ack: AckTo<T>): Outcome<T> | Promise<Outcome<T>>;
  /** Whether some node hosts a live room with this code. */
  exists(code: string): boolean | Promise<boolean>;
  /** Runs an operation for a room hosted here (a call forwarded by another node); undefined: not hosted here. */
  runHere<T>(code: string, name: OpName, origin: Origin, payload: unknown, ack: AckTo<T>): Outcome<T> | undefined;
}

/** The error a handled event ended with: a refusal before the room, or the room's own. */
export function outcomeOf<T>(result: Ack<T> | Step | void): Outcome<T> {
  if (result === undefined) return { answer: ACKED, error: null };
  if ('ok' in result) return { answer: result, error: result.ok ? null : result.error };
  return { answer: ACKED, error: result.result && !result.result.ok ? result.result.error : null, carried: result.out.some(isReply) };
}

/** Applies `then` at once to an outcome already known, so a local call stays synchronous. */
export function whenDone<T, R>(outcome: Outcome<T> | Promise<Outcome<T>>, then: (o: Outcome<T>) => R): R | Promise<Awaited<R>> {
  return outcome instanceof Promise ? outcome.then(then) as Promise<Awaited<R>> : then(outcome);
}

export const answerOf = <T>(outcome: Outcome<T> | Promise<Outcome<T>>): Ack<T> | Acked | Promise<Ack<T> | Acked> => whenDone(outcome, (o) => o.answer);

interface Defined {
  missing: ErrorCode | ((payload: never) => ErrorCode);
  op: RoomOp<never, unknown>;
}

/** Where a room is, when this node does not host it (cluster mode's directory and forwarding). */
export interface RemoteRooms {
  /** Runs the call on the room's owner node; `local`: this node hosts the room after all (it just took it over). */
  call<T>(code: string, name: OpName, origin: Origin, payload: unknown, ack: AckTo<T>): Promise<Outcome<T> | 'none' | { local: RoomHost }>;
  exists(code: string): Promise<boolean>;
}

export function createRoomCalls(rooms: Pick<Rooms, 'get' | 'has'>, remote: RemoteRooms | null = null): RoomCalls {
  const ops = new Map<OpName, Defined>();
  const missingOf = (name: OpName, payload: unknown): Outcome<never> => {
    const { missing } = ops.get(name)!;
    const error = typeof missing === 'string' ? missing : missing(payload as never);
    return { answer: refuse(error), error };
  };
  const runOn = <T>(room: RoomHost, name: OpName, origin: Origin, payload: unknown, ack: AckTo<T>): Outcome<T> => {
    const defined = ops.get(name);
    if (!defined) throw new Error(`no room operation ${name}`);
    return outcomeOf(defined.op(room, origin, payload as never, ack as AckTo) as Ack<T> | Step | void);
  };
  const runHere = <T>(code: string, name: OpName, origin: Origin, payload: unknown, ack: AckTo<T>): Outcome<T> | undefined => {
    const room = rooms.get(code);
    return room ? runOn(room, name, origin, payload, ack) : undefined;
  };
  return {
    define(name, missing, op) {
      if (ops.has(name)) throw new Error(`room operation ${name} defined twice`);
      ops.set(name, { missing: missing as Defined['missing'], op: op as unknown as Defined['op'] });
    },
    call<P, T>(code: string | null, name: OpName, origin: Origin, payload: P, ack: AckTo<T>): Outcome<T> | Promise<Outcome<T>> {
      if (code === null) return missingOf(name, payload);
      const here = runHere(code, name, origin, payload, ack);
      if (here) return here;
      if (!remote) return missingOf(name, payload);
      return remote.call(code, name, origin, payload, ack).then((o) => {
        if (o === 'none') return missingOf(name, payload);
        if ('local' in o) return runOn(o.local, name, origin, payload, ack);
        return o;
      });
    },
    exists: (code) => rooms.has(code) || (remote ? remote.exists(code) : false),
    runHere,
  };
}
