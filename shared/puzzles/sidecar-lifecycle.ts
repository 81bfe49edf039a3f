// Native sidecars through a pod's life: start gate, restarts, Job completion, exit codes, termination order, preStop.
// Every answer is computed by shared/model/sidecars.ts (and podPhase), never stored.
import { createRng, type Rng } from '../random.ts';
import { terminationPairs } from '../model/sidecars.ts';
import type { Difficulty, Grade, PuzzleKind, PuzzleMeta, PuzzleView } from './kind.ts';
import { shuffledChoices, singleChoiceScore } from './choice.ts';
import { brokenPairs, orderScore, shownOrder, topologicalOrder } from './ordering.ts';
import { asPermutation } from './answers.ts';
import { metaFromView, oneLineGrade } from './grade.ts';
import { MAKERS, type Scenario } from './sidecar-questions.ts';
import { answerKey, docFor, itemIds, stagesOf, why } from './sidecar-answers.ts';

export interface SidecarPuzzle {
  scenario: Scenario;
  prompt: string;
  yaml: string;
  /** single choice: each option's key is compared with the model's answer key. */
  options: { id: string; label: string; key: string }[];
  /** order: ids in the order shown. */
  shown: string[];
}

function generate(seed: string, difficulty: Difficulty): SidecarPuzzle {
  const rng = createRng(`sidecar-lifecycle:${difficulty}:${seed}`);
  const asked = rng.pick(MAKERS[difficulty])(rng, difficulty);
  const { scenario } = asked;
  const keys = Object.keys(asked.labels);
  const choices = shuffledChoices(rng, keys.map((k) => asked.labels[k]!));
  const options = choices.map((ch) => ({ ...ch, key: keys.find((k) => asked.labels[k] === ch.label)! }));
  const shown = scenario.q === 'termination' ? shownOrder(rng, itemIds(scenario), terminationPairs(stagesOf(scenario))) : [];
  return { scenario, prompt: asked.prompt, yaml: asked.yaml, options, shown };
}

function publicView(p: SidecarPuzzle): PuzzleView {
  const common = { kind: 'sidecar-lifecycle', prompt: p.prompt, code: { language: 'yaml' as const, text: p.yaml } };
  if (p.scenario.q === 'termination') {
    return { ...common, format: 'order', items: p.shown.map((id) => ({ id, label: id })) };
  }
  return { ...common, format: 'single', options: p.options.map((o) => ({ id: o.id, label: o.label })) };
}

function solve(p: SidecarPuzzle): string | string[] {
  const s = p.scenario;
  if (s.q === 'termination') return topologicalOrder(itemIds(s), terminationPairs(stagesOf(s)));
  const key = answerKey(s);
  return p.options.find((o) => o.key === key)?.id ?? '';
}

function gradeOrder(p: SidecarPuzzle, s: Extract<Scenario, { q: 'termination' }>, answer: unknown): Grade {
  const pairs = terminationPairs(stagesOf(s));
  const order = asPermutation(answer, itemIds(s));
  const score = orderScore(itemIds(s), pairs, p.shown, answer);
  const broken = order ? brokenPairs(pairs, order) : pairs;
  const shownBroken = broken.slice(0, 3).map(([a, b]) => `${b} was put before ${a}`).join('; ');
  const lead = score === 1 ? '' : `${pairs.length - broken.length} of ${pairs.length} orderings kept${order ? ` (${shownBroken})` : ''}.`;
  return oneLineGrade(score, [lead, why(s)].filter(Boolean).join(' '), docFor(s));
}

function grade(p: SidecarPuzzle, answer: unknown): Grade {
  const s = p.scenario;
  if (s.q === 'termination') return gradeOrder(p, s, answer);
  const right = p.options.find((o) => o.key === answerKey(s));
  const score = singleChoiceScore(right?.id ?? '', answer);
  const lead = score === 1 ? '' : `Not quite; the answer is “${right?.label ?? ''}”.`;
  return oneLineGrade(score, [lead, why(s)].filter(Boolean).join(' '), docFor(s));
}

// Interim (issue 9): one template per question, as MAKERS lists them, until the kind is reworked.
const QUESTIONS: Record<Difficulty, string[]> = {
  easy: ['start-gate', 'job-end', 'sidecar-crash'],
  medium: ['start-gate', 'job-end', 'sidecar-crash', 'exit-phase', 'termination'],
  hard: ['start-gate', 'job-end', 'exit-phase', 'termination', 'sigterm', 'prestop', 'sidecar-crash'],
};
const templatesOf = (d: Difficulty): string[] => QUESTIONS[d].map((q) => `sidecar-lifecycle/${q}`);

export const sidecarLifecycle = {
  id: 'sidecar-lifecycle',
  concept: 'Sidecars',
  title: 'Sidecar lifecycle',
  description: 'How native sidecars start, restart, let Jobs finish and shut down last.',
  templates: { easy: templatesOf('easy'), medium: templatesOf('medium'), hard: templatesOf('hard') },
  generate,
  publicView,
  solve,
  grade,
  meta(p): PuzzleMeta {
    return metaFromView(publicView(p), solve(p), `sidecar-lifecycle/${p.scenario.q}`);
  },
} satisfies PuzzleKind<SidecarPuzzle>;