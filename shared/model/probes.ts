// Container probes as the kubelet runs them: what each kind does on failure, the API defaults, validation and
// the time math. The rules and their sources are written up in docs/rules/probes.md.

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

/** How the kubelet checks: one of the four mechanisms (docs/rules/probes.md#check-mechanisms). */
export type ProbeHandler =
  | { type: 'httpGet'; path: string; port: number }
  | { type: 'tcpSocket'; port: number }
  | { type: 'grpc'; port: number }
  | { type: 'exec'; command: readonly string[] };

/** A probe as a pod spec writes it. */
export interface ProbeSpec extends ProbeSettings {
  handler: ProbeHandler;
  /** Probe-level grace period: liveness and startup only. */
  terminationGracePeriodSeconds?: number;
}

/** The probes one container defines. */
export type ContainerProbes = Partial<Record<ProbeKind, ProbeSpec>>;

/** SetDefaults_Probe (pkg/apis/core/v1/defaults.go). */
export const probeDefaults: Readonly<ResolvedProbe> = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

/** The pod's terminationGracePeriodSeconds when the spec leaves it out (SetDefaults_PodSpec). */
export const defaultPodGraceSeconds = 30;

export interface ProbeEffect {
  /** Result before the first check. */
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
    onFailure: 'after failureThreshold failures the kubelet kills the container and its restart policy decides what comes next',
  },
  livenessProbe: {
    initialResult: 'Success',
    runsBeforeStarted: false,
    killsContainer: true,
    removesFromEndpoints: false,
    gatesOtherProbes: false,
    onFailure: 'after failureThreshold failures the kubelet kills that container and restarts it per the restart policy',
  },
  readinessProbe: {
    initialResult: 'Failure',
    runsBeforeStarted: false,
    killsContainer: false,
    removesFromEndpoints: true,
    gatesOtherProbes: false,
    onFailure: 'the container is marked not ready and the pod leaves the Service endpoints; nothing is restarted',
  },
};

/** Fill the fields the API server would default. */
export function withProbeDefaults(settings: ProbeSettings): ResolvedProbe {
  const out: ResolvedProbe = { ...probeDefaults };
  for (const field of probeFields) {
    const value = settings[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

export const probeFields: readonly (keyof ResolvedProbe)[] = [
  'initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold',
];

const minimums: Readonly<ResolvedProbe> = {
  initialDelaySeconds: 0,
  periodSeconds: 1,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 1,
};

/** Validation errors, as the API server would report them; empty when the probe is valid. */
export function validateProbe(kind: ProbeKind, settings: ProbeSettings & { terminationGracePeriodSeconds?: number }): string[] {
  const errors: string[] = [];
  for (const field of probeFields) {
    const value = settings[field];
    if (value === undefined) continue;
    if (!Number.isInteger(value)) errors.push(`${field}: must be an integer`);
    else if (value < minimums[field]) errors.push(`${field}: must be greater than or equal to ${minimums[field]}`);
  }
  const success = settings.successThreshold;
  if (kind !== 'readinessProbe' && success !== undefined && success !== 1) errors.push('successThreshold: must be 1');
  const grace = settings.terminationGracePeriodSeconds;
  if (grace !== undefined) {
    if (kind === 'readinessProbe') errors.push('terminationGracePeriodSeconds: must not be set for readinessProbes');
    else if (!Number.isInteger(grace) || grace < 1) errors.push('terminationGracePeriodSeconds: must be greater than 0');
  }
  return errors;
}

/**
 * Seconds between the kubelet's SIGTERM after a failed liveness or startup probe and its SIGKILL: the probe's own
 * terminationGracePeriodSeconds when set, else the pod's, else 30 (killContainer's setTerminationGracePeriod).
 */
export function graceAfterProbeKill(probeGrace: number | undefined, podGrace: number | undefined): number {
  return probeGrace ?? podGrace ?? defaultPodGraceSeconds;
}

/** Longest time before a startup that never succeeds is given up on: initialDelay + failureThreshold × period. */
export function startupGiveUpSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.initialDelaySeconds + p.failureThreshold * p.periodSeconds;
}

/** At most this long from the moment liveness checks start failing until the container is killed. */
export function livenessKillSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.failureThreshold * p.periodSeconds;
}

/**
 * The same bound when every check hangs instead of failing at once: each check only counts as failed after
 * timeoutSeconds, so the last one adds its timeout (valid while timeoutSeconds < periodSeconds).
 */
export function hangDetectionSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  if (p.timeoutSeconds >= p.periodSeconds) throw new Error('timeoutSeconds must stay below periodSeconds here');
  return p.failureThreshold * p.periodSeconds + p.timeoutSeconds;
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
 * At most this long from container start until a container with no startup probe is first ready, if the app is
 * ready at once: readiness starts as Failure and needs successThreshold passes after initialDelaySeconds.
 * Only asked with initialDelaySeconds 0 or at least periodSeconds, where the docs and the kubelet agree.
 */
export function readyAfterStartSeconds(settings: ProbeSettings): number {
  const p = withProbeDefaults(settings);
  return p.initialDelaySeconds + p.successThreshold * p.periodSeconds;
}

/**
 * initialDelaySeconds values on which the docs and the kubelet agree: 0, or at least one period (the probes task
 * says a delay shorter than the period is ignored; the kubelet applies it).
 */
export function delayReadsTheSame(settings: ProbeSettings): boolean {
  const p = withProbeDefaults(settings);
  return p.initialDelaySeconds === 0 || p.initialDelaySeconds >= p.periodSeconds;
}

/**
 * When liveness/readiness checks may begin, in seconds after the container started, behind a startup probe that
 * passed at `startupSucceededAt`. Puzzles only ask this with initialDelaySeconds 0 on the gated probe: the kubelet
 * measures the delay from the container's start, the docs from the startup probe's success
 * (docs/rules/probes.md#initial-delay-after-a-startup-probe).
 */
export function probesActiveAfterSeconds(startupSucceededAt: number, gated: ProbeSettings): number {
  if (withProbeDefaults(gated).initialDelaySeconds !== 0) throw new Error('the readings differ with a delay behind a startup probe');
  return startupSucceededAt;
}
