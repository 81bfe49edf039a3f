// Every socket's route listeners are inherited from one object (validated.ts), not copied onto each socket: the
// routes still answer, a listener added to one socket stays its own, and a second socket is not affected.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Created } from '../../shared/protocol.ts';
import { call, ok, settings, startServer, type TestServer } from './harness.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

const ownEvents = (id: string): (string | symbol)[] => {
  const socket = t.server.io.sockets.sockets.get(id) as unknown as { _events: object };
  return Reflect.ownKeys(socket._events);
};

describe('route listeners shared by every socket', () => {
  it('answers every route while each socket keeps only its own listeners', async () => {
    const a = await t.connect();
    const b = await t.connect();
    const created = await ok<Created>(call(a, 'room:create', { settings: settings() }));
    expect(await call(b, 'room:join', { code: created.code, name: 'Ana' })).toMatchObject({ ok: true });
    expect(await call(b, 'host:start', {})).toEqual({ ok: false, error: 'not_host' });
    expect(await call(b, 'room:join', { code: created.code, name: 'Ana' })).toEqual({ ok: false, error: 'already_joined' });
    for (const socket of [a, b]) {
      const own = ownEvents(socket.id!);
      expect(own).toContain('disconnect');
      expect(own).not.toContain('room:join');
    }
    // A listener one socket adds is that socket's alone.
    const server = t.server.io.sockets.sockets.get(a.id!)!;
    let heard = 0;
    (server as unknown as { on(e: string, l: () => void): void }).on('room:join', () => heard++);
    expect(ownEvents(a.id!)).toContain('room:join');
    expect(ownEvents(b.id!)).not.toContain('room:join');
    expect(await call(a, 'room:join', { code: created.code, name: 'Ben' })).toEqual({ ok: false, error: 'already_joined' });
    expect(heard).toBe(1);
  });
});
