// The rules module's public surface. Pure: no I/O, no clocks, no Math.random; server and browser both import it.
export type {
  RestartPolicy,
  Phase,
  ContainerSnapshot,
  PodSnapshot,
  PodListing,
  PodCondition,
  KubectlColumns,
} from './model/pod-types.ts';
export { podPhase } from './model/pod-phase.ts';
export { kubectlColumns } from './model/kubectl-columns.ts';
export type { Difficulty, PuzzleFormat, PuzzleView, Answer, Grade, PuzzleKind } from './puzzles/kind.ts';
export { difficulties } from './puzzles/kind.ts';
export { puzzleKinds, kindIds, isKindId, kindById, type KindId } from './puzzles/index.ts';
export { createRng, type Rng } from './random.ts';
