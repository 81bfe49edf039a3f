import { describe, expect, it } from 'vitest';
import {
  podEnds,
  shutdownTiming,
  sidecarRestartsOnExit,
  startGate,
  terminationPairs,
  terminationStages,
  type InitSpec,
} from '../../../shared/model/sidecars.ts';
import type { ContainerSnapshot, RestartPolicy } from '../../../shared/model/pod-types.ts';

const sidecar = (name: string): InitSpec => ({ name, restartPolicy: 'Always' });
const regular = (name: string): InitSpec => ({ name });

describe('startGate', () => {
  const init = [regular('wait-for-db'), sidecar('vault-agent'), regular('migrate'), sidecar('envoy')];

  it.each([
    [0, 'first'],
    [1, 'previous-exit-0'],
    [2, 'previous-started'],
    [3, 'previous-exit-0'],
  ] as const)('init container %i waits for %s (init.md, sidecars.md)', (index, gate) => {
    expect(startGate(init, index)).toBe(gate);
  });
});

describe('sidecarRestartsOnExit', () => {
  it('restarts a sidecar whatever the pod restartPolicy while the pod is alive, never once it is ending (sidecars.md)', () => {
    expect(sidecarRestartsOnExit(false)).toBe(true);
    expect(sidecarRestartsOnExit(true)).toBe(false);
  });
});

describe('podEnds', () => {
  const exited = (exitCode: number): ContainerSnapshot => ({ name: 'main', state: 'terminated', exitCode });

  it.each<[RestartPolicy, number, boolean]>([
    ['Never', 0, true],
    ['Never', 1, true],
    ['OnFailure', 0, true],
    ['OnFailure', 1, false],
    ['Always', 0, false],
  ])('restartPolicy %s, main exited %i: pod ends = %s (a Job with a sidecar completes)', (policy, code, ends) => {
    expect(podEnds([exited(code)], policy)).toBe(ends);
  });

  it('does not end while any regular container still runs', () => {
    expect(podEnds([exited(0), { name: 'worker', state: 'running' }], 'Never')).toBe(false);
  });

  it('counts a container backing off after a failure under OnFailure as going to restart', () => {
    const backingOff: ContainerSnapshot = { name: 'm', state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationState: { exitCode: 1 } };
    expect(podEnds([backingOff], 'OnFailure')).toBe(false);
    expect(podEnds([backingOff], 'Never')).toBe(true);
  });
});

describe('terminationStages', () => {
  it('signals regular containers first, then sidecars in reverse spec order, skipping regular init containers (sidecars.md)', () => {
    const init = [sidecar('istio-proxy'), regular('migrate'), sidecar('fluent-bit'), sidecar('vault-agent')];
    expect(terminationStages(init, ['api', 'worker'])).toEqual([['api', 'worker'], ['vault-agent'], ['fluent-bit'], ['istio-proxy']]);
  });

  it('turns stages into before/after pairs, leaving containers of one stage unordered', () => {
    const pairs = terminationPairs([['api', 'worker'], ['envoy']]);
    expect(pairs).toEqual([['api', 'envoy'], ['worker', 'envoy']]);
    expect(pairs).not.toContainEqual(['api', 'worker']);
  });
});

describe('shutdownTiming', () => {
  it('runs a sidecar preStop at once, though its SIGTERM waits for the app (sidecars.md)', () => {
    expect(shutdownTiming(sidecar('envoy'))).toEqual({ preStop: 'at-termination-start', signal: 'after-regular-and-later-sidecars' });
  });

  it('signals a regular container at the start of termination', () => {
    expect(shutdownTiming({ name: 'api', state: 'running' }).signal).toBe('at-termination-start');
  });
});
