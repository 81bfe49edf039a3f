// READY, STATUS and RESTARTS of `kubectl get pods`, as printPod computes them
// (pkg/printers/internalversion/printers.go). See docs/rules/kubectl.md.
import { isSidecar, type ContainerSnapshot, type KubectlColumns, type PodListing } from './pod-types.ts';

interface Tally {
  status: string;
  ready: number;
  restarts: number;
  sidecarRestarts: number;
  initializing: boolean;
}

const hasStatus = (c: ContainerSnapshot): boolean => c.state !== 'none';

/** `Signal:9` or `ExitCode:2`: what a terminated container shows when the runtime gave no reason. */
function exitDescription(c: ContainerSnapshot): string {
  return c.signal ? `Signal:${c.signal}` : `ExitCode:${c.exitCode ?? 0}`;
}

function startingStatus(pod: PodListing): string {
  const gated = pod.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated');
  if (gated) return 'SchedulingGated';
  return pod.reason ? pod.reason : pod.phase;
}

/** Init scan: the first init container that is not done decides `Init:…` (step 4). */
function scanInitContainers(pod: PodListing, t: Tally): void {
  // Only existing entries are walked: an init container with no status yet must not stop the scan at `Init:i/N`.
  const statuses = pod.initContainers.filter(hasStatus);
  for (const [i, c] of statuses.entries()) {
    const restarts = c.restartCount ?? 0;
    t.restarts += restarts;
    if (isSidecar(c)) t.sidecarRestarts += restarts;
    if (c.state === 'terminated' && (c.exitCode ?? 0) === 0) continue;
    if (isSidecar(c) && c.started === true) {
      if (c.ready === true) t.ready++;
      continue;
    }
    t.initializing = true;
    if (c.state === 'terminated') t.status = `Init:${c.reason || exitDescription(c)}`;
    else if (c.state === 'waiting' && c.reason && c.reason !== 'PodInitializing') t.status = `Init:${c.reason}`;
    else t.status = `Init:${i}/${pod.initContainers.length}`;
    return;
  }
}

/**
 * Container scan, last to first so the first container with a reason wins (step 5).
 * A 'none' entry sets no reason but still adds its restartCount, as a status with no state does.
 */
function scanContainers(pod: PodListing, t: Tally): void {
  t.restarts = t.sidecarRestarts;
  let hasRunning = false;
  let errorReason = '';
  for (const c of [...pod.containers].reverse()) {
    t.restarts += c.restartCount ?? 0;
    if (c.state === 'waiting' && c.reason) {
      t.status = c.reason;
    } else if (c.state === 'terminated') {
      t.status = c.reason || exitDescription(c);
      if ((c.exitCode ?? 0) !== 0) errorReason = t.status;
    } else if (c.ready === true && c.state === 'running') {
      hasRunning = true;
      t.ready++;
    }
  }
  if (t.status !== 'Completed') return;
  const podReady = pod.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  if (hasRunning && podReady) t.status = 'Running';
  else if (errorReason) t.status = errorReason;
  else if (hasRunning) t.status = 'NotReady';
}

function initializedConditionTrue(pod: PodListing): boolean {
  return pod.conditions?.find((c) => c.type === 'Initialized')?.status === 'True';
}

/** Deletion overrides everything else (step 6). */
function deletionStatus(pod: PodListing, status: string): string {
  if (!pod.deleting) return status;
  if (pod.reason === 'NodeLost') return 'Unknown';
  if (pod.phase !== 'Succeeded' && pod.phase !== 'Failed') return 'Terminating';
  return status;
}

export function kubectlColumns(pod: PodListing): KubectlColumns {
  const t: Tally = { status: startingStatus(pod), ready: 0, restarts: 0, sidecarRestarts: 0, initializing: false };
  scanInitContainers(pod, t);
  if (!t.initializing || initializedConditionTrue(pod)) scanContainers(pod, t);
  const total = pod.containers.length + pod.initContainers.filter(isSidecar).length;
  return { ready: `${t.ready}/${total}`, status: deletionStatus(pod, t.status), restarts: t.restarts };
}
