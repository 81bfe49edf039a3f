// socketIoTransport.send encodes a message itself (`2["event",payload]` straight to engine.io): the packet on the
// wire must be the one socket.io's own emit makes, and a real client must read it as the same event and payload.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server, type Socket } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { socketIoTransport } from '../../server/transport.ts';
import type { GameServer } from '../../server/types.ts';

let io: Server;
let client: ClientSocket;
let server: Socket;

beforeAll(async () => {
  const http = createServer();
  io = new Server(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const connected = new Promise<Socket>((resolve) => io.on('connection', resolve));
  client = connectClient(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
  server = await connected;
});

afterAll(() => {
  client.close();
  io.close();
});

/** The engine.io packets the server writes to this socket while `send` runs. */
function written(send: () => void): unknown[] {
  const packets: unknown[] = [];
  const conn = (server as unknown as { conn: { on(e: string, f: (p: { type: string; data: unknown }) => void): void; off(e: string, f: unknown): void } }).conn;
  const seen = (p: { type: string; data: unknown }) => void packets.push([p.type, p.data]);
  conn.on('packetCreate', seen);
  send();
  conn.off('packetCreate', seen);
  return packets;
}

describe('socketIoTransport.send', () => {
  const payload = { playerId: 'p1', name: 'Zoë "quoted" </script>', team: null, score: 1200, rank: 3, answer: null, lastResult: { round: 2, lines: [{ text: 'a\nb' }], skipped: undefined } };

  it('writes the packet socket.io emit writes', () => {
    const ours = written(() => socketIoTransport(io as unknown as GameServer).send(server.id, 'me:state', payload as never));
    const theirs = written(() => server.emit('me:state', payload));
    expect(ours).toHaveLength(1);
    expect(ours).toEqual(theirs);
  });

  it('reaches the client as the same event and payload', async () => {
    const got = new Promise<unknown>((resolve) => client.once('me:state', resolve));
    socketIoTransport(io as unknown as GameServer).send(server.id, 'me:state', payload as never);
    expect(await got).toEqual(JSON.parse(JSON.stringify(payload)));
  });
});
