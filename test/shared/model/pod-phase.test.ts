// podPhase against the kubelet's own getPhase tests (pkg/kubelet/kubelet_pods_test.go, kubernetes master
// as of 3669de28, ContainerRestartRules on) and against the rules of docs/rules/phase.md.
import { describe, expect, it } from 'vitest';
import { podPhase } from '../../../shared/model/pod-phase.ts';
import type { ContainerSnapshot, Phase, PodSnapshot, RestartPolicy } from '../../../shared/model/pod-types.ts';

// The kubelet test helpers as statuses. The spec says which container is a sidecar or has its own policy.
type Status = Omit<ContainerSnapshot, 'restartPolicy'>;
const running = (name: string): Status => ({ name, state: 'running' });
const started = (name: string): Status => ({ name, state: 'running', started: true });
const succeeded = (name: string): Status => ({ name, state: 'terminated', exitCode: 0 });
const failed = (name: string): Status => ({ name, state: 'terminated', exitCode: -1 });
const waiting = (name: string, reason?: string): Status =>
  reason === undefined ? { name, state: 'waiting' } : { name, state: 'waiting', reason };
/** waitingStateWithLastTermination is exit 0; waitingStateWithNonZeroTermination is exit 1. */
const waitingAfterExit = (name: string, exitCode: number): Status =>
  ({ name, state: 'waiting', lastTerminationState: { exitCode } });

interface SpecContainer { name: string; restartPolicy?: RestartPolicy }
interface Spec { restartPolicy: RestartPolicy; init?: SpecContainer[]; containers: SpecContainer[] }
interface Flags { terminal?: boolean; initialized?: boolean }

/** Statuses are matched to the spec by name, first one wins; a spec container with no status is 'none'. */
function snapshotOf(spec: Spec, statuses: Status[], flags: Flags = {}): PodSnapshot {
  const fill = (c: SpecContainer): ContainerSnapshot =>
    ({ ...(statuses.find((s) => s.name === c.name) ?? { name: c.name, state: 'none' }), ...c });
  return {
    restartPolicy: spec.restartPolicy,
    podIsTerminal: flags.terminal === true,
    podHasInitialized: flags.initialized === true,
    initContainers: (spec.init ?? []).map(fill),
    containers: spec.containers.map(fill),
  };
}

interface Case extends Flags { test: string; statuses: Status[]; expected: Phase; spec?: Spec }

function upstreamTable(title: string, spec: Spec | null, cases: Case[]): void {
  describe(title, () => {
    it.each(cases)('$test gives $expected', ({ statuses, expected, spec: own, ...flags }) => {
      const used = own ?? spec;
      if (!used) throw new Error('a case without a spec needs a table spec');
      expect(podPhase(snapshotOf(used, statuses, flags))).toBe(expected);
    });
  });
}

const ab = [{ name: 'containerA' }, { name: 'containerB' }];
const always: Spec = { restartPolicy: 'Always', containers: ab };
const never: Spec = { restartPolicy: 'Never', containers: ab };
const onFailure: Spec = { restartPolicy: 'OnFailure', containers: ab };
const withInit = (s: Spec): Spec => ({ ...s, init: [{ name: 'containerX' }] });
const withSidecar = (s: Spec): Spec => ({ ...s, init: [{ name: 'containerX', restartPolicy: 'Always' }] });
const X = 'containerX', A = 'containerA', B = 'containerB';

describe('podPhase matches the kubelet getPhase tests', () => {
  upstreamTable('TestPodPhaseWithRestartAlways', always, [
    { test: 'waiting', statuses: [], expected: 'Pending' },
    { test: 'all running', statuses: [running(A), running(B)], expected: 'Running' },
    { test: 'all stopped with restart always', statuses: [succeeded(A), succeeded(B)], expected: 'Running' },
    { test: 'all succeeded with restart always, but the pod is terminal', statuses: [succeeded(A), succeeded(B)], terminal: true, expected: 'Succeeded' },
    { test: 'all stopped with restart always, but the pod is terminal', statuses: [succeeded(A), failed(B)], terminal: true, expected: 'Failed' },
    { test: 'mixed state #1 with restart always', statuses: [running(A), succeeded(B)], expected: 'Running' },
    { test: 'mixed state #2 with restart always', statuses: [running(A)], expected: 'Pending' },
    { test: 'mixed state #3 with restart always', statuses: [running(A), waiting(B)], expected: 'Pending' },
    { test: 'backoff crashloop container with restart always', statuses: [running(A), waitingAfterExit(B, 0)], expected: 'Running' },
  ]);

  upstreamTable('TestPodPhaseWithRestartAlwaysInitContainers', withInit(always), [
    { test: 'empty, waiting', statuses: [], expected: 'Pending' },
    { test: 'init container running', statuses: [running(X)], expected: 'Pending' },
    { test: 'init container terminated non-zero', statuses: [failed(X)], expected: 'Pending' },
    { test: 'init container waiting, terminated zero', statuses: [waitingAfterExit(X, 0)], expected: 'Pending' },
    { test: 'init container waiting, terminated non-zero', statuses: [waitingAfterExit(X, 1)], expected: 'Pending' },
    { test: 'init container waiting, not terminated', statuses: [waiting(X)], expected: 'Pending' },
    { test: 'init container succeeded', statuses: [succeeded(X), running(A), running(B)], expected: 'Running' },
  ]);

  upstreamTable('TestPodPhaseWithRestartAlwaysRestartableInitContainers', withSidecar(always), [
    { test: 'empty, waiting', statuses: [], expected: 'Pending' },
    { test: 'restartable init container running', statuses: [running(X)], expected: 'Pending' },
    { test: 'restartable init container stopped', statuses: [succeeded(X)], expected: 'Pending' },
    { test: 'restartable init container waiting, terminated zero', statuses: [waitingAfterExit(X, 0)], expected: 'Pending' },
    { test: 'restartable init container waiting, terminated non-zero', statuses: [waitingAfterExit(X, 1)], expected: 'Pending' },
    { test: 'restartable init container waiting, not terminated', statuses: [waiting(X)], expected: 'Pending' },
    { test: 'restartable init container started, 1/2 regular container running', statuses: [started(X), running(A)], initialized: true, expected: 'Pending' },
    { test: 'restartable init container started, all regular containers running', statuses: [started(X), running(A), running(B)], initialized: true, expected: 'Running' },
    { test: 'restartable init container running, all regular containers running', statuses: [running(X), running(A), running(B)], initialized: true, expected: 'Running' },
    { test: 'restartable init container stopped, all regular containers running', statuses: [succeeded(X), running(A), running(B)], initialized: true, expected: 'Running' },
    { test: 'backoff crashloop restartable init container, all regular containers running', statuses: [waitingAfterExit(X, 0), running(A), running(B)], initialized: true, expected: 'Running' },
    { test: 'all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal', statuses: [failed(X), succeeded(A), succeeded(B)], terminal: true, initialized: true, expected: 'Succeeded' },
    { test: 'all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal', statuses: [succeeded(X), succeeded(A), succeeded(B)], terminal: true, initialized: true, expected: 'Succeeded' },
    { test: 're-initializing the pod after the sandbox is recreated', statuses: [running(X), running(A), running(B)], expected: 'Pending' },
  ]);

  const hasRun: Spec = { restartPolicy: 'Always', init: [{ name: X }, { name: 'containerY', restartPolicy: 'Always' }], containers: [{ name: A }] };
  upstreamTable('TestPodPhaseWithRestartAlwaysAndPodHasRun', hasRun, [
    { test: 'regular init containers, restartable init container and regular container are all running', statuses: [running(X), running('containerY'), running(A)], expected: 'Pending' },
    { test: 'regular containers is stopped, restartable init container and regular int container are both running', statuses: [running(X), running('containerY'), succeeded(A)], expected: 'Pending' },
    { test: 're-created sandbox: regular init container is succeeded, restartable init container is running, old regular containers is stopped', statuses: [succeeded(X), running('containerY'), succeeded(A)], expected: 'Pending' },
    { test: 'regular init container is succeeded, restartable init container is running, regular containers is stopped', statuses: [succeeded(X), running('containerY'), succeeded(A)], initialized: true, expected: 'Running' },
    { test: 'regular init container is succeeded, restartable init container and regular containers are both running', statuses: [succeeded(X), running('containerY'), running(A)], initialized: true, expected: 'Running' },
  ]);

  upstreamTable('TestPodPhaseWithRestartNever', never, [
    { test: 'waiting', statuses: [], expected: 'Pending' },
    { test: 'all running with restart never', statuses: [running(A), running(B)], expected: 'Running' },
    { test: 'all succeeded with restart never', statuses: [succeeded(A), succeeded(B)], expected: 'Succeeded' },
    { test: 'all failed with restart never', statuses: [failed(A), failed(B)], expected: 'Failed' },
    { test: 'mixed state #1 with restart never', statuses: [running(A), succeeded(B)], expected: 'Running' },
    { test: 'mixed state #2 with restart never', statuses: [running(A)], expected: 'Pending' },
    { test: 'mixed state #3 with restart never', statuses: [running(A), waiting(B)], expected: 'Pending' },
  ]);

  upstreamTable('TestPodPhaseWithRestartNeverInitContainers', withInit(never), [
    { test: 'empty, waiting', statuses: [], expected: 'Pending' },
    { test: 'init container running', statuses: [running(X)], expected: 'Pending' },
    { test: 'init container terminated non-zero', statuses: [failed(X)], expected: 'Failed' },
    { test: 'init container waiting, terminated zero', statuses: [waitingAfterExit(X, 0)], expected: 'Pending' },
    { test: 'init container waiting, terminated non-zero', statuses: [waitingAfterExit(X, 1)], expected: 'Failed' },
    { test: 'init container waiting, not terminated', statuses: [waiting(X)], expected: 'Pending' },
    { test: 'init container succeeded', statuses: [succeeded(X), running(A), running(B)], expected: 'Running' },
  ]);

  upstreamTable('TestPodPhaseWithRestartNeverRestartableInitContainers', withSidecar(never), [
    { test: 'empty, waiting', statuses: [], expected: 'Pending' },
    { test: 'restartable init container running', statuses: [running(X)], expected: 'Pending' },
    { test: 'restartable init container stopped', statuses: [succeeded(X)], expected: 'Pending' },
    { test: 'restartable init container waiting, terminated zero', statuses: [waitingAfterExit(X, 0)], expected: 'Pending' },
    { test: 'restartable init container waiting, terminated non-zero', statuses: [waitingAfterExit(X, 1)], expected: 'Pending' },
    { test: 'restartable init container waiting, not terminated', statuses: [waiting(X)], expected: 'Pending' },
    { test: 'restartable init container started, one main container running', statuses: [started(X), running(A)], initialized: true, expected: 'Pending' },
    { test: 'restartable init container started, main containers succeeded', statuses: [started(X), succeeded(A), succeeded(B)], initialized: true, expected: 'Running' },
    { test: 'restartable init container re-running, main containers succeeded', statuses: [running(X), succeeded(A), succeeded(B)], initialized: true, expected: 'Running' },
    { test: 'all containers succeeded', statuses: [succeeded(X), succeeded(A), succeeded(B)], initialized: true, expected: 'Succeeded' },
    { test: 'restartable init container terminated non-zero, main containers succeeded', statuses: [failed(X), succeeded(A), succeeded(B)], initialized: true, expected: 'Succeeded' },
    { test: 'backoff crashloop restartable init container, main containers succeeded', statuses: [waitingAfterExit(X, 0), succeeded(A), succeeded(B)], initialized: true, expected: 'Succeeded' },
    { test: 'backoff crashloop with non-zero restartable init container, main containers succeeded', statuses: [waitingAfterExit(X, 1), succeeded(A), succeeded(B)], initialized: true, expected: 'Succeeded' },
  ]);

  upstreamTable('TestPodPhaseWithRestartOnFailure', onFailure, [
    { test: 'waiting', statuses: [], expected: 'Pending' },
    { test: 'all running with restart onfailure', statuses: [running(A), running(B)], expected: 'Running' },
    { test: 'all succeeded with restart onfailure', statuses: [succeeded(A), succeeded(B)], expected: 'Succeeded' },
    { test: 'all failed with restart never', statuses: [failed(A), failed(B)], expected: 'Running' },
    { test: 'mixed state #1 with restart onfailure', statuses: [running(A), succeeded(B)], expected: 'Running' },
    { test: 'mixed state #2 with restart onfailure', statuses: [running(A)], expected: 'Pending' },
    { test: 'mixed state #3 with restart onfailure', statuses: [running(A), waiting(B)], expected: 'Pending' },
    { test: 'backoff crashloop container with restart onfailure', statuses: [running(A), waitingAfterExit(B, 0)], expected: 'Running' },
  ]);

  // ContainerRestartRules tables: the kubelet test passes podHasInitialized = true.
  const one = (pod: RestartPolicy, name: string, own?: RestartPolicy): Spec =>
    ({ restartPolicy: pod, containers: [own ? { name, restartPolicy: own } : { name }] });
  const two = (pod: RestartPolicy, a?: RestartPolicy, b?: RestartPolicy): Spec => ({
    restartPolicy: pod,
    containers: [a ? { name: A, restartPolicy: a } : { name: A }, b ? { name: B, restartPolicy: b } : { name: B }],
  });
  upstreamTable('TestPodPhaseWithContainerRestartPolicy', null, [
    { test: 'container with restart policy Never failed', spec: one('Always', 'failed-container', 'Never'), statuses: [failed('failed-container')], initialized: true, expected: 'Failed' },
    { test: 'container with restart policy OnFailure failed', spec: one('Always', 'failed-container', 'OnFailure'), statuses: [failed('failed-container')], initialized: true, expected: 'Running' },
    { test: 'container with restart policy Always failed', spec: one('Always', 'failed-container', 'Always'), statuses: [failed('failed-container')], initialized: true, expected: 'Running' },
    { test: 'At least one container with restartable container-level restart policy failed', spec: two('Never', 'Always'), statuses: [succeeded(A), failed(B)], initialized: true, expected: 'Running' },
    { test: 'All containers without restartable container-level restart policy failed', spec: two('Always', 'Never', 'OnFailure'), statuses: [failed(A), succeeded(B)], initialized: true, expected: 'Failed' },
    { test: 'All containers succeeded', spec: two('Always', 'Never', 'OnFailure'), statuses: [succeeded(A), succeeded(B)], initialized: true, expected: 'Succeeded' },
  ]);

  const initWith = (pod: RestartPolicy, own: RestartPolicy): Spec =>
    ({ restartPolicy: pod, init: [{ name: 'failed-container', restartPolicy: own }], containers: [{ name: 'container' }] });
  upstreamTable('TestPodPhaseWithContainerRestartPolicyInitContainers', null, [
    { test: 'init container with restart policy Never failed', spec: initWith('Always', 'Never'), statuses: [failed('failed-container')], initialized: true, expected: 'Failed' },
    { test: 'init container with restart policy OnFailure failed', spec: initWith('Never', 'OnFailure'), statuses: [failed('failed-container')], initialized: true, expected: 'Pending' },
    { test: 'container with restart policy Always failed', spec: initWith('Never', 'Always'), statuses: [failed('failed-container')], initialized: true, expected: 'Pending' },
  ]);
});

const policies: RestartPolicy[] = ['Always', 'OnFailure', 'Never'];
const spec = (restartPolicy: RestartPolicy): Spec => ({ restartPolicy, containers: ab });
const phaseOf = (s: Spec, statuses: Status[], flags: Flags = {}): Phase => podPhase(snapshotOf(s, statuses, flags));

describe('podPhase follows the rules of docs/rules/phase.md', () => {
  it.each(policies)('P1: no statuses yet means Pending (%s)', (p) => {
    expect(phaseOf(spec(p), [])).toBe('Pending');
    expect(phaseOf(withInit(spec(p)), [])).toBe('Pending');
    expect(phaseOf(withSidecar(spec(p)), [])).toBe('Pending');
  });

  it.each(policies)('P2: a regular container with no status means Pending, even if another is Running (%s)', (p) => {
    expect(phaseOf(spec(p), [running(A)])).toBe('Pending');
    expect(phaseOf(spec(p), [succeeded(A)])).toBe('Pending');
    expect(phaseOf(spec(p), [failed(B)])).toBe('Pending');
  });

  it.each(['ContainerCreating', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError'])(
    'P3: a container Waiting (%s) that never terminated means Pending', (reason) => {
      for (const p of policies) expect(phaseOf(spec(p), [running(A), waiting(B, reason)])).toBe('Pending');
    });

  it('P4: CrashLoopBackOff with Always or OnFailure means Running', () => {
    const crashLooping: Status = { ...waitingAfterExit(B, 1), reason: 'CrashLoopBackOff' };
    for (const p of ['Always', 'OnFailure'] as const) {
      expect(phaseOf(spec(p), [running(A), crashLooping])).toBe('Running');
      expect(phaseOf(spec(p), [{ ...crashLooping, name: A }, crashLooping])).toBe('Running');
    }
  });

  it('P5: Always with every container terminated, even with exit 0, means Running', () => {
    expect(phaseOf(spec('Always'), [succeeded(A), succeeded(B)])).toBe('Running');
    expect(phaseOf(spec('Always'), [failed(A), succeeded(B)])).toBe('Running');
  });

  it('P6: OnFailure: all exit 0 means Succeeded, any failure means Running', () => {
    expect(phaseOf(spec('OnFailure'), [succeeded(A), succeeded(B)])).toBe('Succeeded');
    expect(phaseOf(spec('OnFailure'), [succeeded(A), failed(B)])).toBe('Running');
    expect(phaseOf(spec('OnFailure'), [succeeded(A), waitingAfterExit(B, 2)])).toBe('Running');
  });

  it('P7: Never: all exit 0 means Succeeded, any non-zero means Failed, some still running means Running', () => {
    expect(phaseOf(spec('Never'), [succeeded(A), succeeded(B)])).toBe('Succeeded');
    expect(phaseOf(spec('Never'), [succeeded(A), { name: B, state: 'terminated', exitCode: 137 }])).toBe('Failed');
    expect(phaseOf(spec('Never'), [running(A), failed(B)])).toBe('Running');
  });

  it.each(policies)('P8: a terminal pod gets Succeeded or Failed from exit codes, even with %s', (p) => {
    expect(phaseOf(spec(p), [succeeded(A), succeeded(B)], { terminal: true })).toBe('Succeeded');
    expect(phaseOf(spec(p), [succeeded(A), failed(B)], { terminal: true })).toBe('Failed');
  });

  it.each(policies)('P9: an init container that is running, waiting or has no status means Pending (%s)', (p) => {
    expect(phaseOf(withInit(spec(p)), [running(X)])).toBe('Pending');
    expect(phaseOf(withInit(spec(p)), [waiting(X, 'PodInitializing')])).toBe('Pending');
    const twoInits: Spec = { ...spec(p), init: [{ name: X }, { name: 'containerY' }] };
    expect(phaseOf(twoInits, [succeeded(X)])).toBe('Pending');
    expect(phaseOf(twoInits, [succeeded(X), running('containerY')])).toBe('Pending');
  });

  it('P10: a failed init container with Never means Failed, also when the failure is only in lastTerminationState', () => {
    expect(phaseOf(withInit(spec('Never')), [failed(X)])).toBe('Failed');
    expect(phaseOf(withInit(spec('Never')), [waitingAfterExit(X, 1)])).toBe('Failed');
    expect(phaseOf(withInit(spec('Never')), [{ name: X, state: 'terminated', exitCode: 2 }, waiting(A), waiting(B)])).toBe('Failed');
  });

  it.each(['Always', 'OnFailure'] as const)('P11: a failed init container with %s means Pending: it is retried', (p) => {
    expect(phaseOf(withInit(spec(p)), [failed(X)])).toBe('Pending');
    expect(phaseOf(withInit(spec(p)), [{ ...waitingAfterExit(X, 1), reason: 'CrashLoopBackOff' }])).toBe('Pending');
  });

  it('P12: a sidecar exit code never decides Succeeded or Failed', () => {
    const mainsDone = [succeeded(A), succeeded(B)];
    const sidecarExit: Status = { name: X, state: 'terminated', exitCode: 137 };
    expect(phaseOf(withSidecar(spec('Never')), [sidecarExit, ...mainsDone], { initialized: true })).toBe('Succeeded');
    expect(phaseOf(withSidecar(spec('OnFailure')), [sidecarExit, ...mainsDone], { initialized: true })).toBe('Succeeded');
    expect(phaseOf(withSidecar(spec('Never')), [sidecarExit, ...mainsDone], { terminal: true, initialized: true })).toBe('Succeeded');
    expect(phaseOf(withSidecar(spec('Never')), [waitingAfterExit(X, 1), running(A), running(B)], { initialized: true })).toBe('Running');
  });

  it('P13: a running sidecar keeps a Never pod Running after the main containers succeed, until it is stopped', () => {
    const mainsDone = [succeeded(A), succeeded(B)];
    expect(phaseOf(withSidecar(spec('Never')), [started(X), ...mainsDone], { initialized: true })).toBe('Running');
    const stopped: Status = { name: X, state: 'terminated', exitCode: 143 };
    expect(phaseOf(withSidecar(spec('Never')), [stopped, ...mainsDone], { initialized: true })).toBe('Succeeded');
  });

  it('P14: an unstarted sidecar means Pending before podHasInitialized, but not after it', () => {
    const sidecarUp = [running(X), running(A), running(B)];
    expect(phaseOf(withSidecar(spec('Always')), sidecarUp)).toBe('Pending');
    expect(phaseOf(withSidecar(spec('Always')), sidecarUp, { initialized: true })).toBe('Running');
    const restarting = [waitingAfterExit(X, 1), running(A), running(B)];
    expect(phaseOf(withSidecar(spec('Always')), restarting, { initialized: true })).toBe('Running');
  });

  it('lets a container-level restartPolicy override the pod policy for a crash-looping container', () => {
    const own: Spec = { restartPolicy: 'Never', containers: [{ name: A, restartPolicy: 'OnFailure' }] };
    expect(phaseOf(own, [waitingAfterExit(A, 1)], { initialized: true })).toBe('Running');
    const strict: Spec = { restartPolicy: 'Always', containers: [{ name: A, restartPolicy: 'Never' }] };
    expect(phaseOf(strict, [waitingAfterExit(A, 1)], { initialized: true })).toBe('Failed');
  });
});
