// spec.activeDeadlineSeconds, enforced by the kubelet's activeDeadlineHandler (pkg/kubelet/active_deadline.go).
// See docs/rules/phase.md#active-deadline.

export const DEADLINE_REASON = 'DeadlineExceeded';
export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

export interface DeadlineFacts {
  activeDeadlineSeconds: number;
  /** Seconds since status.startTime, when a kubelet accepted the pod; undefined if no kubelet has yet (not scheduled). */
  secondsSinceStart?: number;
  /** When every container had already finished on its own (Succeeded or Failed), in seconds since startTime. */
  endedAtSeconds?: number;
}

/**
 * pastActiveDeadline: the clock starts at startTime, so time spent unscheduled does not count, but image pulls and init
 * containers do; the check is `elapsed >= deadline`.
 */
export function pastActiveDeadline(d: DeadlineFacts): boolean {
  return d.secondsSinceStart !== undefined && d.secondsSinceStart >= d.activeDeadlineSeconds;
}

/** A pod that had already ended before its deadline stays as it ended: terminal phases never change. */
export function deadlineApplies(d: DeadlineFacts): boolean {
  const endedFirst = d.endedAtSeconds !== undefined && d.endedAtSeconds < d.activeDeadlineSeconds;
  return pastActiveDeadline(d) && !endedFirst;
}
