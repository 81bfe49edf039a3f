// Guessing costs the guesser, not the class behind the same address (issue 12). Real server, real sockets, the
// default limits; a second loopback address (127.0.0.2) plays a host on another network.
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import type { Created, Joined, Rejoined, Waiting } from '../../shared/protocol.ts';
import { defaultLimits } from '../../server/context.ts';
import { call, ok, settings, startServer, waitFor, type Client, type TestServer } from './harness.ts';

let t: TestServer;
afterEach(async () => { await t.close(); });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A socket from a chosen loopback address (the server sees it as that client's address). */
async function from(address: string): Promise<Client> {
  const socket: Client = connectClient(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress: address } as never);
  t.clients.push(socket);
  await waitFor(socket, 'connect');
  return socket;
}

const WRONG = ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD', 'EEEEEE', 'FFFFFF', 'GGGGGG', 'HHHHHH'];

/** One wrong code every 250 ms, each from a fresh socket (so no per-socket limit helps), until stopped. */
function guesser(address: string): { stop(): Promise<Record<string, number>> } {
  const seen: Record<string, number> = {};
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const socket = await from(address);
      const ack = await call(socket, 'room:join', { code: WRONG[i % WRONG.length], name: 'x' });
      const key = ack.ok ? 'ok' : ack.error;
      seen[key] = (seen[key] ?? 0) + 1;
      socket.disconnect();
      await sleep(250);
    }
  })();
  return { stop: async () => { running = false; await loop; return seen; } };
}

describe('a guesser on the class\'s address', () => {
  it('does not stop 30 students joining, 10 reloading and the host rejoining', async () => {
    t = await startServer(defaultLimits);
    const host = await from('127.0.0.1');
    const created = await ok<Created>(call(host, 'room:create', { settings: settings() }));
    const guessing = guesser('127.0.0.1');
    await sleep(6000); // past the address's budget of 20 guesses a minute
    const students: { socket: Client; token: string }[] = [];
    const joins: string[] = [];
    for (let i = 0; i < 30; i++) {
      const socket = await from('127.0.0.1');
      const ack = await call<Joined | Waiting>(socket, 'room:join', { code: created.code, name: `Student ${i}` });
      joins.push(ack.ok ? 'ok' : ack.error);
      if (ack.ok) students.push({ socket, token: ack.data.playerToken });
      await sleep(50);
    }
    const reloads: string[] = [];
    for (const s of students.slice(0, 10)) {
      s.socket.disconnect();
      const socket = await from('127.0.0.1');
      const ack = await call<Rejoined>(socket, 'room:rejoin', { code: created.code, token: s.token });
      reloads.push(ack.ok ? ack.data.role : ack.error);
    }
    host.disconnect();
    const back = await call<Rejoined>(await from('127.0.0.1'), 'room:rejoin', { code: created.code, token: created.hostToken });
    const seen = await guessing.stop();
    console.log(`[guessing] guesser: ${JSON.stringify(seen)}; students: ${joins.filter((j) => j === 'ok').length}/30 joined, ${reloads.filter((r) => r === 'player').length}/10 reloads back, host ${back.ok ? 'back' : back.error}`);
    expect(joins).toEqual(Array(30).fill('ok'));
    expect(reloads).toEqual(Array(10).fill('player'));
    expect(back).toMatchObject({ ok: true, data: { role: 'host' } });
    // The guesser was cut off (one guess every 2 s past the budget), and never found anything.
    expect(seen['too_many_attempts']).toBeGreaterThan(0);
    expect(seen['ok']).toBeUndefined();
  }, 60_000);
});

describe('guessing limits', () => {
  it('gives one socket 5 wrong guesses, then too_many_attempts, while its rooms stay open to it', async () => {
    t = await startServer(defaultLimits);
    const host = await from('127.0.0.2');
    const { code } = await ok<Created>(call(host, 'room:create', { settings: settings() }));
    const socket = await from('127.0.0.1');
    const acks = [];
    for (const guess of WRONG.slice(0, 6)) acks.push(await call(socket, 'room:join', { code: guess, name: 'G' }));
    expect(acks.map((a) => (a.ok ? 'ok' : a.error))).toEqual([...Array(5).fill('room_not_found'), 'too_many_attempts']);
    // Even the right code: the answer must not tell a hit from a miss once the socket is out of guesses.
    expect(await call(socket, 'room:join', { code, name: 'G' })).toEqual({ ok: false, error: 'too_many_attempts' });
    // A classmate's fresh socket on the same address still has its own guesses.
    expect(await call(await from('127.0.0.1'), 'room:join', { code, name: 'H' })).toMatchObject({ ok: true });
  });

  it('past the address\'s budget, answers the same to right and wrong codes, but never refuses a valid token', async () => {
    t = await startServer({ ...defaultLimits, guessesPerAddressPerMinute: 3, overBudgetGuessEverySec: 60 });
    const host = await from('127.0.0.2');
    const created = await ok<Created>(call(host, 'room:create', { settings: settings() }));
    const seat = await ok<Joined>(call(await from('127.0.0.2'), 'room:join', { code: created.code, name: 'Ana' }));
    for (const guess of WRONG.slice(0, 3)) await call(await from('127.0.0.3'), 'room:join', { code: guess, name: 'G' });
    // The address's one guess per interval, then nothing, whether the code is right or wrong.
    const next = await Promise.all([WRONG[4], WRONG[5], created.code].map(async (code) => (await call(await from('127.0.0.3'), 'room:join', { code, name: 'G' }))));
    expect(next.filter((a) => !a.ok && a.error === 'too_many_attempts').length).toBeGreaterThanOrEqual(2);
    expect(await call(await from('127.0.0.3'), 'room:rejoin', { code: 'ZZZZZZ', token: 'x.y' })).toEqual({ ok: false, error: 'too_many_attempts' });
    // The player and the host, now behind that address (a phone that changed networks): straight back in.
    expect(await call<Rejoined>(await from('127.0.0.3'), 'room:rejoin', { code: created.code, token: seat.playerToken })).toMatchObject({ ok: true, data: { role: 'player' } });
    host.disconnect();
    expect(await call<Rejoined>(await from('127.0.0.3'), 'room:rejoin', { code: created.code, token: created.hostToken })).toMatchObject({ ok: true, data: { role: 'host' } });
    // …and once a seat of the room is on this address, the room is no guess for it: its classmates can join.
    expect(await call(await from('127.0.0.3'), 'room:join', { code: created.code, name: 'Ben' })).toMatchObject({ ok: true });
  });
});

describe('the join rate of a room', () => {
  it('lets a class of 200 behind one address in at once, with the default limits', async () => {
    t = await startServer(defaultLimits);
    const host = await from('127.0.0.1');
    const { code } = await ok<Created>(call(host, 'room:create', { settings: settings() }));
    const sockets = await Promise.all(Array.from({ length: 200 }, () => from('127.0.0.1')));
    const acks = await Promise.all(sockets.map((s, i) => call(s, 'room:join', { code, name: `Pupil ${i}` })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
  }, 60_000);

  it('answers room_busy beyond the room\'s rate; rejoins are not counted', async () => {
    t = await startServer({ ...defaultLimits, joinsPerRoomPerMinute: 5 });
    const host = await from('127.0.0.1');
    const { code } = await ok<Created>(call(host, 'room:create', { settings: settings() }));
    const acks = [];
    for (let i = 0; i < 7; i++) acks.push(await call<Joined>(await from('127.0.0.1'), 'room:join', { code, name: `Bot ${i}` }));
    expect(acks.map((a) => (a.ok ? 'ok' : a.error))).toEqual([...Array(5).fill('ok'), 'room_busy', 'room_busy']);
    const token = (acks[0] as { ok: true; data: Joined }).data.playerToken;
    expect(await call(await from('127.0.0.1'), 'room:rejoin', { code, token })).toMatchObject({ ok: true });
  });
});
