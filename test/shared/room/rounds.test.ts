// The round planner: a game is its settings plus the exact list of rounds (kind, difficulty, seed), and within a kind
// a question template does not come back while the kind has unused ones at that level.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planRounds, prepareRound, questionFor, roundPlan } from '../../../shared/room/rounds.ts';
import { reduce, type RoomEvent, type RoomState } from '../../../shared/room/index.ts';
import { kindById } from '../../../shared/puzzles/index.ts';
import { defaultSettings, type RoomSettings } from '../../../shared/protocol.ts';
import { started, T0 } from './fixtures.ts';
import { levelLines, risingLine } from '../../../shared/puzzles/levels.ts';

const settings = (over: Partial<RoomSettings>): RoomSettings => ({ ...defaultSettings, kinds: ['pod-phase'], ...over });

describe('planRounds', () => {
  it('plans every round, the same way for the same room seed', () => {
    const s = settings({ kinds: ['pod-phase', 'init-order', 'probe-timing'], rounds: 12 });
    const plan = planRounds('room-seed', s);
    expect(plan.map((p) => p.round)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(planRounds('room-seed', s)).toEqual(plan);
    expect(planRounds('other-seed', s)).not.toEqual(plan);
  });

  it('rotates the kinds in an order drawn from the room seed, and rises from easy to hard', () => {
    const s = settings({ kinds: ['pod-phase', 'init-order', 'probe-timing'], rounds: 9, difficulty: 'rising' });
    const plan = planRounds('rotation', s);
    expect(new Set(plan.slice(0, 3).map((p) => p.kind)).size).toBe(3);
    expect(plan.slice(3, 6).map((p) => p.kind)).toEqual(plan.slice(0, 3).map((p) => p.kind));
    expect(plan.map((p) => p.difficulty)).toEqual([...Array(3).fill('easy'), ...Array(3).fill('medium'), ...Array(3).fill('hard')]);
  });

  it('plays a kind without a hard level (which-tool) at its nearest level, never at one it does not offer', () => {
    const plan = planRounds('levels', settings({ kinds: ['which-tool', 'pod-phase'], rounds: 12, difficulty: 'rising' }));
    const tools = plan.filter((p) => p.kind === 'which-tool');
    expect(tools.map((p) => p.difficulty)).not.toContain('hard');
    expect(tools.some((p) => p.round > 8 && p.difficulty === 'medium')).toBe(true);
    for (const p of tools) expect(kindById(p.kind).templates[p.difficulty]).toContain(p.template);
    expect(plan.filter((p) => p.kind === 'pod-phase' && p.round > 8).every((p) => p.difficulty === 'hard')).toBe(true);
  });

  it('records a seed that gives the recorded template, so any round can be generated again', () => {
    const plan = planRounds('replay', settings({ kinds: ['pod-phase', 'sidecar-lifecycle'], rounds: 20 }));
    for (const p of plan) {
      const kind = kindById(p.kind);
      expect(kind.meta(kind.generate(p.seed, p.difficulty)).template).toBe(p.template);
      expect(p.seed.startsWith(`replay:${p.round}`)).toBe(true);
    }
  });

  it('repeats no template within a kind while the level still has unused ones', () => {
    const s = settings({ kinds: ['pod-phase'], rounds: kindById('pod-phase').templates.easy.length, difficulty: 'easy' });
    for (const seed of ['a', 'b', 'c']) {
      const templates = planRounds(seed, s).map((p) => p.template);
      expect(new Set(templates).size).toBe(kindById('pod-phase').templates.easy.length);
    }
  });

  it('starts the pool over once every template of the level has been used', () => {
    const pool = kindById('pod-phase').templates.easy.length;
    const templates = planRounds('over', settings({ kinds: ['pod-phase'], rounds: pool * 2, difficulty: 'easy' })).map((p) => p.template);
    expect(new Set(templates.slice(0, pool)).size).toBe(pool);
    expect(new Set(templates.slice(pool)).size).toBe(pool);
  });

  it('gives one round of the plan through roundPlan, and refuses rounds past the end', () => {
    const s = settings({ rounds: 3 });
    expect(roundPlan('one', s, 2)).toEqual(planRounds('one', s)[1]);
    expect(() => roundPlan('one', s, 4)).toThrow();
  });
});

describe('a started room', () => {
  it('keeps its plan in the state and opens each round from it', () => {
    const s = started(['a'], { kinds: ['pod-phase', 'init-order'], rounds: 4 });
    expect(s.plan).toEqual(planRounds(s.seed, s.settings));
    expect(s.question!.seed).toBe(s.plan[0]!.seed);
    expect(s.question!.kind).toBe(s.plan[0]!.kind);
  });
});

describe('level lines for the host', () => {
  it('say in one short line what each level asks', () => {
    for (const line of [...Object.values(levelLines), risingLine]) {
      expect(line).not.toContain('\n');
      expect(line.split(' ').length).toBeLessThanOrEqual(14);
    }
    expect(Object.keys(levelLines)).toEqual(['easy', 'medium', 'hard']);
  });
});

describe('puzzles made ahead (prepareRound)', () => {
  afterEach(() => vi.restoreAllMocks());
  const host = { role: 'host' } as const;
  const must = (s: RoomState, e: RoomEvent): RoomState => {
    const r = reduce(s, e);
    if (!r.ok) throw new Error(r.error);
    return r.state;
  };

  it('gives the question the puzzle it would have generated, generated once, and holds it only until the question opens', () => {
    const s = started(['a'], { kinds: ['pod-phase'], rounds: 3 });
    const fresh = questionFor(s, 2, T0);
    const kind = kindById('pod-phase');
    const generate = vi.spyOn(kind, 'generate');
    prepareRound(s, 2);
    prepareRound(s, 2);
    expect(generate).toHaveBeenCalledTimes(1);
    expect(questionFor(s, 2, T0)).toEqual(fresh);
    expect(generate).toHaveBeenCalledTimes(1);
    // Taken: the next call (a restore) generates again, the same puzzle.
    expect(questionFor(s, 2, T0)).toEqual(fresh);
    expect(generate).toHaveBeenCalledTimes(2);
  });

  it('makes the next puzzle when the room moves to the leaderboard, so opening the question generates nothing', () => {
    let s = started(['a'], { kinds: ['pod-phase'], rounds: 3, autoAdvance: false });
    s = must(s, { type: 'next', actor: host, phase: 'question', round: 1, now: T0 + 2000 });
    expect(s.phase).toBe('reveal');
    const generate = vi.spyOn(kindById('pod-phase'), 'generate');
    s = must(s, { type: 'next', actor: host, phase: 'reveal', round: 1, now: T0 + 3000 });
    expect(s.phase).toBe('leaderboard');
    expect(generate).toHaveBeenCalledTimes(1);
    s = must(s, { type: 'next', actor: host, phase: 'leaderboard', round: 1, now: T0 + 4000 });
    expect(s.phase).toBe('question');
    expect(generate).toHaveBeenCalledTimes(1);
    expect(s.question).toEqual(questionFor(s, 2, T0 + 4000));
  });

  it('makes nothing past the last round', () => {
    const s = started(['a'], { kinds: ['pod-phase'], rounds: 1 });
    const generate = vi.spyOn(kindById('pod-phase'), 'generate');
    prepareRound(s, 2);
    expect(generate).not.toHaveBeenCalled();
  });
});
