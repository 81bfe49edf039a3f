// The host's control of who is in the room, over real sockets: kick = ban (and lifting it), removing everyone who
// joined in the last N seconds, the waiting room, the player cap, renaming, and the name policy's error codes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostStatus, Joined, MeView, PresenceView, Rejoined, Removed, RoomView, Waiting } from '../../shared/protocol.ts';
import { call, ok, settings, startServer, waitFor, type Client, type TestServer } from './harness.ts';
import { setupGame } from './game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

const stateOf = (code: string) => t.server.rooms.get(code)!.state;

async function joinAs(code: string, name: string): Promise<{ socket: Client; ack: Awaited<ReturnType<typeof call<Joined | Waiting>>> }> {
  const socket = await t.connect();
  return { socket, ack: await call<Joined | Waiting>(socket, 'room:join', { code, name }) };
}

describe('kick is a ban', () => {
  it('keeps a kicked player out by token and by name until the host lifts the ban', async () => {
    const game = await setupGame(t, settings());
    const ben = game.players[1]!;
    await ok(call(game.host, 'host:kick', { playerId: ben.me.playerId }));
    const again = await t.connect();
    expect(await call(again, 'room:rejoin', { code: game.code, token: ben.playerToken })).toEqual({ ok: false, error: 'kicked' });
    expect(await call(again, 'room:join', { code: game.code, name: 'Ben' })).toEqual({ ok: false, error: 'name_banned' });
    expect(await call(again, 'room:join', { code: game.code, name: 'ＢＥＮ' })).toEqual({ ok: false, error: 'name_banned' });
    const banned = waitFor<HostStatus>(game.host, 'host:status', (s) => s.roster?.banned !== undefined);
    t.time.advance(250);
    expect((await banned).roster?.banned).toEqual([{ playerId: ben.me.playerId, name: 'Ben', at: expect.any(Number) }]);
    expect(await call(game.players[0]!.socket, 'host:unban', { playerId: ben.me.playerId })).toEqual({ ok: false, error: 'not_host' });
    await ok(call(game.host, 'host:unban', { playerId: ben.me.playerId }));
    expect(await call(game.host, 'host:unban', { playerId: ben.me.playerId })).toEqual({ ok: false, error: 'player_not_found' });
    expect(await call(again, 'room:join', { code: game.code, name: 'Ben' })).toMatchObject({ ok: true });
  });
});

describe('removing everyone who joined in the last N seconds', () => {
  it('takes out and bans only the recent joiners, and says how many', async () => {
    const game = await setupGame(t, settings());
    t.time.jump(60_000);
    const bots = await Promise.all(Array.from({ length: 25 }, (_, i) => joinAs(game.code, `bot-${i}`)));
    expect(bots.every((b) => b.ack.ok)).toBe(true);
    const closed = bots.map((b) => waitFor<{ reason: string }>(b.socket, 'room:closed'));
    t.time.jump(5_000);
    expect(await ok<Removed>(call(game.host, 'host:remove-recent', { seconds: 30 }))).toEqual({ removed: 25 });
    expect((await Promise.all(closed)).every((c) => c.reason === 'kicked')).toBe(true);
    expect(stateOf(game.code).playerCount).toBe(3);
    const back = await joinAs(game.code, 'bot-3');
    expect(back.ack).toEqual({ ok: false, error: 'name_banned' });
    expect(await call(game.players[0]!.socket, 'host:remove-recent', { seconds: 30 })).toEqual({ ok: false, error: 'not_host' });
  });
});

describe('the waiting room', () => {
  it('holds joiners until the host admits or refuses them; a reload keeps the place', async () => {
    const game = await setupGame(t, settings(), ['Ana']);
    await ok(call(game.host, 'host:waiting-room', { enabled: true }));
    const zed = await joinAs(game.code, 'Zed');
    expect(zed.ack).toEqual({ ok: true, data: { waiting: true, playerToken: expect.any(String), code: game.code, name: 'Zed' } });
    const token = (zed.ack as { data: Waiting }).data.playerToken;
    expect(await call(zed.socket, 'answer:submit', { round: 1, answer: 'a' })).toEqual({ ok: false, error: 'not_joined' });
    // A reload: the new socket is still waiting.
    zed.socket.disconnect();
    const reloaded = await t.connect();
    expect(await call<Rejoined>(reloaded, 'room:rejoin', { code: game.code, token })).toEqual({ ok: true, data: { role: 'waiting', playerToken: token, code: game.code, name: 'Zed' } });
    // Someone waiting hears nothing of the room (a lock is broadcast to the room at once).
    const heard: RoomView[] = [];
    reloaded.on('room:state', (v) => heard.push(v));
    const locked = waitFor<RoomView>(game.players[0]!.socket, 'room:state', (v) => v.locked);
    await ok(call(game.host, 'host:lock', { locked: true }));
    await locked;
    await ok(call(game.host, 'host:lock', { locked: false }));
    const status = waitFor<HostStatus>(game.host, 'host:status', (s) => s.roster?.waiting !== undefined);
    t.time.advance(250);
    const { roster, admission } = await status;
    expect(admission).toEqual({ waitingRoom: true, maxPlayers: null, waitingCount: 1 });
    const waiting = roster?.kind === 'delta' ? roster.waiting?.added : roster?.waiting;
    expect(waiting).toEqual([{ playerId: expect.any(String), name: 'Zed', at: expect.any(Number) }]);
    const admitted = waitFor<{ me: MeView; view: RoomView }>(reloaded, 'room:admitted');
    await ok(call(game.host, 'host:admit', { playerId: waiting![0]!.playerId, admit: true }));
    expect(heard).toEqual([]);
    expect(await admitted).toMatchObject({ me: { name: 'Zed', score: 0 }, view: { phase: 'lobby', playerCount: 2 } });
    // Now in the room's broadcasts: the presence update of its own arrival reaches it.
    const presence = waitFor<PresenceView>(reloaded, 'room:presence');
    t.time.advance(500);
    expect(await presence).toEqual({ playerCount: 2, connectedCount: 2, teams: [] });

    const mallory = await joinAs(game.code, 'Mallory');
    const refused = waitFor<{ reason: string }>(mallory.socket, 'room:closed');
    const id = [...stateOf(game.code).waiting][0]!.id;
    await ok(call(game.host, 'host:admit', { playerId: id, admit: false }));
    expect(await refused).toEqual({ reason: 'refused' });
    expect((await joinAs(game.code, 'Mallory')).ack).toEqual({ ok: false, error: 'name_banned' });
  });

  it('lets everyone waiting in when the host switches it off', async () => {
    const game = await setupGame(t, settings(), ['Ana']);
    await ok(call(game.host, 'host:waiting-room', { enabled: true }));
    const queue = await Promise.all(['B', 'C', 'D'].map((n) => joinAs(game.code, n)));
    const admitted = queue.map((q) => waitFor(q.socket, 'room:admitted'));
    await ok(call(game.host, 'host:waiting-room', { enabled: false }));
    await Promise.all(admitted);
    expect(stateOf(game.code).playerCount).toBe(4);
  });
});

describe('the player cap', () => {
  it('refuses joiners beyond the host\'s cap with room_full, and lifts it', async () => {
    const game = await setupGame(t, settings(), ['Ana', 'Ben']);
    await ok(call(game.host, 'host:player-cap', { max: 3 }));
    expect((await joinAs(game.code, 'Cy')).ack).toMatchObject({ ok: true });
    expect((await joinAs(game.code, 'Di')).ack).toEqual({ ok: false, error: 'room_full' });
    expect(await call(game.host, 'host:player-cap', { max: 0 })).toEqual({ ok: false, error: 'invalid_payload' });
    await ok(call(game.host, 'host:player-cap', { max: null }));
    expect((await joinAs(game.code, 'Di')).ack).toMatchObject({ ok: true });
  });
});

describe('renaming', () => {
  it('lets the host rename a player, under the same policy, and tells the player', async () => {
    const game = await setupGame(t, settings(), ['Ana', 'Ben']);
    const ben = game.players[1]!;
    const me = waitFor<MeView>(ben.socket, 'me:state');
    await ok(call(game.host, 'host:rename', { playerId: ben.me.playerId, name: 'Benji' }));
    expect(await me).toMatchObject({ name: 'Benji' });
    expect(await call(game.host, 'host:rename', { playerId: ben.me.playerId, name: 'ANA' })).toEqual({ ok: false, error: 'name_taken' });
    expect(await call(game.host, 'host:rename', { playerId: ben.me.playerId, name: '\u202eX' })).toEqual({ ok: false, error: 'invalid_name' });
    expect(await call(ben.socket, 'host:rename', { playerId: ben.me.playerId, name: 'Boss' })).toEqual({ ok: false, error: 'not_host' });
    expect((await joinAs(game.code, 'Ben')).ack).toMatchObject({ ok: true });
  });
});

describe('names at the door', () => {
  it.each([
    ['\u200b', 'invalid_name'],
    ['Ana\u200b', 'invalid_name'],
    ['\u202eanA', 'invalid_name'],
    ['Z\u0300\u0301\u0302\u0303\u0304', 'invalid_name'],
    ['\u0410na', 'name_taken'],
    ['shithead', 'name_not_allowed'],
  ])('refuses %j with %s', async (name, error) => {
    const game = await setupGame(t, settings(), ['Ana']);
    expect((await joinAs(game.code, name)).ack).toMatchObject({ ok: false, error });
  });
});
