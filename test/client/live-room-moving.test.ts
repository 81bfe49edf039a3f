// A room that moves between cluster nodes (its owner died): `room_moving`, or the connection cut while an ack was
// awaited, must not end in an error for what a player or host expects to just work. The client reconnects with a
// jittered wait, rejoins, and settles the event from what the rejoin shows, or sends it again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlayerClient } from '../../client/src/lib/player-client.svelte.ts';
import { HostClient } from '../../client/src/lib/host-client.svelte.ts';
import { SessionStore } from '../../client/src/lib/session-store.ts';
import { connectionMessage } from '../../client/src/lib/game.svelte.ts';
import { RECONNECT_SPREAD_MS, RETRY_AFTER_MIN_MS, reconnectDelay } from '../../client/src/lib/reconnect-delay.ts';
import { fakeSocket, memoryStore, noAnswerYet } from './live-fake-socket.ts';
import { lobby, me, question, reveal, settings } from './live-views.ts';
import type { HostStatus } from '../../shared/protocol.ts';

const moving = { ok: false, error: 'room_moving' };
const hop = RETRY_AFTER_MIN_MS + RECONNECT_SPREAD_MS;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function joinedPlayer() {
  vi.useFakeTimers();
  const fake = fakeSocket();
  const client = new PlayerClient(fake.socket, new SessionStore(memoryStore()));
  fake.respond('room:join', () => ({ ok: true, data: { playerToken: 'tok-1', me: me(), view: lobby() } }));
  await client.join('ABCDEF', 'Ada');
  fake.trigger('room:state', question(3));
  /** The next rejoin's answer. */
  const rejoinShows = (view: ReturnType<typeof question> | ReturnType<typeof reveal>, mine = me()) =>
    fake.respond('room:rejoin', () => ({ ok: true, data: { role: 'player', playerToken: 'tok-1', me: mine, view } }));
  return { fake, client, rejoinShows };
}

/** What the hop does: the socket's connect, after the jittered wait. */
async function reconnectAfterHop(fake: ReturnType<typeof fakeSocket>): Promise<void> {
  const calls = fake.connectCalls;
  await vi.advanceTimersByTimeAsync(hop);
  expect(fake.connectCalls).toBe(calls + 1);
  fake.connect();
  await vi.advanceTimersByTimeAsync(0);
}

const submits = (fake: ReturnType<typeof fakeSocket>) => fake.sent.filter((s) => s.event === 'answer:submit').length;

describe('a player whose room moves while an answer is on its way', () => {
  it('keeps the answer, says it is reconnecting, and sends it again once rejoined to the same open round', async () => {
    const { fake, client, rejoinShows } = await joinedPlayer();
    let replies = [moving, { ok: true, data: { round: 3, at: 1_000_700 } }];
    fake.respond('answer:submit', () => replies.shift());
    rejoinShows(question(3));
    const sending = client.answer(['b', 'a']);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.error).toBe('');
    expect(client.moving).toBe(true);
    expect(fake.connected).toBe(false);
    expect(connectionMessage(client.connection, client.resuming, client.moving)).toMatch(/Reconnecting/);
    await reconnectAfterHop(fake);
    const result = await sending;
    expect(result).toEqual({ ok: true, data: { round: 3, at: 1_000_700 } });
    expect(fake.sent.map((s) => s.event)).toEqual(['room:join', 'answer:submit', 'room:rejoin', 'answer:submit']);
    expect(fake.sent.at(-1)?.payload).toEqual({ round: 3, answer: ['b', 'a'] });
    expect(client.sentAnswer).toEqual(['b', 'a']);
    expect(client.error).toBe('');
    expect(client.moving).toBe(false);
    expect(connectionMessage(client.connection, client.resuming, client.moving)).toBe('');
    replies = [];
  });

  it('does not send it again when the rejoin shows it already counted', async () => {
    const { fake, client, rejoinShows } = await joinedPlayer();
    fake.respond('answer:submit', () => moving);
    rejoinShows(question(3), me({ answer: { round: 3, answer: ['b', 'a'], at: 1_000_400 } }));
    const sending = client.answer(['b', 'a']);
    await vi.advanceTimersByTimeAsync(0);
    await reconnectAfterHop(fake);
    expect(await sending).toEqual({ ok: true, data: { round: 3, at: 1_000_400 } });
    expect(submits(fake)).toBe(1);
    expect(client.sentAnswer).toEqual(['b', 'a']);
  });

  it('counts already_answered to the copy sent again as success', async () => {
    const { fake, client, rejoinShows } = await joinedPlayer();
    let replies = [moving, { ok: false, error: 'already_answered' }];
    fake.respond('answer:submit', () => replies.shift());
    rejoinShows(question(3));
    const sending = client.answer('a');
    await vi.advanceTimersByTimeAsync(0);
    await reconnectAfterHop(fake);
    const result = await sending;
    expect(result.ok).toBe(true);
    expect(client.sentAnswer).toBe('a');
    expect(client.error).toBe('');
    replies = [];
  });

  it('lets the reveal speak when the round closed meanwhile: no copy sent, no error', async () => {
    const { fake, client, rejoinShows } = await joinedPlayer();
    fake.respond('answer:submit', () => moving);
    rejoinShows(reveal(3));
    const sending = client.answer('a');
    await vi.advanceTimersByTimeAsync(0);
    await reconnectAfterHop(fake);
    const result = await sending;
    expect(result.ok).toBe(false);
    expect(submits(fake)).toBe(1);
    expect(client.view?.phase).toBe('reveal');
    expect(client.error).toBe('');
  });

  it('carries an answer whose connection was cut while it waited (the new owner evacuating the room)', async () => {
    const { fake, client, rejoinShows } = await joinedPlayer();
    let replies: unknown[] = [noAnswerYet, { ok: true, data: { round: 3, at: 1_000_900 } }];
    fake.respond('answer:submit', () => replies.shift());
    rejoinShows(question(3));
    const sending = client.answer('a');
    fake.trigger('server:restarting', { retryAfterMs: 250 });
    fake.drop('io server disconnect');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.error).toBe('');
    await vi.advanceTimersByTimeAsync(hop);
    fake.connect();
    const result = await sending;
    expect(result).toEqual({ ok: true, data: { round: 3, at: 1_000_900 } });
    expect(fake.sent.map((s) => s.event)).toEqual(['room:join', 'answer:submit', 'room:rejoin', 'answer:submit']);
    replies = [];
  });

  it('keeps the old behaviour for a refusal that is not about the move', async () => {
    const { fake, client } = await joinedPlayer();
    fake.respond('answer:submit', () => ({ ok: false, error: 'round_closed' }));
    expect(await client.answer('a')).toEqual({ ok: false, error: 'round_closed' });
    expect(client.error).toMatch(/Time is up/);
    expect(client.moving).toBe(false);
  });

  it('tries the rejoin again on a new connection when the rejoin itself hears room_moving', async () => {
    const { fake, client, rejoinShows } = await joinedPlayer();
    fake.respond('room:rejoin', () => moving);
    fake.drop();
    fake.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.error).toBe('');
    expect(client.resuming).toBe(true);
    expect(client.moving).toBe(true);
    rejoinShows(question(3, { round: 3 }), me({ score: 900 }));
    await reconnectAfterHop(fake);
    expect(client.me?.score).toBe(900);
    expect(client.resuming).toBe(false);
    expect(client.moving).toBe(false);
  });

  it('gives up on a carried answer when the seat is gone', async () => {
    const { fake, client } = await joinedPlayer();
    fake.respond('answer:submit', () => moving);
    fake.respond('room:rejoin', () => ({ ok: false, error: 'unknown_token' }));
    const sending = client.answer('a');
    await vi.advanceTimersByTimeAsync(0);
    await reconnectAfterHop(fake);
    expect((await sending).ok).toBe(false);
    expect(submits(fake)).toBe(1);
    expect(client.moving).toBe(false);
  });
});

const hostStatus: HostStatus = {
  phase: 'question', round: 3, answered: 0, pending: 0, connectedCount: 1, playerCount: 1,
  admission: { waitingRoom: false, maxPlayers: null, waitingCount: 0 },
};

async function joinedHost() {
  vi.useFakeTimers();
  const fake = fakeSocket();
  const client = new HostClient(fake.socket, new SessionStore(memoryStore()));
  fake.respond('room:create', () => ({ ok: true, data: { code: 'ABCDEF', hostToken: 'host-tok', joinUrl: '/', view: question(3) } }));
  await client.create(settings);
  const rejoinShows = (view: ReturnType<typeof question> | ReturnType<typeof reveal>) =>
    fake.respond('room:rejoin', () => ({ ok: true, data: { role: 'host', hostToken: 'host-tok', joinUrl: '/', view, status: hostStatus } }));
  return { fake, client, rejoinShows };
}

describe('a host whose room moves while a control is on its way', () => {
  it('sends host:next again, with the same phase and round, when the rejoin shows it did not happen', async () => {
    const { fake, client, rejoinShows } = await joinedHost();
    let replies = [moving, { ok: true, data: null }];
    fake.respond('host:next', () => replies.shift());
    rejoinShows(question(3));
    const next = client.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.error).toBe('');
    await reconnectAfterHop(fake);
    expect(await next).toEqual({ ok: true, data: null });
    const sent = fake.sent.filter((s) => s.event === 'host:next').map((s) => s.payload);
    expect(sent).toEqual([{ phase: 'question', round: 3 }, { phase: 'question', round: 3 }]);
    replies = [];
  });

  it('does not send host:next again when the rejoin shows the game already moved on', async () => {
    const { fake, client, rejoinShows } = await joinedHost();
    fake.respond('host:next', () => moving);
    rejoinShows(reveal(3));
    const next = client.next();
    await vi.advanceTimersByTimeAsync(0);
    await reconnectAfterHop(fake);
    expect(await next).toEqual({ ok: true, data: null });
    expect(fake.sent.filter((s) => s.event === 'host:next')).toHaveLength(1);
    expect(client.error).toBe('');
  });

  it('takes stale_round to a copy sent again as done (the first got through meanwhile)', async () => {
    const { fake, client, rejoinShows } = await joinedHost();
    let replies = [moving, { ok: false, error: 'stale_round' }];
    fake.respond('host:next', () => replies.shift());
    rejoinShows(question(3));
    const next = client.next();
    await vi.advanceTimersByTimeAsync(0);
    await reconnectAfterHop(fake);
    expect(await next).toEqual({ ok: true, data: null });
    expect(client.error).toBe('');
    replies = [];
  });

  it('settles pause from the view after the rejoin', async () => {
    const { fake, client, rejoinShows } = await joinedHost();
    fake.respond('host:pause', () => moving);
    rejoinShows({ ...reveal(3), paused: true });
    const pause = client.pause(true);
    await vi.advanceTimersByTimeAsync(0);
    await reconnectAfterHop(fake);
    expect(await pause).toEqual({ ok: true, data: null });
    expect(fake.sent.filter((s) => s.event === 'host:pause')).toHaveLength(1);
  });

  it('still reconnects but says "try again" for a control that is not safe to repeat (remove-recent)', async () => {
    const { fake, client, rejoinShows } = await joinedHost();
    fake.respond('host:remove-recent', () => moving);
    rejoinShows(question(3));
    const result = await client.removeRecent(30);
    expect(result).toEqual(moving);
    expect(client.error).toMatch(/moving to another server/);
    await reconnectAfterHop(fake);
    expect(fake.sent.filter((s) => s.event === 'host:remove-recent')).toHaveLength(1);
    expect(fake.sent.at(-1)?.event).toBe('room:rejoin');
  });
});

describe('reconnect jitter', () => {
  it('waits the server’s retryAfterMs plus a random share of up to a second, within bounds', () => {
    expect(reconnectDelay(250, () => 0)).toBe(250);
    expect(reconnectDelay(250, () => 0.5)).toBe(750);
    expect(reconnectDelay(1000, () => 0.999)).toBe(1999);
    expect(reconnectDelay(10, () => 0)).toBe(RETRY_AFTER_MIN_MS);
    expect(reconnectDelay(1e9, () => 0)).toBe(30_000);
    expect(reconnectDelay(Number.NaN, () => 0)).toBe(RETRY_AFTER_MIN_MS);
  });

  it('spreads a room told to reconnect at once over the window instead of one instant', async () => {
    vi.useFakeTimers();
    const fakes = Array.from({ length: 200 }, () => fakeSocket());
    for (const fake of fakes) new PlayerClient(fake.socket, new SessionStore(memoryStore()));
    for (const fake of fakes) {
      fake.trigger('server:restarting', { retryAfterMs: 250 });
      fake.drop('io server disconnect');
    }
    const reconnected = (): number => fakes.filter((f) => f.connectCalls > 0).length;
    await vi.advanceTimersByTimeAsync(249);
    expect(reconnected()).toBe(0);
    const perQuarter: number[] = [];
    for (let q = 0; q < 4; q++) {
      const before = reconnected();
      await vi.advanceTimersByTimeAsync(RECONNECT_SPREAD_MS / 4);
      perQuarter.push(reconnected() - before);
    }
    // The latest possible wait is 250 + 1000 ms (the share rounds up to it): one more ms and everyone is back.
    await vi.advanceTimersByTimeAsync(1);
    expect(reconnected()).toBe(200);
    // Uniform over the second: each quarter gets some of them, none gets nearly all (200 draws; a quarter is
    // outside 10..90 with a probability far below 1e-9).
    for (const n of perQuarter) expect(n).toBeGreaterThan(10);
    for (const n of perQuarter) expect(n).toBeLessThan(90);
  });
});
