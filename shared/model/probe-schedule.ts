// The checks behind a timing answer, placed in time, for the reveal's timeline. The formulas are upper bounds: the
// worst case has the first check land one full period after the moment counting starts, and every later check one
// period after the one before. docs/rules/probes.md#when-a-probe-acts.
import { withProbeDefaults, type ProbeKind, type ProbeSettings } from './probes.ts';
import type { CheckOutcome } from './probe-checks.ts';

export interface TimedCheck {
  /** When the check's result is known, in seconds on the puzzle's clock. */
  at: number;
  outcome: CheckOutcome;
}

export type ProbeAction = 'killed' | 'not-ready' | 'ready' | 'started';

export interface ProbeTrace {
  kind: ProbeKind;
  checks: TimedCheck[];
  action: { at: number; what: ProbeAction };
}

const actionOnFail: Record<ProbeKind, ProbeAction> = {
  startupProbe: 'killed', livenessProbe: 'killed', readinessProbe: 'not-ready',
};

/**
 * failureThreshold failing checks counted from `from`: at from + k × period, k = 1…F, each known at once, or only
 * timeoutSeconds later when the app hangs. The kubelet acts with the last one.
 */
export function failingTrace(kind: ProbeKind, settings: ProbeSettings, from: number, hangs = false): ProbeTrace {
  const p = withProbeDefaults(settings);
  const delay = hangs ? p.timeoutSeconds : 0;
  const checks = Array.from({ length: p.failureThreshold }, (_, i) => ({
    at: from + (i + 1) * p.periodSeconds + delay,
    outcome: (hangs ? 'timeout' : 'fail') as CheckOutcome,
  }));
  return { kind, checks, action: { at: checks.at(-1)!.at, what: actionOnFail[kind] } };
}

/** successThreshold passing checks counted from `from`; readiness turns ready, startup marks the container started. */
export function passingTrace(kind: 'readinessProbe' | 'startupProbe', settings: ProbeSettings, from: number): ProbeTrace {
  const p = withProbeDefaults(settings);
  const checks = Array.from({ length: p.successThreshold }, (_, i) => ({ at: from + (i + 1) * p.periodSeconds, outcome: 'pass' as const }));
  return { kind, checks, action: { at: checks.at(-1)!.at, what: kind === 'readinessProbe' ? 'ready' : 'started' } };
}

/**
 * A startup probe that fails until its check at `passesAt` (which must fall on its schedule, initialDelaySeconds +
 * k × period) and passes there.
 */
export function startupPassingAt(settings: ProbeSettings, passesAt: number): ProbeTrace {
  const p = withProbeDefaults(settings);
  const k = (passesAt - p.initialDelaySeconds) / p.periodSeconds;
  if (!Number.isInteger(k) || k < 1 || k > p.failureThreshold) throw new Error(`no startup check at ${passesAt} s`);
  const checks: TimedCheck[] = Array.from({ length: k }, (_, i) => ({
    at: p.initialDelaySeconds + (i + 1) * p.periodSeconds,
    outcome: i + 1 === k ? 'pass' : 'fail',
  }));
  return { kind: 'startupProbe', checks, action: { at: passesAt, what: 'started' } };
}
