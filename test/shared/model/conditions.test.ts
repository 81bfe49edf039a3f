import { describe, expect, it } from 'vitest';
import { conditionStatus, podConditions, type ConditionsInput } from '../../../shared/model/conditions.ts';
import type { ContainerSnapshot } from '../../../shared/model/pod-types.ts';

const readyApp: ContainerSnapshot = { name: 'app', state: 'running', started: true, ready: true };
const base = (over: Partial<ConditionsInput> = {}): ConditionsInput => ({
  scheduled: true, sandboxReady: true, restartPolicy: 'Always', initContainers: [], containers: [readyApp], ...over,
});
const status = (pod: ConditionsInput, type: string) => conditionStatus(podConditions(pod), type);

describe('podConditions', () => {
  it('lists the five conditions of a healthy running pod, all True', () => {
    expect(podConditions(base())).toEqual([
      { type: 'PodScheduled', status: 'True' },
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'ContainersReady', status: 'True' },
      { type: 'Ready', status: 'True' },
    ]);
  });

  it('has only PodScheduled=False (Unschedulable) before the pod is bound to a node', () => {
    expect(podConditions(base({ scheduled: false }))).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }]);
  });

  it('turns PodReadyToStartContainers False when the sandbox is lost', () => {
    expect(status(base({ sandboxReady: false }), 'PodReadyToStartContainers')).toBe('False');
  });

  it.each([0, 1])('turns PodReadyToStartContainers False once the pod has finished (exit %i): its sandbox is stopped', (exitCode) => {
    const pod = base({ restartPolicy: 'Never', containers: [{ name: 'job', state: 'terminated', exitCode, ready: false }] });
    expect(status(pod, 'PodReadyToStartContainers')).toBe('False');
    expect(status(base({ phase: 'Failed' }), 'PodReadyToStartContainers')).toBe('False');
    expect(status(base(), 'PodReadyToStartContainers')).toBe('True');
  });
});

describe('Initialized', () => {
  const migrate = (state: ContainerSnapshot['state'], exitCode?: number): ContainerSnapshot =>
    exitCode === undefined ? { name: 'migrate', state } : { name: 'migrate', state, exitCode };
  const waitingApp: ContainerSnapshot = { name: 'app', state: 'waiting', reason: 'PodInitializing' };

  it('is True at once for a pod with no init containers', () => {
    expect(status(base({ containers: [waitingApp] }), 'Initialized')).toBe('True');
  });

  it.each<[string, ContainerSnapshot, 'True' | 'False']>([
    ['running', migrate('running'), 'False'],
    ['exited 1', migrate('terminated', 1), 'False'],
    ['exited 0', migrate('terminated', 0), 'True'],
  ])('with a regular init container that has %s: %s', (_, init, expected) => {
    expect(status(base({ initContainers: [init], containers: [waitingApp] }), 'Initialized')).toBe(expected);
  });

  it('needs a sidecar only started, never completed (folklore, conditions.md)', () => {
    const envoy: ContainerSnapshot = { name: 'envoy', restartPolicy: 'Always', state: 'running', started: true, ready: false };
    const pod = base({ initContainers: [envoy], containers: [waitingApp] });
    expect(podConditions(pod).find((c) => c.type === 'Initialized')).toEqual({ type: 'Initialized', status: 'True' });
    const notStarted = base({ initContainers: [{ ...envoy, started: false }], containers: [waitingApp] });
    expect(podConditions(notStarted).find((c) => c.type === 'Initialized')).toEqual({
      type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [envoy]',
    });
  });

  it('stays True while a sidecar restarts after a regular container has started', () => {
    const restarting: ContainerSnapshot = {
      name: 'envoy', restartPolicy: 'Always', state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationState: { exitCode: 1 },
    };
    expect(status(base({ initContainers: [restarting] }), 'Initialized')).toBe('True');
  });

  it('is True with reason PodCompleted once the pod Succeeded', () => {
    const done: ContainerSnapshot = { name: 'job', state: 'terminated', exitCode: 0 };
    const pod = base({ restartPolicy: 'Never', initContainers: [migrate('terminated', 0)], containers: [done] });
    expect(podConditions(pod).find((c) => c.type === 'Initialized')).toEqual({ type: 'Initialized', status: 'True', reason: 'PodCompleted' });
  });
});

describe('ContainersReady and Ready', () => {
  it('counts sidecar readiness but not regular init containers', () => {
    const sidecar: ContainerSnapshot = { name: 'envoy', restartPolicy: 'Always', state: 'running', started: true, ready: false };
    expect(status(base({ initContainers: [sidecar] }), 'ContainersReady')).toBe('False');
    const finished: ContainerSnapshot = { name: 'migrate', state: 'terminated', exitCode: 0, ready: false };
    expect(status(base({ initContainers: [finished] }), 'ContainersReady')).toBe('True');
  });

  it('is not ready while any regular container fails its readiness probe, and Ready follows', () => {
    const pod = base({ containers: [readyApp, { name: 'worker', state: 'running', started: true, ready: false }] });
    expect(podConditions(pod).slice(3)).toEqual([
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [worker]' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [worker]' },
    ]);
  });

  it.each([
    ['a missing gate condition', undefined, 'corresponding condition of pod readiness gate "example.com/lb-ready" does not exist.'],
    ['a gate condition that is False', 'False', 'the status of pod readiness gate "example.com/lb-ready" is not "True", but False'],
    ['a gate condition that is True', 'True', null],
  ] as const)('with %s, Ready follows the gate even though ContainersReady is True', (_, gate, message) => {
    const customConditions = gate ? [{ type: 'example.com/lb-ready', status: gate }] : [];
    const pod = base({ readinessGates: ['example.com/lb-ready'], customConditions });
    expect(status(pod, 'ContainersReady')).toBe('True');
    expect(podConditions(pod).find((c) => c.type === 'Ready')).toEqual(
      message === null ? { type: 'Ready', status: 'True' } : { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message },
    );
  });

  it.each([
    [0, 'PodCompleted'],
    [1, 'PodFailed'],
  ])('a finished pod (exit %i) is not ready, reason %s', (exitCode, reason) => {
    const pod = base({ restartPolicy: 'Never', containers: [{ name: 'job', state: 'terminated', exitCode, ready: false }] });
    expect(podConditions(pod).find((c) => c.type === 'ContainersReady')).toEqual({ type: 'ContainersReady', status: 'False', reason });
  });
});
