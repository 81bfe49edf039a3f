import { describe, expect, it } from 'vitest';
import {
  initContainerDone,
  initContainersRerun,
  initFailureOutcome,
  initPrecedence,
  nextInitStep,
  sharedCapability,
  type InitTask,
} from '../../../shared/model/init-sequence.ts';
import type { ContainerSnapshot, RestartPolicy } from '../../../shared/model/pod-types.ts';

const done = (name: string): ContainerSnapshot => ({ name, state: 'terminated', exitCode: 0 });
const fresh = (name: string): ContainerSnapshot => ({ name, state: 'none' });
const sidecar = (name: string, extra: Partial<ContainerSnapshot>): ContainerSnapshot => ({
  name, restartPolicy: 'Always', state: 'running', ...extra,
});

describe('initContainerDone', () => {
  it.each<[string, ContainerSnapshot, boolean]>([
    ['a regular init container that exited 0', done('a'), true],
    ['a regular init container that exited 1', { name: 'a', state: 'terminated', exitCode: 1 }, false],
    ['a regular init container still running', { name: 'a', state: 'running' }, false],
    ['a sidecar running and started', sidecar('s', { started: true }), true],
    ['a sidecar running whose startup probe has not passed', sidecar('s', { started: false }), false],
    ['a sidecar that exited 0 (it must keep running)', sidecar('s', { state: 'terminated', exitCode: 0 }), false],
  ])('counts %s as done: %s', (_, c, expected) => {
    expect(initContainerDone(c)).toBe(expected);
  });
});

describe('nextInitStep', () => {
  it('starts the first init container of a fresh pod (init.md)', () => {
    expect(nextInitStep([fresh('a'), fresh('b')], 'Always')).toEqual({ action: 'start', index: 0, name: 'a' });
  });

  it('starts the next init container only after the previous one exited 0 (init.md)', () => {
    expect(nextInitStep([done('a'), fresh('b')], 'Always')).toEqual({ action: 'start', index: 1, name: 'b' });
    expect(nextInitStep([{ name: 'a', state: 'running' }, fresh('b')], 'Always')).toEqual({
      action: 'wait', index: 0, name: 'a', until: 'exit-0',
    });
  });

  it('waits for a sidecar to be started, not to exit, before the next init container (sidecars.md)', () => {
    const notStarted = [sidecar('vault-agent', { started: false }), fresh('migrate')];
    expect(nextInitStep(notStarted, 'Always')).toEqual({ action: 'wait', index: 0, name: 'vault-agent', until: 'started' });
    const started = [sidecar('vault-agent', { started: true }), fresh('migrate')];
    expect(nextInitStep(started, 'Always')).toEqual({ action: 'start', index: 1, name: 'migrate' });
  });

  it('lets regular containers start once every init container is done and every sidecar started', () => {
    expect(nextInitStep([done('a'), sidecar('envoy', { started: true })], 'Never')).toEqual({ action: 'start-regular-containers' });
    expect(nextInitStep([], 'Always')).toEqual({ action: 'start-regular-containers' });
  });

  it.each<[RestartPolicy, string]>([
    ['Never', 'fail-pod'],
    ['OnFailure', 'restart'],
    ['Always', 'restart'],
  ])('with pod restartPolicy %s a failed init container leads to %s (P10, P11)', (policy, action) => {
    const failed: ContainerSnapshot = { name: 'migrate', state: 'terminated', exitCode: 1 };
    expect(nextInitStep([done('a'), failed, fresh('b')], policy)).toMatchObject({ action, index: 1 });
  });

  it('sees a failure recorded only in lastTerminationState (P10)', () => {
    const backingOff: ContainerSnapshot = { name: 'm', state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationState: { exitCode: 2 } };
    expect(nextInitStep([backingOff], 'Never')).toMatchObject({ action: 'fail-pod' });
    expect(nextInitStep([backingOff], 'Always')).toMatchObject({ action: 'restart' });
  });

  it('lets the container-level restartPolicy override the pod policy (init.md)', () => {
    const strict: ContainerSnapshot = { name: 'm', restartPolicy: 'Never', state: 'terminated', exitCode: 1 };
    const lenient: ContainerSnapshot = { name: 'm', restartPolicy: 'OnFailure', state: 'terminated', exitCode: 1 };
    expect(nextInitStep([strict], 'Always')).toMatchObject({ action: 'fail-pod' });
    expect(nextInitStep([lenient], 'Never')).toMatchObject({ action: 'restart' });
  });

  it('restarts an exited sidecar even when the pod policy is Never (sidecars.md)', () => {
    expect(nextInitStep([sidecar('envoy', { state: 'terminated', exitCode: 1 })], 'Never')).toMatchObject({ action: 'restart' });
  });
});

describe('initFailureOutcome', () => {
  it.each<[RestartPolicy, RestartPolicy | undefined, boolean, string]>([
    ['Never', undefined, true, 'Failed'],
    ['Always', undefined, false, 'Pending'],
    ['OnFailure', undefined, false, 'Pending'],
    ['Always', 'Never', true, 'Failed'],
    ['Never', 'OnFailure', false, 'Pending'],
  ])('pod %s, container %s: fails the pod = %s, phase %s', (pod, container, failsPod, phase) => {
    const outcome = initFailureOutcome(pod, container);
    expect(outcome.failsPod).toBe(failsPod);
    expect(outcome.restartsContainer).toBe(!failsPod);
    expect(outcome.phase).toBe(phase);
  });

  it('shows Init:Error then Init:CrashLoopBackOff while only that container is retried', () => {
    expect(initFailureOutcome('Always').kubectlStatuses).toEqual(['Init:Error', 'Init:CrashLoopBackOff']);
  });
});

describe('initContainersRerun', () => {
  it.each([
    ['regular-containers-running', false],
    ['regular-container-restarts', false],
    ['sandbox-recreated', true],
  ] as const)('after %s: %s (init.md)', (trigger, expected) => {
    expect(initContainersRerun(trigger)).toBe(expected);
  });
});

describe('initPrecedence', () => {
  const task = (id: string, provides: string[], needs: string[], sidecar = false): InitTask => ({ id, sidecar, provides, needs });

  it('orders a provider before each task that needs what it provides', () => {
    const tasks = [
      task('migrate', ['schema'], ['db', 'config']),
      task('wait-for-db', ['db'], []),
      task('fetch-config', ['config'], ['writable']),
      task('fix-permissions', ['writable'], []),
    ];
    expect(initPrecedence(tasks)).toEqual([
      ['wait-for-db', 'migrate'],
      ['fetch-config', 'migrate'],
      ['fix-permissions', 'fetch-config'],
    ]);
  });

  it('adds no pair for a need nothing in the pod provides', () => {
    expect(initPrecedence([task('a', [], ['mesh']), task('b', ['x'], [])])).toEqual([]);
  });

  it('puts a sidecar before the init containers that use it', () => {
    const pairs = initPrecedence([task('fetch', ['config'], ['secrets']), task('vault-agent', ['secrets'], [], true)]);
    expect(pairs).toEqual([['vault-agent', 'fetch']]);
  });

  it('names the capability behind a pair', () => {
    expect(sharedCapability(task('a', ['db'], []), task('b', [], ['x', 'db']))).toBe('db');
  });
});
