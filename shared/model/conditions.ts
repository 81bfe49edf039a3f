// Pod conditions as the kubelet generates them (pkg/kubelet/status/generate.go; generateAPIPodStatus), with the
// reasons and messages it writes. See docs/rules/conditions.md.
import { podPhase } from './pod-phase.ts';
import { isSidecar, type ContainerSnapshot, type Phase, type PodCondition, type PodSnapshot } from './pod-types.ts';

export interface ConditionsInput extends PodSnapshot {
  /** Bound to a node. Until then only PodScheduled exists, False. */
  scheduled: boolean;
  /** Why it is not bound: the scheduler's reason and message (default: Unschedulable, no message). */
  unscheduled?: { reason: 'Unschedulable' | 'SchedulingGated'; message?: string };
  /** The sandbox exists and its network is configured. */
  sandboxReady: boolean;
  /** spec.readinessGates condition types. */
  readinessGates?: string[];
  /** Conditions other controllers set, e.g. for readiness gates. */
  customConditions?: PodCondition[];
  /** The phase when a kubelet sync handler overrides getPhase (activeDeadlineSeconds: Failed). */
  phase?: Phase;
}

const ok = (type: string): PodCondition => ({ type, status: 'True' });
const notOk = (type: string, reason: string, message?: string): PodCondition =>
  message === undefined ? { type, status: 'False', reason } : { type, status: 'False', reason, message };
/** Go prints a []string with %s as "[a b]". */
const goList = (names: readonly string[]): string => `[${names.join(' ')}]`;

/** isInitContainerInitialized: a sidecar once started; a regular init container once ready, i.e. exited 0. */
function initContainerInitialized(c: ContainerSnapshot): boolean {
  if (isSidecar(c)) return c.started === true;
  return c.state === 'terminated' && (c.exitCode ?? 0) === 0;
}

/** HasAnyRegularContainerStarted: initialisation happened, whatever sidecars do later. */
function anyRegularStarted(pod: ConditionsInput): boolean {
  return pod.podHasInitialized === true || pod.containers.some((c) => c.state === 'running' || c.state === 'terminated');
}

function initialized(pod: ConditionsInput, phase: Phase): PodCondition {
  if (pod.initContainers.length === 0) return ok('Initialized');
  const unknown = pod.initContainers.filter((c) => c.state === 'none').map((c) => c.name);
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (anyRegularStarted(pod)) return ok('Initialized');
  const incomplete = pod.initContainers.filter((c) => c.state !== 'none' && !initContainerInitialized(c)).map((c) => c.name);
  const messages = [
    ...(unknown.length > 0 ? [`containers with unknown status: ${goList(unknown)}`] : []),
    ...(incomplete.length > 0 ? [`containers with incomplete status: ${goList(incomplete)}`] : []),
  ];
  return messages.length === 0 ? ok('Initialized') : notOk('Initialized', 'ContainersNotInitialized', messages.join(', '));
}

/** Regular containers and sidecars must all be ready; regular init containers do not count. */
function containersReady(pod: ConditionsInput, phase: Phase): PodCondition {
  const counted = [...pod.initContainers.filter(isSidecar), ...pod.containers];
  const unknown = counted.filter((c) => c.state === 'none').map((c) => c.name);
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') {
    return notOk('ContainersReady', phase === 'Failed' ? 'PodFailed' : 'PodCompleted');
  }
  const unready = counted.filter((c) => c.state !== 'none' && c.ready !== true).map((c) => c.name);
  const messages = [
    ...(unknown.length > 0 ? [`containers with unknown status: ${goList(unknown)}`] : []),
    ...(unready.length > 0 ? [`containers with unready status: ${goList(unready)}`] : []),
  ];
  return messages.length === 0 ? ok('ContainersReady') : notOk('ContainersReady', 'ContainersNotReady', messages.join(', '));
}

/** ContainersReady and every readiness gate True; a gate whose condition does not exist counts as False. */
function ready(pod: ConditionsInput, containers: PodCondition): PodCondition {
  if (containers.status !== 'True') return { ...containers, type: 'Ready' };
  const messages = (pod.readinessGates ?? []).flatMap((type) => {
    const c = pod.customConditions?.find((x) => x.type === type);
    if (!c) return [`corresponding condition of pod readiness gate "${type}" does not exist.`];
    return c.status === 'True' ? [] : [`the status of pod readiness gate "${type}" is not "True", but ${c.status}`];
  });
  return messages.length === 0 ? ok('Ready') : notOk('Ready', 'ReadinessGatesNotReady', messages.join(', '));
}

/** The pod's conditions, from a description of the pod, in the order a pod passes through them; custom ones last. */
export function podConditions(pod: ConditionsInput): PodCondition[] {
  if (!pod.scheduled) {
    const { reason = 'Unschedulable', message } = pod.unscheduled ?? {};
    return [notOk('PodScheduled', reason, message)];
  }
  const phase = pod.phase ?? podPhase(pod);
  const cr = containersReady(pod, phase);
  // Once the pod has finished (Succeeded or Failed), the kubelet stops its sandbox, so PodSandboxChanged reports a new
  // one would be needed: a finished pod shows PodReadyToStartContainers False (docs/rules/conditions.md#sandbox-ready).
  const sandbox = pod.sandboxReady && phase !== 'Succeeded' && phase !== 'Failed';
  return [
    ok('PodScheduled'),
    sandbox ? ok('PodReadyToStartContainers') : { type: 'PodReadyToStartContainers', status: 'False' },
    initialized(pod, phase),
    cr,
    ready(pod, cr),
    ...(pod.customConditions ?? []),
  ];
}

/** The status of one condition type, for callers that ask a single question. */
export function conditionStatus(conditions: readonly PodCondition[], type: string): PodCondition['status'] | undefined {
  return conditions.find((c) => c.type === type)?.status;
}

/** The condition types a pod passes through, in order; the first that is not True is where it is stuck. */
export const CONDITION_ORDER = ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'] as const;
export type ConditionType = (typeof CONDITION_ORDER)[number];

export function firstNotTrue(conditions: readonly PodCondition[]): ConditionType | null {
  return CONDITION_ORDER.find((type) => conditionStatus(conditions, type) !== 'True') ?? null;
}
