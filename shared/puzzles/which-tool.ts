// "Which tool?": the seed's tools in the wild (kubectl, k9s, stern, Lens, kubectx / kubens, Helm) and the need each
// one is for. Easy and medium only: picking a tool turns on one deciding fact, and a "hard" that stacks two
// constraints becomes a riddle about flags rather than a lesson (docs/rules/tools.md).
import { createRng } from '../random.ts';
import type { Difficulty, PuzzleKind } from './kind.ts';
import { offeredLevel } from './levels.ts';
import { draftSingle, gradeSingle, seal, singleMeta, singleView, solveSingle, type SinglePuzzle, type SingleTemplate } from './single-draft.ts';
import { easyTemplates } from './which-tool-easy.ts';
import { mediumTemplates } from './which-tool-medium.ts';

export type WhichToolPuzzle = SinglePuzzle;

const TEMPLATES: Record<Difficulty, readonly SingleTemplate[]> = { easy: easyTemplates, medium: mediumTemplates, hard: [] };
const LEVELS: readonly Difficulty[] = ['easy', 'medium'];

export const whichTool = {
  id: 'which-tool',
  concept: 'Tools in the wild',
  title: 'Which tool?',
  description: 'A need from a working day: pick the tool built for it, from kubectl, k9s, stern, Lens, kubectx / kubens and Helm.',
  levels: LEVELS,
  templates: { easy: easyTemplates.map((t) => t.id), medium: mediumTemplates.map((t) => t.id), hard: [] },
  generate(seed, difficulty) {
    const level = offeredLevel({ levels: LEVELS }, difficulty);
    const rng = createRng(`which-tool:${level}:${seed}`);
    return seal(rng, level, draftSingle(rng, rng.pick(TEMPLATES[level])));
  },
  publicView: (p) => singleView('which-tool', p),
  solve: solveSingle,
  grade: gradeSingle,
  meta: singleMeta,
} satisfies PuzzleKind<WhichToolPuzzle>;
