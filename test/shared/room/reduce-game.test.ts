import { describe, expect, it } from 'vitest';
import { reduce, nextDeadline, getPlayer, type RoomState } from '../../../shared/room/index.ts';
import { commonOf } from '../../../shared/room/state.ts';
import { answer, apply, asPlayer, fold, host, newRoom, next, solutionOf, started, T0, wrongOf } from './fixtures.ts';

const START = T0 + 1000;
const scoreOf = (s: RoomState, id: string) => getPlayer(s, id)!.score;

describe('reduce: a game', () => {
  it('runs lobby → question → reveal → leaderboard → … → finished', () => {
    let s = started(['a'], { rounds: 2 });
    const phases = [s.phase];
    for (let i = 0; i < 5; i++) {
      s = apply(s, next(s, START + 1000 * (i + 1)));
      phases.push(s.phase);
    }
    expect(phases).toEqual(['question', 'reveal', 'leaderboard', 'question', 'reveal', 'finished']);
    expect(s.rounds.map((r) => r.round)).toEqual([1, 2]);
  });

  it('scores speed answers by the formula, with the streak bonus from the second correct answer', () => {
    let s = started(['a', 'b', 'c'], { rounds: 2 });
    s = fold(s, [answer(s, 'a', solutionOf(s), START + 5000), answer(s, 'b', solutionOf(s), START + 10_000), answer(s, 'c', wrongOf(s), START)]);
    expect(s.phase).toBe('reveal');
    expect(['a', 'b', 'c'].map((id) => scoreOf(s, id))).toEqual([875, 750, 0]);
    s = fold(s, [next(s, START + 30_000)]);
    s = apply(s, next(s, START + 31_000));
    const open = s.question!.startedAt;
    s = fold(s, [answer(s, 'a', solutionOf(s), open), answer(s, 'b', wrongOf(s), open), answer(s, 'c', solutionOf(s), open + 20_000)]);
    expect(['a', 'b', 'c'].map((id) => scoreOf(s, id))).toEqual([875 + 1000 + 100, 750, 500]);
    expect(['a', 'b', 'c'].map((id) => getPlayer(s, id)!.streak)).toEqual([2, 0, 1]);
  });

  it('scores accuracy mode by the grade alone', () => {
    let s = started(['a', 'b'], { scoring: 'accuracy' });
    s = fold(s, [answer(s, 'a', solutionOf(s), START + 19_000), answer(s, 'b', wrongOf(s), START)]);
    expect([scoreOf(s, 'a'), scoreOf(s, 'b')]).toEqual([1000, 0]);
  });

  it('gives partial credit for a multi-select half right', () => {
    let s = started(['a'], { kinds: ['shared-namespaces'], scoring: 'accuracy', difficulty: 'medium' });
    const q = s.question!;
    const options = q.view.format === 'multi' ? q.view.options.map((o) => o.id) : [];
    const right = solutionOf(s) as string[];
    const partial = right.length > 1 ? right.slice(1) : [...right, options.find((id) => !right.includes(id))!];
    s = apply(s, answer(s, 'a', partial, START));
    const slot = getPlayer(s, 'a')!.history[0]!;
    expect(slot.score).toBeGreaterThan(0);
    expect(slot.score).toBeLessThan(1);
    expect(slot.points).toBe(Math.round(1000 * slot.score));
  });

  it('closes the round at the deadline through a tick', () => {
    let s = started(['a', 'b']);
    s = apply(s, answer(s, 'a', solutionOf(s), START + 100));
    expect(nextDeadline(s)).toBe(START + 20_000);
    expect(apply(s, { type: 'tick', now: START + 19_999 }).phase).toBe('question');
    s = apply(s, { type: 'tick', now: START + 20_000 });
    expect(s.phase).toBe('reveal');
    expect(s.reveal!.distribution).toMatchObject({ correct: 1, none: 1 });
  });

  it('closes the round early once every connected player has answered', () => {
    let s = started(['a', 'b', 'c']);
    s = apply(s, { type: 'disconnect', actor: asPlayer('c'), now: START });
    s = apply(s, answer(s, 'a', solutionOf(s), START + 1));
    expect(s.phase).toBe('question');
    s = apply(s, answer(s, 'b', solutionOf(s), START + 2));
    expect(s.phase).toBe('reveal');
  });
});

describe('reduce: answers refused', () => {
  it.each([
    ['in the lobby', (s: RoomState): RoomState => ({ ...commonOf(s), phase: 'lobby', round: 0 }), 1, START, 'wrong_phase'],
    ['for another round (stale)', (s: RoomState) => s, 2, START, 'stale_round'],
    ['after the deadline (late)', (s: RoomState) => s, 1, START + 20_001, 'round_closed'],
  ])('refuses an answer %s', (_, shape, round, now, error) => {
    const s = shape(started(['a', 'b']));
    const result = reduce(s, { type: 'answer', playerId: 'a', round, answer: 'a', now });
    expect(result).toEqual({ ok: false, error });
  });

  it('refuses a second answer in the same round and keeps the first', () => {
    let s = started(['a', 'b']);
    s = apply(s, answer(s, 'a', wrongOf(s), START + 10));
    expect(reduce(s, answer(s, 'a', solutionOf(s), START + 20))).toEqual({ ok: false, error: 'already_answered' });
    expect(getPlayer(s, 'a')!.current!.answer).toEqual(wrongOf(s));
  });

  it('refuses an answer once the round was revealed', () => {
    let s = started(['a', 'b']);
    s = apply(s, next(s, START + 5));
    expect(reduce(s, answer(s, 'a', solutionOf(s), START + 6))).toEqual({ ok: false, error: 'round_closed' });
  });

  it('refuses an answer of the wrong shape without using up the answer', () => {
    let s = started(['a', 'b']);
    expect(reduce(s, answer(s, 'a', ['x'], START))).toEqual({ ok: false, error: 'invalid_answer' });
    s = apply(s, answer(s, 'a', solutionOf(s), START));
    expect(getPlayer(s, 'a')!.current!.points).toBe(1000);
  });

  it('refuses answers from someone not in the room', () => {
    const s = started(['a']);
    expect(reduce(s, answer(s, 'ghost', 'a', START))).toEqual({ ok: false, error: 'not_joined' });
  });
});

describe('reduce: host actions', () => {
  it.each([
    ['start', { type: 'start', actor: asPlayer('a'), now: T0 }],
    ['next', { type: 'next', actor: asPlayer('a'), phase: 'question', round: 1, now: T0 }],
    ['kick', { type: 'kick', actor: asPlayer('a'), playerId: 'b', now: T0 }],
    ['lock', { type: 'lock', actor: asPlayer('a'), locked: true, now: T0 }],
    ['end', { type: 'end', actor: asPlayer('a'), now: T0 }],
  ] as const)('refuses %s from a player', (_, event) => {
    expect(reduce(started(['a', 'b']), event)).toEqual({ ok: false, error: 'not_host' });
  });

  it('refuses a next that does not match what the host saw, so a double click skips only once', () => {
    let s = started(['a']);
    const click = next(s, START + 1);
    s = apply(s, click);
    expect(reduce(s, click)).toEqual({ ok: false, error: 'wrong_phase' });
    expect(reduce(s, { type: 'next', actor: host, phase: s.phase, round: 0, now: START + 2 })).toEqual({ ok: false, error: 'stale_round' });
  });

  it('refuses to start without players', () => {
    expect(reduce(newRoom(), { type: 'start', actor: host, now: T0 })).toEqual({ ok: false, error: 'no_players' });
  });

  it('ends the game early, counting the answers given so far', () => {
    let s = started(['a'], { rounds: 5 });
    s = apply(s, answer(s, 'a', solutionOf(s), START));
    expect(s.phase).toBe('reveal');
    s = apply(s, { type: 'end', actor: host, now: START + 1 });
    expect(s.phase).toBe('finished');
    expect(scoreOf(s, 'a')).toBe(1000);
  });
});

describe('reduce: the host away', () => {
  it('holds at the reveal while the host is away and resumes when the host returns', () => {
    let s = started(['a', 'b'], { autoAdvance: true });
    s = apply(s, { type: 'disconnect', actor: host, now: START + 10 });
    s = apply(s, { type: 'tick', now: START + 20_000 });
    expect(s.phase).toBe('reveal');
    expect(nextDeadline(s)).toBe(s.lastActivity + 30 * 60_000);
    s = apply(s, { type: 'tick', now: START + 200_000 });
    expect(s.phase).toBe('reveal');
    s = apply(s, { type: 'rejoin', token: 'host-secret', now: START + 300_000 });
    expect(nextDeadline(s)).toBe(START + 310_000);
    s = apply(s, { type: 'tick', now: START + 310_000 });
    expect(s.phase).toBe('leaderboard');
  });

  it('expires a room nobody touched for 30 minutes', () => {
    const s = started(['a']);
    const result = reduce(s, { type: 'tick', now: s.lastActivity + 30 * 60_000 });
    expect(result).toMatchObject({ ok: true, effects: [{ type: 'expired' }] });
  });
});

describe('reduce: durable state', () => {
  it('continues identically after a JSON round trip mid-round', () => {
    let s = started(['a', 'b'], { rounds: 2 });
    s = apply(s, answer(s, 'a', solutionOf(s), START + 3000));
    const restored = JSON.parse(JSON.stringify(s)) as RoomState;
    const finish = (x: RoomState) => fold(x, [answer(x, 'b', wrongOf(x), START + 4000), { type: 'next', actor: host, phase: 'reveal', round: x.round, now: START + 5000 }]);
    expect(finish(restored)).toEqual(finish(s));
  });
});

describe('reduce: replay', () => {
  it('plays the same puzzles from the same seed, rising from easy to hard', () => {
    const play = () => {
      let s = started(['a'], { rounds: 3, difficulty: 'rising', kinds: ['pod-phase', 'same-pod'] });
      const seen: string[][] = [];
      while (s.phase !== 'finished') {
        if (s.phase === 'question') seen.push([s.question!.kind, s.question!.difficulty, JSON.stringify(s.question!.view)]);
        s = apply(s, next(s, s.lastActivity + 1));
      }
      return seen;
    };
    const first = play();
    expect(first.map((r) => r[1])).toEqual(['easy', 'medium', 'hard']);
    expect(play()).toEqual(first);
  });
});
