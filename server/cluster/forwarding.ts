// Events for a room owned by another node, and what the owner sends back to sockets held here (cluster mode).
//
// The socket's node has already done the per-socket work (flood guard, payload validation, the Redis-backed
// limits); it sends the request `{ id, code, op, payload, origin }` to the owner's channel (node-bus.ts) and waits
// for `{ id, ack, error }`. The owner runs the room operation (room-calls.ts) exactly as for a local socket; the
// bindings and messages its outbox makes for sockets on other nodes are queued here per node, and the forwarded
// ack joins that queue when the outbox sends it — after the change is saved, and after the bindings of the same
// step. One publish per node per event-loop turn carries everything queued for it, in order, so the socket's node
// applies a socket's identity and room before it hands over the ack that follows it.
//
// Failure: no answer within `timeoutMs` ⇒ the caller gets `room_moving` (the owner may have applied the event:
// docs/protocol.md, "Errors"); `not_owner` (the room moved, or was never here) ⇒ the caller looks again and retries
// once (remote-rooms.ts).
import type { Ack, ErrorCode, SocketData } from '../../shared/protocol.ts';
import type { Origin } from '../origin.ts';
import type { Outbox } from '../outbox.ts';
import type { ServerEvent } from '../outgoing.ts';
import type { OpName, RoomCalls } from '../room-calls.ts';
import type { GameServer, Log } from '../types.ts';
import { ACKED, type EventName } from '../validated.ts';
import type { NodeBus } from './node-bus.ts';

/** No answer from the owner in this long: the caller hears room_moving. */
export const FORWARD_TIMEOUT_MS = 5000;
/** Items per publish at most: a reveal's 5,000 per-player results go out in ten messages, not one of megabytes. */
export const MAX_ITEMS = 500;
/** Sockets of other nodes remembered at most (a socket released without a disconnect reaching here is never
 *  forgotten otherwise); the oldest go first. */
export const MAX_REMEMBERED_SOCKETS = 200_000;

/** What crosses between nodes. `call`: a request for a room the receiver owns; everything else is for a socket the
 *  receiver holds. */
export type Item =
  | { k: 'call'; id: number; code: string; op: OpName; payload: unknown; origin: Origin }
  | { k: 'reply'; id: number; ack: Ack<unknown> | null; error: ErrorCode | null }
  | { k: 'not_owner'; id: number }
  | { k: 'send'; socket: string; event: ServerEvent; payload: unknown }
  | { k: 'identify'; socket: string; identity: SocketData }
  | { k: 'join'; socket: string; room: string }
  | { k: 'leave'; socket: string; room: string }
  | { k: 'disconnect'; socket: string };

interface Envelope {
  from: string;
  items: Item[];
}

export type Forwarded =
  | { status: 'ok'; ack: Ack<unknown> | null; error: ErrorCode | null }
  | { status: 'not_owner' }
  | { status: 'timeout' };

export interface ForwarderDeps {
  node: string;
  bus: NodeBus;
  io: GameServer;
  /** The room operations (set once the handlers have defined them). */
  calls(): RoomCalls;
  /** Where a plain answer of a forwarded call waits for the current batch, like a local one (app.ts). */
  outbox(): Outbox;
  log: Log;
  timeoutMs?: number;
}

export interface Forwarder {
  readonly node: string;
  /** Runs `op` for `code` on its owner `node` and waits for its answer. */
  request(node: string, code: string, op: OpName, origin: Origin, payload: unknown): Promise<Forwarded>;
  /** The same without an answer (a socket gone). */
  notify(node: string, code: string, op: OpName, origin: Origin, payload: unknown): void;
  /** Queues a binding or a message for a socket another node holds. */
  toSocket(node: string, item: Exclude<Item, { k: 'call' | 'reply' | 'not_owner' }>): void;
  /** The node that holds a socket this node has heard from (a forwarded call's origin). */
  nodeOf(socketId: string): string | undefined;
  /** Publishes everything queued, now (before a room broadcast, which must not overtake it). */
  flush(): void;
  /** Subscribes to this node's channel. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** Requests still waiting for their answer. */
  readonly waiting: number;
}

const errorOfAck = (payload: unknown): ErrorCode | null => {
  const ack = payload as Ack<unknown>;
  return ack.ok ? null : ack.error;
};

export function createForwarder(deps: ForwarderDeps): Forwarder {
  const { node, bus, io, log } = deps;
  const timeoutMs = deps.timeoutMs ?? FORWARD_TIMEOUT_MS;
  const queues = new Map<string, Item[]>();
  const pending = new Map<number, { resolve: (f: Forwarded) => void; timer: NodeJS.Timeout }>();
  /** Sockets on other nodes, by the origin of the calls they made here. */
  const socketNodes = new Map<string, string>();
  let nextId = 1;
  let scheduled: NodeJS.Immediate | null = null;

  function flush(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    for (const [to, items] of queues) {
      for (let i = 0; i < items.length; i += MAX_ITEMS) {
        const envelope: Envelope = { from: node, items: items.slice(i, i + MAX_ITEMS) };
        bus.publish(to, JSON.stringify(envelope));
      }
    }
    queues.clear();
  }

  function queue(to: string, item: Item): void {
    let items = queues.get(to);
    if (!items) queues.set(to, (items = []));
    items.push(item);
    // One publish per node per turn: a socket.io read of many packets, or an outbox flush of many acks.
    scheduled ??= setImmediate(() => {
      scheduled = null;
      try {
        flush();
      } catch (error) {
        log('forwarding failed', error);
      }
    });
  }

  function remember(socketId: string, at: string): void {
    if (socketNodes.get(socketId) === at) return;
    socketNodes.delete(socketId);
    socketNodes.set(socketId, at);
    if (socketNodes.size > MAX_REMEMBERED_SOCKETS) socketNodes.delete(socketNodes.keys().next().value!);
  }

  function call(from: string, item: Extract<Item, { k: 'call' }>): void {
    const { id, code, op, origin, payload } = item;
    if (origin.node !== node) remember(origin.socketId, origin.node);
    const calls = deps.calls();
    if (op === 'room:gone') {
      calls.runHere(code, op, origin, payload, () => {});
      socketNodes.delete(origin.socketId);
      return;
    }
    // The owner's outbox calls this when it sends the ack: after the save, behind the step's bindings.
    const ack = (response: unknown): void => queue(from, { k: 'reply', id, ack: response as Ack<unknown>, error: errorOfAck(response) });
    const outcome = calls.runHere(code, op, origin, payload, ack);
    if (!outcome) queue(from, { k: 'not_owner', id });
    else if (outcome.answer !== ACKED) deps.outbox().reply({ to: { ack }, event: op as EventName, payload: outcome.answer });
    else if (!outcome.carried) queue(from, { k: 'reply', id, ack: null, error: outcome.error });
  }

  function answered(id: number, result: Forwarded): void {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    clearTimeout(waiting.timer);
    waiting.resolve(result);
  }

  function receive(from: string, item: Item): void {
    const socket = 'socket' in item ? io.sockets.sockets.get(item.socket) : undefined;
    switch (item.k) {
      case 'call':
        return call(from, item);
      case 'reply':
        return answered(item.id, { status: 'ok', ack: item.ack, error: item.error });
      case 'not_owner':
        return answered(item.id, { status: 'not_owner' });
      case 'send':
        (socket as { emit(event: string, payload: unknown): unknown } | undefined)?.emit(item.event, item.payload);
        return;
      case 'identify':
        if (socket) socket.data = item.identity;
        return;
      case 'join':
        void socket?.join(item.room);
        return;
      case 'leave':
        void socket?.leave(item.room);
        return;
      case 'disconnect':
        socket?.disconnect(true);
        return;
    }
  }

  function onMessage(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (error) {
      log('unreadable message from another node', error);
      return;
    }
    for (const item of envelope.items) {
      try {
        receive(envelope.from, item);
      } catch (error) {
        log(`forwarded ${item.k} failed`, error);
        if (item.k === 'call' && item.op !== 'room:gone') queue(envelope.from, { k: 'reply', id: item.id, ack: { ok: false, error: 'internal_error' }, error: 'internal_error' });
      }
    }
  }

  return {
    node,
    request(to, code, op, origin, payload) {
      const id = nextId++;
      return new Promise<Forwarded>((resolve) => {
        const timer = setTimeout(() => answered(id, { status: 'timeout' }), timeoutMs);
        pending.set(id, { resolve, timer });
        queue(to, { k: 'call', id, code, op, origin, payload });
      });
    },
    notify(to, code, op, origin, payload) {
      queue(to, { k: 'call', id: 0, code, op, origin, payload });
    },
    toSocket: (to, item) => queue(to, item),
    nodeOf: (socketId) => socketNodes.get(socketId),
    flush,
    start: () => bus.listen(node, onMessage),
    async close() {
      flush();
      for (const id of [...pending.keys()]) answered(id, { status: 'timeout' });
      await bus.close();
    },
    get waiting() {
      return pending.size;
    },
  };
}
