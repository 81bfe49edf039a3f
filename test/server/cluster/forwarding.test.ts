// Forwarding between nodes over a memory bus (node-bus.ts): a host on node A, players on node B. Events from B
// run on A, their acks come back after B applied the socket's identity, messages and bindings for B's sockets go
// through B, a stale owner is retried once, a silent owner times out with room_moving, a disconnect reaches A.
import { afterEach, describe, expect, it } from 'vitest';
import type { Created, Joined, MeView, RoomView } from '../../../shared/protocol.ts';
import { memoryNodeHub } from '../../../server/cluster/node-bus.ts';
import { answersFor, call, ok, settings, waitFor, type Client, type TestServer } from '../harness.ts';
import { identityOn, sharedDirectory, startNode, type Directory } from './nodes.ts';

let nodes: TestServer[] = [];
afterEach(async () => {
  await Promise.all(nodes.map((n) => n.close()));
  nodes = [];
});

async function cluster(names: string[], timeoutMs?: number) {
  const hub = memoryNodeHub();
  const directory = sharedDirectory();
  for (const name of names) {
    nodes.push(await startNode(name, directory, { bus: hub.bus(), ...(timeoutMs === undefined ? {} : { forwardTimeoutMs: timeoutMs }) }));
  }
  return { hub, directory, nodes: [...nodes] };
}

async function hostAndPlayer(a: TestServer, b: TestServer, s = settings({ rounds: 1 })) {
  const host = await a.connect();
  const created = await ok<Created>(call(host, 'room:create', { settings: s }));
  const player = await b.connect();
  const joined = await ok<Joined>(call(player, 'room:join', { code: created.code, name: 'Ana' }));
  return { host, player, created, joined };
}

async function start(host: Client): Promise<void> {
  // The question is a broadcast: with the memory bus (no adapter) only A's sockets hear it; B's player hears it
  // over Redis in two-nodes-redis.test.ts.
  const question = waitFor<RoomView>(host, 'room:state', (v) => v.phase === 'question');
  await ok(call(host, 'host:start', {}));
  await question;
}

describe('forwarding to the room owner', () => {
  it('joins from another node: the room is on A, the socket on B knows who it is before its ack arrives', async () => {
    const { nodes: [a, b] } = await cluster(['A', 'B']);
    const host = await a!.connect();
    const created = await ok<Created>(call(host, 'room:create', { settings: settings({ rounds: 1 }) }));
    const player = await b!.connect();
    let seenAtAck: unknown = null;
    const ack = await new Promise<Joined>((resolve, reject) => {
      player.emit('room:join', { code: created.code, name: 'Ana' }, (r) => {
        // The ack's callback runs after B handled the batch carrying it: the identity came first.
        seenAtAck = identityOn(b!, player.id);
        if (r.ok && !('waiting' in r.data)) resolve(r.data);
        else reject(new Error(JSON.stringify(r)));
      });
    });
    expect(ack.me.name).toBe('Ana');
    const room = a!.server.rooms.get(created.code)!;
    expect(b!.server.rooms.get(created.code)).toBeUndefined();
    expect(room.state.playerCount).toBe(1);
    expect(room.socketOf(ack.me.playerId)).toBe(player.id);
    expect(seenAtAck).toEqual({ roomCode: created.code, role: 'player', playerId: ack.me.playerId });
    // The next event from B already speaks for the player: a team pick is the room's answer, not not_joined.
    expect(await call(player, 'team:pick', { team: 1 })).toEqual({ ok: false, error: 'wrong_phase' });
  });

  it('answers from B are acked by A (A\'s clock), each player hears its own result, and the host hears the count', async () => {
    const { nodes: [a, b] } = await cluster(['A', 'B']);
    const s = settings({ rounds: 1, kinds: ['pod-phase'] });
    const { host, player, created } = await hostAndPlayer(a!, b!, s);
    const other = await b!.connect();
    await ok(call(other, 'room:join', { code: created.code, name: 'Ben' }));
    await start(host);
    a!.time.advance(2000);
    const { solution, wrong } = answersFor(s, 1);
    const status = waitFor<{ answered: number }>(host, 'host:status', (st) => st.answered === 2);
    const mine = waitFor<MeView>(player, 'me:state', (m) => m.lastResult?.round === 1);
    const theirs = waitFor<MeView>(other, 'me:state', (m) => m.lastResult?.round === 1);
    expect(await call(player, 'answer:submit', { round: 1, answer: solution })).toEqual({ ok: true, data: { round: 1, at: a!.time.now() } });
    expect(await call(player, 'answer:submit', { round: 1, answer: solution })).toEqual({ ok: false, error: 'already_answered' });
    await ok(call(other, 'answer:submit', { round: 1, answer: wrong }));
    // The host's panel is throttled on A's clock.
    a!.time.advance(300);
    await status;
    // Everyone answered: the round closes on A, and the per-player results cross to B.
    expect((await mine).lastResult?.points).toBeGreaterThan(0);
    expect((await theirs).lastResult?.points).toBe(0);
    expect(a!.server.routing!.bus.published).toBeGreaterThan(0);
  });

  it('a kick from the host on A reaches the player on B: told, forgotten, and its next event is not_joined', async () => {
    const { nodes: [a, b] } = await cluster(['A', 'B']);
    const { host, player, joined } = await hostAndPlayer(a!, b!);
    const closed = waitFor<{ reason: string }>(player, 'room:closed');
    await ok(call(host, 'host:kick', { playerId: joined.me.playerId }));
    expect(await closed).toEqual({ reason: 'kicked' });
    expect(identityOn(b!, player.id)).toEqual({ roomCode: null, role: null, playerId: null });
    expect(await call(player, 'team:pick', { team: 0 })).toEqual({ ok: false, error: 'not_joined' });
  });

  it('a rejoin on B with the token replaces the old socket on B, which is told so', async () => {
    const { nodes: [a, b] } = await cluster(['A', 'B']);
    const { player, created, joined } = await hostAndPlayer(a!, b!);
    const replaced = waitFor<{ reason: string }>(player, 'room:closed');
    const again = await b!.connect();
    const back = await ok<{ role: string }>(call(again, 'room:rejoin', { code: created.code, token: joined.playerToken }));
    expect(back.role).toBe('player');
    expect(await replaced).toEqual({ reason: 'replaced' });
    expect(identityOn(b!, player.id)?.role).toBeNull();
    expect(identityOn(b!, again.id)?.role).toBe('player');
    // A wrong token is a miss: answered by B after the owner said so (the guessing budget is B's).
    const stranger = await b!.connect();
    expect(await call(stranger, 'room:rejoin', { code: created.code, token: 'nope.nope' })).toEqual({ ok: false, error: 'unknown_token' });
  });

  it('a player on B who drops out is marked away on A', async () => {
    const { nodes: [a, b] } = await cluster(['A', 'B']);
    const { player, created, joined } = await hostAndPlayer(a!, b!);
    const room = a!.server.rooms.get(created.code)!;
    expect(room.state.connectedCount).toBe(1);
    player.disconnect();
    await expect.poll(() => room.socketOf(joined.me.playerId) === undefined && room.state.connectedCount === 0).toBe(true);
  });

  it('a stale owner answers not_owner: the caller forgets it, looks again and is answered by the real owner', async () => {
    const { nodes: [a, b], directory } = await cluster(['A', 'B', 'C']);
    const host = await a!.connect();
    const created = await ok<Created>(call(host, 'room:create', { settings: settings({ rounds: 1 }) }));
    (directory as Directory).stale.set(`B:${created.code}`, 'C');
    const player = await b!.connect();
    const joined = await ok<Joined>(call(player, 'room:join', { code: created.code, name: 'Ana' }));
    expect(joined.me.name).toBe('Ana');
    expect(directory.forgotten).toEqual([`B:${created.code}`]);
    expect(a!.server.rooms.get(created.code)!.state.playerCount).toBe(1);
  });

  it('an owner that does not answer in time: the socket hears room_moving, and nothing waits forever', async () => {
    const { nodes: [a, b], hub } = await cluster(['A', 'B'], 200);
    const { player } = await hostAndPlayer(a!, b!);
    hub.pause(true);
    const answer = call(player, 'team:pick', { team: 1 });
    await new Promise((r) => setTimeout(r, 50));
    hub.drop();
    expect(await answer).toEqual({ ok: false, error: 'room_moving' });
    expect(b!.server.routing!.forwarder.waiting).toBe(0);
    hub.pause(false);
  });

  it('a room nobody hosts is room_not_found from any node, and a socket in no room is not_joined without a publish', async () => {
    const { nodes: [, b] } = await cluster(['A', 'B']);
    const player = await b!.connect();
    expect(await call(player, 'room:join', { code: 'ZZZZZZ', name: 'Ana' })).toEqual({ ok: false, error: 'room_not_found' });
    expect(await call(player, 'answer:submit', { round: 1, answer: 'x' })).toEqual({ ok: false, error: 'not_joined' });
    expect(b!.server.routing!.bus.published).toBe(0);
  });
});
