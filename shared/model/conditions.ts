// Pod conditions as the kubelet generates them (pkg/kubelet/status/generate.go; generateAPIPodStatus).
// See docs/rules/conditions.md.
import { podPhase } from './pod-phase.ts';
import { isSidecar, type ContainerSnapshot, type Phase, type PodCondition, type PodSnapshot } from './pod-types.ts';

export interface ConditionsInput extends PodSnapshot {
  /** Bound to a node. Until then only PodScheduled exists, False. */
  scheduled: boolean;
  /** The sandbox exists and its network is configured. */
  sandboxReady: boolean;
  /** spec.readinessGates condition types. */
  readinessGates?: string[];
  /** Conditions other controllers set, e.g. for readiness gates. */
  customConditions?: PodCondition[];
}

const condition = (type: string, ok: boolean, reason?: string): PodCondition =>
  ok || reason === undefined ? { type, status: ok ? 'True' : 'False' } : { type, status: 'False', reason };

/** isInitContainerInitialized: a sidecar once started; a regular init container once ready, i.e. exited 0. */
function initContainerInitialized(c: ContainerSnapshot): boolean {
  if (isSidecar(c)) return c.started === true;
  return c.state === 'terminated' && (c.exitCode ?? 0) === 0;
}

/** A regular container exists or existed in this sandbox: initialisation happened, whatever sidecars do later. */
function anyRegularStarted(pod: ConditionsInput): boolean {
  return pod.podHasInitialized === true || pod.containers.some((c) => c.state === 'running' || c.state === 'terminated');
}

function initialized(pod: ConditionsInput, phase: Phase): PodCondition {
  if (pod.initContainers.length === 0) return condition('Initialized', true);
  const known = pod.initContainers.every((c) => c.state !== 'none');
  if (phase === 'Succeeded' && known) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (anyRegularStarted(pod)) return condition('Initialized', true);
  return condition('Initialized', pod.initContainers.every(initContainerInitialized), 'ContainersNotInitialized');
}

/** Regular containers and sidecars must all be ready; regular init containers do not count. */
function containersReady(pod: ConditionsInput, phase: Phase): PodCondition {
  if (phase === 'Failed') return condition('ContainersReady', false, 'PodFailed');
  if (phase === 'Succeeded') return condition('ContainersReady', false, 'PodCompleted');
  const counted = [...pod.initContainers.filter(isSidecar), ...pod.containers];
  return condition('ContainersReady', counted.every((c) => c.ready === true), 'ContainersNotReady');
}

/** ContainersReady and every readiness gate True; a gate whose condition does not exist counts as False. */
function ready(pod: ConditionsInput, containers: PodCondition): PodCondition {
  if (containers.status !== 'True') return { ...containers, type: 'Ready' };
  const gateOk = (type: string) => pod.customConditions?.some((c) => c.type === type && c.status === 'True') === true;
  return condition('Ready', (pod.readinessGates ?? []).every(gateOk), 'ReadinessGatesNotReady');
}

/** The pod's conditions, from a description of the pod. */
export function podConditions(pod: ConditionsInput): PodCondition[] {
  if (!pod.scheduled) return [condition('PodScheduled', false, 'Unschedulable')];
  const phase = podPhase(pod);
  const cr = containersReady(pod, phase);
  return [
    condition('PodScheduled', true),
    condition('PodReadyToStartContainers', pod.sandboxReady),
    initialized(pod, phase),
    cr,
    ready(pod, cr),
  ];
}

/** The status of one condition type, for callers that ask a single question. */
export function conditionStatus(conditions: readonly PodCondition[], type: string): PodCondition['status'] | undefined {
  return conditions.find((c) => c.type === type)?.status;
}
