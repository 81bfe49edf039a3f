import { describe, expect, it } from 'vitest';
import { kubectlColumns } from '../../../shared/model/kubectl-columns.ts';
import { podListing, podStatus, type PodFacts } from '../../../shared/model/pod-status.ts';
import { crashLoop, running, terminated, waiting, COMPLETED } from '../../../shared/model/container-states.ts';
import { createRng } from '../../../shared/random.ts';

const bound = { bound: true } as const;
const facts = (over: Partial<PodFacts>): PodFacts => ({
  restartPolicy: 'Always', placement: bound, sandboxReady: true, podHasInitialized: true, initContainers: [], containers: [running('web')], ...over,
});

describe('podStatus', () => {
  it('is Pending with only PodScheduled=False while the scheduler finds no node', () => {
    const message = '0/3 nodes are available: 3 Insufficient cpu.';
    const s = podStatus(facts({ placement: { bound: false, reason: 'Unschedulable', message }, containers: [{ name: 'web', state: 'none' }], podHasInitialized: false }));
    expect(s).toEqual({ phase: 'Pending', decidedBy: 'not-scheduled', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] });
  });

  it('fails a crash-looping Always pod once its activeDeadlineSeconds has passed, and marks it not ready', () => {
    const looping = facts({ containers: [crashLoop(createRng('x'), 'web')] });
    expect(podStatus(looping).phase).toBe('Running');
    const late = podStatus({ ...looping, deadline: { activeDeadlineSeconds: 300, secondsSinceStart: 320 } });
    expect(late).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', decidedBy: 'deadline' });
    expect(late.conditions.find((c) => c.type === 'Ready')).toEqual({ type: 'Ready', status: 'False', reason: 'PodFailed' });
  });

  it('keeps a Job pod that succeeded before the deadline Succeeded', () => {
    const done = facts({ restartPolicy: 'Never', containers: [terminated('main', COMPLETED)], deadline: { activeDeadlineSeconds: 600, secondsSinceStart: 900, endedAtSeconds: 120 } });
    expect(podStatus(done).phase).toBe('Succeeded');
  });

  it('prints DeadlineExceeded while the killed container is still listed, and its reason once it has terminated', () => {
    const deadline = { activeDeadlineSeconds: 60, secondsSinceStart: 75 };
    const stillListed = facts({ containers: [running('web', { ready: false })], deadline });
    expect(kubectlColumns(podListing(stillListed)).status).toBe('DeadlineExceeded');
    const stopped = facts({ containers: [terminated('web', { exitCode: 137, reason: 'Error' })], deadline });
    expect(kubectlColumns(podListing(stopped)).status).toBe('Error');
  });

  it('fails a pod the kubelet refused at admission at once, and kubectl prints the refusal', () => {
    const refused = facts({ containers: [{ name: 'web', state: 'none' }], podHasInitialized: false, rejected: { reason: 'OutOfcpu', message: 'Node didn\'t have enough resource: cpu' } });
    expect(podStatus(refused)).toMatchObject({ phase: 'Failed', reason: 'OutOfcpu', message: 'Pod was rejected: Node didn\'t have enough resource: cpu', decidedBy: 'rejected' });
    expect(kubectlColumns(podListing(refused)).status).toBe('OutOfcpu');
  });

  it('holds Ready False on a readiness gate while every container is ready', () => {
    const gate = 'target-health.elbv2.k8s.aws/k8s-shop-web-1a2b3c';
    const s = podStatus(facts({ readinessGates: [gate], customConditions: [{ type: gate, status: 'False' }] }));
    expect(s.conditions.find((c) => c.type === 'ContainersReady')?.status).toBe('True');
    expect(s.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ReadinessGatesNotReady' });
  });

  it('keeps status.reason from elsewhere (Evicted) and the getPhase result', () => {
    const evicted = facts({ podIsTerminal: true, reason: 'Evicted', containers: [terminated('web', { exitCode: 137, reason: 'Error' })] });
    expect(podStatus(evicted)).toMatchObject({ phase: 'Failed', reason: 'Evicted', decidedBy: 'getPhase' });
  });

  it('lists the same containers as the facts', () => {
    const f = facts({ initContainers: [terminated('migrate', COMPLETED)], containers: [waiting('web', 'PodInitializing')] });
    expect(podListing(f).initContainers.map((c) => c.name)).toEqual(['migrate']);
  });
});
