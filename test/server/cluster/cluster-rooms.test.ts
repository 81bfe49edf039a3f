// Cluster rooms on a fake clock, with the in-memory lease commands and room index: the owner side of cluster mode
// (server/cluster/cluster-rooms.ts, async-outbox.ts). Nobody hears of a change before its fenced write resolved;
// a write that fails or is fenced sets the room down and refuses its acks; a dead owner's room is taken over by
// another node's sweep with everything acked intact; a finished game reaches PostgreSQL once.
import { describe, expect, it } from 'vitest';
import { createRoom, getPlayer } from '../../../shared/room/index.ts';
import { RoomCodeTaken } from '../../../server/cluster/room-directory.ts';
import { MOVE_RETRY_LAPSED_MS, MOVE_RETRY_MS } from '../../../server/cluster/cluster-rooms.ts';
import { LEASE_TTL_MS, LEASE_RENEW_EVERY_MS } from '../../../server/cluster/room-lease.ts';
import { memoryRoomIndex } from '../../../server/cluster/room-index.ts';
import { RESULTS_FIELD } from '../../../server/cluster/room-rows.ts';
import { hashToken } from '../../../server/tokens.ts';
import type { LeaseCommands } from '../../../server/cluster/lease-commands.ts';
import { fakeTime, SEED, settings } from '../harness.ts';
import { recordingTransport } from '../host/recording-transport.ts';
import { memoryLeaseCommands } from './memory-lease-commands.ts';
import { clusterNode, player, type Shared } from './cluster-node.ts';

const CODE = 'ABCDEF';
/** Lets promises and setImmediate-scheduled flushes run (the fake clock does not move). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

function cluster(commandsOf?: (base: ReturnType<typeof memoryLeaseCommands>) => LeaseCommands) {
  const time = fakeTime();
  const base = memoryLeaseCommands(time.clock);
  const shared: Shared = {
    clock: time.clock, scheduler: time.scheduler, commands: commandsOf ? commandsOf(base) : base, index: memoryRoomIndex(),
    transport: recordingTransport(), stored: [], pgDown: { value: false },
  };
  /** Advances the fake clock in renewal-sized steps, letting each step's promises run. */
  const run = async (ms: number): Promise<void> => {
    for (let left = ms; left > 0; left -= 250) {
      time.advance(Math.min(250, left));
      await settle();
    }
  };
  return { time, base, shared, run };
}

const newRoom = (now: number, s = settings({ rounds: 1 })) => createRoom({ code: CODE, seed: SEED, hostToken: hashToken('host-token'), settings: s, now });

describe('cluster rooms: the owner', () => {
  it('opens a room with its lease, listed and written; another node sees it as remote and cannot open the code', async () => {
    const { base, shared, time } = cluster();
    const a = clusterNode(shared, 'a');
    const b = clusterNode(shared, 'b');
    const room = await a.rooms.directory.open(newRoom(time.now()));
    expect(await base.owner(CODE)).toEqual({ holder: 'a', token: 1 });
    expect(await shared.index.has(CODE)).toBe(true);
    expect(Object.keys(await base.readRoom(CODE))).toEqual(['room']);
    expect(await a.rooms.directory.locate(CODE)).toEqual({ kind: 'local', room });
    expect(await b.rooms.directory.locate(CODE)).toEqual({ kind: 'remote', node: 'a' });
    expect(await b.rooms.directory.exists(CODE)).toBe(true);
    await expect(b.rooms.directory.open(newRoom(time.now()))).rejects.toBeInstanceOf(RoomCodeTaken);
    await expect(a.rooms.directory.open(newRoom(time.now()))).rejects.toBeInstanceOf(RoomCodeTaken);
    expect(await b.rooms.directory.locate('ZZZZZZ')).toEqual({ kind: 'none' });
  });

  it('acks only after the write resolved; steps made meanwhile go in the next write, as a diff from the first', async () => {
    let gate: (() => void) | null = null;
    const writes: string[][] = [];
    const { shared, time, base } = cluster((m) => ({
      ...m,
      writeFenced: (room, token, w) => {
        writes.push(Object.keys(w.set));
        if (writes.length === 1) return m.writeFenced(room, token, w);
        return new Promise((resolve) => { gate = () => void m.writeFenced(room, token, w).then(resolve); });
      },
    }));
    const a = clusterNode(shared, 'a');
    const room = await a.rooms.directory.open(newRoom(time.now()));
    const p = player(shared, () => room, settings({ rounds: 1 }));
    p.host();
    p.join('ana');
    await settle();
    expect(writes).toHaveLength(2);
    // The join is in flight: nothing about it is out, and the next join queues behind it.
    expect(shared.transport.lines().filter((l) => l.includes('room:join'))).toEqual([]);
    p.join('ben');
    await settle();
    expect(writes).toHaveLength(2);
    expect(room.state.playerCount).toBe(2);
    gate!();
    await settle();
    expect(shared.transport.lines()).toContain('ack ana room:join ok');
    expect(writes).toHaveLength(3);
    expect(writes[2]!.filter((f) => f.startsWith('p:'))).toEqual(['p:ben']);
    expect(shared.transport.lines()).not.toContain('ack ben room:join ok');
    gate!();
    await settle();
    expect(shared.transport.lines()).toContain('ack ben room:join ok');
    expect(Object.keys(await base.readRoom(CODE)).sort()).toEqual(['p:ana', 'p:ben', 'room']);
  });

  it('a fenced write (another node took the room while this one was paused) sets the room down: acks refused, nothing else sent, sockets told to reconnect', async () => {
    const { shared, time, run, base } = cluster();
    const a = clusterNode(shared, 'a');
    const b = clusterNode(shared, 'b');
    const room = await a.rooms.directory.open(newRoom(time.now()));
    const p = player(shared, () => room, settings({ rounds: 1 }));
    p.host();
    p.join('ana');
    await settle();
    a.pause();
    await run(LEASE_TTL_MS + 1);
    // b's sweep took the room from Redis (a's lease ran out while a stood still).
    await b.rooms.sweep();
    expect(b.rooms.has(CODE)).toBe(true);
    expect((await base.owner(CODE))?.holder).toBe('b');
    shared.transport.sent.length = 0;
    // a wakes up believing it still owns the room (its clock stood still) and takes an answer.
    p.join('ben');
    await settle();
    const lines = shared.transport.lines();
    expect(lines).toContain('ack ben room:join internal_error');
    expect(lines.filter((l) => l.startsWith('broadcast'))).toEqual([]);
    expect(lines.filter((l) => l.includes('server:restarting')).sort()).toEqual(['send ana server:restarting', 'send ben server:restarting', 'send host server:restarting']);
    expect(shared.transport.sent.filter((m) => m.event === 'server:restarting').map((m) => m.payload)).toEqual(Array(3).fill({ retryAfterMs: MOVE_RETRY_MS }));
    expect(a.rooms.has(CODE)).toBe(false);
    // What Redis holds is b's: ben was never saved.
    expect(b.rooms.get(CODE)!.state.playerCount).toBe(1);
    expect(Object.keys(await base.readRoom(CODE)).sort()).toEqual(['p:ana', 'room']);
  });

  it('a batch with several rooms: only the room whose write was refused is set down, the others are acked and sent', async () => {
    let refuse = false;
    const { shared, time } = cluster((m) => ({ ...m, writeFenced: (room, token, w) => (refuse && room === 'BBBBBB' ? Promise.resolve(false) : m.writeFenced(room, token, w)) }));
    const a = clusterNode(shared, 'a');
    const s = settings({ rounds: 1 });
    const one = await a.rooms.directory.open(newRoom(time.now(), s));
    const two = await a.rooms.directory.open({ ...newRoom(time.now(), s), code: 'BBBBBB' });
    const p1 = player(shared, () => one, s);
    const p2 = player(shared, () => two, s);
    p1.host();
    await settle();
    refuse = true;
    // Both joins in one turn: one batch, two fenced scripts.
    p1.join('ana');
    p2.join('ben');
    await settle();
    const lines = shared.transport.lines();
    expect(lines).toContain('ack ana room:join ok');
    expect(lines).toContain('ack ben room:join internal_error');
    expect(lines.filter((l) => l.startsWith('broadcast BBBBBB'))).toEqual([]);
    expect(a.rooms.has(CODE)).toBe(true);
    expect(a.rooms.has('BBBBBB')).toBe(false);
  });

  it('a write that cannot reach Redis sets the room down and refuses the acks; the room is reloaded from Redis next', async () => {
    const { shared, time, base, run } = cluster();
    const a = clusterNode(shared, 'a');
    const room = await a.rooms.directory.open(newRoom(time.now()));
    const p = player(shared, () => room, settings({ rounds: 1 }));
    p.host();
    p.join('ana');
    await settle();
    base.down = true;
    p.join('ben');
    await settle();
    expect(shared.transport.lines()).toContain('ack ben room:join internal_error');
    expect(a.rooms.has(CODE)).toBe(false);
    // Told to come back once the lease it could not give up has lapsed and the room is back.
    const told = shared.transport.sent.filter((m) => m.event === 'server:restarting').map((m) => [m.kind === 'ack' ? '' : 'socket' in m ? m.socket : '', m.payload]);
    expect(told.sort()).toEqual([['ana', { retryAfterMs: MOVE_RETRY_LAPSED_MS }], ['ben', { retryAfterMs: MOVE_RETRY_LAPSED_MS }], ['host', { retryAfterMs: MOVE_RETRY_LAPSED_MS }]]);
    base.down = false;
    // Its lease could not be released (Redis was down) but is still this node's, with the same token: the room is
    // taken back at once, as Redis has it — ana's join (acked) is there, ben's (refused) is not.
    const token = (await base.owner(CODE))!.token;
    const back = await a.rooms.directory.locate(CODE);
    expect(back.kind).toBe('local');
    expect(await base.owner(CODE)).toEqual({ holder: 'a', token });
    expect(back.kind === 'local' && back.room.state.playerCount).toBe(1);
    expect(back.kind === 'local' && getPlayer(back.room.state, 'ana')?.name).toBe('ana');
    // And it runs there again: a join is saved and acked.
    if (back.kind !== 'local') return;
    player(shared, () => back.room, settings({ rounds: 1 })).join('cy');
    await settle();
    expect(shared.transport.lines()).toContain('ack cy room:join ok');
    expect(Object.keys(await base.readRoom(CODE))).toContain('p:cy');
  });

  it('a sweep takes back a room whose lease expired while Redis did not answer, once it does', async () => {
    const { shared, time, base, run } = cluster();
    const a = clusterNode(shared, 'a');
    const room = await a.rooms.directory.open(newRoom(time.now()));
    const p = player(shared, () => room, settings({ rounds: 1 }));
    p.host();
    p.join('ana');
    await settle();
    await a.rooms.start();
    base.down = true;
    // Renewals fail; by a's clock the lease runs out (Redis itself would still hold it a moment longer).
    await run(LEASE_TTL_MS);
    expect(a.rooms.has(CODE)).toBe(false);
    expect(shared.transport.sent.filter((m) => m.event === 'server:restarting').map((m) => m.payload)).toEqual(expect.arrayContaining([{ retryAfterMs: MOVE_RETRY_LAPSED_MS }]));
    base.down = false;
    await run(LEASE_RENEW_EVERY_MS);
    expect(a.rooms.get(CODE)?.state.playerCount).toBe(1);
  });

  it("takes over a dead owner's room within a lease time and a sweep: scores, answers and the deadline carry on", async () => {
    const { shared, time, run, base } = cluster();
    const s = settings({ rounds: 1 });
    const a = clusterNode(shared, 'a');
    const b = clusterNode(shared, 'b');
    const room = await a.rooms.directory.open(newRoom(time.now(), s));
    const p = player(shared, () => room, s);
    p.host();
    p.join('ana');
    p.join('ben');
    p.join('cy');
    await settle();
    p.start();
    await settle();
    p.answer('ana');
    p.answer('ben', false);
    await settle();
    expect(shared.transport.lines()).toContain('ack ana answer:submit ok');
    const deadline = room.nextWake();
    a.kill();
    await b.rooms.start();
    const killedAt = time.now();
    await run(LEASE_TTL_MS + LEASE_RENEW_EVERY_MS);
    const taken = b.rooms.get(CODE)!;
    expect(taken).toBeDefined();
    expect(time.now() - killedAt).toBeLessThanOrEqual(LEASE_TTL_MS + LEASE_RENEW_EVERY_MS);
    expect(b.evacuated).toEqual([CODE]);
    expect((await base.owner(CODE))?.holder).toBe('b');
    expect(taken.state.phase).toBe('question');
    expect(taken.state.answered).toBe(2);
    expect(taken.nextWake()).toBe(deadline);
    // The deadline re-armed on b: the round closes there, with the answers a acked.
    await run(deadline - time.now() + 1);
    expect(taken.state.phase).toBe('reveal');
    const score = (id: string) => getPlayer(taken.state, id)!.score;
    expect(score('ana')).toBeGreaterThan(0);
    expect(score('ben')).toBe(0);
    expect(score('cy')).toBe(0);
    expect(getPlayer(taken.state, 'ana')!.history.map((h) => h.correct)).toEqual([true]);
    expect(await clusterNode(shared, 'c').rooms.directory.locate(CODE)).toEqual({ kind: 'remote', node: 'b' });
  });

  it('gives every lease up on drain: another node takes the rooms on its next sweep, without waiting out the lease', async () => {
    const { shared, time, base } = cluster();
    const a = clusterNode(shared, 'a');
    const b = clusterNode(shared, 'b');
    const room = await a.rooms.directory.open(newRoom(time.now()));
    const p = player(shared, () => room, settings({ rounds: 1 }));
    p.host();
    p.join('ana');
    await a.rooms.drain();
    expect(shared.transport.lines()).toContain('ack ana room:join ok');
    expect(await base.owner(CODE)).toBeNull();
    expect(await b.rooms.sweep()).toBe(1);
    expect(b.rooms.get(CODE)!.state.playerCount).toBe(1);
  });

  it('stores a finished game in PostgreSQL once, after its write; kept in Redis while PostgreSQL is down and delivered by the next owner', async () => {
    const { shared, time, run, base } = cluster();
    const s = settings({ rounds: 1 });
    const a = clusterNode(shared, 'a');
    const b = clusterNode(shared, 'b');
    const room = await a.rooms.directory.open(newRoom(time.now(), s));
    const p = player(shared, () => room, s);
    p.host();
    p.join('ana');
    await settle();
    p.start();
    await settle();
    p.answer('ana');
    await settle();
    shared.pgDown.value = true;
    p.end();
    await settle();
    expect(room.state.phase).toBe('finished');
    expect(shared.transport.lines()).toContain('ack host host:end ok');
    expect(shared.stored).toEqual([]);
    expect(await base.readRoom(CODE)).toHaveProperty(RESULTS_FIELD);
    a.kill();
    shared.pgDown.value = false;
    await b.rooms.start();
    await run(LEASE_TTL_MS + LEASE_RENEW_EVERY_MS);
    expect(b.rooms.has(CODE)).toBe(true);
    expect(shared.stored.map((r) => r.code)).toEqual([CODE]);
    expect(shared.stored[0]!.players.map((x) => x.name)).toEqual(['ana']);
    expect(await base.readRoom(CODE)).not.toHaveProperty(RESULTS_FIELD);
  });

  it('drops an idle room from Redis and the index, and lets its lease go', async () => {
    const { shared, time, run, base } = cluster();
    const a = clusterNode(shared, 'a');
    const room = await a.rooms.directory.open(newRoom(time.now()));
    const p = player(shared, () => room, settings({ rounds: 1 }));
    p.host();
    await settle();
    await run(room.nextWake() - time.now() + 1);
    expect(room.disposed).toBe(true);
    await settle();
    expect(await base.readRoom(CODE)).toEqual({});
    expect(await shared.index.has(CODE)).toBe(false);
    expect(await base.owner(CODE)).toBeNull();
  });
});
