// "What does kubectl get pods print?": one pod's STATUS, READY or RESTARTS column, as printPod computes it
// (kubectlColumns) from the status the model gives the pod. STATUS is not the phase: that is the lesson.
// Answer-first: each template draws the text, builds a pod that prints it, and the model confirms it. docs/rules/kubectl.md.
import { podListing } from '../model/pod-status.ts';
import type { PuzzleKind } from './kind.ts';
import { kubectlStatusEasy } from './kubectl-status-easy.ts';
import { kubectlStatusHard } from './kubectl-status-hard.ts';
import { kubectlStatusMedium } from './kubectl-status-medium.ts';
import type { KubectlQuestion } from './kubectl-status-draft.ts';
import { columnAnswer, kubectlWhyNot } from './kubectl-why.ts';
import { stateKind, type StatePuzzle } from './state-kind.ts';

export type KubectlStatusPuzzle = StatePuzzle<KubectlQuestion>;

const parts = stateKind<KubectlQuestion>({
  id: 'kubectl-status',
  templates: { easy: kubectlStatusEasy, medium: kubectlStatusMedium, hard: kubectlStatusHard },
  answerOf: (facts, q) => columnAnswer(podListing(facts), q.column),
  whyNot: (facts, q, picked, answer) => kubectlWhyNot(podListing(facts), q.column, picked, answer),
});

export const kubectlStatus = {
  id: 'kubectl-status',
  concept: 'kubectl',
  title: 'What does kubectl show?',
  description: 'Read a pod\'s containers and status, then say what kubectl get pods prints under STATUS, READY or RESTARTS.',
  templates: parts.templates,
  generate: parts.generate,
  publicView: (p: KubectlStatusPuzzle) => ({ kind: 'kubectl-status', format: 'single' as const, ...parts.view(p) }),
  solve: parts.solve,
  grade: parts.grade,
  meta: parts.meta,
} satisfies PuzzleKind<KubectlStatusPuzzle> & Pick<typeof parts, 'templates' | 'meta'>;
