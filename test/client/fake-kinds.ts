// Tiny puzzle kinds for the practice engine: the right answer is always 'yes'.
import type { PuzzleKind } from '../../shared/puzzles/kind.ts';
import { oneLineGrade } from '../../shared/puzzles/grade.ts';
import type { KindRegistry } from '../../client/src/lib/practice.ts';

function fakeKind(id: string, concept: string): PuzzleKind<{ seed: string }> {
  return {
    id,
    concept,
    title: `Title of ${id}`,
    description: `One line about ${id}.`,
    templates: { easy: [`${id}/one`], medium: [`${id}/one`], hard: [`${id}/two`] },
    generate: (seed) => ({ seed }),
    publicView: (p) => ({ kind: id, format: 'single', prompt: `Puzzle ${p.seed}`, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] }),
    solve: () => 'yes',
    // Like the real kinds: the grade explains the answer given, not only the solution.
    grade: (_p, answer) =>
      oneLineGrade(answer === 'yes' ? 1 : 0, answer === 'yes' ? 'Yes, because.' : `Not quite: you said ${String(answer)}; it is yes, because.`, 'https://kubernetes.io/docs/'),
    meta: () => ({ template: `${id}/one`, rules: [], answerKey: 'Yes' }),
  };
}

export const fakeKinds: KindRegistry = {
  'probe-a': fakeKind('probe-a', 'Probes') as PuzzleKind<unknown>,
  'probe-b': fakeKind('probe-b', 'Probes') as PuzzleKind<unknown>,
  'init-a': fakeKind('init-a', 'Init containers') as PuzzleKind<unknown>,
  'sidecar-a': fakeKind('sidecar-a', 'Sidecars') as PuzzleKind<unknown>,
};

export const allFakeIds = Object.keys(fakeKinds);
