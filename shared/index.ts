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
export type {
  Difficulty, PuzzleFormat, PuzzleView, SingleView, MultiView, OrderView, NumberView, ViewOf, Choice, CodeBlock, TableBlock,
  Answer, AnswerByFormat, Grade, Evidence, ExplanationLine, PuzzleMeta, Picture, PuzzleKind,
} from './puzzles/kind.ts';
export { answerAs, answerShapes, answerLabels, answerIds, choicesOf } from './puzzles/answers.ts';
export { levelLines, levelsOf, offeredLevel, risingLine } from './puzzles/levels.ts';
export { rules, ruleIds, isRuleId, ruleInfo, type RuleId, type RuleInfo } from './model/rules/index.ts';
export { difficulties } from './puzzles/kind.ts';
export { puzzleKinds, kindIds, isKindId, kindById, type KindId } from './puzzles/index.ts';
export { createRng, type Rng } from './random.ts';
