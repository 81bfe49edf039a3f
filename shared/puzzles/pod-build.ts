// Assembling one pod for a state puzzle: who is in it (the cast), what each container is doing, and what else
// happened to it (scheduling, deadline, readiness gates, deletion), turned into the model's PodFacts.
import type { Cast, CastShape } from '../model/pod-cast.ts';
import type { DeadlineFacts } from '../model/deadlines.ts';
import type { Placement, PodFacts } from '../model/pod-status.ts';
import type { ContainerSnapshot, PodCondition, RestartPolicy } from '../model/pod-types.ts';
import type { Rng } from '../random.ts';
import { shown, type ShownContainer } from './pod-view.ts';
import { catalogueCast } from './state-cast.ts';
import { HOUSE_REGISTRY } from '../model/software.ts';

export { sidecarDoes } from './state-cast.ts';

export type { Cast };

export interface PodBuild {
  cast: Cast;
  restartPolicy: RestartPolicy;
  /** In cast.inits order; sidecars get restartPolicy Always here. */
  inits: ContainerSnapshot[];
  apps: ContainerSnapshot[];
  placement?: Placement;
  sandboxReady?: boolean;
  deadline?: DeadlineFacts;
  readinessGates?: string[];
  customConditions?: PodCondition[];
  deleting?: boolean;
  /** Deleted or evicted: the kubelet will restart nothing. */
  terminal?: boolean;
  /** Evicted by the kubelet under node pressure, with this message. */
  evicted?: string;
  /** Refused by the kubelet at admission: status.reason and the admit handler's message. */
  rejected?: { reason: string; message: string };
  reason?: string;
}

export const service = (o: Partial<CastShape> = {}): CastShape => ({ batch: false, inits: [0, 0], sidecars: [0, 0], apps: [1, 1], ...o });
export const job = (o: Partial<CastShape> = {}): CastShape => ({ batch: true, inits: [0, 0], sidecars: [0, 0], apps: [1, 1], ...o });
export const cast = (rng: Rng, shape: CastShape): Cast => catalogueCast(rng, shape);

/** A cast whose main container is one of our own services: for stories only our code would tell (its own migration). */
export function houseCast(rng: Rng, shape: CastShape): Cast {
  for (;;) {
    const c = catalogueCast(rng, shape);
    if (c.apps[0]!.image.startsWith(HOUSE_REGISTRY)) return c;
  }
}

/** Servers that do not speak HTTP: no HTTP(S) load balancer's readiness gate (NEG, ALB target health) fronts them. */
const NOT_HTTP = new Set(['redis', 'postgres', 'pg-dump']);

/** A cast whose main container serves HTTP: for a pod behind a cloud HTTP(S) load balancer (review L3, PC-M1). */
export function webCast(rng: Rng, shape: CastShape): Cast {
  for (;;) {
    const c = catalogueCast(rng, shape);
    if (!NOT_HTTP.has(c.apps[0]!.name)) return c;
  }
}

/** The container has run in this sandbox (running, exited, or restarting after an exit). */
const hasRun = (c: ContainerSnapshot): boolean => c.state === 'running' || c.state === 'terminated' || c.lastTerminationState !== undefined;

/**
 * The Job controller's default spec.backoffLimit. Under restartPolicy OnFailure it adds up the restart counts of the
 * pod's containers, init containers included, and fails the Job once the sum reaches the limit (docs/rules/phase.md#job-backoff-limit).
 */
export const JOB_BACKOFF_LIMIT = 6;
/** The most restarts a Job pod under OnFailure can show before its Job fails. */
export const JOB_MAX_RESTARTS = JOB_BACKOFF_LIMIT - 1;
export const jobRestarts = (b: Pick<PodBuild, 'inits' | 'apps'>): number =>
  [...b.inits, ...b.apps].reduce((sum, c) => sum + (c.restartCount ?? 0), 0);

export function factsOf(b: PodBuild): PodFacts {
  // A Job pod under OnFailure with backoffLimit-many restarts would already be gone: its Job failed (review J, PP-H4).
  if (b.cast.owner === 'Job' && b.restartPolicy === 'OnFailure' && jobRestarts(b) >= JOB_BACKOFF_LIMIT) {
    throw new Error(`a Job pod under OnFailure with ${jobRestarts(b)} restarts is past the default backoffLimit ${JOB_BACKOFF_LIMIT}`);
  }
  // The prober marks a regular init container ready once it has exited 0, and not before (docs/rules/conditions.md).
  const inits = b.inits.map((c, i) => (b.cast.inits[i]?.sidecar ? { ...c, restartPolicy: 'Always' as const }
    : { ...c, ready: c.state === 'terminated' && (c.exitCode ?? 0) === 0 }));
  const placement = b.placement ?? { bound: true };
  return {
    restartPolicy: b.restartPolicy,
    podIsTerminal: b.terminal === true,
    podHasInitialized: b.apps.some(hasRun),
    initContainers: inits,
    containers: b.apps,
    placement,
    sandboxReady: b.sandboxReady ?? placement.bound,
    ...(b.deadline ? { deadline: b.deadline } : {}),
    ...(b.readinessGates ? { readinessGates: b.readinessGates } : {}),
    ...(b.customConditions ? { customConditions: b.customConditions } : {}),
    ...(b.reason ? { reason: b.reason } : {}),
    ...(b.evicted ? { evicted: { message: b.evicted } } : {}),
    ...(b.rejected ? { rejected: b.rejected } : {}),
    ...(b.deleting ? { deleting: true } : {}),
  };
}

export const containersOf = (f: PodFacts): ShownContainer[] => shown(f.initContainers, f.containers);

/** Every regular init container exited 0 and every sidecar runs, started and ready. */
export function initsDone(c: Cast, sidecar?: (name: string) => ContainerSnapshot): ContainerSnapshot[] {
  return c.inits.map((i) => (i.sidecar ? (sidecar ?? runningNamed)(i.name) : { name: i.name, state: 'terminated', exitCode: 0, reason: 'Completed', started: false, ready: false, restartCount: 0 }));
}

const runningNamed = (name: string): ContainerSnapshot => ({ name, state: 'running', started: true, ready: true, restartCount: 0 });

/** An init container's failure: a script error, a bad argument, a command not found (not the OOM killer). */
export function initFailure(rng: Rng): { exitCode: number; reason: string } {
  return rng.pick([{ exitCode: 1, reason: 'Error' }, { exitCode: 2, reason: 'Error' }, { exitCode: 127, reason: 'Error' }]);
}

/** A plain failure: the process exited non-zero on its own (not the OOM killer, which has its own reason). */
export function errorExit(rng: Rng): { exitCode: number; reason: string } {
  return rng.pick([{ exitCode: 1, reason: 'Error' }, { exitCode: 2, reason: 'Error' }, { exitCode: 3, reason: 'Error' }, { exitCode: 127, reason: 'Error' }]);
}

/**
 * What a kill by the kubelet (deadline, eviction) leaves of a container once it is over: one that was running exits
 * on the signal (143 after SIGTERM, 137 after SIGKILL), reason Error; one that was waiting, never created or in
 * back-off, is recorded as ContainerStatusUnknown with 137, as the status manager does when it terminates a pod.
 * See docs/rules/phase.md#deadline-failed.
 */
export function killed(rng: Rng, c: ContainerSnapshot): ContainerSnapshot {
  const keep = { restartCount: c.restartCount ?? 0, ...(c.lastTerminationState ? { lastTerminationState: c.lastTerminationState } : {}) };
  const exit = c.state === 'running' ? { exitCode: rng.pick([137, 143]), reason: 'Error' } : { exitCode: 137, reason: 'ContainerStatusUnknown' };
  return { name: c.name, state: 'terminated', ...exit, started: false, ready: false, ...keep };
}

/**
 * Seconds from the kill to a killed container's exit: 143 within the default 30 s grace period, 137 only when the
 * grace period has run out and the kubelet sends SIGKILL.
 */
export function secondsToExit(rng: Rng, c: ContainerSnapshot): number {
  return c.exitCode === 137 ? 30 + rng.int(0, 2) : rng.int(1, 20);
}

/** "Job pod x (restartPolicy: Never)" and the like, for prompts. */
export function who(c: Cast): string {
  return `${c.owner === 'Job' ? 'Job' : c.owner} pod ${c.podName}`;
}
