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
      const on = (socket as unknown as { on(event: string, listener: Listener): void }).on.bind(socket);
      for (const [event, listener] of listeners) on(event, listener);
    },
  };
}
