// status.conditions as `kubectl get pod -o yaml` lists them, one condition per line in flow style so a whole list fits
// the projector: the kubelet's five in the order its status manager writes them, then the ones controllers add (a
// readiness gate's). A condition the question asks about is left out, and a comment says so, so no excerpt passes
// for the whole list (review L3, PC-M1).
import { podStatus, type PodFacts } from '../model/pod-status.ts';
import type { PodCondition } from '../model/pod-types.ts';

const KUBELET_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

const flow = (c: PodCondition): string =>
  `  - { type: ${c.type}, status: "${c.status}"${c.reason ? `, reason: ${c.reason}` : ''} }`;

/** The conditions lines (after `  conditions:`), each controller-set condition marked `mark`. */
export function conditionLines(f: PodFacts, o: { leaveOut: readonly string[]; mark: string }): (string | readonly [string, string])[] {
  const all = podStatus(f).conditions;
  const kubelet = KUBELET_ORDER.flatMap((t) => all.filter((c) => c.type === t));
  const custom = all.filter((c) => !KUBELET_ORDER.includes(c.type));
  return [
    ...kubelet.filter((c) => !o.leaveOut.includes(c.type)).map(flow),
    ...custom.map((c) => [flow(c), o.mark] as const),
    ...(o.leaveOut.length ? [`  # ${o.leaveOut.join(' and ')}: left out, that is the question`] : []),
  ];
}
