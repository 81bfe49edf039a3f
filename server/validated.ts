// The one wrapper every client event goes through: ack required, schema, and no exception escapes.
// (Rate limits apply before this, to every packet: flood-guard.ts.)
//
// Handlers are routes registered ONCE per server: each event gets one listener function, shared by every socket
// (socket.io calls it with `this` = the socket), so a connection costs its `_events` entries, not a dozen closures
// of its own (issue 14: ~7.6 KiB per connection at 10,000 went to such closures).
import type { z } from 'zod';
import type { Ack, AckFn, ClientToServerEvents, ErrorCode } from '../shared/protocol.ts';
import type { AckTo, Reply } from './outgoing.ts';
import type { GameSocket, Log } from './types.ts';

export type EventName = keyof ClientToServerEvents;
export type AckData<E extends EventName> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;

export const refuse = (error: ErrorCode, suggestion?: string): { ok: false; error: ErrorCode; suggestion?: string } =>
  suggestion === undefined ? { ok: false, error } : { ok: false, error, suggestion };

/** What a handler returns when a room step already carries its ack (room-host.ts, Request): nothing more to send. */
export const ACKED: unique symbol = Symbol('acked');
export type Acked = typeof ACKED;
type Handled<T> = Ack<T> | Acked;

export interface Guard {
  log: Log;
  /** Holds a reply until the changes of this turn are saved (the outbox: an internal_error instead if they could
   *  not be; it counts refusals itself). */
  queue?: (reply: Reply) => void;
  /** Counts refusals by reason (/metrics). */
  refused?: (error: ErrorCode) => void;
}

type Listener = (this: GameSocket, payload: unknown, ack: unknown) => void;

export interface Routes {
  /** The handler of one event, for every socket; `socket` is the one that sent it. */
  on<E extends EventName, S extends z.ZodType>(
    event: E,
    schema: S,
    handler: (data: z.output<S>, socket: GameSocket, ack: AckTo<AckData<E>>) => Handled<AckData<E>> | Promise<Handled<AckData<E>>>,
  ): void;
  /** A new socket: every route listens on it. */
  attach(socket: GameSocket): void;
}

export function createRoutes(guard: Guard): Routes {
  const listeners: [EventName, Listener][] = [];
  let shared: object | null = null;

  function reply(event: EventName, ack: (response: unknown) => void, response: Ack<unknown>): void {
    if (!response.ok) guard.refused?.(response.error);
    try {
      ack(response);
    } catch (error) {
      guard.log(`ack for ${event} failed`, error);
    }
  }

  // A handler that awaited a limit decides and dispatches in one synchronous step after its last await, so the
  // reply still waits for the save of the turn that made the change.
  function send(event: EventName, ack: (response: unknown) => void, response: Handled<unknown>): void {
    if (response === ACKED) return;
    if (guard.queue) guard.queue({ to: { ack }, event, payload: response });
    else reply(event, ack, response);
  }

  function failed(event: EventName, ack: (response: unknown) => void, error: unknown): void {
    guard.log(`${event} failed`, error);
    reply(event, ack, refuse('internal_error'));
  }

  return {
    on(event, schema, handler) {
      if (shared !== null) throw new Error(`route ${event} registered after the first socket`);
      const listener: Listener = function (payload, ack) {
        if (typeof ack !== 'function') return;
        const respond = ack as (response: unknown) => void;
        try {
          const parsed = schema.safeParse(payload);
          const response = parsed.success ? handler(parsed.data, this, respond) : refuse('invalid_payload');
          if (response instanceof Promise) {
            response.then(
              (r) => send(event, respond, r),
              (error: unknown) => failed(event, respond, error),
            );
          } else send(event, respond, response);
        } catch (error) {
          failed(event, respond, error);
        }
      };
      listeners.push([event, listener]);
    },
    attach(socket) {
      shared ??= sharedListeners(listeners);
      if (inheritListeners(socket, shared, listeners.length)) return;
      const on = (socket as unknown as { on(event: string, listener: Listener): void }).on.bind(socket);
      for (const [event, listener] of listeners) on(event, listener);
    },
  };
}

/** Node's EventEmitter keeps a socket's listeners in its own `_events` object: with ~30 routes that object is
 *  ~1.5 KiB per socket (issue 14: RSS per connection). Every socket's routes are the same functions, so the
 *  socket's `_events` inherits them from one object instead; listeners added later (disconnect) are its own. */
function sharedListeners(listeners: readonly [EventName, Listener][]): object {
  const events = Object.create(null) as Record<string, Listener>;
  for (const [event, listener] of listeners) events[event] = listener;
  return events;
}

/** False (nothing changed) when the socket is not the EventEmitter this expects, or already listens to a route. */
function inheritListeners(socket: GameSocket, shared: object, count: number): boolean {
  const emitter = socket as unknown as { _events?: Record<string | symbol, unknown>; _eventsCount?: number };
  const own = emitter._events;
  if (own === undefined || typeof emitter._eventsCount !== 'number') return false;
  const keys = Reflect.ownKeys(own);
  if (keys.some((k) => typeof k === 'string' && k in shared)) return false;
  const events = Object.create(shared) as Record<string | symbol, unknown>;
  for (const k of keys) events[k] = own[k];
  emitter._events = events;
  emitter._eventsCount += count;
  return true;
}
