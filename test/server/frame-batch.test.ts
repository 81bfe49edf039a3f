// The transport's batch (server/frame-batch.ts): a socket's frames of one outbox pass leave in one write, in the order
// they were sent, whether they are acks, direct sends or the adapter's broadcasts; a disconnect in the batch still
// delivers what came before it. Real socket.io server, real socket.io clients.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server, type Socket } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { socketIoTransport, type Transport } from '../../server/transport.ts';
import type { GameServer } from '../../server/types.ts';

let io: Server;
let transport: Transport;
let url: string;
/** Rooms above this many sockets are broadcast to as the broadcast goes (HOLD_BROADCAST_MAX, small for the test). */
const BIG = 8;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  const http = createServer();
  io = new Server(http);
  transport = socketIoTransport(io as unknown as GameServer, BIG);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(() => {
  for (const c of clients) c.close();
  io.close();
});

/** A connected client, its server socket (in room "r") and a count of the TCP writes made to it. */
async function connect(): Promise<{ client: ClientSocket; server: Socket; writes: () => number }> {
  const connected = new Promise<Socket>((resolve) => io.once('connection', resolve));
  const client = connectClient(url, { transports: ['websocket'] });
  clients.push(client);
  const server = await connected;
  await new Promise<void>((resolve) => (client.connected ? resolve() : client.once('connect', () => resolve())));
  void server.join('r');
  const raw = (server.conn.transport as unknown as { socket: { _socket: { _write: Function; _writev: Function } } }).socket._socket;
  let n = 0;
  const write = raw._write.bind(raw);
  const writev = raw._writev.bind(raw);
  raw._write = (...a: unknown[]) => (n++, write(...a));
  raw._writev = (...a: unknown[]) => (n++, writev(...a));
  return { client, server, writes: () => n };
}

/** What the client reads, in order: its events and the acks of its `ask`s. */
function record(client: ClientSocket): string[] {
  const log: string[] = [];
  client.onAny((event: string, payload: unknown) => void log.push(`${event}:${JSON.stringify(payload)}`));
  return log;
}

/** The client asks; resolves with the server's ack callback once the server holds it (the ack lands in `log`). */
function ask(client: ClientSocket, server: Socket, log: string[]): Promise<(payload: unknown) => void> {
  const held = new Promise<(payload: unknown) => void>((resolve) => server.once('ask', (cb: (p: unknown) => void) => resolve(cb)));
  client.emit('ask', (payload: unknown) => void log.push(`ack:${JSON.stringify(payload)}`));
  return held;
}

const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** An ack, a room broadcast, then a direct send, to the same socket. */
function threeFrames(server: Socket, ack: (payload: unknown) => void, n: number): void {
  ack({ n });
  transport.broadcast('r', 'room:state' as never, { n } as never);
  transport.send(server.id, 'me:state' as never, { n } as never);
}

describe('frame batch', () => {
  it('writes a socket\'s frames of one batch in one write, in order', async () => {
    const { client, server, writes } = await connect();
    const log = record(client);
    const expected = (n: number) => [`ack:{"n":${n}}`, `room:state:{"n":${n}}`, `me:state:{"n":${n}}`];

    let ack = await ask(client, server, log);
    let before = writes();
    threeFrames(server, ack, 1);
    await until(() => log.length === 3);
    const unbatched = writes() - before;

    ack = await ask(client, server, log);
    before = writes();
    transport.batch!(() => threeFrames(server, ack, 2));
    await until(() => log.length === 6);
    expect(log).toEqual([...expected(1), ...expected(2)]);
    expect(writes() - before).toBe(1);
    // Without the batch the ack goes alone and the rest after engine.io's drain, one write a frame.
    expect(unbatched).toBe(3);
  });

  it('keeps each socket\'s order across sockets and nested batches', async () => {
    const a = await connect();
    const b = await connect();
    const logA = record(a.client);
    const logB = record(b.client);
    const [ackA1, ackB1] = [await ask(a.client, a.server, logA), await ask(b.client, b.server, logB)];
    const [ackA2, ackB2] = [await ask(a.client, a.server, logA), await ask(b.client, b.server, logB)];
    transport.batch!(() => {
      threeFrames(a.server, ackA1, 1);
      transport.batch!(() => threeFrames(b.server, ackB1, 1));
      threeFrames(a.server, ackA2, 2);
      threeFrames(b.server, ackB2, 2);
    });
    await until(() => logA.length === 8 && logB.length === 8);
    // Both are in "r": each hears the other's broadcasts too, where they were sent.
    expect(logA).toEqual(['ack:{"n":1}', 'room:state:{"n":1}', 'me:state:{"n":1}', 'room:state:{"n":1}', 'ack:{"n":2}', 'room:state:{"n":2}', 'me:state:{"n":2}', 'room:state:{"n":2}']);
    expect(logB).toEqual(['room:state:{"n":1}', 'ack:{"n":1}', 'room:state:{"n":1}', 'me:state:{"n":1}', 'room:state:{"n":2}', 'ack:{"n":2}', 'room:state:{"n":2}', 'me:state:{"n":2}']);
  });

  it('a disconnect inside a batch still delivers the frames sent before it', async () => {
    const { client, server } = await connect();
    const log = record(client);
    const reason = new Promise<string>((resolve) => client.once('disconnect', resolve));
    transport.batch!(() => {
      transport.send(server.id, 'me:state' as never, { last: 1 } as never);
      transport.send(server.id, 'me:state' as never, { last: 2 } as never);
      transport.disconnect(server.id);
    });
    expect(await reason).toBe('io server disconnect');
    expect(log).toEqual(['me:state:{"last":1}', 'me:state:{"last":2}']);
  });

  it('a frame written outside a batch goes at once, in a write of its own', async () => {
    const { client, server, writes } = await connect();
    const log = record(client);
    const before = writes();
    transport.send(server.id, 'me:state' as never, { now: true } as never);
    expect(writes() - before).toBe(1);
    await until(() => log.length === 1);
    expect(log).toEqual(['me:state:{"now":true}']);
  });

  it('a broadcast to a big room is written as it goes; a socket with a held frame still gets it behind that frame', async () => {
    const big: Awaited<ReturnType<typeof connect>>[] = [];
    for (let i = 0; i <= BIG; i++) big.push(await connect());
    for (const c of big) await c.server.join('big');
    const [x, y] = [big[0]!, big[1]!];
    const [logX, logY] = [record(x.client), record(y.client)];
    const ack = await ask(x.client, x.server, logX);
    const [x0, y0] = [x.writes(), y.writes()];
    let during: [number, number] = [0, 0];
    transport.batch!(() => {
      ack({ n: 1 });
      transport.broadcast('big', 'room:state' as never, { n: 1 } as never);
      during = [x.writes() - x0, y.writes() - y0];
    });
    expect(during).toEqual([0, 1]);
    expect(x.writes() - x0).toBe(1);
    await until(() => logX.length === 2 && logY.length === 1);
    expect(logX).toEqual(['ack:{"n":1}', 'room:state:{"n":1}']);
    expect(logY).toEqual(['room:state:{"n":1}']);
  });
});
