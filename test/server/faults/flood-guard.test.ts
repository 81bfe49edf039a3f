// The flood guard in one process on a fake clock: polite refusals, the cut-off, and the slowed reconnections.
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import { call, startServer, waitFor, type Client, type TestServer } from '../harness.ts';

let t: TestServer;
afterEach(async () => {
  await t.close();
});

/** Resolves 'connected' or 'refused' for one connection attempt, without retrying. */
function attempt(url: string): Promise<'connected' | 'refused'> {
  const socket: Client = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve) => {
    socket.once('connect', () => (socket.close(), resolve('connected')));
    socket.once('connect_error', () => (socket.close(), resolve('refused')));
  });
}

describe('the flood guard', () => {
  it('refuses beyond the rate, counts events without an ack, and cuts off a socket at three times the burst', async () => {
    t = await startServer({ eventBurst: 5, eventsPerSecond: 1 });
    const socket = await t.connect();
    const raw = socket as unknown as { emit(...args: unknown[]): void };
    for (let i = 0; i < 3; i++) raw.emit('no-such-event', {});
    const acks = await Promise.all(Array.from({ length: 4 }, () => call(socket, 'room:leave', {})));
    expect(acks.map((a) => (a.ok ? 'ok' : a.error))).toEqual(['not_joined', 'not_joined', 'rate_limited', 'rate_limited']);
    const cut = waitFor<string>(socket, 'disconnect');
    for (let i = 0; i < 20; i++) raw.emit('room:leave', {}, () => {});
    expect(await cut).toBe('io server disconnect');
  });

  it('lets the address that flooded reconnect only once a second for 10 seconds', async () => {
    t = await startServer({ eventBurst: 5, eventsPerSecond: 1 });
    const socket = await t.connect();
    const cut = waitFor(socket, 'disconnect');
    for (let i = 0; i < 30; i++) (socket as unknown as { emit(...args: unknown[]): void }).emit('room:leave', {}, () => {});
    await cut;
    expect(await attempt(t.url)).toBe('refused');
    t.time.jump(1000);
    expect(await attempt(t.url)).toBe('connected');
    expect(await attempt(t.url)).toBe('refused');
    t.time.jump(10_000);
    expect([await attempt(t.url), await attempt(t.url)]).toEqual(['connected', 'connected']);
  });
});
