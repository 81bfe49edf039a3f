// Which step of getPhase decided a pod's phase, and which containers made it: the rule a puzzle exercises, as data.
// It walks the same counts as podPhase (which stays exactly as specified) and is tested to agree with it.
// See docs/rules/phase.md.
import { containerShouldRestart } from './restart-policy.ts';
import { isSidecar, type ContainerSnapshot, type Phase, type PodSnapshot } from './pod-types.ts';

export type PhaseStep =
  | 'init-failed'      // D1: a regular init container failed and will not be restarted
  | 'init-pending'     // D2: a regular init container has not finished (running, waiting, or no status)
  | 'sidecar-pending'  // D2: a sidecar has not started and no regular container has run yet
  | 'waiting'          // D2: a container is waiting and has never run (creating, pulling, config error, PodInitializing)
  | 'running'          // D3: something runs and every container has a status
  | 'terminal'         // D4: deleted or evicted: exit codes decide, whatever the policy
  | 'will-restart'     // D4: everything stopped, but a stopped container will be restarted
  | 'all-succeeded'    // D4: everything stopped with exit 0 and nothing restarts
  | 'some-failed'      // D4: everything stopped, something failed, nothing restarts
  | 'unknown';         // D5: a container has no status yet

export interface PhaseDecision {
  step: PhaseStep;
  phase: Phase;
  /** The containers that made this step apply, in spec order. */
  by: string[];
}

const lastExit = (c: ContainerSnapshot): number | undefined =>
  c.state === 'terminated' ? (c.exitCode ?? 0) : c.state === 'waiting' ? c.lastTerminationState?.exitCode : undefined;

function initFailedNotRestartable(pod: PodSnapshot, c: ContainerSnapshot): boolean {
  const exit = lastExit(c);
  return exit !== undefined && exit !== 0 && !containerShouldRestart(c, pod.restartPolicy, exit);
}

const pendingInit = (c: ContainerSnapshot): boolean =>
  c.state === 'none' || c.state === 'running' || (c.state === 'waiting' && !c.lastTerminationState);
const neverRan = (c: ContainerSnapshot): boolean => c.state === 'waiting' && !c.lastTerminationState;
const stopped = (c: ContainerSnapshot): boolean => c.state === 'terminated' || (c.state === 'waiting' && c.lastTerminationState !== undefined);
const names = (list: readonly ContainerSnapshot[]): string[] => list.map((c) => c.name);

function restartable(pod: PodSnapshot, c: ContainerSnapshot): boolean {
  const exit = lastExit(c);
  return exit !== undefined && containerShouldRestart(c, pod.restartPolicy, exit);
}

function whenAllStopped(pod: PodSnapshot): PhaseDecision {
  const apps = pod.containers.filter(stopped);
  const failed = apps.filter((c) => (lastExit(c) ?? 0) !== 0);
  if (pod.podIsTerminal) return { step: 'terminal', phase: failed.length > 0 ? 'Failed' : 'Succeeded', by: names(failed.length > 0 ? failed : apps) };
  const again = apps.filter((c) => restartable(pod, c));
  if (again.length > 0) return { step: 'will-restart', phase: 'Running', by: names(again) };
  if (failed.length === 0) return { step: 'all-succeeded', phase: 'Succeeded', by: names(apps) };
  return { step: 'some-failed', phase: 'Failed', by: names(failed) };
}

/** The getPhase step that decided, in the kubelet's order (docs/rules/phase.md#how-the-phase-is-decided). */
export function phaseDecision(pod: PodSnapshot): PhaseDecision {
  const regularInits = pod.initContainers.filter((c) => !isSidecar(c));
  const sidecars = pod.initContainers.filter(isSidecar);
  const failedInits = regularInits.filter((c) => initFailedNotRestartable(pod, c));
  if (failedInits.length > 0) return { step: 'init-failed', phase: 'Failed', by: names(failedInits) };
  const initsPending = regularInits.filter(pendingInit);
  if (initsPending.length > 0) return { step: 'init-pending', phase: 'Pending', by: names(initsPending) };
  const sidecarsPending = sidecars.filter((c) => (c.state === 'running' && c.started !== true) || neverRan(c));
  if (sidecarsPending.length > 0 && pod.podHasInitialized !== true) return { step: 'sidecar-pending', phase: 'Pending', by: names(sidecarsPending) };
  const waiting = [...sidecars, ...pod.containers].filter(neverRan);
  if (waiting.length > 0) return { step: 'waiting', phase: 'Pending', by: names(waiting) };
  const unknown = [...sidecars, ...pod.containers].filter((c) => c.state === 'none');
  const running = [...sidecars, ...pod.containers].filter((c) => c.state === 'running');
  if (running.length > 0 && unknown.length === 0) return { step: 'running', phase: 'Running', by: names(running) };
  if (running.length === 0 && unknown.length === 0 && pod.containers.some(stopped)) return whenAllStopped(pod);
  return { step: 'unknown', phase: 'Pending', by: names(unknown) };
}
