// The round planner: a game is its settings plus the exact list of rounds (kind, difficulty, seed), and within a kind
// a question template does not come back while the kind has unused ones at that level.
import { describe, expect, it } from 'vitest';
import { planRounds, roundPlan } from '../../../shared/room/rounds.ts';
import { kindById } from '../../../shared/puzzles/index.ts';
import { defaultSettings, type RoomSettings } from '../../../shared/protocol.ts';
import { started } from './fixtures.ts';
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
