// Does a probe act during a failure that lasts so long? Checks tick on the worker's own clock, so the kubelet acts
// somewhere in a window, not at one instant: these functions say "surely", "never" or "depends", and puzzles only
// ask the first two. docs/rules/probes.md#when-a-probe-acts.
import { withProbeDefaults, type ContainerProbes, type ProbeKind, type ProbeSettings } from './probes.ts';

export type Certainty = 'surely' | 'never' | 'depends';

/**
 * A check every period, at a phase we do not know; the probe acts after failureThreshold failing checks in a row.
 * A failure that lasts more than failureThreshold × period surely reaches the threshold; one that lasts at most
 * (failureThreshold − 1) × period never does.
 */
export function actsDuringFailure(settings: ProbeSettings, seconds: number): Certainty {
  const p = withProbeDefaults(settings);
  if (seconds > p.failureThreshold * p.periodSeconds) return 'surely';
  if (seconds <= (p.failureThreshold - 1) * p.periodSeconds) return 'never';
  return 'depends';
}

/**
 * A probe that fails from the container's start until the app answers at `bootSeconds`: the first check lands within
 * one period after initialDelaySeconds, so the kubelet surely kills it when the boot outlasts
 * initialDelaySeconds + failureThreshold × period, and never when it ends by initialDelaySeconds + (failureThreshold − 1) × period.
 */
export function killsDuringBoot(settings: ProbeSettings, bootSeconds: number): Certainty {
  const p = withProbeDefaults(settings);
  if (bootSeconds >= p.initialDelaySeconds + p.failureThreshold * p.periodSeconds) return 'surely';
  if (bootSeconds <= p.initialDelaySeconds + (p.failureThreshold - 1) * p.periodSeconds) return 'never';
  return 'depends';
}

/** The window in which a probe failing from t = 0 acts: after (F − 1) × period at the earliest, F × period at the latest. */
export function actionWindow(settings: ProbeSettings): [number, number] {
  const p = withProbeDefaults(settings);
  return [(p.failureThreshold - 1) * p.periodSeconds, p.failureThreshold * p.periodSeconds];
}

/** Which of two probes failing from the same moment surely acts first; 'depends' when their windows overlap. */
export function firstToAct(a: ProbeSettings, b: ProbeSettings): 'a' | 'b' | 'depends' {
  const [aEarliest, aLatest] = actionWindow(a);
  const [bEarliest, bLatest] = actionWindow(b);
  if (aLatest < bEarliest) return 'a';
  if (bLatest < aEarliest) return 'b';
  return 'depends';
}

export type BootOutcome = 'boots' | 'killed-by-startup' | 'killed-by-liveness' | 'depends';

/**
 * The first start of an app that answers no check until `bootSeconds`: a startup probe gates liveness, so only its
 * budget counts; without one, liveness checks run from initialDelaySeconds and can kill the boot.
 */
export function bootOutcome(probes: ContainerProbes, bootSeconds: number): BootOutcome {
  const gate = probes.startupProbe ?? probes.livenessProbe;
  if (!gate) return 'boots';
  const certainty = killsDuringBoot(gate, bootSeconds);
  if (certainty === 'depends') return 'depends';
  if (certainty === 'never') return 'boots';
  return probes.startupProbe ? 'killed-by-startup' : 'killed-by-liveness';
}

export type OutageOutcome = 'nothing' | 'out-of-endpoints' | 'out-then-restarted' | 'restarted' | 'depends';

/**
 * An endpoint fails every check for `seconds`, then recovers. Each probe listed in `failing` calls it: readiness
 * takes the pod out of the endpoints, liveness restarts the container. 'depends' when either could go both ways.
 */
export function outageOutcome(probes: ContainerProbes, failing: readonly ProbeKind[], seconds: number): OutageOutcome {
  const acts = (kind: ProbeKind): Certainty | null => {
    const spec = probes[kind];
    return spec && failing.includes(kind) ? actsDuringFailure(spec, seconds) : null;
  };
  const ready = acts('readinessProbe');
  const live = acts('livenessProbe');
  if (ready === 'depends' || live === 'depends') return 'depends';
  if (live === 'surely') {
    if (ready !== 'surely') return 'restarted';
    return firstToAct(probes.readinessProbe!, probes.livenessProbe!) === 'a' ? 'out-then-restarted' : 'depends';
  }
  return ready === 'surely' ? 'out-of-endpoints' : 'nothing';
}
