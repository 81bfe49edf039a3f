// The bench's raw-WebSocket client (bench/wire) against a real socket.io 4 server: the framing it reads and
// writes must be socket.io's, or the bench measures nothing.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import { decode, encodeEvent } from '../../bench/wire/packets.ts';
import { WireSocket, type WireEvents } from '../../bench/wire/client.ts';

describe('packets', () => {
  it('reads engine.io and socket.io packets', () => {
    expect(decode('0{"sid":"x","upgrades":[],"pingInterval":25000}')).toEqual({ type: 'open' });
    expect(decode('2')).toEqual({ type: 'ping' });
    expect(decode('40{"sid":"abc"}')).toEqual({ type: 'connected' });
    expect(decode('44{"message":"nope"}')).toEqual({ type: 'connect_error', message: 'nope' });
    expect(decode('41')).toEqual({ type: 'disconnected' });
    expect(decode('42["room:state",{"a":[1,"]"]}]')).toEqual({ type: 'event', name: 'room:state', payload: '{"a":[1,"]"]}' });
    expect(decode('42["ping:me"]')).toEqual({ type: 'event', name: 'ping:me', payload: '' });
    expect(decode('4317[{"ok":true,"data":null}]')).toEqual({ type: 'ack', id: 17, payload: '{"ok":true,"data":null}' });
    expect(decode('43[1]')).toMatchObject({ type: 'other' });
  });

  it('writes events with and without an ack id', () => {
    expect(encodeEvent('answer:submit', { round: 2, answer: 'b' }, 7)).toBe('427["answer:submit",{"round":2,"answer":"b"}]');
    expect(encodeEvent('hello', null, null)).toBe('42["hello",null]');
  });
});

describe('WireSocket against socket.io', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;

  async function start(setup: (io: Server) => void): Promise<void> {
    http = createServer();
    io = new Server(http, { transports: ['websocket'], pingInterval: 50, pingTimeout: 100 });
    setup(io);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await io.close();
  });

  const recorder = (): WireEvents & { events: [string, unknown][]; closed: string[] } => {
    const events: [string, unknown][] = [];
    const closed: string[] = [];
    return { events, closed, onEvent: (name, payload) => void events.push([name, payload ? JSON.parse(payload) : null]), onClose: (r) => void closed.push(r) };
  };

  it('connects, gets acks by id, hears events, and answers pings for as long as it stays', async () => {
    await start((io) => io.on('connection', (s) => {
      s.on('double', (p: { n: number }, ack: (r: unknown) => void) => {
        ack({ ok: true, data: p.n * 2 });
        s.emit('news', { text: 'é ✓' });
      });
    }));
    const rec = recorder();
    const socket = await WireSocket.connect(url, rec);
    const replies = await Promise.all([3, 5].map((n) => new Promise((resolve) => socket.emit('double', { n }, resolve))));
    expect(replies.map((r) => JSON.parse(r as string))).toEqual([{ ok: true, data: 6 }, { ok: true, data: 10 }]);
    await vi.waitFor(() => expect(rec.events).toEqual([['news', { text: 'é ✓' }], ['news', { text: 'é ✓' }]]));
    // Ten ping intervals: a client that did not pong would have been dropped after two.
    await new Promise((r) => setTimeout(r, 500));
    expect(socket.isOpen).toBe(true);
    expect(io.sockets.sockets.size).toBe(1);
    socket.close();
    await vi.waitFor(() => expect(io.sockets.sockets.size).toBe(0));
  });

  it('reports a refused connection and a server-side disconnect', async () => {
    let refuse = true;
    await start((io) => {
      io.use((_s, next) => next(refuse ? new Error('refused') : undefined));
      io.on('connection', (s) => s.on('bye', () => s.disconnect(true)));
    });
    await expect(WireSocket.connect(url, recorder())).rejects.toThrow('connect_error: refused');
    refuse = false;
    const rec = recorder();
    const socket = await WireSocket.connect(url, rec);
    let acked: string | null | undefined;
    socket.emit('bye', {}, (p) => void (acked = p));
    await vi.waitFor(() => expect(rec.closed).toHaveLength(1));
    expect(socket.isOpen).toBe(false);
    expect(acked).toBeNull();
  });
});
