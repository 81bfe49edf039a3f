// A stand-in for a socket.io client socket: records emits, answers them from a script, and lets a test fire server
// events, connects and disconnects. Only what GameClient touches is implemented.
import type { GameSocket } from '../../client/src/lib/socket.ts';
import type { KeyValueStore } from '../../client/src/lib/session-store.ts';

type Handler = (...args: unknown[]) => void;
type Responder = (payload: unknown) => unknown;

export interface FakeSocket {
  socket: GameSocket;
  connected: boolean;
  active: boolean;
  auth: unknown;
  /** Every emit in order: event name and payload. */
  sent: { event: string; payload: unknown }[];
  /** How the "server" answers an event; an event without a responder never acks (a timeout). A responder that
   *  returns `noAnswerYet` leaves the ack pending until the connection drops (socket.io then rejects it). */
  respond(event: string, responder: Responder): void;
  trigger(event: string, ...args: unknown[]): void;
  connect(): void;
  drop(reason?: string): void;
  connectCalls: number;
}

/** A responder's way of saying "the server never answers this one while the connection lasts". */
export const noAnswerYet = Symbol('no answer yet');

export function fakeSocket(connected = true): FakeSocket {
  const handlers = new Map<string, Handler[]>();
  const responders = new Map<string, Responder>();
  /** Acks still waiting: socket.io rejects them when the connection closes ("socket has been disconnected"). */
  const pending = new Set<(error: Error) => void>();
  const rejectPending = () => {
    for (const reject of [...pending]) reject(new Error('socket has been disconnected'));
    pending.clear();
  };
  const fake = {
    connected,
    /** socket.io's own: true while it will retry by itself (false once the server refused the connection). */
    active: true,
    auth: undefined as unknown,
    sent: [] as FakeSocket['sent'],
    connectCalls: 0,
    respond(event: string, responder: Responder) {
      responders.set(event, responder);
    },
    trigger(event: string, ...args: unknown[]) {
      for (const handler of handlers.get(event) ?? []) handler(...args);
    },
    connect() {
      fake.connected = true;
      fake.trigger('connect');
    },
    drop(reason = 'transport close') {
      fake.connected = false;
      rejectPending();
      fake.trigger('disconnect', reason);
    },
  } as FakeSocket;
  const emitWithAck = (event: string, payload: unknown) => {
    fake.sent.push({ event, payload });
    const responder = responders.get(event);
    if (!responder) return Promise.reject(new Error('operation has timed out'));
    const answer = responder(payload);
    if (answer !== noAnswerYet) return Promise.resolve(answer);
    return new Promise((_resolve, reject) => pending.add(reject));
  };
  const socket = {
    get connected() {
      return fake.connected;
    },
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return socket;
    },
    removeAllListeners() {
      handlers.clear();
      return socket;
    },
    timeout() {
      return { emitWithAck };
    },
    connect() {
      fake.connectCalls += 1;
      return socket;
    },
    /** Like socket.io's: a socket that was connected closes at once, its pending acks rejected, 'disconnect' fired
     *  with 'io client disconnect'. */
    disconnect() {
      if (!fake.connected) return socket;
      fake.connected = false;
      rejectPending();
      fake.trigger('disconnect', 'io client disconnect');
      return socket;
    },
  };
  fake.socket = socket as unknown as GameSocket;
  return fake;
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
