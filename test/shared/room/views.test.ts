import { describe, expect, it } from 'vitest';
import { changesBetween, fullRoster, restoreRoom, viewForHost, viewForPlayer, viewForRoom, finalResults, type RoomState } from '../../../shared/room/index.ts';
import { kindIds, kindById } from '../../../shared/puzzles/index.ts';
import { answer, apply, fold, join, newRoom, next, solutionOf, started, T0, wrongOf } from './fixtures.ts';
import { tableDiff } from '../../../shared/room/table.ts';

const ANSWER_LIKE_KEY = /solution|correct|explanation|grade|score|expected|points|docUrl|distribution/i;

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k, ...keysOf(v));
  return out;
}

/** A list in solved order or a long id is telling; a short option id or a number appears in any view by chance. */
const leaks = (json: string, solution: unknown): boolean =>
  (Array.isArray(solution) || (typeof solution === 'string' && solution.length > 2)) && json.includes(JSON.stringify(solution));

describe('viewForRoom before the reveal', () => {
  it.each(kindIds)('shows no solution of a %s question to anyone', (kind) => {
    for (let seed = 0; seed < 20; seed++) {
      let s = fold(newRoom({ kinds: [kind], difficulty: 'hard' }), [join('a'), join('b')]);
      s = { ...s, seed: `s${seed}` };
      s = apply(s, { type: 'start', actor: { role: 'host' }, now: T0 + 1 });
      s = apply(s, answer(s, 'a', solutionOf(s), T0 + 2));
      const sent = [viewForRoom(s, T0 + 3), viewForPlayer(s, 'b'), viewForHost(s), fullRoster(s, 1)];
      for (const view of sent) {
        expect(keysOf(view).filter((k) => ANSWER_LIKE_KEY.test(k) && k !== 'score')).toEqual([]);
        expect(leaks(JSON.stringify(view), kindById(s.question!.kind).solve(s.question!.puzzle))).toBe(false);
      }
      expect(viewForPlayer(s, 'a')!.lastResult).toBeNull();
    }
  });
});

describe('viewForRoom at the reveal', () => {
  it('shows the solution, explanation, docs link and how the room answered', () => {
    let s = started(['a', 'b', 'c']);
    const solution = solutionOf(s);
    s = fold(s, [answer(s, 'a', solution, T0 + 1000), answer(s, 'b', wrongOf(s), T0 + 1000), answer(s, 'c', solution, T0 + 1000)]);
    const view = viewForRoom(s, T0 + 2000);
    if (view.phase !== 'reveal') expect.fail(view.phase);
    expect(view.reveal.solution).toEqual(solution);
    expect(view.reveal.explanation.length).toBeGreaterThan(10);
    expect(view.reveal.docUrl).toMatch(/^https:\/\/kubernetes\.io\//);
    expect(view.reveal.distribution).toMatchObject({ correct: 2, wrong: 1, none: 0 });
    expect(view.reveal.distribution.options!.find((o) => o.id === solution)!.count).toBe(2);
    expect(viewForPlayer(s, 'a')).toMatchObject({ rank: 1, lastResult: { correct: true, points: 1000 } });
    expect(viewForPlayer(s, 'b')).toMatchObject({ rank: 3, lastResult: { correct: false, points: 0 } });
  });
});

describe('team standings', () => {
  it('score a team by the mean of its members, so size does not decide', () => {
    let s = started(['a', 'b', 'c'], { teamMode: 'auto', teamCount: 2, scoring: 'accuracy' });
    // a and c are in team 0, b alone in team 1
    s = fold(s, [answer(s, 'a', solutionOf(s), T0 + 1000), answer(s, 'b', solutionOf(s), T0 + 1000), answer(s, 'c', wrongOf(s), T0 + 1000)]);
    const view = viewForRoom(s, T0);
    expect(view.teams.map((t) => [t.team, t.size, t.score, t.rank])).toEqual([[0, 2, 500, 2], [1, 1, 1000, 1]]);
  });
});

describe('finalResults', () => {
  it('lists every player per round, ranks and accuracy per concept', () => {
    let s: RoomState = started(['a', 'b'], { rounds: 2 });
    while (s.phase !== 'finished') {
      if (s.phase === 'question') s = fold(s, [answer(s, 'a', solutionOf(s), s.lastActivity), answer(s, 'b', wrongOf(s), s.lastActivity)]);
      else s = apply(s, next(s, s.lastActivity + 1));
    }
    const results = finalResults(s, T0);
    expect(results.players.map((p) => [p.name, p.rank, p.correct, p.rounds.length])).toEqual([['a', 1, 2, 2], ['b', 2, 0, 2]]);
    expect(results.concepts).toEqual([{ concept: 'Pod phase', answers: 4, correct: 2, accuracy: 0.5 }]);
  });
});

describe('a room of 5,000 players', () => {
  it('takes every answer and closes the round without quadratic cost', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `p${i}`);
    let s = started(ids);
    const solution = solutionOf(s);
    // Each answer changes exactly its own player in the table and shares every other (the timing is the bench's).
    for (const id of ids.slice(0, -1)) {
      const before = s.players;
      s = apply(s, answer(s, id, solution, T0 + 2000));
      const changed: string[] = [];
      tableDiff(before, s.players, (key) => changed.push(key));
      expect(changed).toEqual([id]);
    }
    s = apply(s, answer(s, ids.at(-1)!, solution, T0 + 2000));
    expect(s.phase).toBe('reveal');
  });
});

describe('viewForPlayer after the reveal', () => {
  it("explains the player's own answer, not the solution, and only for the round just revealed", () => {
    let s = started(['a', 'b'], { kinds: ['pod-phase'], rounds: 2 });
    const kind = kindById(s.question!.kind);
    const puzzle = s.question!.puzzle;
    const bad = wrongOf(s);
    s = fold(s, [answer(s, 'a', bad, T0 + 2000), answer(s, 'b', solutionOf(s), T0 + 2000)]);
    expect(s.phase).toBe('reveal');
    const wrong = viewForPlayer(s, 'a')!.lastResult!;
    expect(wrong.explanation).toBe(kind.grade(puzzle, bad).explanation);
    expect(wrong.explanation).not.toBe(s.reveal!.explanation);
    expect(viewForPlayer(s, 'b')!.lastResult!.explanation).toBe(kind.grade(puzzle, kind.solve(puzzle)).explanation);
    s = apply(s, next(s, T0 + 40_000));
    s = apply(s, next(s, T0 + 41_000));
    expect(s.phase).toBe('question');
    expect(viewForPlayer(s, 'a')!.lastResult).not.toHaveProperty('explanation');
  });

  it('gives the player back the answer they sent, and none after a missed round', () => {
    let s = started(['a', 'b'], { kinds: ['pod-phase'], rounds: 2 });
    const bad = wrongOf(s);
    s = fold(s, [answer(s, 'a', bad, T0 + 2000), { type: 'tick', now: T0 + 60_000 }]);
    expect(s.phase).toBe('reveal');
    expect(viewForPlayer(s, 'a')!.lastResult!.answer).toEqual(bad);
    expect(viewForPlayer(s, 'b')!.lastResult).not.toHaveProperty('answer');
  });
});

describe('viewForPlayer answer (this round\'s answer, docs/protocol.md MeView)', () => {
  /** Saved and reopened, as after a server restart. */
  const restarted = (state: RoomState): RoomState => {
    const c = changesBetween(null, state);
    return restoreRoom({ code: c.room!.code, room: c.room!, players: c.players, slots: c.slots }, T0 + 60_000);
  };

  it('keeps the answer through the reveal and the leaderboard, also after a restart, and clears it next round', () => {
    let s = started(['a', 'b'], { rounds: 2 });
    const given = wrongOf(s);
    s = apply(s, answer(s, 'a', given, T0 + 2000));
    const asked = { round: 1, answer: given, at: T0 + 2000 };
    expect(viewForPlayer(s, 'a')!.answer).toEqual(asked);
    s = apply(s, { type: 'tick', now: s.question!.deadline });
    expect(s.phase).toBe('reveal');
    expect(viewForPlayer(s, 'a')!.answer).toEqual(asked);
    expect(viewForPlayer(restarted(s), 'a')!.answer).toEqual(asked);
    expect(viewForPlayer(s, 'b')!.answer).toBeNull();
    s = apply(s, next(s, T0 + 40_000));
    expect(s.phase).toBe('leaderboard');
    expect(viewForPlayer(s, 'a')!.answer).toEqual(asked);
    s = apply(s, next(s, T0 + 41_000));
    expect(s.phase).toBe('question');
    expect(viewForPlayer(s, 'a')!.answer).toBeNull();
  });

  it('holds the answer that closed the round early', () => {
    let s = started(['a']);
    const solution = solutionOf(s);
    s = apply(s, answer(s, 'a', solution, T0 + 1500));
    expect(s.phase).toBe('reveal');
    expect(viewForPlayer(s, 'a')!.answer).toEqual({ round: 1, answer: solution, at: T0 + 1500 });
  });
});

describe('viewForRoom settings', () => {
  it('carries the settings in the lobby and at the end, not in the views sent to every player mid-game', () => {
    let state = fold(newRoom({ rounds: 1 }), [join('a')]);
    expect(viewForRoom(state, T0)).toHaveProperty('settings', state.settings);
    state = started(['a'], { rounds: 1 });
    expect(viewForRoom(state, T0)).not.toHaveProperty('settings');
    state = apply(state, answer(state, 'a', solutionOf(state), T0 + 2000));
    expect(state.phase).toBe('reveal');
    expect(viewForRoom(state, T0)).not.toHaveProperty('settings');
    state = apply(state, next(state, T0 + 3000));
    expect(viewForRoom(state, T0)).toMatchObject({ phase: 'finished', settings: state.settings });
  });
});
