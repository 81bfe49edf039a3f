// An instructor's reading of every pod-conditions option: is what the label says true of this pod? Written from the
// label's words and the pod's facts (containers, nodes, gates, the model's conditions), not from the templates' own
// answer code, so a label that is also true of a pod held by something else shows up as a second true option.
import { firstNotTrue } from '../../../shared/model/conditions.ts';
import { podStatus, type PodFacts } from '../../../shared/model/pod-status.ts';
import { isSidecar, type ContainerSnapshot } from '../../../shared/model/pod-types.ts';
import { schedule, untoleratedTaint, type NodeFacts, type PlacementNeeds } from '../../../shared/model/scheduling.ts';
import type { CondQuestion } from '../../../shared/puzzles/pod-conditions-draft.ts';
import { FIRST_LABELS } from '../../../shared/puzzles/pod-conditions-answers.ts';
import { initializedClaims } from '../../../shared/puzzles/pod-conditions-initialized.ts';
import { fixLabel, workingFixes } from '../../../shared/puzzles/pod-conditions-scheduling.ts';

const ready = (c: ContainerSnapshot): boolean => c.ready === true;
const notCreated = (c: ContainerSnapshot): boolean =>
  c.state === 'none' || (c.state === 'waiting' && c.lastTerminationState === undefined && ['ContainerCreating', 'ImagePullBackOff', 'ErrImagePull', 'PodInitializing'].includes(c.reason ?? ''));

function podTruths(f: PodFacts): Record<string, boolean> {
  const s = podStatus(f);
  const cond = (t: string) => s.conditions.find((c) => c.type === t)?.status;
  const sidecars = f.initContainers.filter(isSidecar);
  const apps = f.containers;
  const all = [...sidecars, ...apps];
  const isReady = cond('Ready') === 'True';
  const gates = f.readinessGates ?? [];
  const gateStatus = (g: string) => f.customConditions?.find((c) => c.type === g)?.status;
  const gateNotTrue = gates.some((g) => gateStatus(g) !== 'True');
  const bound = f.placement.bound;
  const sidecarUnready = sidecars.some((c) => !ready(c));
  return {
    // traffic
    'Yes: the pod is Ready': isReady,
    'No: it has no node yet': !bound,
    'No: it is on a node, but still initializing': bound && cond('Initialized') === 'False',
    'No: the pod has finished': s.phase === 'Succeeded' || s.phase === 'Failed',
    'No: it is initialized, but a container is not ready': cond('Initialized') === 'True' && all.some((c) => !ready(c)),
    'No: it is on a node, but has no sandbox yet': bound && cond('PodReadyToStartContainers') === 'False',
    // apps
    'Nothing: the pod is Ready': isReady,
    'A readiness probe is failing': apps.some((c) => c.state === 'running' && c.started !== false && !ready(c)),
    'A container is crash-looping': apps.some((c) => c.state === 'waiting' && c.reason === 'CrashLoopBackOff'),
    'A container has not been created yet': apps.some(notCreated),
    'A startup probe has not passed yet': apps.some((c) => c.state === 'running' && c.started === false),
    // sidecar
    'Yes: finished init containers do not count': isReady,
    'No: the app container is ready, the sidecar is not': apps.every(ready) && sidecarUnready,
    'No: the sidecar is ready, the app container is not': sidecars.every(ready) && apps.some((c) => !ready(c)),
    'No: the sidecar has not started, so the app has not either': sidecars.some((c) => c.started !== true),
    // gate
    True: isReady,
    'False: its gate condition is False': gates.some((g) => gateStatus(g) === 'False'),
    'False: its gate condition does not exist yet': gates.some((g) => gateStatus(g) === undefined),
    'False: a container is not ready': all.some((c) => !ready(c)),
    // gate and sidecar
    'Nothing: it is Ready': isReady,
    'Only the sidecar must turn ready': sidecarUnready && apps.every(ready) && !gateNotTrue,
    'Only the gate must turn True': all.every(ready) && gateNotTrue,
    'Both the sidecar and the gate': sidecarUnready && gateNotTrue,
  };
}

function placementTruths(needs: PlacementNeeds, nodes: readonly NodeFacts[]): Record<string, boolean> {
  const placed = schedule(needs, nodes).scheduled;
  const gated = (needs.schedulingGates ?? []).length > 0;
  const cpuShort = (n: NodeFacts) => n.free.cpuMilli < needs.requests.cpuMilli;
  const memShort = (n: NodeFacts) => n.free.memoryMi < needs.requests.memoryMi;
  // A cordoned node carries node.kubernetes.io/unschedulable:NoSchedule, so it counts as tainted here.
  const tainted = (n: NodeFacts) => n.unschedulable === true || untoleratedTaint(n, needs.tolerations) !== undefined;
  const matches = (n: NodeFacts) => Object.entries(needs.nodeSelector ?? {}).every(([k, v]) => n.labels[k] === v);
  const matching = nodes.filter(matches);
  const unschedulable = !gated && !placed;
  return {
    'True: a node can take it': placed,
    'False: no node has enough free CPU': !placed && nodes.every(cpuShort),
    'False: no node has enough free memory': !placed && nodes.every(memShort),
    'False: some nodes lack CPU, some lack memory': !placed && nodes.some(cpuShort) && nodes.some(memShort),
    'False: every node has a taint it does not tolerate': !placed && nodes.every(tainted),
    'False: no node has the labels its nodeSelector wants': !placed && matching.length === 0,
    'False: the only matching node is cordoned': !placed && matching.length === 1 && matching[0]!.unschedulable === true,
    'False (SchedulingGated)': gated,
    True: !gated && placed,
    'False (Unschedulable): not enough CPU': unschedulable && nodes.every(cpuShort),
    'False (Unschedulable): an untolerated taint': unschedulable && nodes.every(tainted),
  };
}

/** Whether the option is true of the pod; undefined where this reading has no rule for the label. */
export function optionHolds(f: PodFacts, q: CondQuestion, label: string): boolean | undefined {
  const s = podStatus(f);
  switch (q.ask) {
    case 'first-not-true': return label === FIRST_LABELS[firstNotTrue(s.conditions) ?? 'none'];
    case 'ready-reason': {
      const r = s.conditions.find((c) => c.type === 'Ready');
      return label === (!r || r.status === 'True' ? 'True' : `False (${r.reason})`);
    }
    case 'endpoints': return Number(label) === [f, ...q.others].filter((p) => podStatus(p).conditions.find((c) => c.type === 'Ready')?.status === 'True').length;
    case 'initialized': return initializedClaims(f, s).find((c) => c.label === label)?.holds;
    case 'holdup': return podTruths(f)[label];
    case 'placement':
    case 'podscheduled': return placementTruths(q.needs, q.nodes)[label];
    case 'fix': return workingFixes(q.needs, q.nodes, q.fixes).some((x) => fixLabel(x) === label);
  }
}
