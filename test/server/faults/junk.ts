// Junk a hostile console can send: known events with payloads their schema rejects, well-formed events the socket
// may not send, unknown events, events without an ack or with the ack in the wrong place, binary, and frames over
// the size limit. Drawn by fast-check from a fixed seed, so a failure can be replayed.
import fc from 'fast-check';
import type { z } from 'zod';
import {
  CreateRoom, Empty, HostKick, HostLock, HostNext, HostPause, JoinRoom, PickTeam, RejoinRoom, SubmitAnswer,
} from '../../../shared/protocol.ts';

export const schemas: Record<string, z.ZodType> = {
  'room:create': CreateRoom, 'room:join': JoinRoom, 'room:rejoin': RejoinRoom, 'room:leave': Empty,
  'team:pick': PickTeam, 'answer:submit': SubmitAnswer, 'host:start': Empty, 'host:next': HostNext,
  'host:kick': HostKick, 'host:lock': HostLock, 'host:pause': HostPause, 'host:end': Empty, 'host:results': Empty,
};
const known = Object.keys(schemas);

/** How an event is sent: with an ack (we expect an error), without one, or with the ack after an extra argument. */
export type AckStyle = 'ack' | 'none' | 'late';
export interface Junk {
  kind: string;
  event: string;
  payload: unknown;
  style: AckStyle;
}

/** What the server receives: JSON drops undefined keys and turns NaN into null; binary stays binary. */
function onTheWire(value: unknown): unknown {
  if (value === undefined || value instanceof Uint8Array) return value;
  const json = JSON.stringify(value);
  return json === undefined ? undefined : JSON.parse(json);
}

/** Under the 4 KiB frame limit in bytes, with room for the event name and envelope. */
const small = (v: unknown): boolean => v instanceof Uint8Array || Buffer.byteLength(JSON.stringify(v) ?? '') < 3000;

const anyShape = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 6 }),
  fc.record({ code: fc.string({ maxLength: 8 }), name: fc.anything({ maxDepth: 1 }), token: fc.string() }, { requiredKeys: [] }),
  fc.record({ round: fc.oneof(fc.integer(), fc.double(), fc.string()), answer: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record({ settings: fc.record({ kinds: fc.array(fc.string(), { maxLength: 3 }), rounds: fc.integer() }) }),
  fc.uint8Array({ maxLength: 256 }),
  fc.string({ maxLength: 2500 }),
);

const malformed = fc.constantFrom(...known).chain((event) =>
  anyShape
    .filter((v) => small(v) && !schemas[event]!.safeParse(onTheWire(v)).success)
    .map((payload): Junk => ({ kind: 'malformed', event, payload, style: 'ack' })),
);

/** Valid shapes this socket has no right to send (not joined, no such room, not the host). */
const unauthorised = fc.constantFrom<Junk>(
  { kind: 'unauthorised', event: 'answer:submit', payload: { round: 1, answer: 'a' }, style: 'ack' },
  { kind: 'unauthorised', event: 'room:rejoin', payload: { code: 'ABCDEF', token: 'stolen.token' }, style: 'ack' },
  { kind: 'unauthorised', event: 'room:join', payload: { code: 'ZZZZZZ', name: 'x' }, style: 'ack' },
  { kind: 'unauthorised', event: 'host:start', payload: {}, style: 'ack' },
  { kind: 'unauthorised', event: 'host:kick', payload: { playerId: 'someone' }, style: 'ack' },
  { kind: 'unauthorised', event: 'host:results', payload: {}, style: 'ack' },
  { kind: 'unauthorised', event: 'team:pick', payload: { team: 1 }, style: 'ack' },
);

const unknownEvent = fc
  .oneof(fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'room:state', 'server:restarting', 'removeAllListeners'), fc.string({ minLength: 1, maxLength: 300 }))
  .filter((e) => !known.includes(e) && !['connect', 'connect_error', 'disconnecting', 'newListener', 'removeListener'].includes(e))
  .chain((event) => fc.anything({ maxDepth: 2 }).filter(small).map((payload): Junk => ({ kind: 'unknown event', event, payload, style: 'ack' })));

const ackless = fc.tuple(fc.constantFrom(...known), fc.anything({ maxDepth: 2 }).filter(small), fc.constantFrom<AckStyle>('none', 'late'))
  .map(([event, payload, style]): Junk => ({ kind: style === 'none' ? 'no ack' : 'ack misplaced', event, payload, style }));

const huge = fc.constantFrom(...known).map((event): Junk => ({ kind: 'oversize frame', event, payload: { name: 'x'.repeat(6000) }, style: 'ack' }));

export function junkEvents(count: number, seed: number): Junk[] {
  const mix = fc.oneof(
    { weight: 55, arbitrary: malformed },
    { weight: 15, arbitrary: unauthorised },
    { weight: 12, arbitrary: unknownEvent },
    { weight: 16, arbitrary: ackless },
    { weight: 2, arbitrary: huge },
  );
  return fc.sample(mix, { numRuns: count, seed });
}
