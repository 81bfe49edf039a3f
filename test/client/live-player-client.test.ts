import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlayerClient } from '../../client/src/lib/player-client.svelte.ts';
import { SessionStore } from '../../client/src/lib/session-store.ts';
import { connectionMessage, rejoinRetryMs } from '../../client/src/lib/game.svelte.ts';
import { fakeSocket, memoryStore, settle } from './live-fake-socket.ts';
import { lobby, me, question, reveal } from './live-views.ts';

function setup(opts: { connected?: boolean; stored?: Record<string, string> } = {}) {
  const fake = fakeSocket(opts.connected ?? true);
  const storage = memoryStore(opts.stored);
  const client = new PlayerClient(fake.socket, new SessionStore(storage));
  return { fake, storage, client };
}

const joined = { ok: true, data: { playerToken: 'tok-1', me: me(), view: lobby() } };
const storedSession = { 'podium:session:player:ABCDEF': 'tok-1', 'podium:session:player:last': 'ABCDEF' };

afterEach(() => {
  vi.useRealTimers();
});

describe('PlayerClient', () => {
  it('replaces the whole view on room:state', () => {
    const { fake, client } = setup();
    fake.trigger('room:state', lobby());
    const next = question(1);
    fake.trigger('room:state', next);
    expect(client.view).toBe(next);
  });

  it('measures the server clock offset from serverNow', () => {
    const { fake, client } = setup();
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000 - 5000);
    fake.trigger('room:state', lobby({ serverNow: 1_000_000 }));
    vi.restoreAllMocks();
    expect(client.serverOffset).toBe(5000);
  });

  it('joins, keeps me and the view, and stores the token for a refresh', async () => {
    const { fake, client, storage } = setup();
    fake.respond('room:join', () => joined);
    const result = await client.join('ABCDEF', 'Ada');
    expect(result.ok).toBe(true);
    expect(fake.sent).toEqual([{ event: 'room:join', payload: { code: 'ABCDEF', name: 'Ada' } }]);
    expect(client.me?.name).toBe('Ada');
    expect(client.view?.phase).toBe('lobby');
    expect(storage.data.get('podium:session:player:ABCDEF')).toBe('tok-1');
  });

  it('offers the suggested name when the name is taken', async () => {
    const { fake, client } = setup();
    fake.respond('room:join', () => ({ ok: false, error: 'name_taken', suggestion: 'Ada 2' }));
    await client.join('ABCDEF', 'Ada');
    expect(client.suggestion).toBe('Ada 2');
    expect(client.error).toMatch(/already has that name/);
  });

  it.each([
    ['room_not_found', /No game with that code/],
    ['room_locked', /locked/],
    ['invalid_name', /1 to 20 letters, digits or emoji/],
  ])('says what %s means in words', async (code, message) => {
    const { fake, client } = setup();
    fake.respond('room:join', () => ({ ok: false, error: code }));
    await client.join('ABCDEF', 'Ada');
    expect(client.error).toMatch(message);
  });

  it('rejoins with the stored token as soon as the socket connects', async () => {
    const { fake, client } = setup({ connected: false, stored: storedSession });
    fake.respond('room:rejoin', () => ({ ok: true, data: { role: 'player', playerToken: 'tok-1', me: me({ score: 700 }), view: question(2) } }));
    expect(client.resume('ABCDEF')).toBe(true);
    expect(fake.sent).toEqual([]);
    fake.connect();
    await settle();
    expect(fake.sent).toEqual([{ event: 'room:rejoin', payload: { code: 'ABCDEF', token: 'tok-1' } }]);
    expect(client.me?.score).toBe(700);
    expect(client.view?.phase).toBe('question');
    expect(client.resuming).toBe(false);
  });

  it('rejoins again after a dropped connection comes back', async () => {
    const { fake, client } = setup();
    fake.respond('room:join', () => joined);
    fake.respond('room:rejoin', () => ({ ok: true, data: { role: 'player', playerToken: 'tok-1', me: me(), view: lobby() } }));
    await client.join('ABCDEF', 'Ada');
    fake.drop();
    expect(client.connection).toBe('reconnecting');
    expect(connectionMessage(client.connection, client.resuming)).toMatch(/Reconnecting/);
    fake.connect();
    await settle();
    expect(fake.sent.map((s) => s.event)).toEqual(['room:join', 'room:rejoin']);
    expect(fake.sent[1]?.payload).toEqual({ code: 'ABCDEF', token: 'tok-1' });
    expect(client.connection).toBe('online');
  });

  it.each(['unknown_token', 'room_not_found', 'kicked'])('forgets the stored session when the rejoin says %s', async (error) => {
    const { fake, client, storage } = setup({ stored: storedSession });
    fake.respond('room:rejoin', () => ({ ok: false, error }));
    client.resume(null);
    await settle();
    expect(storage.data.has('podium:session:player:ABCDEF')).toBe(false);
    expect(client.resuming).toBe(false);
    expect(client.view).toBeNull();
    if (error !== 'kicked') expect(client.error).toMatch(/no longer running.*Join a new one/);
  });

  it('keeps the stored session when a rejoin only timed out', async () => {
    const { client, storage } = setup({ stored: storedSession });
    client.resume('ABCDEF');
    await settle();
    expect(storage.data.get('podium:session:player:ABCDEF')).toBe('tok-1');
    expect(client.error).toMatch(/did not answer in time/);
  });

  // (room_moving is a reconnect instead: test/client/live-room-moving.test.ts.)
  it('tries a rejoin refused for a passing reason again a moment later while connected (no reconnect is coming)', async () => {
    vi.useFakeTimers();
    const { fake, client } = setup({ stored: storedSession });
    let answers = 0;
    fake.respond('room:rejoin', () => (++answers === 1 ? { ok: false, error: 'internal_error' } : { ok: true, data: { role: 'player', playerToken: 'tok-1', me: me({ score: 300 }), view: question(2) } }));
    client.resume('ABCDEF');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.view).toBeNull();
    await vi.advanceTimersByTimeAsync(rejoinRetryMs);
    expect(fake.sent.filter((s) => s.event === 'room:rejoin')).toHaveLength(2);
    expect(client.view?.phase).toBe('question');
    expect(client.me?.score).toBe(300);
  });

    it('refuses a rejoin that turns out to be the host token', async () => {
    const { fake, client } = setup({ stored: storedSession });
    fake.respond('room:rejoin', () => ({ ok: true, data: { role: 'host', hostToken: 'h', joinUrl: '/', view: lobby(), status: {} } }));
    client.resume('ABCDEF');
    await settle();
    expect(client.view).toBeNull();
  });

  it('sends the answer for the round on screen and keeps it after the ack', async () => {
    const { fake, client } = setup();
    fake.respond('room:join', () => joined);
    fake.respond('answer:submit', () => ({ ok: true, data: { round: 3, at: 1_000_500 } }));
    await client.join('ABCDEF', 'Ada');
    fake.trigger('room:state', question(3));
    const result = await client.answer(['b', 'a']);
    expect(result.ok).toBe(true);
    expect(fake.sent.at(-1)).toEqual({ event: 'answer:submit', payload: { round: 3, answer: ['b', 'a'] } });
    expect(client.sentAnswer).toEqual(['b', 'a']);
  });

  it('does not count an answer from an earlier round as sent', () => {
    const { fake, client } = setup();
    fake.trigger('me:state', me({ answer: { round: 1, answer: 'a', at: 1 } }));
    fake.trigger('room:state', question(2));
    expect(client.sentAnswer).toBeNull();
  });

  it('explains a refused answer', async () => {
    const { fake, client } = setup();
    fake.respond('answer:submit', () => ({ ok: false, error: 'round_closed' }));
    fake.trigger('room:state', question(1));
    const result = await client.answer('a');
    expect(result).toEqual({ ok: false, error: 'round_closed' });
    expect(client.error).toMatch(/Time is up/);
  });

  it('does not send an answer outside a question', async () => {
    const { fake, client } = setup();
    fake.trigger('room:state', reveal(1));
    const result = await client.answer('a');
    expect(result.ok).toBe(false);
    expect(fake.sent).toEqual([]);
  });

  it('refuses to send while disconnected instead of buffering before the rejoin', async () => {
    const { fake, client } = setup();
    fake.trigger('room:state', question(1));
    fake.drop();
    const result = await client.answer('a');
    expect(result).toEqual({ ok: false, error: 'offline' });
    expect(fake.sent).toEqual([]);
  });

  it('replaces me on me:state', () => {
    const { fake, client } = setup();
    const mine = me({ score: 1200, rank: 1, streak: 2 });
    fake.trigger('me:state', mine);
    expect(client.me).toBe(mine);
  });

  it('forgets the session and the view when kicked, and reconnects fresh so the person can join again', async () => {
    const { fake, client, storage } = setup();
    fake.respond('room:join', () => joined);
    await client.join('ABCDEF', 'Ada');
    fake.trigger('room:closed', { reason: 'kicked' });
    expect(client.closed).toBe('kicked');
    expect(client.view).toBeNull();
    expect(storage.data.has('podium:session:player:ABCDEF')).toBe(false);
    expect(fake.connectCalls).toBe(1);
  });

  it('keeps the token when another tab takes the seat, and takes it back on request', async () => {
    const { fake, client, storage } = setup();
    fake.respond('room:join', () => joined);
    fake.respond('room:rejoin', () => ({ ok: true, data: { role: 'player', playerToken: 'tok-1', me: me(), view: lobby() } }));
    await client.join('ABCDEF', 'Ada');
    fake.trigger('room:closed', { reason: 'replaced' });
    expect(client.closed).toBe('replaced');
    expect(fake.connected).toBe(false);
    expect(fake.connectCalls).toBe(0);
    expect(storage.data.get('podium:session:player:ABCDEF')).toBe('tok-1');
    client.takeOver();
    fake.connect();
    await settle();
    expect(fake.sent.at(-1)).toEqual({ event: 'room:rejoin', payload: { code: 'ABCDEF', token: 'tok-1' } });
    expect(client.closed).toBeNull();
  });

  it('starts over after leaving, even when room:closed "left" arrives after the ack', async () => {
    const { fake, client } = setup();
    fake.respond('room:join', () => joined);
    fake.respond('room:leave', () => ({ ok: true, data: null }));
    await client.join('ABCDEF', 'Ada');
    await client.leave();
    fake.connect();
    fake.trigger('room:closed', { reason: 'left' });
    expect(client.closed).toBeNull();
    expect(client.connection).toBe('online');
    expect(client.view).toBeNull();
  });

  it('reconnects by itself after the server says it is restarting (plus its random share: none here)', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fake, client } = setup();
    fake.trigger('server:restarting', { retryAfterMs: 2000 });
    expect(connectionMessage(client.connection, false)).toMatch(/restarting/);
    fake.drop('io server disconnect');
    expect(client.connection).toBe('restarting');
    vi.advanceTimersByTime(1999);
    expect(fake.connectCalls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fake.connectCalls).toBe(1);
  });
});
