// The pod phase exactly as the kubelet's getPhase computes it (kubelet_pods.go @001a80e9),
// with ContainerRestartRules on (beta and default since 1.35). See docs/rules/phase.md.
import { containerShouldRestart } from './restart-policy.ts';
import { isSidecar, type ContainerSnapshot, type Phase, type PodSnapshot } from './pod-types.ts';

interface PhaseCounts {
  pendingRegularInit: number;
  pendingSidecar: number;
  failedInitNotRestartable: number;
  unknown: number;
  running: number;
  waiting: number;
  stopped: number;
  succeeded: number;
  stoppedRestartable: number;
}

const hasRestartedBefore = (c: ContainerSnapshot): boolean => c.lastTerminationState !== undefined;

/** The exit code of a regular init container that failed, now or in its last run; null if it has not failed. */
function initFailureExitCode(c: ContainerSnapshot): number | null {
  if (c.state === 'terminated') return (c.exitCode ?? 0) !== 0 ? (c.exitCode ?? 0) : null;
  if (c.state === 'waiting' && c.lastTerminationState) {
    return c.lastTerminationState.exitCode !== 0 ? c.lastTerminationState.exitCode : null;
  }
  return null;
}

// Step A: regular init containers.
function countRegularInit(pod: PodSnapshot, c: ContainerSnapshot, n: PhaseCounts): void {
  const pending =
    c.state === 'none' || c.state === 'running' || (c.state === 'waiting' && !hasRestartedBefore(c));
  if (pending) {
    n.pendingRegularInit++;
    return;
  }
  const failedWith = initFailureExitCode(c);
  if (failedWith !== null && !containerShouldRestart(c, pod.restartPolicy, failedWith)) {
    n.failedInitNotRestartable++;
  }
}

// Step B: native sidecars. A terminated or restarting sidecar is ignored: its exit code never decides the phase.
function countSidecar(c: ContainerSnapshot, n: PhaseCounts): void {
  if (c.state === 'none') {
    n.unknown++;
  } else if (c.state === 'running') {
    n.running++;
    if (c.started !== true) n.pendingSidecar++;
  } else if (c.state === 'waiting' && !hasRestartedBefore(c)) {
    n.pendingSidecar++;
    n.waiting++;
  }
}

// Step C: regular containers.
function countRegular(pod: PodSnapshot, c: ContainerSnapshot, n: PhaseCounts): void {
  if (c.state === 'none') {
    n.unknown++;
  } else if (c.state === 'running') {
    n.running++;
  } else if (c.state === 'terminated') {
    const exitCode = c.exitCode ?? 0;
    n.stopped++;
    if (exitCode === 0) n.succeeded++;
    if (containerShouldRestart(c, pod.restartPolicy, exitCode)) n.stoppedRestartable++;
  } else if (c.lastTerminationState) {
    n.stopped++;
    if (containerShouldRestart(c, pod.restartPolicy, c.lastTerminationState.exitCode)) n.stoppedRestartable++;
  } else {
    n.waiting++;
  }
}

function countContainers(pod: PodSnapshot): PhaseCounts {
  const n: PhaseCounts = {
    pendingRegularInit: 0, pendingSidecar: 0, failedInitNotRestartable: 0, unknown: 0,
    running: 0, waiting: 0, stopped: 0, succeeded: 0, stoppedRestartable: 0,
  };
  for (const c of pod.initContainers) {
    if (isSidecar(c)) countSidecar(c, n);
    else countRegularInit(pod, c, n);
  }
  for (const c of pod.containers) countRegular(pod, c, n);
  return n;
}

// Step D4: nothing runs, something stopped, every container known.
function phaseWhenAllStopped(pod: PodSnapshot, n: PhaseCounts): Phase {
  const allSucceeded = n.stopped === n.succeeded;
  // A deleted or evicted pod will not restart anything, whatever its policy (P8).
  if (pod.podIsTerminal) return allSucceeded ? 'Succeeded' : 'Failed';
  if (n.stoppedRestartable > 0) return 'Running';
  return allSucceeded ? 'Succeeded' : 'Failed';
}

/** The pod's phase. Never 'Unknown': the kubelet does not set it (docs/rules/phase.md). */
export function podPhase(pod: PodSnapshot): Phase {
  const n = countContainers(pod);
  if (n.failedInitNotRestartable > 0) return 'Failed';
  const pending =
    n.pendingRegularInit > 0 || (n.pendingSidecar > 0 && pod.podHasInitialized !== true) || n.waiting > 0;
  if (pending) return 'Pending';
  if (n.running > 0 && n.unknown === 0) return 'Running';
  if (n.running === 0 && n.stopped > 0 && n.unknown === 0) return phaseWhenAllStopped(pod, n);
  return 'Pending';
}
