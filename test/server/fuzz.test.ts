import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import {
  CreateRoom, Empty, HomeworkJoin, HomeworkRejoin, HomeworkRound, HostKick, HostLock, HostNext, HostPause, JoinRoom, PickTeam,
  RejoinRoom, SubmitAnswer, type Created, type Joined,
} from '../../shared/protocol.ts';
import { call, ok, settings, startServer, type Client, type TestServer } from './harness.ts';
import { expectedTotals, playGame, setupGame, type Move } from './game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

const schemas: Record<string, z.ZodType> = {
  'room:create': CreateRoom, 'room:join': JoinRoom, 'room:rejoin': RejoinRoom, 'room:leave': Empty,
  'team:pick': PickTeam, 'answer:submit': SubmitAnswer, 'host:start': Empty, 'host:next': HostNext,
  'host:kick': HostKick, 'host:lock': HostLock, 'host:pause': HostPause, 'host:end': Empty, 'host:results': Empty,
  'player:recap': Empty, 'hw:join': HomeworkJoin, 'hw:rejoin': HomeworkRejoin, 'hw:open': HomeworkRound, 'hw:answer': SubmitAnswer,
  'hw:recap': Empty,
};
const events = Object.keys(schemas);

/** Random values of every shape, small enough to pass the frame limit, that the event's schema rejects. */
function malformed(event: string): fc.Arbitrary<unknown> {
  const shapes = fc.oneof(
    fc.anything({ maxDepth: 3, maxKeys: 6 }),
    fc.record({ code: fc.string({ maxLength: 8 }), name: fc.anything({ maxDepth: 1 }), token: fc.string() }, { requiredKeys: [] }),
    fc.record({ round: fc.oneof(fc.integer(), fc.double(), fc.string()), answer: fc.anything({ maxDepth: 2 }), extra: fc.anything() }, { requiredKeys: [] }),
    fc.record({ settings: fc.record({ kinds: fc.array(fc.string(), { maxLength: 3 }), rounds: fc.integer() }) }),
    fc.uint8Array({ maxLength: 64 }),
    fc.string({ maxLength: 2000 }),
  );
  return shapes.filter((v) => !schemas[event]!.safeParse(onTheWire(v)).success && (JSON.stringify(v) ?? '').length < 3000);
}

/** What the server receives: JSON drops undefined keys and turns NaN into null; binary stays binary. */
function onTheWire(value: unknown): unknown {
  if (value === undefined || value instanceof Uint8Array) return value;
  const json = JSON.stringify(value);
  return json === undefined ? undefined : JSON.parse(json);
}

async function fuzz(socket: Client, count: number, seed: number): Promise<unknown[]> {
  const cases = fc.sample(fc.constantFrom(...events).chain((e) => fc.tuple(fc.constant(e), malformed(e))), { numRuns: count, seed });
  const acks: unknown[] = [];
  for (let i = 0; i < cases.length; i += 50) {
    const batch = cases.slice(i, i + 50);
    for (const [event, payload] of batch) (socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
    acks.push(...(await Promise.all(batch.map(([event, payload]) => call(socket, event, payload)))));
  }
  return acks;
}

describe('malformed and random payloads', () => {
  it('never crash the server nor change a room, while an honest game completes with correct scores', async () => {
    const target = await setupGame(t, settings(), ['Eve', 'Mal']);
    const stranger = await t.connect();
    const before = JSON.stringify(t.server.rooms.get(target.code)!.state);
    const s = settings({ rounds: 2 });
    const honest = await setupGame(t, s);
    const script: Move[][] = [
      [{ answer: 'right', at: 2000 }, { answer: 'wrong', at: 3000 }, { answer: 'right', at: 4000 }],
      [{ answer: 'right', at: 1000 }, { answer: 'right', at: 6000 }, null],
    ];
    const [acks, game] = await Promise.all([
      Promise.all([fuzz(target.host, 1000, 1), fuzz(target.players[0]!.socket, 1000, 2), fuzz(stranger, 1000, 3)]),
      playGame(t, honest, script),
    ]);
    expect(acks.flat()).toHaveLength(3000);
    expect(new Set(acks.flat().map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: false, error: 'invalid_payload' })]));
    expect(JSON.stringify(t.server.rooms.get(target.code)!.state)).toBe(before);
    expect(game.results.players.map((p) => p.score).sort()).toEqual(expectedTotals(s, script).sort());
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('ignores events without an ack and unknown events', async () => {
    const game = await setupGame(t, settings());
    const before = JSON.stringify(t.server.rooms.get(game.code)!.state);
    const raw = game.host as unknown as { emit(...args: unknown[]): void };
    raw.emit('host:start', {});
    raw.emit('host:start', {}, 'not a function');
    raw.emit('host:lock', { locked: true }, { then: 1 });
    for (const e of ['__proto__', 'constructor', 'room:state', 'toString', 'x'.repeat(300)]) raw.emit(e, {}, () => {});
    expect(await call(game.host, 'host:lock', { locked: false })).toEqual({ ok: true, data: null });
    expect(JSON.parse(JSON.stringify(t.server.rooms.get(game.code)!.state)).phase).toBe(JSON.parse(before).phase);
  });

  it('drops a socket that sends an oversized frame and keeps serving the others', async () => {
    const game = await setupGame(t, settings());
    const big = await t.connect();
    const gone = new Promise((resolve) => big.on('disconnect', resolve));
    (big as unknown as { emit(e: string, p: unknown): void }).emit('room:join', { code: game.code, name: 'x'.repeat(10_000) });
    await gone;
    expect(await call(game.host, 'host:lock', { locked: true })).toEqual({ ok: true, data: null });
  });
});

describe('rate limits', () => {
  it('limits events per socket', async () => {
    await t.close();
    t = await startServer({ eventBurst: 5, eventsPerSecond: 1 });
    const socket = await t.connect();
    const acks = await Promise.all(Array.from({ length: 8 }, () => call(socket, 'room:leave', {})));
    expect(acks.map((a) => (a.ok ? 'ok' : a.error))).toEqual([...Array(5).fill('not_joined'), ...Array(3).fill('rate_limited')]);
    t.time.advance(1000);
    expect(await call(socket, 'room:leave', {})).toEqual({ ok: false, error: 'not_joined' });
  });
});
