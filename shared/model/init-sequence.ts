// How init containers step through, as the kubelet's computeInitContainerActions does it.
// See docs/rules/init.md (order, failure, re-runs) and docs/rules/sidecars.md (sidecars in the init sequence).
import { isSidecar, type ContainerSnapshot, type RestartPolicy } from './pod-types.ts';
import type { Precedence } from './precedence.ts';

/** What the kubelet does next about initialisation. */
export type InitStep =
  | { action: 'start'; index: number; name: string }
  | { action: 'wait'; index: number; name: string; until: 'exit-0' | 'started' }
  | { action: 'restart'; index: number; name: string }
  | { action: 'fail-pod'; index: number; name: string }
  | { action: 'start-regular-containers' };

/** A regular init container is done once it exited 0; a sidecar once it runs and its startup probe passed (docs/rules/init.md, docs/rules/sidecars.md#start-gate). */
export function initContainerDone(c: ContainerSnapshot): boolean {
  if (isSidecar(c)) return c.state === 'running' && c.started === true;
  return c.state === 'terminated' && (c.exitCode ?? 0) === 0;
}

function failedExit(c: ContainerSnapshot): boolean {
  if (c.state === 'terminated') return (c.exitCode ?? 0) !== 0;
  return c.state === 'waiting' && c.lastTerminationState !== undefined && c.lastTerminationState.exitCode !== 0;
}

/** The step at the first init container, in spec order, that is not done yet (docs/rules/init.md). */
function stepAt(c: ContainerSnapshot, index: number, podPolicy: RestartPolicy): InitStep {
  const { name } = c;
  if (c.state === 'none') return { action: 'start', index, name };
  if (isSidecar(c)) {
    // A sidecar that exited is restarted whatever the pod's policy (docs/rules/sidecars.md#always-restarted).
    return c.state === 'running' ? { action: 'wait', index, name, until: 'started' } : { action: 'restart', index, name };
  }
  if (failedExit(c)) {
    return initFailureOutcome(podPolicy, c.restartPolicy).failsPod
      ? { action: 'fail-pod', index, name }
      : { action: 'restart', index, name };
  }
  return { action: 'wait', index, name, until: 'exit-0' };
}

/** Given the init containers in spec order and their states, what happens next. Regular containers wait for all of them. */
export function nextInitStep(initContainers: readonly ContainerSnapshot[], podPolicy: RestartPolicy): InitStep {
  const index = initContainers.findIndex((c) => !initContainerDone(c));
  const c = initContainers[index];
  if (c === undefined) return { action: 'start-regular-containers' };
  return stepAt(c, index, podPolicy);
}

export interface InitFailureOutcome {
  /** The pod goes Failed at the first non-zero exit (P10). */
  failsPod: boolean;
  /** Only this init container is restarted, with crash-loop backoff; the others are not re-run (docs/rules/init.md#failure-retried). */
  restartsContainer: boolean;
  phase: 'Failed' | 'Pending';
  /** What kubectl shows meanwhile: Init:Error right after the exit, Init:CrashLoopBackOff while backing off. */
  kubectlStatuses: string[];
}

/**
 * A regular init container exited non-zero. The container's own restartPolicy (ContainerRestartRules, beta 1.35)
 * overrides the pod's: Never fails the pod; Always and OnFailure retry just that container (docs/rules/init.md#failure-retried, #failure-never-fails-pod).
 */
export function initFailureOutcome(podPolicy: RestartPolicy, containerPolicy?: RestartPolicy): InitFailureOutcome {
  const policy = containerPolicy ?? podPolicy;
  if (policy === 'Never') return { failsPod: true, restartsContainer: false, phase: 'Failed', kubectlStatuses: ['Init:Error'] };
  return { failsPod: false, restartsContainer: true, phase: 'Pending', kubectlStatuses: ['Init:Error', 'Init:CrashLoopBackOff'] };
}

export type InitRerunTrigger = 'regular-containers-running' | 'regular-container-restarts' | 'sandbox-recreated';

/**
 * Do finished regular init containers run again? Not while a regular container of the sandbox is created or running,
 * even when one restarts; yes when the sandbox is recreated, from initContainers[0] (docs/rules/init.md#not-rerun).
 */
export function initContainersRerun(trigger: InitRerunTrigger): boolean {
  return trigger === 'sandbox-recreated';
}

/** One init container as a task: what it makes available to later ones, and what it needs from earlier ones. */
export interface InitTask {
  id: string;
  /** restartPolicy: Always. What it provides lasts only while it runs, so it must be listed before its users. */
  sidecar: boolean;
  provides: readonly string[];
  needs: readonly string[];
}

/**
 * Init containers run one at a time in spec order (docs/rules/init.md#one-at-a-time), so "b needs what a provides" means a is listed before b.
 * A need nothing in the list provides is met by the environment and adds no pair.
 */
export function initPrecedence(tasks: readonly InitTask[]): Precedence[] {
  const pairs: Precedence[] = [];
  for (const b of tasks) {
    for (const need of b.needs) {
      for (const a of tasks) {
        if (a.id !== b.id && a.provides.includes(need) && !pairs.some(([x, y]) => x === a.id && y === b.id)) {
          pairs.push([a.id, b.id]);
        }
      }
    }
  }
  return pairs;
}

/** The capability a broken pair was about: what `after` needs that `before` provides. */
export function sharedCapability(before: InitTask, after: InitTask): string | undefined {
  return after.needs.find((need) => before.provides.includes(need));
}
