// The lease commands' contract, run against the in-memory fake (fake clock) and against real Redis (real time):
// the fake that the lease logic's unit tests rely on behaves as the Lua scripts do.
import { describe, expect, it } from 'vitest';
import type { LeaseCommands } from '../../../server/cluster/lease-commands.ts';

export interface ContractSetup {
  commands: LeaseCommands;
  /** Lets `ms` pass: the fake clock advances, or real time is slept. */
  wait(ms: number): Promise<void>;
}

/** Short enough to wait out in a test; `long` never runs out during one. */
const SHORT = 200;
const LONG = 60_000;

let rooms = 0;
const fresh = (): string => `R${process.pid}X${++rooms}`;

export function leaseContract(name: string, setup: () => ContractSetup): void {
  describe(`lease commands: ${name}`, () => {
    it('hands a free lease to one holder, with a token, and to nobody else while it lasts', async () => {
      const { commands } = setup();
      const room = fresh();
      const token = await commands.acquire(room, 'a', LONG);
      expect(token).toEqual(expect.any(Number));
      expect(await commands.acquire(room, 'b', LONG)).toBeNull();
      expect(await commands.owner(room)).toEqual({ holder: 'a', token });
    });

    it('gives every new owner a larger token, also after a release', async () => {
      const { commands } = setup();
      const room = fresh();
      const first = (await commands.acquire(room, 'a', LONG))!;
      await commands.release(room, 'a', first);
      const second = (await commands.acquire(room, 'b', LONG))!;
      await commands.release(room, 'b', second);
      const third = (await commands.acquire(room, 'a', LONG))!;
      expect(second).toBeGreaterThan(first);
      expect(third).toBeGreaterThan(second);
    });

    it('lets only the holder, with its token, release or renew', async () => {
      const { commands } = setup();
      const room = fresh();
      const token = (await commands.acquire(room, 'a', LONG))!;
      await commands.release(room, 'b', token);
      await commands.release(room, 'a', token + 1);
      expect(await commands.renew(room, 'b', token, LONG)).toBe(false);
      expect(await commands.renew(room, 'a', token - 1, LONG)).toBe(false);
      expect(await commands.owner(room)).toEqual({ holder: 'a', token });
    });

    it('extends a renewed lease past its first expiry', async () => {
      const { commands, wait } = setup();
      const room = fresh();
      // A second between the two commands: a busy machine may stall, and the renewal must find the lease alive.
      const token = (await commands.acquire(room, 'a', 1000))!;
      expect(await commands.renew(room, 'a', token, LONG)).toBe(true);
      await wait(1200);
      expect(await commands.acquire(room, 'b', LONG)).toBeNull();
    });

    it('lets a lease that was not renewed expire: the next owner gets the next token, and the old one cannot renew', async () => {
      const { commands, wait } = setup();
      const room = fresh();
      const token = (await commands.acquire(room, 'a', SHORT))!;
      await wait(SHORT * 2);
      expect(await commands.owner(room)).toBeNull();
      expect(await commands.renew(room, 'a', token, LONG)).toBe(false);
      // Not taken back by the renewal either.
      expect(await commands.owner(room)).toBeNull();
      expect(await commands.acquire(room, 'b', LONG)).toBe(token + 1);
    });

    it('writes the room only with its newest token: a stale owner\'s write changes nothing', async () => {
      const { commands, wait } = setup();
      const room = fresh();
      const old = (await commands.acquire(room, 'a', SHORT))!;
      expect(await commands.writeFenced(room, old, { set: { room: 'v1', 'p:1': 'x' }, del: [] })).toBe(true);
      await wait(SHORT * 2);
      const next = (await commands.acquire(room, 'b', LONG))!;
      expect(await commands.writeFenced(room, old, { set: { room: 'stale' }, del: ['p:1'] })).toBe(false);
      expect(await commands.readRoom(room)).toEqual({ room: 'v1', 'p:1': 'x' });
      expect(await commands.writeFenced(room, next, { set: { room: 'v2', 'p:2': 'y' }, del: ['p:1'] })).toBe(true);
      expect(await commands.readRoom(room)).toEqual({ room: 'v2', 'p:2': 'y' });
    });

    it('fences by token, not by lease: after a release nobody took, the token still writes', async () => {
      const { commands } = setup();
      const room = fresh();
      const token = (await commands.acquire(room, 'a', LONG))!;
      await commands.release(room, 'a', token);
      expect(await commands.writeFenced(room, token, { set: { room: 'v' }, del: [] })).toBe(true);
    });

    it("drops the room's whole state only with its newest token", async () => {
      const { commands, wait } = setup();
      const room = fresh();
      const old = (await commands.acquire(room, 'a', SHORT))!;
      await commands.writeFenced(room, old, { set: { room: 'v1', 'p:1': 'x', 's:1:1': 'y' }, del: [] });
      await wait(SHORT * 2);
      const next = (await commands.acquire(room, 'b', LONG))!;
      expect(await commands.dropFenced(room, old)).toBe(false);
      expect(await commands.readRoom(room)).toEqual({ room: 'v1', 'p:1': 'x', 's:1:1': 'y' });
      expect(await commands.dropFenced(room, next)).toBe(true);
      expect(await commands.readRoom(room)).toEqual({});
    });
  });
}
