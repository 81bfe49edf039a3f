// The whole status block of one pod at one moment, from what happened to it: whether it was bound, its containers,
// its deadline, its readiness gates, its deletion. getPhase (podPhase) stays untouched; this module adds the inputs
// around it that the kubelet and the scheduler also weigh. See docs/rules/phase.md and docs/rules/conditions.md.
import { podConditions } from './conditions.ts';
import { DEADLINE_MESSAGE, DEADLINE_REASON, deadlineApplies, type DeadlineFacts } from './deadlines.ts';
import { podPhase } from './pod-phase.ts';
import type { Phase, PodCondition, PodListing, PodSnapshot } from './pod-types.ts';

export type Placement =
  | { bound: true }
  | { bound: false; reason: 'Unschedulable' | 'SchedulingGated'; message: string };

export interface PodFacts extends PodSnapshot {
  placement: Placement;
  /** The sandbox exists with its network (PodReadyToStartContainers). */
  sandboxReady: boolean;
  readinessGates?: string[];
  /** Conditions set by other controllers, e.g. a load balancer controller answering a readiness gate. */
  customConditions?: PodCondition[];
  deadline?: DeadlineFacts;
  /** The kubelet's eviction manager killed the pod (node pressure): Failed, reason Evicted, at once. */
  evicted?: { message: string };
  /**
   * The kubelet refused the pod at admission (kubelet.rejectPod): Failed at once with the admit handler's reason
   * (OutOfcpu, OutOfmemory, NodeAffinity, Evicted under node pressure), and no container is ever created.
   */
  rejected?: { reason: string; message: string };
  /** status.reason set by a controller without changing the phase, e.g. NodeLost. */
  reason?: string;
  deleting?: boolean;
}

export interface PodStatusView {
  phase: Phase;
  reason?: string;
  message?: string;
  conditions: PodCondition[];
  /** Which override decided the phase, if getPhase did not. */
  decidedBy: 'getPhase' | 'not-scheduled' | 'deadline' | 'evicted' | 'rejected';
}

export function podStatus(p: PodFacts): PodStatusView {
  if (!p.placement.bound) {
    const { reason, message } = p.placement;
    const conditions = podConditions({ ...p, scheduled: false, unscheduled: { reason, message } });
    return { phase: 'Pending', conditions, decidedBy: 'not-scheduled' };
  }
  if (p.rejected) {
    const conditions = podConditions({ ...p, scheduled: true, phase: 'Failed' });
    return { phase: 'Failed', reason: p.rejected.reason, message: `Pod was rejected: ${p.rejected.message}`, conditions, decidedBy: 'rejected' };
  }
  if (p.evicted) {
    const conditions = podConditions({ ...p, scheduled: true, phase: 'Failed' });
    return { phase: 'Failed', reason: 'Evicted', message: p.evicted.message, conditions, decidedBy: 'evicted' };
  }
  const overDeadline = p.deadline !== undefined && deadlineApplies(p.deadline);
  const phase: Phase = overDeadline ? 'Failed' : podPhase(p);
  const conditions = podConditions({ ...p, scheduled: true, phase });
  if (overDeadline) return { phase, reason: DEADLINE_REASON, message: DEADLINE_MESSAGE, conditions, decidedBy: 'deadline' };
  return { phase, ...(p.reason ? { reason: p.reason } : {}), conditions, decidedBy: 'getPhase' };
}

/** What `kubectl get pods` reads, consistent with podStatus. */
export function podListing(p: PodFacts, s: PodStatusView = podStatus(p)): PodListing {
  return {
    phase: s.phase,
    ...(s.reason ? { reason: s.reason } : {}),
    deleting: p.deleting === true,
    conditions: s.conditions,
    initContainers: p.initContainers.map((c) => ({ ...c })),
    containers: p.containers.map((c) => ({ ...c })),
  };
}
