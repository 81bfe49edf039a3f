// Which step of printPod produced the STATUS text, and which container supplied it: the kubectl rule a puzzle
// exercises, as data. It follows the same walk as kubectlColumns (which stays as specified) and is tested to agree.
// See docs/rules/kubectl.md.
import { isSidecar, type ContainerSnapshot, type PodListing } from './pod-types.ts';

export type StatusStep =
  | 'unknown-node-lost'   // deleted and status.reason NodeLost: Unknown
  | 'terminating'         // deleted, phase not terminal: Terminating
  | 'init-reason'         // an init container waits with a reason, or terminated with one: Init:<reason>
  | 'init-exit'           // an init container terminated without a reason: Init:Signal:N / Init:ExitCode:N
  | 'init-progress'       // an init container runs or waits without a reason: Init:i/N
  | 'container-reason'    // the first app container with a waiting or terminated reason
  | 'container-exit'      // ... terminated without a reason: Signal:N / ExitCode:N
  | 'completed-running'   // Completed, another container runs and the pod is Ready: Running
  | 'completed-not-ready' // Completed, another container runs, the pod is not Ready: NotReady
  | 'completed-error'     // Completed, another container exited non-zero: that one's reason
  | 'gated'               // PodScheduled has reason SchedulingGated
  | 'pod-reason'          // status.reason (Evicted, DeadlineExceeded, NodeLost…) and no container reason
  | 'phase';              // nothing else: the phase

export interface StatusDecision {
  step: StatusStep;
  /** The containers that supplied the text, in spec order. */
  by: string[];
  /** The init scan stopped, but Initialized is True, so the app containers decided instead. */
  initializedOverride: boolean;
}

const doneInit = (c: ContainerSnapshot): boolean =>
  (c.state === 'terminated' && (c.exitCode ?? 0) === 0) || (isSidecar(c) && c.started === true);

/** The first init container that stops printPod's init scan (only entries with a status are walked). */
export function initBlocker(l: PodListing): { container: ContainerSnapshot; index: number } | null {
  const statuses = l.initContainers.filter((c) => c.state !== 'none');
  const index = statuses.findIndex((c) => !doneInit(c));
  const container = statuses[index];
  return container ? { container, index } : null;
}

function initStep(c: ContainerSnapshot): StatusStep {
  if (c.state === 'terminated') return c.reason ? 'init-reason' : 'init-exit';
  if (c.state === 'waiting' && c.reason && c.reason !== 'PodInitializing') return 'init-reason';
  return 'init-progress';
}

function containerStep(l: PodListing): StatusDecision | null {
  const first = l.containers.find((c) => (c.state === 'waiting' && c.reason) || c.state === 'terminated');
  if (!first) return null;
  const decision = (step: StatusStep, by: ContainerSnapshot[]): StatusDecision => ({ step, by: by.map((c) => c.name), initializedOverride: false });
  const terminatedText = first.state === 'terminated' ? first.reason || '' : first.reason;
  if (terminatedText !== 'Completed') return decision(first.state === 'terminated' && !first.reason ? 'container-exit' : 'container-reason', [first]);
  const runner = l.containers.find((c) => c.state === 'running' && c.ready === true);
  const ready = l.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  // printPod keeps the error of the first container in spec order that exited non-zero.
  const failed = l.containers.find((c) => c.state === 'terminated' && (c.exitCode ?? 0) !== 0);
  if (runner && ready) return decision('completed-running', [first, runner]);
  if (failed) return decision('completed-error', [failed]);
  if (runner) return decision('completed-not-ready', [first, runner]);
  return decision('container-reason', [first]);
}

/** printPod's path to the STATUS text (docs/rules/kubectl.md#status). */
export function statusDecision(l: PodListing): StatusDecision {
  if (l.deleting && l.reason === 'NodeLost') return { step: 'unknown-node-lost', by: [], initializedOverride: false };
  if (l.deleting && l.phase !== 'Succeeded' && l.phase !== 'Failed') return { step: 'terminating', by: [], initializedOverride: false };
  const blocker = initBlocker(l);
  const initialized = l.conditions?.find((c) => c.type === 'Initialized')?.status === 'True';
  if (blocker && !initialized) return { step: initStep(blocker.container), by: [blocker.container.name], initializedOverride: false };
  const fromContainers = containerStep(l);
  if (fromContainers) return { ...fromContainers, initializedOverride: blocker !== null };
  // Initialized, but no app container has a reason to print over the init text: it stands.
  if (blocker) return { step: initStep(blocker.container), by: [blocker.container.name], initializedOverride: false };
  const base = { by: [], initializedOverride: blocker !== null };
  if (l.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) return { step: 'gated', ...base };
  if (l.reason) return { step: 'pod-reason', ...base };
  return { step: 'phase', ...base };
}
