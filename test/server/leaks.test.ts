import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomView } from '../../shared/protocol.ts';
import { kindIds } from '../../shared/puzzles/index.ts';
import { answersFor, settings, startServer, type TestServer } from './harness.ts';
import { playGame, setupGame, type Move } from './game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

const ANSWER_LIKE_KEY = /solution|correct|explanation|grade|expected|docUrl|distribution|reveal|points|streakBonus|lastResult/i;

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k, ...keysOf(v));
  return out;
}

describe('messages before the reveal', () => {
  it('never carry a solution, a grade or an explanation, for any kind', async () => {
    const s = settings({ kinds: [...kindIds], rounds: kindIds.length, difficulty: 'rising' });
    const game = await setupGame(t, s);
    const received: { round: number; event: string; data: unknown }[] = [];
    let questionRound = 0;
    for (const p of game.players) {
      p.socket.onAny((event: string, data: unknown) => {
        const view = data as RoomView;
        if (event === 'room:state') questionRound = view.phase === 'question' ? view.round : 0;
        if (questionRound > 0) received.push({ round: questionRound, event, data });
      });
    }
    // The first player answers every round, so the others' messages include the room's reaction to an answer.
    const script: Move[][] = kindIds.map(() => [{ answer: 'right', at: 1000 }, null, null]);
    await playGame(t, game, script);
    expect(new Set(received.map((m) => m.round)).size).toBe(kindIds.length);
    for (const { round, event, data } of received) {
      const { solution } = answersFor(s, round);
      expect(keysOf(data).filter((k) => ANSWER_LIKE_KEY.test(k)), `${event} in round ${round}`).toEqual([]);
      if (Array.isArray(solution) || (typeof solution === 'string' && solution.length > 2)) {
        expect(JSON.stringify(data)).not.toContain(JSON.stringify(solution));
      }
    }
  });
});
