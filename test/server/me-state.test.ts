// me:state at the reveal, over real sockets: `answer` is this round's answer (docs/protocol.md, MeView), also for
// the player whose answer closed the round.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeView, RoomView } from '../../shared/protocol.ts';
import { answersFor, call, ok, settings, startServer, waitFor, type TestServer } from './harness.ts';
import { setupGame } from './game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

describe('me:state at the reveal', () => {
  it("carries each player's answer of the round just closed, and null for a player who gave none", async () => {
    const game = await setupGame(t, settings({ rounds: 1 }), ['Ana', 'Ben']);
    const [ana, ben] = game.players;
    const opened = waitFor<RoomView>(game.host, 'room:state', (v) => v.phase === 'question');
    await ok(call(game.host, 'host:start', {}));
    await opened;
    const { solution, wrong } = answersFor(game.settings, 1);
    const reveals = [ana!, ben!].map((p) => waitFor<MeView>(p.socket, 'me:state', (m) => m.lastResult?.round === 1));
    const anaAt = t.time.now();
    await ok(call(ana!.socket, 'answer:submit', { round: 1, answer: wrong }));
    t.time.advance(1000);
    // Ben's answer is the last one: it closes the round.
    const benAt = t.time.now();
    await ok(call(ben!.socket, 'answer:submit', { round: 1, answer: solution }));
    const [anaMe, benMe] = await Promise.all(reveals);
    expect(anaMe!.answer).toEqual({ round: 1, answer: wrong, at: anaAt });
    expect(benMe!.answer).toEqual({ round: 1, answer: solution, at: benAt });
  });

  it('is null for a player who did not answer before the deadline', async () => {
    const game = await setupGame(t, settings({ rounds: 1 }), ['Ana', 'Ben']);
    const [ana, ben] = game.players;
    await ok(call(game.host, 'host:start', {}));
    const reveals = [ana!, ben!].map((p) => waitFor<MeView>(p.socket, 'me:state', (m) => m.lastResult?.round === 1));
    await ok(call(ana!.socket, 'answer:submit', { round: 1, answer: answersFor(game.settings, 1).solution }));
    t.time.advance(game.settings.secondsPerRound * 1000);
    const [anaMe, benMe] = await Promise.all(reveals);
    expect(anaMe!.answer).toMatchObject({ round: 1 });
    expect(benMe!.answer).toBeNull();
    expect(benMe!.lastResult).toMatchObject({ round: 1, answered: false });
  });
  it('reaches the player whose answer closed the round after that answer\'s ack, as does the reveal', async () => {
    const game = await setupGame(t, settings({ rounds: 1 }), ['Ana', 'Ben']);
    const [ana, ben] = game.players;
    const opened = waitFor<RoomView>(game.host, 'room:state', (v) => v.phase === 'question');
    await ok(call(game.host, 'host:start', {}));
    await opened;
    const { solution } = answersFor(game.settings, 1);
    await ok(call(ana!.socket, 'answer:submit', { round: 1, answer: solution }));
    // Everything Ben's socket hears, in the order it arrives on the wire.
    const heard: string[] = [];
    ben!.socket.on('room:state', (v: RoomView) => heard.push(`room:state ${v.phase}`));
    ben!.socket.on('me:state', (m: MeView) => { if (m.lastResult?.round === 1) heard.push('me:state'); });
    const revealed = waitFor<MeView>(ben!.socket, 'me:state', (m) => m.lastResult?.round === 1);
    // The ack is recorded in its own callback: a promise's continuation could run after listeners of later packets.
    const acked = new Promise<unknown>((resolve) => {
      (ben!.socket as unknown as { emit(e: string, p: unknown, ack: (a: unknown) => void): void })
        .emit('answer:submit', { round: 1, answer: solution }, (ack) => { heard.push('ack'); resolve(ack); });
    });
    expect(await acked).toMatchObject({ ok: true });
    await revealed;
    expect(heard).toEqual(['ack', 'room:state reveal', 'me:state']);
  });
});
