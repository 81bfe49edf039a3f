// Native sidecars (initContainers with restartPolicy: Always): start, restart, pod end and termination order.
// See docs/rules/sidecars.md (computeInitContainerActions, computePodActions, newTerminationOrdering, killContainer).
import { containerShouldRestart } from './restart-policy.ts';
import type { ContainerSnapshot, RestartPolicy } from './pod-types.ts';
import type { Precedence } from './precedence.ts';

/** An init container as written in the spec. */
export interface InitSpec {
  name: string;
  /** 'Always' makes it a sidecar. */
  restartPolicy?: RestartPolicy;
}

/**
 * What init container `index` waits for before it starts: nothing if first, the previous one's exit 0 if that one is a
 * regular init container, or the previous sidecar's `started` (running, startup probe passed) (docs/rules/sidecars.md#start-gate).
 */
export function startGate(initContainers: readonly InitSpec[], index: number): 'first' | 'previous-exit-0' | 'previous-started' {
  const previous = initContainers[index - 1];
  if (index <= 0 || previous === undefined) return 'first';
  return previous.restartPolicy === 'Always' ? 'previous-started' : 'previous-exit-0';
}

/** A sidecar that exits is restarted whatever the pod's restartPolicy, unless the pod is ending (docs/rules/sidecars.md#always-restarted). */
export function sidecarRestartsOnExit(podEnding: boolean): boolean {
  return !podEnding;
}

/**
 * computePodActions: when no regular container is running or going to restart, the kubelet kills the pod and does not
 * restart its sidecars. Sidecars never keep a pod alive on their own (docs/rules/sidecars.md#job-completes).
 */
export function podEnds(containers: readonly ContainerSnapshot[], podPolicy: RestartPolicy): boolean {
  return containers.every((c) => {
    if (c.state === 'terminated') return !containerShouldRestart(c, podPolicy, c.exitCode ?? 0);
    if (c.state === 'waiting' && c.lastTerminationState) {
      return !containerShouldRestart(c, podPolicy, c.lastTerminationState.exitCode);
    }
    return false;
  });
}

/**
 * Stop-signal stages on pod termination: every regular container first, together; then the sidecars one by one in
 * reverse spec order, each waiting for all regular containers and every later sidecar (docs/rules/sidecars.md#termination-order).
 * Regular init containers have finished by then and are not part of it.
 */
export function terminationStages(initContainers: readonly InitSpec[], containers: readonly string[]): string[][] {
  const sidecars = initContainers.filter((c) => c.restartPolicy === 'Always').map((c) => c.name);
  const stages = containers.length > 0 ? [[...containers]] : [];
  return [...stages, ...sidecars.reverse().map((name) => [name])];
}

/** [a, b]: a gets its stop signal before b. Containers in the same stage are not ordered against each other. */
export function terminationPairs(stages: readonly string[][]): Precedence[] {
  return stages.flatMap((stage, i) =>
    stages.slice(i + 1).flatMap((later) => stage.flatMap((a) => later.map((b): Precedence => [a, b]))),
  );
}

export interface ShutdownTiming {
  /** killContainer runs preStop first and only then waits its turn, so every preStop starts at once (docs/rules/sidecars.md#prestop-at-once). */
  preStop: 'at-termination-start';
  signal: 'at-termination-start' | 'after-regular-and-later-sidecars';
}

export function shutdownTiming(container: ContainerSnapshot | InitSpec): ShutdownTiming {
  const sidecar = container.restartPolicy === 'Always';
  return { preStop: 'at-termination-start', signal: sidecar ? 'after-regular-and-later-sidecars' : 'at-termination-start' };
}

/** One container on shutdown: its preStop hook's length and how long it takes to exit after SIGTERM. */
export interface Stopping {
  name: string;
  sidecar: boolean;
  preStopSeconds: number;
  exitSeconds: number;
}

export interface StopTimes {
  name: string;
  /** Seconds after the deletion that it gets SIGTERM. */
  sigterm: number;
  /** Seconds after the deletion that it has exited (or was killed at the end of the grace period). */
  exit: number;
  killed: boolean;
}

/**
 * When each container gets SIGTERM and exits (docs/rules/sidecars.md#termination-order, #prestop-at-once): every preStop
 * starts at once; an app container is signalled when its preStop ends; a sidecar when its preStop has ended, every app
 * container has exited and every sidecar listed after it has exited. Whatever still runs at the end of the grace
 * period is killed then. `containers` are in spec order (sidecars among them in initContainers order).
 */
export function stopTimes(containers: readonly Stopping[], graceSeconds: number): StopTimes[] {
  const out = new Map<string, StopTimes>();
  const done = (c: Stopping, sigterm: number): StopTimes => {
    const exit = Math.min(sigterm + c.exitSeconds, graceSeconds);
    return { name: c.name, sigterm: Math.min(sigterm, graceSeconds), exit, killed: sigterm + c.exitSeconds > graceSeconds };
  };
  for (const c of containers.filter((x) => !x.sidecar)) out.set(c.name, done(c, c.preStopSeconds));
  const appsExited = Math.max(0, ...[...out.values()].map((t) => t.exit));
  const sidecars = containers.filter((x) => x.sidecar);
  let laterExited = appsExited;
  for (const c of [...sidecars].reverse()) {
    const t = done(c, Math.max(c.preStopSeconds, laterExited));
    out.set(c.name, t);
    laterExited = Math.max(laterExited, t.exit);
  }
  return containers.map((c) => out.get(c.name)!);
}

/** One init container on start-up: how long a regular one runs, or how long a sidecar's startupProbe takes to pass. */
export interface Starting {
  name: string;
  sidecar: boolean;
  /** Regular: seconds until it exits 0. Sidecar: seconds until its startupProbe passes, or null without one. */
  seconds: number | null;
}

/**
 * Seconds from the first init container's start until the app containers start (docs/rules/sidecars.md#start-gate):
 * init containers run one at a time; a regular one holds the next until it exits, a sidecar until it is started,
 * which without a startupProbe is at once.
 */
export function appStartSeconds(initContainers: readonly Starting[]): number {
  return initContainers.reduce((t, c) => t + (c.seconds ?? 0), 0);
}
