// "Which conditions hold, and why?": a pod's PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady
// and Ready conditions as the kubelet and the scheduler set them, read off the model (podStatus, schedule). Why a
// Running pod is not Ready (a container, a sidecar, a readiness gate), why a pod stays Pending (the scheduler's
// filters), and who gets Service traffic. Answer-first, like the other state kinds. docs/rules/conditions.md.
import type { PuzzleKind } from './kind.ts';
import { conditionsAnswer, conditionsKey, conditionsWhyNot, type CondQuestion } from './pod-conditions-draft.ts';
import { podConditionsEasy } from './pod-conditions-easy.ts';
import { podConditionsHard } from './pod-conditions-hard.ts';
import { podConditionsMedium } from './pod-conditions-medium.ts';
import { stateKind, type StatePuzzle } from './state-kind.ts';

export type PodConditionsPuzzle = StatePuzzle<CondQuestion>;

const parts = stateKind<CondQuestion>({
  id: 'pod-conditions',
  templates: { easy: podConditionsEasy, medium: podConditionsMedium, hard: podConditionsHard },
  answerOf: conditionsAnswer,
  keyOf: conditionsKey,
  whyNot: conditionsWhyNot,
});

export const podConditions = {
  id: 'pod-conditions',
  concept: 'Pod conditions',
  title: 'Ready or not?',
  description: 'Read a pod, its nodes or its readiness gates, then say which conditions hold, why it is not Ready, or what keeps it Pending.',
  templates: parts.templates,
  generate: parts.generate,
  publicView: (p: PodConditionsPuzzle) => ({ kind: 'pod-conditions', format: 'single' as const, ...parts.view(p) }),
  solve: parts.solve,
  grade: parts.grade,
  meta: parts.meta,
} satisfies PuzzleKind<PodConditionsPuzzle> & Pick<typeof parts, 'templates' | 'meta'>;
