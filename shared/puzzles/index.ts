// The registry of puzzle kinds. The client renders by format, so a new kind needs no UI work:
// write shared/puzzles/<kind>.ts, add it here, and the generic tests in test/shared/puzzle-kinds.test.ts cover it.
import type { PuzzleKind } from './kind.ts';
import { initOrder } from './init-order.ts';
import { probeChoice } from './probe-choice.ts';
import { probeTiming } from './probe-timing.ts';
import { samePod } from './same-pod.ts';
import { podPhaseKind } from './pod-phase.ts';
import { kubectlStatus } from './kubectl-status.ts';
import { podConditions } from './pod-conditions.ts';
import { sharedNamespaces } from './shared-namespaces.ts';
import { kubectlDebug } from './kubectl-debug.ts';
import { sidecarLifecycle } from './sidecar-lifecycle.ts';
import { whichTool } from './which-tool.ts';

export const puzzleKinds = {
  'init-order': initOrder,
  'probe-choice': probeChoice,
  'probe-timing': probeTiming,
  'same-pod': samePod,
  'pod-phase': podPhaseKind,
  'kubectl-status': kubectlStatus,
  'pod-conditions': podConditions,
  'shared-namespaces': sharedNamespaces,
  'kubectl-debug': kubectlDebug,
  'sidecar-lifecycle': sidecarLifecycle,
  'which-tool': whichTool,
} as const satisfies Record<string, PuzzleKind<unknown>>;

export type KindId = keyof typeof puzzleKinds;

export const kindIds = Object.keys(puzzleKinds) as KindId[];

export function isKindId(id: unknown): id is KindId {
  return typeof id === 'string' && Object.hasOwn(puzzleKinds, id);
}

/** Any kind, with its puzzle type erased: the room stores puzzles opaquely and only this module's functions read them. */
export function kindById(id: KindId): PuzzleKind<unknown> {
  return puzzleKinds[id];
}
