// One pod or separate pods? The seed's test: "do these containers need to live, die and be scheduled together?"
// Every template draws its answer first (shared/puzzles/single-draft.ts) and builds the question around it.
import { createRng } from '../random.ts';
import type { Difficulty, PuzzleKind } from './kind.ts';
import { easyTemplates } from './same-pod-easy.ts';
import { mediumTemplates } from './same-pod-medium.ts';
import { hardTemplates } from './same-pod-hard.ts';
import { draftSingle, gradeSingle, seal, singleMeta, singleView, solveSingle, type SinglePuzzle, type SingleTemplate } from './single-draft.ts';

export type SamePodPuzzle = SinglePuzzle;

const TEMPLATES: Record<Difficulty, readonly SingleTemplate[]> = { easy: easyTemplates, medium: mediumTemplates, hard: hardTemplates };

export const samePod = {
  id: 'same-pod',
  concept: 'Pod design',
  title: 'One pod or two?',
  description: 'Decide which containers must live, die and be scheduled together, and why.',
  templates: { easy: easyTemplates.map((t) => t.id), medium: mediumTemplates.map((t) => t.id), hard: hardTemplates.map((t) => t.id) },
  generate(seed, difficulty) {
    const rng = createRng(`same-pod:${difficulty}:${seed}`);
    return seal(rng, difficulty, draftSingle(rng, rng.pick(TEMPLATES[difficulty])));
  },
  publicView: (p) => singleView('same-pod', p),
  solve: solveSingle,
  grade: gradeSingle,
  meta: singleMeta,
} satisfies PuzzleKind<SamePodPuzzle>;
