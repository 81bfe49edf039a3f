// A presence re-broadcast left pending from the lobby must not arrive after a phase change as a second copy of
// the new phase: a host bot took such a copy for a new reveal and pressed next twice (wrong_phase).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomView } from '../../../shared/protocol.ts';
import { answersFor, call, ok, settings, startServer, type TestServer } from '../harness.ts';
import { setupGame } from '../game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

describe('room:state after quick joins', () => {
  it('sends each phase once when the game starts and a round closes within the presence interval', async () => {
    const game = await setupGame(t, settings({ rounds: 2 }), ['Ana', 'Ben']);
    const seen: string[] = [];
    game.host.on('room:state', (v: RoomView) => seen.push(`${v.phase}:${v.round}`));
    await ok(call(game.host, 'host:start', {}));
    const { solution } = answersFor(game.settings, 1);
    for (const p of game.players) await ok(call(p.socket, 'answer:submit', { round: 1, answer: solution }));
    t.time.advance(1000);
    // A round trip on the same socket: anything sent before its ack has arrived by then.
    expect(await call(game.host, 'host:results', {})).toEqual({ ok: false, error: 'wrong_phase' });
    expect(seen.filter((s) => s !== 'lobby:0')).toEqual(['question:1', 'reveal:1']);
  });
});
