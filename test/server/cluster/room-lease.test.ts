// The room lease's logic on a fake clock: one owner at a time, renewals that keep it, an owner that dies is
// replaced within the lease time, and an owner paused past its lease can neither act (its own clock says so) nor
// write (the fence says so) when it wakes up.
import { describe, expect, it } from 'vitest';
import type { Scheduler } from '../../../server/clock.ts';
import type { LeaseCommands } from '../../../server/cluster/lease-commands.ts';
import { driftMs, LEASE_RENEW_EVERY_MS, LEASE_TTL_MS, roomLeases, type LostReason, type RoomLease } from '../../../server/cluster/room-lease.ts';
import { fakeTime } from '../harness.ts';
import { memoryLeaseCommands } from './memory-lease-commands.ts';

/** Lets pending promise callbacks (the fake Redis's answers) run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function cluster() {
  const time = fakeTime();
  const commands = memoryLeaseCommands(time.clock);
  const node = (holder: string, over: { commands?: LeaseCommands; scheduler?: Scheduler } = {}) =>
    roomLeases({ commands: over.commands ?? commands, holder, clock: time.clock, scheduler: over.scheduler ?? time.scheduler });
  /** Advances the clock in steps, letting each renewal's answer arrive before the next timer is due. */
  const run = async (ms: number, step = 50): Promise<void> => {
    for (let t = 0; t < ms; t += step) {
      time.advance(Math.min(step, ms - t));
      await settle();
    }
  };
  return { time, commands, node, run };
}

function lossOf(lease: RoomLease): { reason: LostReason | null } {
  const seen = { reason: null as LostReason | null };
  lease.onLost((r) => (seen.reason = r));
  return seen;
}

describe('room lease', () => {
  it('is taken back (resume) with its own token only while it is still exactly this holder\'s', async () => {
    const { node, run, commands } = cluster();
    const a = node('a');
    const first = (await a.acquire('ROOM09'))!;
    // Lost here (say Redis did not answer in time) but still a's in Redis:
    const back = (await a.resume('ROOM09', first.token))!;
    expect(back.token).toBe(first.token);
    expect(back.valid()).toBe(true);
    expect(await back.write({ set: { room: 'v' }, del: [] })).toBe(true);
    expect(await a.resume('ROOM09', first.token + 1)).toBeNull();
    expect(await node('b').resume('ROOM09', first.token)).toBeNull();
    await back.release();
    await run(10);
    const taken = (await node('b').acquire('ROOM09'))!;
    expect(await a.resume('ROOM09', first.token)).toBeNull();
    expect(await commands.owner('ROOM09')).toEqual({ holder: 'b', token: taken.token });
  });

  it('has one owner at a time, kept by its renewals for as long as it lives', async () => {
    const { node, run } = cluster();
    const a = (await node('a').acquire('ROOM01'))!;
    expect(a.token).toBe(1);
    expect(await node('b').acquire('ROOM01')).toBeNull();
    const lost = lossOf(a);
    await run(LEASE_TTL_MS * 10);
    expect(a.valid()).toBe(true);
    expect(lost.reason).toBeNull();
    expect(await node('b').acquire('ROOM01')).toBeNull();
  });

  it('passes to another node within the lease time when the owner dies (kill -9: none of its timers run again)', async () => {
    const { node, run, time } = cluster();
    const dead = (await node('a', { scheduler: { at: () => () => {} } }).acquire('ROOM02'))!;
    const diedAt = time.now();
    let successor: RoomLease | null = null;
    while (!successor && time.now() - diedAt <= LEASE_TTL_MS * 2) {
      await run(50);
      successor = await node('b').acquire('ROOM02');
    }
    expect(successor?.token).toBe(dead.token + 1);
    expect(time.now() - diedAt).toBeLessThanOrEqual(LEASE_TTL_MS + 50);
    // Not before its time, either.
    expect(time.now() - diedAt).toBeGreaterThanOrEqual(LEASE_TTL_MS);
  });

  it('stops an owner paused past its lease from acting (own clock) and from writing (fence) when it wakes', async () => {
    const { node, run, time, commands } = cluster();
    const a = (await node('a').acquire('ROOM03'))!;
    expect(await a.write({ set: { room: 'by a' }, del: [] })).toBe(true);
    const lost = lossOf(a);
    // SIGSTOP: the clock moves on, a's timers do not run.
    time.jump(LEASE_TTL_MS * 2);
    const b = (await node('b').acquire('ROOM03'))!;
    expect(await b.write({ set: { room: 'by b' }, del: [] })).toBe(true);
    // SIGCONT: before any of its timers have run, a already knows by its clock that it may not act…
    expect(a.valid()).toBe(false);
    // …and a write it had already decided on is refused by Redis.
    expect(await a.write({ set: { room: 'stale, by a' }, del: [] })).toBe(false);
    expect(await commands.readRoom('ROOM03')).toEqual({ room: 'by b' });
    await run(LEASE_RENEW_EVERY_MS * 2);
    expect(lost.reason).not.toBeNull();
    expect(b.valid()).toBe(true);
  });

  it('keeps the lease while Redis is unreachable only as long as the last renewal allows, then gives it up for good', async () => {
    const { node, run, time, commands } = cluster();
    const errors: unknown[] = [];
    const a = (await roomLeases({ commands, holder: 'a', clock: time.clock, scheduler: time.scheduler, log: (_m, e) => errors.push(e) }).acquire('ROOM04'))!;
    const lost = lossOf(a);
    await run(LEASE_RENEW_EVERY_MS * 3);
    const lastRenewal = time.now() - (time.now() % LEASE_RENEW_EVERY_MS);
    commands.down = true;
    await run(LEASE_TTL_MS - driftMs(LEASE_TTL_MS) - LEASE_RENEW_EVERY_MS);
    expect(a.valid()).toBe(true);
    await run(LEASE_RENEW_EVERY_MS);
    expect(time.now()).toBeGreaterThanOrEqual(lastRenewal + LEASE_TTL_MS - driftMs(LEASE_TTL_MS));
    expect(a.valid()).toBe(false);
    expect(lost.reason).toBe('expired');
    expect(errors.length).toBeGreaterThan(0);
    commands.down = false;
    await run(LEASE_RENEW_EVERY_MS * 3);
    expect(a.valid()).toBe(false);
    expect((await node('b').acquire('ROOM04'))?.token).toBe(a.token + 1);
  });

  it('counts a renewal\'s validity from when it was sent, not from when Redis answered', async () => {
    const { time, commands } = cluster();
    let answer: (() => void) | null = null;
    const slow: LeaseCommands = {
      ...commands,
      renew: (...args) => new Promise((resolve) => { answer = () => void commands.renew(...args).then(resolve); }),
    };
    const a = (await roomLeases({ commands: slow, holder: 'a', clock: time.clock, scheduler: time.scheduler }).acquire('ROOM05'))!;
    time.advance(LEASE_RENEW_EVERY_MS);
    const sentAt = time.now();
    expect(answer).not.toBeNull();
    time.jump(800);
    answer!();
    await settle();
    const until = sentAt + LEASE_TTL_MS - driftMs(LEASE_TTL_MS);
    time.jump(until - 1 - time.now());
    expect(a.valid()).toBe(true);
    time.jump(1);
    expect(a.valid()).toBe(false);
  });

  it('hands the room over at once on release, and writes nothing more itself', async () => {
    const { node } = cluster();
    const a = (await node('a').acquire('ROOM06'))!;
    const lost = lossOf(a);
    await a.release();
    expect(lost.reason).toBe('released');
    expect(a.valid()).toBe(false);
    expect(await a.write({ set: { room: 'after release' }, del: [] })).toBe(false);
    expect((await node('b').acquire('ROOM06'))?.token).toBe(a.token + 1);
  });

  it('refuses a renewal period that could miss the lease time', () => {
    const { time, commands } = cluster();
    expect(() => roomLeases({ commands, holder: 'a', clock: time.clock, scheduler: time.scheduler, ttlMs: 1000, renewEveryMs: 600 })).toThrow(/twice/);
  });
});
