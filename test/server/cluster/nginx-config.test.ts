// The repo's nginx config (deploy/nginx/podium.conf) in front of three real Podium servers: WebSocket connections
// are upgraded and spread over the nodes, the long-polling fallback works (each polling session stays on the node
// that opened it), and a node that is down is skipped. The cluster behaviour of the nodes themselves is tested
// elsewhere; these are single-node servers, so each connection's node is visible in its engine's client count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import { call, settings, startServer, waitFor, type Client, type TestServer } from '../harness.ts';
import { startNginx, type NginxServer } from '../../infra/nginx.ts';

let nodes: TestServer[] = [];
let nginx: NginxServer;
const sockets: Client[] = [];

beforeAll(async () => {
  nodes = await Promise.all([startServer(), startServer(), startServer()]);
  nginx = await startNginx({ upstreams: nodes.map((n) => Number(new URL(n.url).port)) });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await nginx?.close();
  await Promise.all(nodes.map((n) => n.close().catch(() => {})));
});

async function open(transports: ('websocket' | 'polling')[], localAddress?: string): Promise<Client> {
  const socket: Client = connectClient(nginx.url, { transports, forceNew: true, reconnection: false, ...(localAddress ? { localAddress } : {}) } as never);
  sockets.push(socket);
  await waitFor(socket, 'connect', () => true, 10_000);
  return socket;
}

const counts = (): number[] => nodes.map((n) => n.server.io.engine.clientsCount);

describe('nginx in front of three nodes (deploy/nginx/podium.conf)', () => {
  it('upgrades WebSockets and spreads them over every node, even when they all come from one address', async () => {
    const before = counts();
    const opened = await Promise.all(Array.from({ length: 9 }, () => open(['websocket'])));
    expect(opened.every((s) => s.io.engine.transport.name === 'websocket')).toBe(true);
    const added = counts().map((c, i) => c - before[i]!);
    expect(added.reduce((a, b) => a + b, 0)).toBe(9);
    expect(added.every((n) => n >= 1)).toBe(true);
    // A request and its ack through the proxy.
    expect((await call(opened[0]!, 'room:create', { settings: settings() })).ok).toBe(true);
  });

  it('keeps every request of a long-polling session on the node that opened it', async () => {
    const polling = await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map((a) => open(['polling'], a)));
    for (const socket of polling) {
      expect(socket.io.engine.transport.name).toBe('polling');
      // Several round trips, each a new HTTP request: a node that did not open the session would answer 400 and
      // the socket would drop.
      expect((await call(socket, 'room:create', { settings: settings() })).ok).toBe(true);
      for (let i = 0; i < 3; i++) expect(await call(socket, 'room:join', { code: 'ZZZZZZ', name: 'x' })).toMatchObject({ ok: false });
      expect(socket.connected).toBe(true);
    }
  });

  it('skips a node that is down', async () => {
    await nodes[2]!.close();
    const after = await Promise.all(Array.from({ length: 4 }, () => open(['websocket'])));
    expect(after.every((s) => s.connected)).toBe(true);
  });
});
