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
});
