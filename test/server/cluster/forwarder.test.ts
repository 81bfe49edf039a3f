// The forwarder alone, over a memory bus: what it publishes per turn and per node, in which order a node receives
// it, and how a request ends when the owner is wrong, failing or silent.
import { describe, expect, it } from 'vitest';
import type { SocketData } from '../../../shared/protocol.ts';
import { createForwarder, MAX_ITEMS, type Forwarder } from '../../../server/cluster/forwarding.ts';
import { memoryNodeHub } from '../../../server/cluster/node-bus.ts';
import { createRoomCalls } from '../../../server/room-calls.ts';
import type { Origin } from '../../../server/origin.ts';
import type { Outbox } from '../../../server/outbox.ts';
import type { RoomHost } from '../../../server/room-host.ts';
import type { GameServer } from '../../../server/types.ts';

/** A socket.io server reduced to what the forwarder touches: sockets by id, recording what happens to them. */
function fakeIo(ids: string[]) {
  const log: string[] = [];
  const sockets = new Map(ids.map((id) => [id, {
    id, data: { roomCode: null, role: null, playerId: null } as SocketData,
    emit: (event: string, payload: unknown) => void log.push(`${id} ${event} ${JSON.stringify(payload)}`),
    join: (room: string) => void log.push(`${id} join ${room}`),
    leave: (room: string) => void log.push(`${id} leave ${room}`),
    disconnect: () => void log.push(`${id} disconnect`),
  }]));
  return { io: { sockets: { sockets } } as unknown as GameServer, log, sockets };
}

const origin = (socketId: string, node: string): Origin => ({ socketId, node, identity: { roomCode: 'ROOMAA', role: 'player', playerId: 'p1' }, address: '10.0.0.1' });
const noOutbox = {} as Outbox;
const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

function pair(timeoutMs = 1000, room: RoomHost | undefined = undefined) {
  const hub = memoryNodeHub();
  const b = fakeIo(['s1', 's2']);
  const calls = createRoomCalls({ get: () => room, has: () => room !== undefined });
  calls.define<{ fail?: boolean }, null>('team:pick', 'not_joined', (_room, _origin, p) => {
    if (p.fail) throw new Error('boom');
    return { ok: true, data: null };
  });
  const buses = { A: hub.bus(), B: hub.bus() };
  const make = (node: 'A' | 'B', io: GameServer): Forwarder => createForwarder({ node, bus: buses[node], io, calls: () => calls, outbox: () => noOutbox, log: () => {}, timeoutMs });
  const A = make('A', fakeIo([]).io);
  const B = make('B', b.io);
  return { hub, A, B, b, buses, start: () => Promise.all([A.start(), B.start()]) };
}

describe('the forwarder', () => {
  it('publishes once per node per turn, in slices of MAX_ITEMS, delivered in the order they were queued', async () => {
    const { A, b, buses, start } = pair();
    await start();
    const count = MAX_ITEMS * 2 + 200;
    A.toSocket('B', { k: 'identify', socket: 's1', identity: { roomCode: 'ROOMAA', role: 'player', playerId: 'p1' } });
    A.toSocket('B', { k: 'join', socket: 's1', room: 'ROOMAA' });
    for (let i = 0; i < count; i++) A.toSocket('B', { k: 'send', socket: i % 2 ? 's1' : 's2', event: 'room:presence', payload: { i } as never });
    A.toSocket('B', { k: 'disconnect', socket: 's2' });
    await turn();
    const items = count + 3;
    expect(buses.A.published).toBe(Math.ceil(items / MAX_ITEMS));
    expect(b.sockets.get('s1')!.data).toEqual({ roomCode: 'ROOMAA', role: 'player', playerId: 'p1' });
    expect(b.log[0]).toBe('s1 join ROOMAA');
    expect(b.log.slice(1, 1 + count).map((l) => JSON.parse(l.split(' ').slice(2).join(' ')).i)).toEqual([...Array(count).keys()]);
    expect(b.log.at(-1)).toBe('s2 disconnect');

  });

  it('answers a call for a room it does not host with not_owner, and a call whose operation throws with internal_error', async () => {
    const hosted = pair(1000, undefined);
    await hosted.start();
    expect(await hosted.B.request('A', 'ROOMAA', 'team:pick', origin('s1', 'B'), {})).toEqual({ status: 'not_owner' });

    const failing = pair(1000, {} as RoomHost);
    await failing.start();
    expect(await failing.B.request('A', 'ROOMAA', 'team:pick', origin('s1', 'B'), { fail: true })).toEqual({ status: 'ok', ack: { ok: false, error: 'internal_error' }, error: 'internal_error' });
    // The owner learned where the socket is from the call's origin: what it sends that socket goes to B.
    expect(failing.A.nodeOf('s1')).toBe('B');
  });

  it('gives up on a silent owner after its timeout, and ignores the answer if it comes later', async () => {
    const { hub, B, start } = pair(100, {} as RoomHost);
    await start();
    hub.pause(true);
    const answer = B.request('A', 'ROOMAA', 'team:pick', origin('s1', 'B'), {});
    expect(B.waiting).toBe(1);
    expect(await answer).toEqual({ status: 'timeout' });
    expect(B.waiting).toBe(0);
    hub.pause(false);
    await turn();
    await turn();
    expect(B.waiting).toBe(0);
  });
});
