import { describe, expect, it } from 'vitest';
import { answeredCount, conceptBars, outcomes, roundSummaries } from '../../client/src/host/host-view.ts';
import { puzzleKinds } from '../../shared/puzzles/index.ts';
import { solutionText } from '../../client/src/lib/solution-labels.ts';
import { checkForm, formMemory, initialForm, restoreForm } from '../../client/src/host/setup-form.ts';
import { settingsLine } from '../../client/src/lib/settings-line.ts';
import { qrPath, quietZone } from '../../client/src/host/qr.ts';
import { bestLayout, largestFit } from '../../client/src/host/fit.ts';
import { question } from './live-views.ts';
import type { FinalResults, HostStatus } from '../../shared/protocol.ts';
import type { PuzzleView } from '../../shared/puzzles/kind.ts';

const puzzle: PuzzleView = {
  kind: 'k',
  format: 'single',
  prompt: 'p',
  options: [
    { id: 'x', label: 'startupProbe' },
    { id: 'y', label: 'livenessProbe' },
  ],
};

describe('answeredCount', () => {
  const status = (over: Partial<HostStatus>): HostStatus => ({
    phase: 'question',
    round: 2,
    answered: 3,
    pending: 2,
    connectedCount: 5,
    playerCount: 6,
    admission: { waitingRoom: false, maxPlayers: null, waitingCount: 0 },
    ...over,
  });

  it('counts answered against answered plus still pending', () => {
    expect(answeredCount(status({}), question(2))).toEqual({ answered: 3, expected: 5 });
  });

  it('ignores a status left over from the last round', () => {
    expect(answeredCount(status({ round: 1 }), question(2, { connectedCount: 4 }))).toEqual({ answered: 0, expected: 4 });
  });
});

describe('outcomes', () => {
  it('names every outcome in words and icons, with its share of the room', () => {
    expect(outcomes({ correct: 4, partial: 1, wrong: 2, none: 3 }).map((o) => `${o.icon} ${o.label}=${o.count} (${o.share})`)).toEqual([
      'check Right=4 (0.4)',
      'partial Partly right=1 (0.1)',
      'cross Wrong=2 (0.2)',
      'dash No answer=3 (0.3)',
    ]);
  });

  it('gives every share 0 when nobody is counted', () => {
    expect(outcomes({ correct: 0, partial: 0, wrong: 0, none: 0 }).map((o) => o.share)).toEqual([0, 0, 0, 0]);
  });
});

describe('solutionText', () => {
  it.each([
    [{ kind: 'k', format: 'order', prompt: 'p', items: puzzle.options } as PuzzleView, ['y', 'x'], ['livenessProbe', 'startupProbe']],
    [puzzle, 'y', ['livenessProbe']],
    [{ kind: 'k', format: 'number', prompt: 'p', unit: 'seconds' } as PuzzleView, 40, ['40 seconds']],
  ])('puts a %s solution into labels', (view, solution, labels) => {
    expect(solutionText(view, solution)).toEqual(labels);
  });
});

describe('conceptBars', () => {
  it('puts the weakest concept first, as a percentage', () => {
    const results = {
      concepts: [
        { concept: 'Probes', answers: 6, correct: 5, accuracy: 0.8333 },
        { concept: 'Sidecars', answers: 6, correct: 1, accuracy: 0.25 },
      ],
    } as FinalResults;
    expect(conceptBars(results).map((b) => [b.label, b.value])).toEqual([
      ['Sidecars', 25],
      ['Probes', 83],
    ]);
  });
});

describe('roundSummaries', () => {
  it('names every round by its question title, with how many got it fully right', () => {
    const record = (round: number, correct: boolean) => ({ round, answered: true, answer: 'x', score: correct ? 1 : 0.5, correct, points: 0, timeMs: 1000 });
    const results = {
      rounds: [
        { round: 1, kind: 'pod-phase', concept: 'Lifecycle', difficulty: 'easy', seed: 's1' },
        { round: 2, kind: 'same-pod', concept: 'Pod anatomy', difficulty: 'hard', seed: 's2' },
      ],
      players: [
        { rounds: [record(1, true), record(2, false)] },
        { rounds: [record(1, true)] },
      ],
    } as unknown as FinalResults;
    expect(roundSummaries(results)).toEqual([
      { round: 1, title: puzzleKinds['pod-phase'].title, concept: 'Lifecycle', difficulty: 'easy', right: 2, players: 2 },
      { round: 2, title: puzzleKinds['same-pod'].title, concept: 'Pod anatomy', difficulty: 'hard', right: 0, players: 2 },
    ]);
    expect(roundSummaries(results)[0]!.title).not.toMatch(/^R\d/);
  });
});

describe('checkForm', () => {
  it('accepts the defaults with every kind', () => {
    const checked = checkForm(initialForm());
    expect(checked.ok).toBe(true);
  });

  it.each([
    [{ kinds: [] }, 'kinds'],
    [{ kinds: ['no-such-kind'] }, 'kinds'],
    [{ rounds: 0 }, 'rounds'],
    [{ rounds: 2.5 }, 'rounds'],
    [{ secondsPerRound: 5 }, 'secondsPerRound'],
    [{ teamMode: 'auto', teamCount: 9 }, 'teamCount'],
  ] as const)('refuses %j with a message for %s', (change, field) => {
    const checked = checkForm({ ...initialForm(), ...change } as ReturnType<typeof initialForm>);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors[field]).toBeTruthy();
  });

  it('does not care about the team count when teams are off', () => {
    const checked = checkForm({ ...initialForm(), teamMode: 'off', teamCount: 99 });
    expect(checked.ok && checked.settings.teamCount).toBe(2);
  });
});

describe('qrPath', () => {
  it('draws one square per dark module, offset by the quiet zone', () => {
    const grid = { size: 2, get: (row: number, col: number) => row === col };
    expect(qrPath(grid)).toEqual({
      size: 2 + 2 * quietZone,
      path: `M${quietZone} ${quietZone}h1v1h-1zM${quietZone + 1} ${quietZone + 1}h1v1h-1z`,
    });
  });
});

describe('largestFit', () => {
  it('keeps full size when the content already fits', () => {
    expect(largestFit(() => {}, () => true, 0.5)).toBe(1);
  });

  it('finds nearly the largest scale that fits and leaves it applied', () => {
    let applied = 0;
    const scale = largestFit((s) => (applied = s), () => applied <= 0.7, 0.4);
    expect(scale).toBeLessThanOrEqual(0.7);
    expect(scale).toBeGreaterThan(0.69);
    expect(applied).toBe(scale);
  });

  it('says so when nothing fits even at the minimum', () => {
    expect(largestFit(() => {}, () => false, 0.45)).toBeNull();
  });
});

describe('bestLayout', () => {
  it('keeps the layout that fits at the largest scale', () => {
    const scales: Record<string, number | null> = { beside: 0.7, stacked: 0.9, three: null };
    expect(bestLayout(['beside', 'stacked', 'three'], (l) => scales[l] ?? null)).toEqual({ layout: 'stacked', scale: 0.9, scrolls: false });
  });

  it('prefers the earlier layout on a tie and stops at the first that fits at full size', () => {
    const tried: string[] = [];
    const result = bestLayout(['a', 'b', 'c'], (l) => (tried.push(l), l === 'c' ? 0.5 : 1));
    expect(result?.layout).toBe('a');
    expect(tried).toEqual(['a']);
  });

  it('is null when no layout fits', () => {
    expect(bestLayout(['a', 'b'], () => null)).toBeNull();
  });
});

describe('remembered setup', () => {
  const memoryStorage = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
  };

  it('starts "New game" from the settings the last room was created with', () => {
    const memory = formMemory(memoryStorage());
    const settings = { ...initialForm(), kinds: ['probe-timing' as const], rounds: 4, difficulty: 'hard' as const, teamMode: 'pick' as const, teamCount: 3, autoAdvance: true };
    memory.save(settings);
    expect(memory.load()).toEqual(settings);
  });

  it('falls back field by field when what was stored is stale or damaged', () => {
    const restored = restoreForm({ kinds: ['gone-kind', 'init-order'], rounds: 999, secondsPerRound: 45, scoring: 'luck', teamMode: 'auto', autoAdvance: 'yes' });
    expect(restored).toEqual({ ...initialForm(), kinds: ['init-order'], secondsPerRound: 45, teamMode: 'auto' });
    expect(restoreForm('junk')).toEqual(initialForm());
    expect(restoreForm({ kinds: [] }).kinds).toEqual(initialForm().kinds);
  });

  it('starts from the defaults when storage is unreadable', () => {
    const broken = { getItem: () => '{not json', setItem: () => { throw new Error('full'); } };
    const memory = formMemory(broken);
    expect(memory.load()).toEqual(initialForm());
    expect(() => memory.save({ ...initialForm(), kinds: ['init-order'] })).not.toThrow();
  });
});

describe('settingsLine', () => {
  it('says the whole setup in one line', () => {
    const line = settingsLine({ ...initialForm(), kinds: ['init-order', 'probe-timing'], teamMode: 'pick', teamCount: 3, autoAdvance: true, rounds: 1 });
    expect(line).toBe('1 round of 30 s · rising (easy → hard) · speed scoring · 3 teams, players pick · moves on by itself · 2 kinds');
  });
});
