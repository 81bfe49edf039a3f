// kubectlColumns against kubectl's own printPod tests (pkg/printers/internalversion/printers_test.go,
// kubernetes master as of 3669de28) and against the rules of docs/rules/kubectl.md.
import { describe, expect, it } from 'vitest';
import { kubectlColumns } from '../../../shared/model/kubectl-columns.ts';
import type { ContainerSnapshot, KubectlColumns, PodCondition, PodListing } from '../../../shared/model/pod-types.ts';

// printPod reads no container names except to find sidecars, so every status is called 'c'.
type Extra = Partial<Omit<ContainerSnapshot, 'name' | 'state'>>;
const ctr = (state: ContainerSnapshot['state'], extra: Extra = {}): ContainerSnapshot => ({ name: 'c', state, ...extra });
const run = (extra: Extra = {}) => ctr('running', extra);
const wait = (extra: Extra = {}) => ctr('waiting', extra);
const term = (extra: Extra = {}) => ctr('terminated', { exitCode: 0, ...extra });
/** A status entry with no state (upstream `{RestartCount: 3}`), or no entry at all. */
const none = (extra: Extra = {}) => ctr('none', extra);
const sidecar = (c: ContainerSnapshot): ContainerSnapshot => ({ ...c, restartPolicy: 'Always' });
/** The "(10s ago)" suffix is out of scope, so lastState.terminated only keeps its exit code. */
const restarted = { lastTerminationState: { exitCode: 0 } };

const pod = (over: Partial<PodListing>): PodListing => ({ phase: 'Running', initContainers: [], containers: [], ...over });
const cond = (type: string, status: PodCondition['status'], reason?: string): PodCondition =>
  reason === undefined ? { type, status } : { type, status, reason };
const initialized = (status: PodCondition['status']) => [cond('Initialized', status)];

interface Case extends KubectlColumns { test: string; pod: PodListing }

function upstreamTable(title: string, cases: Case[]): void {
  describe(title, () => {
    it.each(cases)('$test shows $ready $status $restarts', ({ pod: p, ready, status, restarts }) => {
      expect(kubectlColumns(p)).toEqual({ ready, status, restarts });
    });
  });
}

// Upstream uses the made-up phase "podPhase" in many cases; 'Running' stands in for it (it is printed as is).
const runningReady3 = run({ ready: true, restartCount: 3 });
const initCase = (test: string, init: ContainerSnapshot, status: string): Case =>
  ({ test, pod: pod({ phase: 'Pending', initContainers: [init], containers: [none()] }), ready: '0/1', status, restarts: 0 });

describe('kubectlColumns matches the printPod tests', () => {
  upstreamTable('TestPrintPod', [
    { test: 'test1', pod: pod({ containers: [runningReady3, none({ restartCount: 3 })] }), ready: '1/2', status: 'Running', restarts: 6 },
    { test: 'test2', pod: pod({ containers: [runningReady3, wait({ reason: 'ContainerWaitingReason', restartCount: 3 })] }), ready: '1/2', status: 'ContainerWaitingReason', restarts: 6 },
    { test: 'test3', pod: pod({ containers: [wait({ reason: 'ContainerWaitingReason', restartCount: 3 }), term({ reason: 'ContainerTerminatedReason', restartCount: 3 })] }), ready: '0/2', status: 'ContainerWaitingReason', restarts: 6 },
    { test: 'test4', pod: pod({ containers: [runningReady3, none({ ready: true, restartCount: 3 })] }), ready: '1/2', status: 'Running', restarts: 6 },
    { test: 'test5', pod: pod({ reason: 'podReason', containers: [runningReady3, none({ ready: true, restartCount: 3 })] }), ready: '1/2', status: 'podReason', restarts: 6 },
    { test: 'test6 (no Ready condition)', pod: pod({ containers: [term({ reason: 'Completed', ready: true, restartCount: 3 }), runningReady3] }), ready: '1/2', status: 'NotReady', restarts: 6 },
    { test: 'test6 (Ready condition)', pod: pod({ conditions: [cond('Ready', 'True')], containers: [term({ reason: 'Completed', ready: true, restartCount: 3 }), runningReady3] }), ready: '1/2', status: 'Running', restarts: 6 },
    { test: 'test7', pod: pod({ initContainers: [run({ restartCount: 3, ...restarted })], containers: [wait()] }), ready: '0/1', status: 'Init:0/1', restarts: 3 },
    { test: 'test8', pod: pod({ initContainers: [run({ restartCount: 3, ...restarted }), wait()], containers: [wait()] }), ready: '0/1', status: 'Init:0/2', restarts: 3 },
    { test: 'test9', pod: pod({ initContainers: [term(), run({ restartCount: 3, ...restarted })], containers: [wait()] }), ready: '0/1', status: 'Init:1/2', restarts: 3 },
    { test: 'test10', pod: pod({ initContainers: [term({ restartCount: 2, ...restarted }), run({ restartCount: 3, ...restarted })], containers: [wait()] }), ready: '0/1', status: 'Init:1/2', restarts: 5 },
    { test: 'test11', pod: pod({ initContainers: [term({ restartCount: 2, ...restarted })], containers: [run({ restartCount: 4, ...restarted })] }), ready: '0/1', status: 'Running', restarts: 4 },
    // Upstream master prints Init:0/1 here; the copy read carries PR #141693, which prints Init:ContainerCreating.
    initCase('testInitPodInitializing', wait({ reason: 'PodInitializing' }), 'Init:0/1'),
    initCase('testInitContainerCreating', wait({ reason: 'ContainerCreating' }), 'Init:ContainerCreating'),
    initCase('testInitErrImagePull', wait({ reason: 'ErrImagePull' }), 'Init:ErrImagePull'),
    initCase('testInitImagePullBackOff', wait({ reason: 'ImagePullBackOff' }), 'Init:ImagePullBackOff'),
    initCase('testInitCrashLoopBackOff', wait({ reason: 'CrashLoopBackOff' }), 'Init:CrashLoopBackOff'),
    initCase('testInitRunning', run(), 'Init:0/1'),
    { test: 'testInitMultiple', pod: pod({ phase: 'Pending', initContainers: [term(), wait({ reason: 'ContainerCreating' }), wait({ reason: 'PodInitializing' })], containers: [none()] }), ready: '0/1', status: 'Init:ContainerCreating', restarts: 0 },
    initCase('testInitErrPrecedence', wait({ reason: 'ErrImagePull' }), 'Init:ErrImagePull'),
    { test: 'test12', pod: pod({ containers: [run({ ready: true, restartCount: 3, ...restarted })] }), ready: '1/1', status: 'Running', restarts: 3 },
    { test: 'test13', pod: pod({ containers: [run({ ready: true }), run({ ready: true, restartCount: 3, ...restarted })] }), ready: '2/2', status: 'Running', restarts: 3 },
    { test: 'test14', pod: pod({ containers: [run({ ready: true, restartCount: 6, ...restarted }), run({ ready: true, restartCount: 3, ...restarted })] }), ready: '2/2', status: 'Running', restarts: 9 },
    { test: 'test15', pod: pod({ conditions: [cond('PodScheduled', 'False', 'SchedulingGated')], containers: [none(), none()] }), ready: '0/2', status: 'SchedulingGated', restarts: 0 },
    { test: 'test16', pod: pod({ phase: 'Succeeded', containers: [term({ reason: 'Completed' })] }), ready: '0/1', status: 'Completed', restarts: 0 },
    { test: 'test17', pod: pod({ phase: 'Failed', containers: [term({ reason: 'Error', exitCode: 1 })] }), ready: '0/1', status: 'Error', restarts: 0 },
    { test: 'test18', pod: pod({ phase: 'Succeeded', deleting: true, containers: [term({ reason: 'Completed' })] }), ready: '0/1', status: 'Completed', restarts: 0 },
    { test: 'test19', pod: pod({ deleting: true, containers: [run()] }), ready: '0/1', status: 'Terminating', restarts: 0 },
    { test: 'test20', pod: pod({ phase: 'Pending', deleting: true, containers: [none()] }), ready: '0/1', status: 'Terminating', restarts: 0 },
    { test: 'test21', pod: pod({ phase: 'Failed', containers: [term({ reason: 'podCrash', exitCode: 1 }), run({ ready: true })] }), ready: '1/2', status: 'podCrash', restarts: 0 },
    { test: 'test22', pod: pod({ phase: 'Failed', containers: [run({ ready: true }), term({ reason: 'podCrash', exitCode: 1 })] }), ready: '1/2', status: 'podCrash', restarts: 0 },
    { test: 'test23', pod: pod({ phase: 'Failed', containers: [run({ ready: true }), term({ reason: 'podCrash', exitCode: 1, ready: true }), term({ ready: true })] }), ready: '1/3', status: 'podCrash', restarts: 0 },
    { test: 'test24', pod: pod({ phase: 'Failed', containers: [run(), term({ reason: 'podCrash', exitCode: 1 }), term()] }), ready: '0/3', status: 'podCrash', restarts: 0 },
  ]);

  const twoSidecars = (a: ContainerSnapshot, b: ContainerSnapshot) => [sidecar({ ...a, name: 'restartable-init-1' }), sidecar({ ...b, name: 'restartable-init-2' })];
  upstreamTable('TestPrintPodWithRestartableInitContainer', [
    { test: 'test1 (first sidecar running, not started)', pod: pod({ phase: 'Pending', conditions: initialized('False'), initContainers: twoSidecars(run({ restartCount: 3, started: false, ...restarted }), wait({ started: false })), containers: [wait()] }), ready: '0/3', status: 'Init:0/2', restarts: 3 },
    { test: 'test1 (first sidecar started, second running, not started)', pod: pod({ phase: 'Pending', conditions: initialized('False'), initContainers: twoSidecars(run({ restartCount: 3, started: true, ...restarted }), run({ started: false })), containers: [wait()] }), ready: '0/3', status: 'Init:1/2', restarts: 3 },
    { test: 'test2', pod: pod({ conditions: initialized('True'), initContainers: twoSidecars(run({ restartCount: 3, started: true, ...restarted }), run({ started: true })), containers: [run({ ready: true, restartCount: 4, ...restarted })] }), ready: '1/3', status: 'Running', restarts: 7 },
    { test: 'test3', pod: pod({ phase: 'Succeeded', conditions: initialized('True'), initContainers: twoSidecars(term({ reason: 'Error', exitCode: 137, restartCount: 3, started: false, ...restarted }), term({ reason: 'Error', exitCode: 137, started: false })), containers: [term({ reason: 'Completed', restartCount: 4, ...restarted })] }), ready: '0/3', status: 'Completed', restarts: 7 },
  ]);

  upstreamTable('TestPrintPodwide (READY, STATUS and RESTARTS only)', [
    { test: 'test1 (one pod IP)', pod: pod({ conditions: [cond('condition1', 'False'), cond('condition2', 'True')], containers: [runningReady3, none({ restartCount: 3 })] }), ready: '1/2', status: 'Running', restarts: 6 },
    { test: 'test1 (dual-stack pod IPs)', pod: pod({ conditions: [cond('condition1', 'False'), cond('condition2', 'True')], containers: [runningReady3, none({ restartCount: 3 })] }), ready: '1/2', status: 'Running', restarts: 6 },
    { test: 'test2', pod: pod({ containers: [runningReady3, wait({ reason: 'ContainerWaitingReason', restartCount: 3 })] }), ready: '1/2', status: 'ContainerWaitingReason', restarts: 6 },
  ]);

  const halfReady = [runningReady3, none({ restartCount: 3 })];
  upstreamTable('TestPrintPodConditions', [
    { test: 'running pod', pod: pod({ containers: halfReady }), ready: '1/2', status: 'Running', restarts: 6 },
    { test: 'succeeded pod', pod: pod({ phase: 'Succeeded', containers: halfReady }), ready: '1/2', status: 'Succeeded', restarts: 6 },
    { test: 'failed pod', pod: pod({ phase: 'Failed', containers: halfReady }), ready: '1/2', status: 'Failed', restarts: 6 },
  ]);

  upstreamTable('TestPrintPodList', [
    { test: 'test1', pod: pod({ containers: [runningReady3, runningReady3] }), ready: '2/2', status: 'Running', restarts: 6 },
    { test: 'test2', pod: pod({ containers: [run({ ready: true, restartCount: 1 })] }), ready: '1/1', status: 'Running', restarts: 1 },
  ]);

  upstreamTable('TestPrintNonTerminatedPod', [
    { test: 'test1', pod: pod({ phase: 'Running', containers: halfReady }), ready: '1/2', status: 'Running', restarts: 6 },
    { test: 'test2', pod: pod({ phase: 'Pending', containers: halfReady }), ready: '1/2', status: 'Pending', restarts: 6 },
    { test: 'test3', pod: pod({ phase: 'Unknown', containers: halfReady }), ready: '1/2', status: 'Unknown', restarts: 6 },
    { test: 'test4', pod: pod({ phase: 'Succeeded', containers: halfReady }), ready: '1/2', status: 'Succeeded', restarts: 6 },
    { test: 'test5', pod: pod({ phase: 'Failed', containers: [runningReady3, none({ ready: true, restartCount: 3 })] }), ready: '1/2', status: 'Failed', restarts: 6 },
  ]);
});

const statusOf = (over: Partial<PodListing>): string => kubectlColumns(pod(over)).status;

describe('kubectlColumns follows the rules of docs/rules/kubectl.md', () => {
  it.each(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const)(
    'rule 1: with no container reason STATUS is the phase (%s), and status.reason replaces it', (phase) => {
      expect(statusOf({ phase, containers: [run(), none()] })).toBe(phase);
      expect(statusOf({ phase, reason: 'Evicted', containers: [run(), none()] })).toBe('Evicted');
    });

  it.each(['ContainerCreating', 'CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull'])(
    'rule 2: a waiting container shows its reason (%s)', (reason) => {
      expect(statusOf({ containers: [run({ ready: true }), wait({ reason })] })).toBe(reason);
    });

  it('rule 3: a terminated container shows its reason, or Signal:N / ExitCode:N without one', () => {
    for (const reason of ['Completed', 'Error', 'OOMKilled', 'ContainerStatusUnknown']) {
      expect(statusOf({ phase: 'Failed', containers: [term({ reason, exitCode: 1 })] })).toBe(reason);
    }
    expect(statusOf({ phase: 'Failed', containers: [term({ exitCode: 137, signal: 9 })] })).toBe('Signal:9');
    expect(statusOf({ phase: 'Failed', containers: [term({ exitCode: 2 })] })).toBe('ExitCode:2');
  });

  it('rule 4: with several containers the one listed first that has a reason wins', () => {
    const pull = wait({ reason: 'ImagePullBackOff' });
    const oom = term({ reason: 'OOMKilled', exitCode: 137 });
    expect(statusOf({ containers: [run({ ready: true }), pull, oom] })).toBe('ImagePullBackOff');
    expect(statusOf({ containers: [oom, run({ ready: true }), pull] })).toBe('OOMKilled');
  });

  it('rule 5: Init:i/N counts the finished init containers before the first unfinished one', () => {
    const inits = (second: ContainerSnapshot) => [term({ reason: 'Completed' }), second, wait({ reason: 'PodInitializing' })];
    for (const second of [run(), wait(), wait({ reason: 'PodInitializing' })]) {
      expect(statusOf({ phase: 'Pending', initContainers: inits(second), containers: [wait({ reason: 'PodInitializing' })] })).toBe('Init:1/3');
    }
    expect(statusOf({ phase: 'Pending', initContainers: [term(), term(), run()], containers: [none()] })).toBe('Init:2/3');
  });

  it.each([
    [wait({ reason: 'CrashLoopBackOff', ...restarted }), 'Init:CrashLoopBackOff'],
    [wait({ reason: 'ErrImagePull' }), 'Init:ErrImagePull'],
    [term({ reason: 'Error', exitCode: 1 }), 'Init:Error'],
    [term({ reason: 'OOMKilled', exitCode: 137 }), 'Init:OOMKilled'],
    [term({ exitCode: 143, signal: 15 }), 'Init:Signal:15'],
    [term({ exitCode: 3 }), 'Init:ExitCode:3'],
  ])('rule 6: an init failure shows as Init:<reason> (%#)', (init, status) => {
    expect(statusOf({ phase: 'Pending', initContainers: [term(), init], containers: [wait({ reason: 'PodInitializing' })] })).toBe(status);
  });

  it('rule 7: PodInitializing means the init containers are done and a main container waits for its turn', () => {
    expect(statusOf({ phase: 'Pending', initContainers: [term({ reason: 'Completed' })], containers: [wait({ reason: 'PodInitializing' })] })).toBe('PodInitializing');
  });

  it('rule 8: Completed with another container running and ready becomes Running if the pod is Ready, else NotReady', () => {
    const containers = [term({ reason: 'Completed' }), run({ ready: true })];
    expect(statusOf({ containers, conditions: [cond('Ready', 'True')] })).toBe('Running');
    expect(statusOf({ containers, conditions: [cond('Ready', 'False')] })).toBe('NotReady');
    expect(statusOf({ containers: [term({ reason: 'Completed' }), run()] })).toBe('Completed');
  });

  it('rule 9: Completed from the first container while another exited non-zero shows that error', () => {
    expect(statusOf({ phase: 'Failed', containers: [term({ reason: 'Completed' }), term({ reason: 'Error', exitCode: 1 })] })).toBe('Error');
    expect(statusOf({ phase: 'Failed', containers: [term({ reason: 'Completed' }), term({ exitCode: 2 })] })).toBe('ExitCode:2');
    expect(statusOf({ containers: [term({ reason: 'Completed' }), run({ ready: true }), term({ reason: 'Error', exitCode: 1 })] })).toBe('Error');
  });

  it('rule 10: a deleted pod shows Terminating unless its phase is terminal', () => {
    expect(statusOf({ deleting: true, containers: [run({ ready: true })] })).toBe('Terminating');
    expect(statusOf({ phase: 'Pending', deleting: true, initContainers: [run()], containers: [none()] })).toBe('Terminating');
    expect(statusOf({ phase: 'Succeeded', deleting: true, containers: [term({ reason: 'Completed' })] })).toBe('Completed');
    expect(statusOf({ phase: 'Failed', deleting: true, containers: [term({ reason: 'Error', exitCode: 1 })] })).toBe('Error');
  });

  it('rule 11: a deleted pod whose reason is NodeLost shows Unknown; without deletion it shows NodeLost', () => {
    expect(statusOf({ reason: 'NodeLost', deleting: true, containers: [run({ ready: true })] })).toBe('Unknown');
    expect(statusOf({ phase: 'Succeeded', reason: 'NodeLost', deleting: true, containers: [none()] })).toBe('Unknown');
    expect(statusOf({ reason: 'NodeLost', containers: [run({ ready: true })] })).toBe('NodeLost');
  });

  it('rule 12: SchedulingGated comes from the PodScheduled condition reason', () => {
    expect(statusOf({ phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')], containers: [none()] })).toBe('SchedulingGated');
    expect(statusOf({ phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'Unschedulable')], containers: [none()] })).toBe('Pending');
  });

  it('rule 13: native sidecars count in READY, keep their restarts, and do not stop a Job pod showing Completed', () => {
    const log = sidecar({ ...run({ started: true, ready: true, restartCount: 2 }), name: 'log' });
    const plainInit = term({ restartCount: 5 });
    const up = kubectlColumns(pod({ initContainers: [plainInit, log], containers: [run({ ready: true, restartCount: 1 })] }));
    expect(up).toEqual({ ready: '2/2', status: 'Running', restarts: 3 });
    const notReady = sidecar({ ...run({ started: true, ready: false }), name: 'log' });
    expect(kubectlColumns(pod({ initContainers: [notReady], containers: [run({ ready: true })] })).ready).toBe('1/2');
    const job = pod({ initContainers: [log], containers: [term({ reason: 'Completed' })], conditions: [cond('Ready', 'False')] });
    expect(kubectlColumns(job)).toEqual({ ready: '1/2', status: 'Completed', restarts: 2 });
  });

  it('rule 14: STATUS is not the phase: Succeeded prints Completed, Failed prints the container reason', () => {
    expect(statusOf({ phase: 'Succeeded', containers: [term({ reason: 'Completed' })] })).toBe('Completed');
    expect(statusOf({ phase: 'Failed', containers: [term({ reason: 'Error', exitCode: 1 })] })).toBe('Error');
    expect(statusOf({ phase: 'Failed', containers: [term({ reason: 'OOMKilled', exitCode: 137 })] })).toBe('OOMKilled');
  });

  it('counts only the init restarts seen up to the unfinished init container while initializing', () => {
    const p = pod({ phase: 'Pending', initContainers: [term({ restartCount: 1 }), wait({ reason: 'CrashLoopBackOff', restartCount: 4 }), none({ restartCount: 9 })], containers: [wait({ reason: 'PodInitializing', restartCount: 7 })] });
    expect(kubectlColumns(p)).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: 5 });
  });

  it('runs the container scan once Initialized is True: a container reason replaces Init:…, a running one does not', () => {
    const stuckInit = [wait({ reason: 'ImagePullBackOff', restartCount: 2 })];
    const crashing = pod({ conditions: initialized('True'), initContainers: stuckInit, containers: [wait({ reason: 'CrashLoopBackOff', restartCount: 1 })] });
    expect(kubectlColumns(crashing)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: 1 });
    const up = pod({ conditions: initialized('True'), initContainers: stuckInit, containers: [run({ ready: true })] });
    expect(kubectlColumns(up)).toEqual({ ready: '1/1', status: 'Init:ImagePullBackOff', restarts: 0 });
  });
});
