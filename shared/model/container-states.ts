// Container states at one moment, as the kubelet reports them (docs/rules/phase.md, "Container states").
import type { Rng } from '../random.ts';
import { restartsWithin } from './backoff.ts';
import type { ContainerSnapshot } from './pod-types.ts';

export type Opts = Partial<Pick<ContainerSnapshot, 'ready' | 'started' | 'restartCount' | 'lastTerminationState'>>;
export type Last = NonNullable<ContainerSnapshot['lastTerminationState']>;

const lastOf = (o: Opts): Pick<ContainerSnapshot, 'lastTerminationState'> =>
  o.lastTerminationState ? { lastTerminationState: o.lastTerminationState } : {};

export function running(name: string, o: Opts = {}): ContainerSnapshot {
  return { name, state: 'running', started: o.started ?? true, ready: o.ready ?? true, restartCount: o.restartCount ?? 0, ...lastOf(o) };
}
export function waiting(name: string, reason: string, o: Opts = {}): ContainerSnapshot {
  return { name, state: 'waiting', reason, started: false, ready: false, restartCount: o.restartCount ?? 0, ...lastOf(o) };
}
export function terminated(name: string, exit: Last, o: Opts = {}): ContainerSnapshot {
  const reason = exit.reason ?? (exit.exitCode === 0 ? 'Completed' : 'Error');
  return { name, state: 'terminated', exitCode: exit.exitCode, reason, started: false, ready: false, restartCount: o.restartCount ?? 0, ...lastOf(o) };
}

export const COMPLETED: Last = { exitCode: 0, reason: 'Completed' };

/** A realistic non-zero exit: a plain error, a missing binary, or the OOM killer. */
export function failure(rng: Rng): Last {
  return rng.pick<Last>([{ exitCode: 1, reason: 'Error' }, { exitCode: 2, reason: 'Error' }, { exitCode: 3, reason: 'Error' },
    { exitCode: 127, reason: 'Error' }, { exitCode: 137, reason: 'OOMKilled' }]);
}
/** How a container stopped by the kubelet ends: clean on SIGTERM, 143, or 137 after the grace period. */
export const stopped = (rng: Rng): Last => rng.pick<Last>([COMPLETED, { exitCode: 143, reason: 'Error' }, { exitCode: 137, reason: 'Error' }]);

/** A crash-looping container; given the seconds since it first started, no more restarts than the back-off allows. */
export function crashLoop(rng: Rng, name: string, withinSeconds?: number): ContainerSnapshot {
  return waiting(name, 'CrashLoopBackOff', { restartCount: loopRestarts(rng, 3, 42, withinSeconds), lastTerminationState: failure(rng) });
}

/** A restart count drawn from [min, max], capped by what the back-off allows within `withinSeconds` (at least 1). */
export function loopRestarts(rng: Rng, min: number, max: number, withinSeconds?: number): number {
  const cap = withinSeconds === undefined ? max : Math.max(1, Math.min(max, restartsWithin(withinSeconds)));
  return rng.int(Math.min(min, cap), cap);
}
