// The questions pod-conditions asks and their answers, read off the model's conditions (podStatus). Each question
// has a family of labels a player reads; the pod decides which one is right. docs/rules/conditions.md.
import { firstNotTrue, type ConditionType } from '../model/conditions.ts';
import { podStatus, type PodFacts, type PodStatusView } from '../model/pod-status.ts';
import { isSidecar, type ContainerSnapshot, type PodCondition } from '../model/pod-types.ts';

export const FIRST_LABELS: Record<ConditionType | 'none', string> = {
  PodScheduled: 'PodScheduled', PodReadyToStartContainers: 'PodReadyToStartContainers', Initialized: 'Initialized',
  ContainersReady: 'ContainersReady', Ready: 'Ready', none: 'None: all five are True',
};

export const READY_LABELS = {
  True: 'True', ContainersNotReady: 'False (ContainersNotReady)', ReadinessGatesNotReady: 'False (ReadinessGatesNotReady)',
  PodCompleted: 'False (PodCompleted)', PodFailed: 'False (PodFailed)',
} as const;

/** Why the pod is not Ready, in the few categories a reader needs (from the conditions and the containers). */
export type Holdup =
  | 'ready' | 'unscheduled' | 'sandbox' | 'initializing' | 'finished'
  | 'app-readiness' | 'app-startup' | 'app-crashloop' | 'app-not-started'
  | 'sidecar-readiness' | 'sidecar-not-started'
  | 'gate-false' | 'gate-missing' | 'gate-and-sidecar';

export type Family = 'traffic' | 'apps' | 'sidecar' | 'gate' | 'gate-sidecar';

export const HOLD_LABELS: Record<Family, Partial<Record<Holdup, string>>> = {
  // Each label says where the pod is as well as what holds it, so only one is true of a pod: a pod still
  // initializing also has containers that are not ready, and one with no node has no sandbox either (review K, PC-M1).
  traffic: {
    ready: 'Yes: the pod is Ready', unscheduled: 'No: it has no node yet', initializing: 'No: it is on a node, but still initializing',
    finished: 'No: the pod has finished', 'app-readiness': 'No: it is initialized, but a container is not ready', 'app-crashloop': 'No: it is initialized, but a container is not ready',
    'app-not-started': 'No: it is initialized, but a container is not ready', 'app-startup': 'No: it is initialized, but a container is not ready', sandbox: 'No: it is on a node, but has no sandbox yet',
  },
  apps: {
    ready: 'Nothing: the pod is Ready', 'app-readiness': 'A readiness probe is failing', 'app-crashloop': 'A container is crash-looping',
    'app-not-started': 'A container has not been created yet', 'app-startup': 'A startup probe has not passed yet',
  },
  // A sidecar that has not started leaves the app unstarted too, so "not ready" alone would be true of both: each
  // label says which of the two is ready (review K, PC-M1).
  sidecar: {
    ready: 'Yes: finished init containers do not count', 'sidecar-readiness': 'No: the app container is ready, the sidecar is not',
    'sidecar-not-started': 'No: the sidecar has not started, so the app has not either', 'app-readiness': 'No: the sidecar is ready, the app container is not',
  },
  gate: {
    ready: 'True', 'gate-false': 'False: its gate condition is False', 'gate-missing': 'False: its gate condition does not exist yet',
    'app-readiness': 'False: a container is not ready', 'sidecar-readiness': 'False: a container is not ready',
  },
  'gate-sidecar': {
    ready: 'Nothing: it is Ready', 'sidecar-readiness': 'Only the sidecar must turn ready', 'gate-false': 'Only the gate must turn True',
    'gate-missing': 'Only the gate must turn True', 'gate-and-sidecar': 'Both the sidecar and the gate',
  },
};

const condition = (s: PodStatusView, type: string): PodCondition | undefined => s.conditions.find((c) => c.type === type);

/** The first container that keeps ContainersReady False: sidecars, then app containers, in spec order. */
export function unreadyContainer(f: PodFacts): { c: ContainerSnapshot; sidecar: boolean } | null {
  const sidecar = f.initContainers.find((c) => isSidecar(c) && c.ready !== true);
  if (sidecar) return { c: sidecar, sidecar: true };
  const app = f.containers.find((c) => c.ready !== true);
  return app ? { c: app, sidecar: false } : null;
}

function containerHoldup(c: ContainerSnapshot, sidecar: boolean): Holdup {
  if (sidecar) return c.state === 'running' && c.started !== false ? 'sidecar-readiness' : 'sidecar-not-started';
  if (c.state === 'running') return c.started === false ? 'app-startup' : 'app-readiness';
  if (c.state === 'waiting' && c.lastTerminationState) return 'app-crashloop';
  return 'app-not-started';
}

/** What holds the pod's Ready condition False, as the model sees it. */
export function holdup(f: PodFacts, s: PodStatusView = podStatus(f)): Holdup {
  const first = firstNotTrue(s.conditions);
  if (first === null) return 'ready';
  if (first === 'PodScheduled') return 'unscheduled';
  // A finished pod's sandbox is stopped too, but what holds it is that it has finished.
  if (s.phase === 'Succeeded' || s.phase === 'Failed') return 'finished';
  if (first === 'PodReadyToStartContainers') return 'sandbox';
  if (first === 'Initialized') return initializedWhy(f, s) === 'sidecar-not-started' ? 'sidecar-not-started' : 'initializing';
  const gates = condition(s, 'Ready')?.reason === 'ReadinessGatesNotReady';
  const gateMissing = (f.readinessGates ?? []).some((g) => !f.customConditions?.some((c) => c.type === g));
  const unready = unreadyContainer(f);
  const gateBlocked = (f.readinessGates ?? []).some((g) => f.customConditions?.find((c) => c.type === g)?.status !== 'True');
  if (unready && gateBlocked && unready.sidecar) return 'gate-and-sidecar';
  if (gates) return gateMissing ? 'gate-missing' : 'gate-false';
  return unready ? containerHoldup(unready.c, unready.sidecar) : 'ready';
}

export type InitializedWhy = 'no-init' | 'all-done' | 'sidecar-started' | 'sticky' | 'init-running' | 'init-failing' | 'sidecar-not-started' | 'completed';

export const INITIALIZED_LABELS: Record<InitializedWhy, string> = {
  'no-init': 'True: it has no init containers', 'all-done': 'True: every init container has exited 0',
  'sidecar-started': 'True: the sidecar only has to be started', sticky: 'True: an app container has already started',
  'init-running': 'False: an init container has not finished', 'init-failing': 'False: an init container keeps failing',
  'sidecar-not-started': 'False: the sidecar has not started', completed: 'True: the pod has completed',
};

/** Why Initialized is what it is (GeneratePodInitializedCondition's branches, named for a reader). */
export function initializedWhy(f: PodFacts, s: PodStatusView = podStatus(f)): InitializedWhy {
  const c = condition(s, 'Initialized');
  if (f.initContainers.length === 0) return 'no-init';
  if (c?.status === 'True') {
    if (c.reason === 'PodCompleted') return 'completed';
    const allDone = f.initContainers.every((i) => (isSidecar(i) ? i.started === true : i.state === 'terminated' && (i.exitCode ?? 0) === 0));
    if (!allDone) return 'sticky';
    return f.initContainers.some(isSidecar) ? 'sidecar-started' : 'all-done';
  }
  const stuck = f.initContainers.find((i) => (isSidecar(i) ? i.started !== true : !(i.state === 'terminated' && (i.exitCode ?? 0) === 0)));
  if (stuck && isSidecar(stuck)) return 'sidecar-not-started';
  const failing = stuck && ((stuck.state === 'terminated' && (stuck.exitCode ?? 0) !== 0) || stuck.lastTerminationState !== undefined);
  return failing ? 'init-failing' : 'init-running';
}

/** Ready's status and reason as one label. */
export function readyLabel(s: PodStatusView): string {
  const r = condition(s, 'Ready');
  if (!r || r.status === 'True') return READY_LABELS.True;
  return READY_LABELS[(r.reason ?? 'ContainersNotReady') as keyof typeof READY_LABELS] ?? READY_LABELS.ContainersNotReady;
}

/** How many of these pods a Service would send traffic to: the Ready ones. */
export function readyCount(pods: readonly PodFacts[]): number {
  return pods.filter((p) => condition(podStatus(p), 'Ready')?.status === 'True').length;
}
