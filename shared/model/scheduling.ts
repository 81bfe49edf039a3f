// Where the scheduler can place a pod, and the PodScheduled condition it leaves when it cannot.
// The filters and their order are kube-scheduler's default profile; see docs/rules/conditions.md#scheduling.

/** CPU in millicores, memory in MiB: what is left on a node (allocatable minus the requests already placed there). */
export interface Resources {
  cpuMilli: number;
  memoryMi: number;
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

export interface Toleration {
  /** Empty with operator Exists tolerates every taint. */
  key?: string;
  operator?: 'Equal' | 'Exists';
  value?: string;
  /** Empty matches every effect. */
  effect?: TaintEffect;
}

export interface NodeFacts {
  name: string;
  free: Resources;
  labels: Readonly<Record<string, string>>;
  taints: readonly Taint[];
  /** Cordoned (`kubectl cordon`): spec.unschedulable. */
  unschedulable?: boolean;
}

export interface PlacementNeeds {
  /** The pod's effective request (see podRequest). */
  requests: Resources;
  nodeSelector?: Readonly<Record<string, string>>;
  tolerations?: readonly Toleration[];
  schedulingGates?: readonly string[];
}

/** The default profile's filter plugins that the quiz models, in the order the scheduler runs them. */
export const FILTERS = ['NodeUnschedulable', 'TaintToleration', 'NodeAffinity', 'NodeResourcesFit'] as const;
export type Filter = (typeof FILTERS)[number];

/** A node that fails is rejected by the first filter that fails; only that filter's reasons reach the message. */
export type NodeVerdict = { fits: true } | { fits: false; filter: Filter; reasons: string[] };

export type ScheduleOutcome =
  | { scheduled: true; feasible: string[] }
  | { scheduled: false; reason: 'Unschedulable'; message: string; verdicts: Record<string, NodeVerdict> }
  | { scheduled: false; reason: 'SchedulingGated'; message: string };

export const GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates';

/** v1helper.ToleratesTaint: effect, key and value (or Exists) must all match. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect !== undefined && t.effect !== taint.effect) return false;
  if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (t.key === undefined || t.key === '') return false;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The first NoSchedule/NoExecute taint no toleration covers; PreferNoSchedule only affects scoring. */
export function untoleratedTaint(node: NodeFacts, tolerations: readonly Toleration[] = []): Taint | undefined {
  return node.taints.find((taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)));
}

/** The reason strings as the scheduler words them (Kubernetes 1.25–1.32; newer versions leave the taint out). */
export const reasonText = {
  cordoned: 'node(s) were unschedulable',
  taint: (t: Taint) => `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`,
  selector: "node(s) didn't match Pod's node affinity/selector",
  cpu: 'Insufficient cpu',
  memory: 'Insufficient memory',
} as const;

function resourceReasons(node: NodeFacts, requests: Resources): string[] {
  return [
    ...(requests.cpuMilli > node.free.cpuMilli ? [reasonText.cpu] : []),
    ...(requests.memoryMi > node.free.memoryMi ? [reasonText.memory] : []),
  ];
}

/** Run the filters in order on one node. */
export function nodeVerdict(node: NodeFacts, pod: PlacementNeeds): NodeVerdict {
  if (node.unschedulable && !pod.tolerations?.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) {
    return { fits: false, filter: 'NodeUnschedulable', reasons: [reasonText.cordoned] };
  }
  const taint = untoleratedTaint(node, pod.tolerations);
  if (taint) return { fits: false, filter: 'TaintToleration', reasons: [reasonText.taint(taint)] };
  const selector = Object.entries(pod.nodeSelector ?? {});
  if (selector.some(([k, v]) => node.labels[k] !== v)) return { fits: false, filter: 'NodeAffinity', reasons: [reasonText.selector] };
  const short = resourceReasons(node, pod.requests);
  if (short.length > 0) return { fits: false, filter: 'NodeResourcesFit', reasons: short };
  return { fits: true };
}

/** FitError.Error(): "0/N nodes are available: " then "count reason" entries sorted as strings. */
export function fitErrorMessage(nodeCount: number, verdicts: readonly NodeVerdict[]): string {
  const counts = new Map<string, number>();
  for (const v of verdicts) if (!v.fits) for (const r of v.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const entries = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
  return `0/${nodeCount} nodes are available: ${entries.join(', ')}.`;
}

/** Gates first (the pod never reaches the filters), then every node through the filters. */
export function schedule(pod: PlacementNeeds, nodes: readonly NodeFacts[]): ScheduleOutcome {
  if ((pod.schedulingGates ?? []).length > 0) return { scheduled: false, reason: 'SchedulingGated', message: GATED_MESSAGE };
  const verdicts = Object.fromEntries(nodes.map((n) => [n.name, nodeVerdict(n, pod)]));
  const feasible = nodes.filter((n) => verdicts[n.name]?.fits === true).map((n) => n.name);
  if (feasible.length > 0) return { scheduled: true, feasible };
  return { scheduled: false, reason: 'Unschedulable', message: fitErrorMessage(nodes.length, Object.values(verdicts)), verdicts };
}

export interface ContainerRequest {
  kind: 'init' | 'sidecar' | 'app';
  requests: Resources;
}

const add = (a: Resources, b: Resources): Resources => ({ cpuMilli: a.cpuMilli + b.cpuMilli, memoryMi: a.memoryMi + b.memoryMi });
const max = (a: Resources, b: Resources): Resources => ({ cpuMilli: Math.max(a.cpuMilli, b.cpuMilli), memoryMi: Math.max(a.memoryMi, b.memoryMi) });

/**
 * The pod's effective request (resource helpers' PodRequests, sidecar-aware): the larger of all app containers plus
 * all sidecars, and each regular init container plus the sidecars started before it. Regular init containers run one
 * at a time, so they never add up.
 */
export function podRequest(containers: readonly ContainerRequest[]): Resources {
  const zero: Resources = { cpuMilli: 0, memoryMi: 0 };
  let sidecars = zero;
  let initPeak = zero;
  for (const c of containers) {
    if (c.kind === 'sidecar') sidecars = add(sidecars, c.requests);
    else if (c.kind === 'init') initPeak = max(initPeak, add(c.requests, sidecars));
  }
  const steady = containers.filter((c) => c.kind === 'app').reduce((sum, c) => add(sum, c.requests), sidecars);
  return max(steady, initPeak);
}
