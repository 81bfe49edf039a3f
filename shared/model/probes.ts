// Container probes as the kubelet runs them: what each kind does on failure, the API defaults,
// validation, and the time math. See docs/rules/probes.md.

export type ProbeKind = 'startupProbe' | 'livenessProbe' | 'readinessProbe';

export const probeKinds: readonly ProbeKind[] = ['startupProbe', 'livenessProbe', 'readinessProbe'];

/** The numeric fields of a probe as written in a pod spec; any may be left out. */
export interface ProbeSettings {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export type ResolvedProbe = Required<ProbeSettings>;

/** SetDefaults_Probe (pkg/apis/core/v1/defaults.go), docs/rules/probes.md. */
export const probeDefaults: Readonly<ResolvedProbe> = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

export interface ProbeEffect {
  /** Result before the first probe (docs/rules/probes.md). */
  initialResult: 'Unknown' | 'Success' | 'Failure';
  /** Runs only until the container has started (startup) or only after (liveness, readiness). */
  runsBeforeStarted: boolean;
  /** failureThreshold failures kill the container, then its restart policy decides. */
  killsContainer: boolean;
  /** Failure takes the pod out of Service/EndpointSlice endpoints. */
  removesFromEndpoints: boolean;
  /** Liveness and readiness wait for it to succeed. */
  gatesOtherProbes: boolean;
  /** One sentence: what a failure does. */
  onFailure: string;
}

export const probeEffects: Readonly<Record<ProbeKind, ProbeEffect>> = {
  startupProbe: {
    initialResult: 'Unknown',
    runsBeforeStarted: true,
    killsContainer: true,
    removesFromEndpoints: false,
    gatesOtherProbes: true,
    onFailure:
      'liveness and readiness stay switched off until it succeeds; after failureThreshold failures the kubelet kills the container and its restart policy decides what happens next',
  },
  livenessProbe: {
    initialResult: 'Success',
    runsBeforeStarted: false,
    killsContainer: true,
    removesFromEndpoints: false,
    gatesOtherProbes: false,
    onFailure:
      'after failureThreshold failures the kubelet kills that container and restarts it per the restart policy (the container, not the pod)',
  },
  readinessProbe: {
    initialResult: 'Failure',
    runsBeforeStarted: false,
    killsContainer: false,
    removesFromEndpoints: true,
    gatesOtherProbes: false,
    onFailure:
      'the container is marked not ready and the pod leaves the Service endpoints, but nothing is restarted; it gets traffic again once the probe passes',
  },
};

/** Fill the fields the API server would default. */
export function withProbeDefaults(settings: ProbeSettings): ResolvedProbe {
  return { ...probeDefaults, ...definedOnly(settings) };
}

function definedOnly(settings: ProbeSettings): ProbeSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as ProbeSettings;
}

const minimums: Readonly<ResolvedProbe> = {
  initialDelaySeconds: 0,
  periodSeconds: 1,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 1,
};

/** Validation errors, as the API server would report them; empty when the probe is valid. */
export function validateProbe(kind: ProbeKind, settings: ProbeSettings): string[] {
  const errors: string[] = [];
  for (const [field, min] of Object.entries(minimums) as [keyof ResolvedProbe, number][]) {
    const value = settings[field];
    if (value === undefined) continue;
    if (!Number.isInteger(value)) errors.push(`${field}: must be an integer`);
    else if (value < min) errors.push(`${field}: must be greater than or equal to ${min}`);
  }
  const success = settings.successThreshold;
  if (kind !== 'readinessProbe' && success !== undefined && success !== 1) {
    errors.push('successThreshold: must be 1');
  }
  return errors;
}

/** Longest time before a startup that never succeeds is given up on: initialDelay + failureThreshold × period (docs/rules/probes.md). */
export function startupGiveUpSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.initialDelaySeconds + p.failureThreshold * p.periodSeconds;
}

/** At most this long from the moment liveness checks start failing until the container is killed. */
export function livenessKillSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.failureThreshold * p.periodSeconds;
}

/** At most this long from readiness checks starting to fail until the container is marked not ready. */
export function readinessRemovalSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.failureThreshold * p.periodSeconds;
}

/** At most this long from the app recovering until the container is ready again: successThreshold × period. */
export function readinessRecoverySeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.successThreshold * p.periodSeconds;
}

/**
 * At most this long from container start until a container with no startup probe is first ready, if the app
 * is ready at once: readiness starts as Failure and needs successThreshold passes after initialDelaySeconds.
 * The delay applies even when it is shorter than the period (docs/rules/probes.md).
 */
export function readyAfterStartSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.initialDelaySeconds + p.successThreshold * p.periodSeconds;
}

/**
 * When liveness/readiness checks may begin, in seconds after the container started. They wait for the
 * startup probe, and the kubelet measures their initialDelaySeconds from the container's startedAt
 * (worker.go doProbe), so the later of the two wins. The probes task page describes the delay as
 * counting only after startup succeeds; the two agree when initialDelaySeconds is 0.
 */
export function probesActiveAfterSeconds(startupSucceededAt: number, settings: ProbeSettings): number {
  return Math.max(startupSucceededAt, withProbeDefaults(settings).initialDelaySeconds);
}

export interface ProbeSituation {
  /** The problem is the app still booting (only the startup probe runs then), or an app that is up. */
  phase: 'starting' | 'running';
  /** Would killing and restarting the container fix it? */
  restartFixesIt: boolean;
}

/** The probe whose failure effect fits the situation, read off probeEffects. */
export function probeForSituation(s: ProbeSituation): ProbeKind {
  const fits = probeKinds.filter((kind) => {
    const e = probeEffects[kind];
    if (s.phase === 'starting') return e.runsBeforeStarted;
    return !e.runsBeforeStarted && e.killsContainer === s.restartFixesIt;
  });
  const [only] = fits;
  if (only === undefined || fits.length !== 1) throw new Error('no single probe fits');
  return only;
}
