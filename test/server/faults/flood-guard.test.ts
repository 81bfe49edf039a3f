// The flood guard in one process on a fake clock: polite refusals, the cut-off, and a cooldown that binds to the
// flooder's seat and its tokenless connections, never to classmates who bring their own token.
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import type { Created, Joined } from '../../../shared/protocol.ts';
import { call, settings, startServer, waitFor, type Client, type TestServer } from '../harness.ts';

let t: TestServer;
afterEach(async () => {
  await t.close();
});

/** Resolves 'connected' or 'refused' for one connection attempt, without retrying; `auth` as the web client sends it. */
function attempt(url: string, auth: { code: string; token: string } | null = null): Promise<'connected' | 'refused'> {
  const socket: Client = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(auth ? { auth } : {}) });
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

  it('binds the cooldown to the flooder: its seat waits 10 s, its address gets one tokenless connection a second, other seats come straight back', async () => {
    t = await startServer({ eventBurst: 5, eventsPerSecond: 1 });
    const host = await t.connect();
    const created = await call<Created>(host, 'room:create', { settings: settings() });
    if (!created.ok) expect.fail(created.error);
    const { code, hostToken } = created.data;
    const seat = async (name: string) => {
      const socket = await t.connect();
      const joined = await call<Joined>(socket, 'room:join', { code, name });
      if (!joined.ok) expect.fail(joined.error);
      return { socket, token: joined.data.playerToken };
    };
    const flooder = await seat('Flo');
    const honest = await seat('Ana');
    const cut = waitFor(flooder.socket, 'disconnect');
    for (let i = 0; i < 30; i++) (flooder.socket as unknown as { emit(...args: unknown[]): void }).emit('no-such-event', {});
    await cut;
    // The flooder's own seat is held off; a classmate's seat and the host's come back at once, again and again.
    expect(await attempt(t.url, { code, token: flooder.token })).toBe('refused');
    honest.socket.disconnect();
    host.disconnect();
    for (let i = 0; i < 3; i++) {
      expect(await attempt(t.url, { code, token: honest.token })).toBe('connected');
      expect(await attempt(t.url, { code, token: hostToken })).toBe('connected');
    }
    // Without a token (the flooder again, or a new page): one connection a second from this address.
    const tokenless = await Promise.all([attempt(t.url), attempt(t.url), attempt(t.url)]);
    expect(tokenless.filter((r) => r === 'connected')).toHaveLength(1);
    t.time.jump(10_000);
    expect(await attempt(t.url, { code, token: flooder.token })).toBe('connected');
    expect([await attempt(t.url), await attempt(t.url)]).toEqual(['connected', 'connected']);
  });
});
