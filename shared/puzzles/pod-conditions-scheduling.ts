// Scheduling questions of pod-conditions: the nodes, the pod's needs, what PodScheduled will say, and which single
// change to the pod (or a node) lets the scheduler place it, all decided by the model's filters (schedule()).
import { schedule, untoleratedTaint, type NodeFacts, type PlacementNeeds, type ScheduleOutcome, type Taint } from '../model/scheduling.ts';
import type { TableBlock } from './kind.ts';

export type Fix =
  | { kind: 'cpu'; toMilli: number }
  | { kind: 'memory'; toMi: number }
  | { kind: 'tolerate'; taint: Taint }
  | { kind: 'selector'; drop: string }
  | { kind: 'uncordon'; node: string };

export const cpu = (m: number): string => (m % 1000 === 0 ? String(m / 1000) : `${m}m`);
export const mem = (mi: number): string => (mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`);
export const taintText = (t: Taint): string => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

export function fixLabel(f: Fix): string {
  switch (f.kind) {
    case 'cpu': return `Lower its CPU request to ${cpu(f.toMilli)}`;
    case 'memory': return `Lower its memory request to ${mem(f.toMi)}`;
    case 'tolerate': return `Add a toleration for ${taintText(f.taint)}`;
    case 'selector': return `Drop nodeSelector ${f.drop}`;
    case 'uncordon': return `Uncordon ${f.node}`;
  }
}

/** The label as a player reads it, values and names masked. */
export function fixKey(label: string): string {
  if (label.startsWith('Lower its CPU')) return 'Lower the CPU request';
  if (label.startsWith('Lower its memory')) return 'Lower the memory request';
  if (label.startsWith('Add a toleration')) return 'Add a toleration';
  if (label.startsWith('Drop nodeSelector')) return 'Drop the nodeSelector';
  if (label.startsWith('Uncordon')) return 'Uncordon a node';
  return label;
}

export function applyFix(needs: PlacementNeeds, nodes: readonly NodeFacts[], f: Fix): { needs: PlacementNeeds; nodes: NodeFacts[] } {
  const copy = nodes.map((n) => ({ ...n }));
  switch (f.kind) {
    case 'cpu': return { needs: { ...needs, requests: { ...needs.requests, cpuMilli: f.toMilli } }, nodes: copy };
    case 'memory': return { needs: { ...needs, requests: { ...needs.requests, memoryMi: f.toMi } }, nodes: copy };
    case 'tolerate': return { needs: { ...needs, tolerations: [...(needs.tolerations ?? []), { key: f.taint.key, operator: 'Equal', value: f.taint.value ?? '', effect: f.taint.effect }] }, nodes: copy };
    case 'selector': {
      const selector = Object.fromEntries(Object.entries(needs.nodeSelector ?? {}).filter(([k, v]) => `${k}: ${v}` !== f.drop));
      return { needs: { ...needs, nodeSelector: selector }, nodes: copy };
    }
    case 'uncordon': return { needs, nodes: copy.map((n) => (n.name === f.node ? { ...n, unschedulable: false } : n)) };
  }
}

/** The fixes that would let the scheduler place the pod. */
export function workingFixes(needs: PlacementNeeds, nodes: readonly NodeFacts[], fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => {
    const after = applyFix(needs, nodes, f);
    return schedule(after.needs, after.nodes).scheduled;
  });
}

/** A node table that fits the projector: name, what is free, taints, labels. */
export function nodeTable(nodes: readonly NodeFacts[]): { table: TableBlock; row(name: string): number } {
  const taints = (n: NodeFacts) => [...(n.unschedulable ? ['(cordoned)'] : []), ...n.taints.map(taintText)].join(', ') || '—';
  const labels = (n: NodeFacts) => Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(', ') || '—';
  return {
    // Millicores throughout, so the column compares at a glance.
    table: { columns: ['Node', 'Free CPU', 'Free memory', 'Taints', 'Labels'], rows: nodes.map((n) => [n.name, `${n.free.cpuMilli}m`, mem(n.free.memoryMi), taints(n), labels(n)]) },
    row: (name) => nodes.findIndex((n) => n.name === name),
  };
}

export type PlacementWhy = 'fits' | 'cpu' | 'memory' | 'cpu-or-memory' | 'taint' | 'selector' | 'cordoned' | 'mixed';

/**
 * What stopped the scheduler, in the terms a reader checks: whether any node has the labels the nodeSelector wants,
 * whether those are cordoned or tainted against the pod, else which resource the nodes lack.
 */
export function placementWhy(o: ScheduleOutcome, needs: PlacementNeeds, nodes: readonly NodeFacts[]): PlacementWhy {
  if (o.scheduled) return 'fits';
  if (o.reason === 'SchedulingGated') return 'mixed';
  const wanted = Object.entries(needs.nodeSelector ?? {});
  const matching = nodes.filter((n) => wanted.every(([k, v]) => n.labels[k] === v));
  if (matching.length === 0) return 'selector';
  if (matching.length === 1 && matching[0]!.unschedulable) return 'cordoned';
  if (matching.every((n) => untoleratedTaint(n, needs.tolerations) !== undefined)) return 'taint';
  const verdicts = matching.map((n) => o.verdicts[n.name]!);
  if (!verdicts.every((v) => !v.fits && v.filter === 'NodeResourcesFit')) return 'mixed';
  const reasons = new Set(verdicts.flatMap((v) => (v.fits ? [] : v.reasons)));
  if (reasons.size > 1) return 'cpu-or-memory';
  return reasons.has('Insufficient cpu') ? 'cpu' : 'memory';
}

export const PLACEMENT_LABELS: Record<PlacementWhy, string> = {
  fits: 'True: a node can take it', cpu: 'False: no node has enough free CPU', memory: 'False: no node has enough free memory',
  'cpu-or-memory': 'False: some nodes lack CPU, some lack memory', taint: 'False: every node has a taint it does not tolerate',
  selector: 'False: no node has the labels its nodeSelector wants', cordoned: 'False: the only matching node is cordoned',
  mixed: 'False: each node fails for a different reason',
};

export type ScheduledWhy = 'gated' | 'fits' | 'cpu' | 'taint' | 'other';

export const PODSCHEDULED_LABELS: Record<ScheduledWhy, string> = {
  gated: 'False (SchedulingGated)', fits: 'True', cpu: 'False (Unschedulable): not enough CPU',
  taint: 'False (Unschedulable): an untolerated taint', other: 'False (Unschedulable): another reason',
};

/** PodScheduled as the scheduler leaves it: gates first, then the filters. */
export function scheduledWhy(o: ScheduleOutcome, needs: PlacementNeeds, nodes: readonly NodeFacts[]): ScheduledWhy {
  if (o.scheduled) return 'fits';
  if (o.reason === 'SchedulingGated') return 'gated';
  const why = placementWhy(o, needs, nodes);
  return why === 'cpu' ? 'cpu' : why === 'taint' ? 'taint' : 'other';
}
