// A state kind asks its model for a puzzle's answer once per puzzle (state-kind.ts): grading every distinct answer
// of a round, solving it and its meta reuse it, and a puzzle parsed back from storage (another object) asks again.
import { describe, expect, it } from 'vitest';
import { stateKind, type StateTemplate } from '../../../shared/puzzles/state-kind.ts';
import type { PodFacts } from '../../../shared/model/pod-status.ts';

function countingKind() {
  let asked = 0;
  const template: StateTemplate<string> = {
    id: 't',
    targets: ['Running'],
    build: () => ({
      facts: {} as PodFacts, question: 'phase', prompt: 'Which phase?', labels: ['Pending', 'Running', 'Succeeded', 'Failed'],
      rules: [], lines: [{ text: 'It runs.', evidence: {} }], docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
    }),
  };
  const kind = stateKind<string>({
    id: 'counting',
    templates: { easy: [template], medium: [template], hard: [template] },
    answerOf: () => {
      asked++;
      return 'Running';
    },
    whyNot: (_f, _q, picked, answer) => `${picked} is not ${answer}.`,
  });
  return { kind, asked: () => asked };
}

describe('a state kind asks the model once per puzzle', () => {
  it('grades every option, solves and describes the puzzle with one answer from the model', () => {
    const { kind, asked } = countingKind();
    const puzzle = kind.generate('seed', 'medium');
    const before = asked();
    const grades = puzzle.options.map((o) => kind.grade(puzzle, o.id));
    expect(grades.filter((g) => g.correct)).toHaveLength(1);
    expect(kind.solve(puzzle)).toBe(puzzle.options.find((o) => o.label === 'Running')!.id);
    expect(grades.find((g) => !g.correct)!.explanation).toContain('is not Running.');
    expect(kind.meta(puzzle).answerKey).toBe('Running');
    expect(asked() - before).toBe(1);
    // The same puzzle stored and read back is a new object: its answer is worked out again, and is the same.
    const restored = JSON.parse(JSON.stringify(puzzle)) as typeof puzzle;
    expect(kind.solve(restored)).toBe(kind.solve(puzzle));
    expect(asked() - before).toBe(2);
  });
});
