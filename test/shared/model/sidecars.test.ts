import { describe, expect, it } from 'vitest';
import {
  podEnds,
  shutdownTiming,
  sidecarRestartsOnExit,
  startGate,
  stopTimes,
  appStartSeconds,
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

describe('stopTimes', () => {
  const c = (name: string, sidecar: boolean, preStopSeconds: number, exitSeconds: number) => ({ name, sidecar, preStopSeconds, exitSeconds });

  it('signals apps at once, the last sidecar when the apps are gone, the first one after the last', () => {
    const t = stopTimes([c('envoy', true, 0, 1), c('fluent-bit', true, 0, 2), c('app', false, 0, 8)], 30);
    expect(t.map((x) => [x.name, x.sigterm, x.exit])).toEqual([['envoy', 10, 11], ['fluent-bit', 8, 10], ['app', 0, 8]]);
  });

  it('runs a sidecar preStop at once: a long hook delays its own SIGTERM, not the start of the hook', () => {
    const t = stopTimes([c('envoy', true, 15, 1), c('app', false, 0, 5)], 30);
    expect(t[0]).toMatchObject({ sigterm: 15, exit: 16 });
  });

  it('delays an app container by its own preStop, and kills what is left when the grace period ends', () => {
    const t = stopTimes([c('envoy', true, 0, 5), c('app', false, 10, 22)], 30);
    expect(t[1]).toMatchObject({ sigterm: 10, exit: 30, killed: true });
    expect(t[0]).toMatchObject({ sigterm: 30, exit: 30, killed: true });
  });
});

describe('appStartSeconds', () => {
  it('adds the regular init containers and the sidecars startupProbes, and nothing for a sidecar without one', () => {
    expect(appStartSeconds([{ name: 'proxy', sidecar: true, seconds: 6 }, { name: 'migrate', sidecar: false, seconds: 20 }])).toBe(26);
    expect(appStartSeconds([{ name: 'proxy', sidecar: true, seconds: null }, { name: 'migrate', sidecar: false, seconds: 20 }])).toBe(20);
  });
});
