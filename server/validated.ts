// The one wrapper every client event goes through: ack required, schema, and no exception escapes.
// (Rate limits apply before this, to every packet: flood-guard.ts.)
import type { z } from 'zod';
import type { Ack, AckFn, ClientToServerEvents, ErrorCode } from '../shared/protocol.ts';
import type { GameSocket, Log } from './types.ts';

export type EventName = keyof ClientToServerEvents;
export type AckData<E extends EventName> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;

export const refuse = (error: ErrorCode, suggestion?: string): { ok: false; error: ErrorCode; suggestion?: string } =>
  suggestion === undefined ? { ok: false, error } : { ok: false, error, suggestion };

export interface Guard {
  log: Log;
  /** Holds a reply until the changes of this turn are saved; `failed` is sent instead if they could not be. */
  afterSave?: (sent: () => void, failed: () => void) => void;
  /** Counts refusals by reason (/metrics). */
  refused?: (error: ErrorCode) => void;
}

type Listener = (payload: unknown, ack: unknown) => void;

export function validated<E extends EventName, S extends z.ZodType>(
  socket: GameSocket,
  guard: Guard,
  event: E,
  schema: S,
  handler: (data: z.output<S>) => Ack<AckData<E>> | Promise<Ack<AckData<E>>>,
): void {
  const listener: Listener = (payload, ack) => {
    if (typeof ack !== 'function') return;
    const reply = (response: Ack<AckData<E>>): void => {
      if (!response.ok) guard.refused?.(response.error);
      try {
        ack(response);
      } catch (error) {
        guard.log(`ack for ${event} failed`, error);
      }
    };
    const failed = (error: unknown): void => {
      guard.log(`${event} failed`, error);
      reply(refuse('internal_error'));
    };
    // A handler that awaited a limit decides and dispatches in one synchronous step after its last await, so the
    // reply still waits for the save of the turn that made the change.
    const send = (response: Ack<AckData<E>>): void => {
      if (guard.afterSave) guard.afterSave(() => reply(response), () => reply(refuse('internal_error')));
      else reply(response);
    };
    try {
      const parsed = schema.safeParse(payload);
      const response = parsed.success ? handler(parsed.data) : refuse('invalid_payload');
      if (response instanceof Promise) response.then(send, failed);
      else send(response);
    } catch (error) {
      failed(error);
    }
  };
  (socket as unknown as { on(event: string, listener: Listener): void }).on(event, listener);
}
