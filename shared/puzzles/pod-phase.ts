// "Which phase is this pod in?": the pod's status.phase as the kubelet reports it, from its containers, its
// restartPolicy and what else happened to it (scheduling, a deadline, deletion). Answer-first: each template draws
// the phase, builds a pod that has it, and the model (podStatus, around getPhase) confirms it. docs/rules/phase.md.
import { podStatus } from '../model/pod-status.ts';
import type { PuzzleKind } from './kind.ts';
import { podPhaseEasy } from './pod-phase-easy.ts';
import { podPhaseHard } from './pod-phase-hard.ts';
import { podPhaseMedium } from './pod-phase-medium.ts';
import type { PhaseQuestion } from './pod-phase-draft.ts';
import { phaseWhyNot } from './phase-why.ts';
import { stateKind, type StatePuzzle } from './state-kind.ts';

export type PodPhasePuzzle = StatePuzzle<PhaseQuestion>;

const parts = stateKind<PhaseQuestion>({
  id: 'pod-phase',
  templates: { easy: podPhaseEasy, medium: podPhaseMedium, hard: podPhaseHard },
  answerOf: (facts) => podStatus(facts).phase,
  whyNot: (facts, _q, picked, answer) => phaseWhyNot(facts, picked, answer),
});

export const podPhaseKind = {
  id: 'pod-phase',
  concept: 'Pod phase',
  title: 'Which phase?',
  description: 'Read the containers, the restartPolicy and what happened to the pod, then name the phase the kubelet reports.',
  templates: parts.templates,
  generate: parts.generate,
  publicView: (p: PodPhasePuzzle) => ({ kind: 'pod-phase', format: 'single' as const, ...parts.view(p) }),
  solve: parts.solve,
  grade: parts.grade,
  meta: parts.meta,
} satisfies PuzzleKind<PodPhasePuzzle> & Pick<typeof parts, 'templates' | 'meta'>;
