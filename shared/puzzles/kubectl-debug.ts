// "Which command?": a debugging need in a concrete pod, and the kubectl command that answers it. Every template
// draws its answer first; shared/model/debugging.ts checks that the right command answers and no wrong one does.
import { createRng } from '../random.ts';
import type { Difficulty, PuzzleKind } from './kind.ts';
import { easyTemplates } from './kubectl-debug-easy.ts';
import { mediumTemplates } from './kubectl-debug-medium.ts';
import { hardTemplates } from './kubectl-debug-hard.ts';
import { draftSingle, gradeSingle, seal, singleMeta, singleView, solveSingle, type SinglePuzzle, type SingleTemplate } from './single-draft.ts';

export type KubectlDebugPuzzle = SinglePuzzle;

const TEMPLATES: Record<Difficulty, readonly SingleTemplate[]> = { easy: easyTemplates, medium: mediumTemplates, hard: hardTemplates };

export const kubectlDebug = {
  id: 'kubectl-debug',
  concept: 'kubectl',
  title: 'Which kubectl command?',
  description: 'A debugging need in a real pod: pick the kubectl command that answers it.',
  templates: { easy: easyTemplates.map((t) => t.id), medium: mediumTemplates.map((t) => t.id), hard: hardTemplates.map((t) => t.id) },
  generate(seed, difficulty) {
    const rng = createRng(`kubectl-debug:${difficulty}:${seed}`);
    return seal(rng, difficulty, draftSingle(rng, rng.pick(TEMPLATES[difficulty])));
  },
  publicView: (p) => singleView('kubectl-debug', p),
  solve: solveSingle,
  grade: gradeSingle,
  meta: singleMeta,
} satisfies PuzzleKind<KubectlDebugPuzzle>;
