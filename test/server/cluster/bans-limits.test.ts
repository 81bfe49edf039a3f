// Bans and rate limits hold across the nodes of a cluster: a player the host kicked on one node is kept out (by
// token and by name) on every node, and an address's room-creation budget is one budget whichever nodes nginx sends
// its sockets to (counted in Redis; the client's address read from X-Forwarded-For, nginx being the trusted proxy).
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Created, Joined } from '../../../shared/protocol.ts';
import { defaultLimits } from '../../../server/context.ts';
import { startCluster, type Cluster } from '../../infra/cluster.ts';
import { nodeOf, TracedWebSocket } from '../../infra/node-of.ts';
import { call, callOk, hostRoom, singleChoiceSettings, type Sock } from '../faults/resilient-client.ts';

let cluster: Cluster;
const sockets: Sock[] = [];

beforeAll(async () => {
  cluster = await startCluster();
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await cluster?.close();
}, 60_000);

/** A socket from a chosen loopback address, through nginx or straight to one node. */
async function open(url: string, localAddress = '127.0.0.1'): Promise<Sock> {
  const socket: Sock = io(url, { transports: [TracedWebSocket as never], forceNew: true, reconnection: false, timeout: 5000, localAddress } as never);
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const outcome = <T>(ack: Ack<T>): string => (ack.ok ? 'ok' : ack.error);

describe('across nodes', () => {
  it('keeps a kicked player out, by token and by name, on every node', async () => {
    const host = await hostRoom(cluster.url, singleChoiceSettings(2));
    sockets.push(host.socket);
    const mallory = await open(cluster.url);
    const joined = await callOk<Joined>(mallory, 'room:join', { code: host.code, name: 'Mallory' });
    const closed = new Promise<{ reason: string }>((resolve) => mallory.once('room:closed', resolve));
    expect(await call(host.socket, 'host:kick', { playerId: joined.me.playerId })).toEqual({ ok: true, data: null });
    // Told wherever her socket is.
    expect((await closed).reason).toBe('kicked');
    for (const node of cluster.nodes) {
      const again = await open(node.url);
      expect(await call(again, 'room:rejoin', { code: host.code, token: joined.playerToken }), node.id).toEqual({ ok: false, error: 'kicked' });
      expect(await call(again, 'room:join', { code: host.code, name: 'Mallory' }), node.id).toEqual({ ok: false, error: 'name_banned' });
      // Someone else still gets in on that node.
      expect(outcome(await call(again, 'room:join', { code: host.code, name: `Not Mallory ${node.index}` })), node.id).toBe('ok');
    }
  });

  it('gives an address one room-creation budget, whichever nodes its sockets reach', async () => {
    const budget = defaultLimits.createsPerMinute;
    const seen: string[] = [];
    const nodes = new Set<string | null | undefined>();
    for (let i = 0; i < budget + 3; i++) {
      const socket = await open(cluster.url, '127.0.0.7');
      nodes.add(nodeOf(socket));
      // Kept open, so least_conn sends the next one elsewhere.
      seen.push(outcome(await call<Created>(socket, 'room:create', { settings: singleChoiceSettings(1) })));
    }
    expect(nodes.size, 'nginx spread the sockets over several nodes').toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...Array<string>(budget).fill('ok'), 'rate_limited', 'rate_limited', 'rate_limited']);
    // Another address has its own budget.
    expect(outcome(await call<Created>(await open(cluster.url, '127.0.0.8'), 'room:create', { settings: singleChoiceSettings(1) }))).toBe('ok');
  });
});
