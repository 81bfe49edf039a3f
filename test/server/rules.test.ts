import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostStatus, MeView, Rejoined, RoomView } from '../../shared/protocol.ts';
import { answersFor, call, ok, settings, startServer, waitFor, type TestServer } from './harness.ts';
import { playRound, setupGame, type Game } from './game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

const stateOf = (game: Game) => t.server.rooms.get(game.code)!.state;

async function startGame(game: Game): Promise<void> {
  const opened = waitFor<RoomView>(game.host, 'room:state', (v) => v.phase === 'question');
  await ok(call(game.host, 'host:start', {}));
  await opened;
}

describe('answers over sockets', () => {
  it('rejects late, double and stale answers', async () => {
    const game = await setupGame(t, settings({ rounds: 2 }));
    await startGame(game);
    const [ana, ben, cy] = game.players.map((p) => p.socket);
    const { solution, wrong } = answersFor(game.settings, 1);
    expect(await call(ana!, 'answer:submit', { round: 1, answer: wrong })).toMatchObject({ ok: true });
    expect(await call(ana!, 'answer:submit', { round: 1, answer: solution })).toEqual({ ok: false, error: 'already_answered' });
    expect(await call(ben!, 'answer:submit', { round: 2, answer: solution })).toEqual({ ok: false, error: 'stale_round' });
    t.time.jump(20_001);
    expect(await call(ben!, 'answer:submit', { round: 1, answer: solution })).toEqual({ ok: false, error: 'round_closed' });
    t.time.advance(0);
    expect(stateOf(game).phase).toBe('reveal');
    expect(await call(cy!, 'answer:submit', { round: 1, answer: solution })).toEqual({ ok: false, error: 'round_closed' });
    await ok(call(game.host, 'host:next', { phase: 'reveal', round: 1 }));
    await ok(call(game.host, 'host:next', { phase: 'leaderboard', round: 1 }));
    expect(await call(cy!, 'answer:submit', { round: 1, answer: solution })).toEqual({ ok: false, error: 'stale_round' });
  });

  it('closes the round as soon as every connected player has answered', async () => {
    const game = await setupGame(t, settings());
    await startGame(game);
    game.players[2]!.socket.disconnect();
    await vi.waitFor(() => expect(stateOf(game).connectedCount).toBe(2));
    const reveal = waitFor<RoomView>(game.host, 'room:state', (v) => v.phase === 'reveal');
    const { solution } = answersFor(game.settings, 1);
    for (const p of game.players.slice(0, 2)) await ok(call(p.socket, 'answer:submit', { round: 1, answer: solution }));
    await reveal;
  });
});

describe('host-only actions', () => {
  it.each([
    ['host:start', {}],
    ['host:next', { phase: 'lobby', round: 0 }],
    ['host:kick', { playerId: 'x' }],
    ['host:lock', { locked: true }],
    ['host:pause', { paused: true }],
    ['host:end', {}],
  ])('refuses %s from a player socket and changes nothing', async (event, payload) => {
    const game = await setupGame(t, settings());
    const before = JSON.stringify(stateOf(game));
    const kickTarget = { playerId: game.players[1]!.me.playerId };
    const ack = await call(game.players[0]!.socket, event, event === 'host:kick' ? kickTarget : payload);
    expect(ack).toEqual({ ok: false, error: 'not_host' });
    expect(JSON.stringify(stateOf(game))).toBe(before);
  });

  it('refuses to skip a running question from a player socket', async () => {
    const game = await setupGame(t, settings());
    await startGame(game);
    expect(await call(game.players[0]!.socket, 'host:next', { phase: 'question', round: 1 })).toEqual({ ok: false, error: 'not_host' });
    expect(stateOf(game).phase).toBe('question');
  });

  it('ignores a forged player id in a payload', async () => {
    const game = await setupGame(t, settings());
    await startGame(game);
    const [ana, ben] = game.players;
    const { solution } = answersFor(game.settings, 1);
    const forged = await call(ben!.socket, 'answer:submit', { round: 1, answer: solution, playerId: ana!.me.playerId });
    expect(forged).toEqual({ ok: false, error: 'invalid_payload' });
    expect(stateOf(game).answered).toBe(0);
    await ok(call(ben!.socket, 'answer:submit', { round: 1, answer: solution }));
    expect(await call(ana!.socket, 'answer:submit', { round: 1, answer: solution })).toMatchObject({ ok: true });
    expect(await call(ben!.socket, 'team:pick', { team: 0, playerId: ana!.me.playerId })).toEqual({ ok: false, error: 'invalid_payload' });
  });

  it('kicks a player for good and locks the room', async () => {
    const game = await setupGame(t, settings());
    const ben = game.players[1]!;
    const closed = waitFor<{ reason: string }>(ben.socket, 'room:closed');
    await ok(call(game.host, 'host:kick', { playerId: ben.me.playerId }));
    expect(await closed).toEqual({ reason: 'kicked' });
    const again = await t.connect();
    expect(await call(again, 'room:rejoin', { code: game.code, token: ben.playerToken })).toEqual({ ok: false, error: 'kicked' });
    await ok(call(game.host, 'host:lock', { locked: true }));
    const late = await t.connect();
    expect(await call(late, 'room:join', { code: game.code, name: 'Late' })).toEqual({ ok: false, error: 'room_locked' });
  });
});

describe('pausing the auto-advance', () => {
  it('holds a reveal for everyone until the host resumes, then counts down what was left', async () => {
    const game = await setupGame(t, settings({ autoAdvance: true }));
    await startGame(game);
    await playRound(t, game, 1, [{ answer: 'right', at: 0 }, { answer: 'right', at: 0 }, { answer: 'wrong', at: 0 }]);
    const paused = waitFor<RoomView>(game.players[0]!.socket, 'room:state', (v) => v.paused);
    await ok(call(game.host, 'host:pause', { paused: true }));
    expect(await paused).toMatchObject({ phase: 'reveal', paused: true, phaseDeadline: null });
    t.time.advance(60_000);
    expect(stateOf(game).phase).toBe('reveal');
    const resumed = waitFor<RoomView>(game.players[0]!.socket, 'room:state', (v) => !v.paused);
    await ok(call(game.host, 'host:pause', { paused: false }));
    const view = await resumed;
    expect(view.phaseDeadline).toBeGreaterThan(view.serverNow);
    t.time.advance(10_001);
    expect(stateOf(game).phase).toBe('leaderboard');
  });
});

describe('reconnecting', () => {
  it('brings a reloaded player back with score, streak and this round\'s answer', async () => {
    const game = await setupGame(t, settings({ rounds: 2 }));
    await startGame(game);
    await playRound(t, game, 1, [{ answer: 'right', at: 0 }, { answer: 'right', at: 0 }, { answer: 'wrong', at: 0 }]);
    await ok(call(game.host, 'host:next', { phase: 'reveal', round: 1 }));
    await ok(call(game.host, 'host:next', { phase: 'leaderboard', round: 1 }));
    const ana = game.players[0]!;
    const { solution } = answersFor(game.settings, 2);
    await ok(call(ana.socket, 'answer:submit', { round: 2, answer: solution }));
    ana.socket.disconnect();
    const fresh = await t.connect();
    const back = await ok<Rejoined>(call(fresh, 'room:rejoin', { code: game.code, token: ana.playerToken }));
    if (back.role !== 'player') expect.fail('rejoined as host');
    expect(back.me).toMatchObject({ score: 1000, streak: 1, answer: { round: 2, answer: solution } });
    expect(back.view).toMatchObject({ phase: 'question', round: 2 });
    expect(await call(fresh, 'answer:submit', { round: 2, answer: solution })).toEqual({ ok: false, error: 'already_answered' });
    const result = waitFor<MeView>(fresh, 'me:state');
    t.time.advance(20_000);
    expect(await result).toMatchObject({ score: 2100, streak: 2 });
  });

  it('holds at the reveal while the host is away and resumes when the host returns', async () => {
    const game = await setupGame(t, settings({ autoAdvance: true, rounds: 2 }));
    await startGame(game);
    const ana = game.players[0]!.socket;
    const holding = waitFor<RoomView>(ana, 'room:state', (v) => v.phase === 'reveal');
    game.host.disconnect();
    await waitFor<RoomView>(ana, 'room:state', (v) => !v.hostConnected);
    t.time.advance(20_000);
    expect(await holding).toMatchObject({ holding: true, phaseDeadline: null });
    t.time.advance(10 * 60_000);
    expect(stateOf(game).phase).toBe('reveal');
    const host = await t.connect();
    const back = await ok<Rejoined>(call(host, 'room:rejoin', { code: game.code, token: game.hostToken }));
    expect(back).toMatchObject({ role: 'host', view: { phase: 'reveal', holding: false } });
    const leaderboard = waitFor<RoomView>(ana, 'room:state', (v) => v.phase === 'leaderboard');
    t.time.advance(10_000);
    await leaderboard;
    expect(await call(host, 'host:next', { phase: 'leaderboard', round: 1 })).toEqual({ ok: true, data: null });
  });

  it('closes a room nobody touched for 30 minutes', async () => {
    const game = await setupGame(t, settings());
    const closed = waitFor<{ reason: string }>(game.players[0]!.socket, 'room:closed');
    t.time.advance(30 * 60_000);
    expect(await closed).toEqual({ reason: 'expired' });
    expect(t.server.rooms.has(game.code)).toBe(false);
  });
});

describe('names', () => {
  it('refuses a name taken ignoring case and suggests another', async () => {
    const game = await setupGame(t, settings());
    const socket = await t.connect();
    expect(await call(socket, 'room:join', { code: game.code.toLowerCase(), name: ' ANA ' })).toEqual({ ok: false, error: 'name_taken', suggestion: 'ANA2' });
  });
});

describe('the host panel', () => {
  it('counts answers for the host, at most every 250 ms', async () => {
    const game = await setupGame(t, settings());
    await startGame(game);
    const statuses: HostStatus[] = [];
    game.host.on('host:status', (s) => statuses.push(s));
    const { wrong } = answersFor(game.settings, 1);
    await ok(call(game.players[0]!.socket, 'answer:submit', { round: 1, answer: wrong }));
    await ok(call(game.players[1]!.socket, 'answer:submit', { round: 1, answer: wrong }));
    expect(statuses.filter((s) => s.answered > 0)).toEqual([]);
    const counted = waitFor<HostStatus>(game.host, 'host:status', (s) => s.answered === 2);
    t.time.advance(250);
    expect(await counted).toMatchObject({ answered: 2, pending: 1, connectedCount: 3 });
  });
});

describe('health and readiness', () => {
  it('is live and ready, then not ready and refusing new rooms while draining', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    t.server.drain();
    expect((await fetch(`${t.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const host = await t.connect();
    expect(await call(host, 'room:create', { settings: settings() })).toEqual({ ok: false, error: 'server_draining' });
  });
});
