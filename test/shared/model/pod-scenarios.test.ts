import { describe, expect, it } from 'vitest';
import { kubectlColumns } from '../../../shared/model/kubectl-columns.ts';
import { podPhase } from '../../../shared/model/pod-phase.ts';
import { podScenario, randomScenario, scenarioKinds, type ScenarioKind } from '../../../shared/model/pod-scenarios.ts';
import { isSidecar } from '../../../shared/model/pod-types.ts';
import { createRng } from '../../../shared/random.ts';

const SEEDS = Array.from({ length: 60 }, (_, i) => `s${i}`);
const every = (kind: ScenarioKind) => SEEDS.map((seed) => podScenario(createRng(seed), kind));
const all = scenarioKinds.flatMap(every);
const condition = (s: ReturnType<typeof every>[number], type: string) => s.listing.conditions?.find((c) => c.type === type);

describe('podScenario', () => {
  it('gives every listing the phase podPhase computes from its snapshot', () => {
    for (const s of all) expect(s.listing.phase, s.kind).toBe(podPhase(s.snapshot));
  });

  it('lists the same containers, in spec order, in the snapshot, the listing and the table rows', () => {
    for (const s of all) {
      const names = s.containers.map((c) => c.status.name);
      expect(names).toEqual([...s.snapshot.initContainers, ...s.snapshot.containers].map((c) => c.name));
      expect(names).toEqual([...s.listing.initContainers, ...s.listing.containers].map((c) => c.name));
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('gives Deployments and StatefulSets restartPolicy Always and Jobs Never or OnFailure', () => {
    for (const s of all) expect(s.restartPolicy === 'Always', `${s.kind} ${s.owner}`).toBe(s.owner !== 'Job');
  });

  it('marks exactly the native sidecars with restartPolicy Always', () => {
    for (const s of all) {
      for (const c of s.containers) expect(isSidecar(c.status), c.status.name).toBe(c.role === 'sidecar');
    }
  });

  it('never starts an init container before the ones listed ahead of it are done (init.md)', () => {
    for (const s of all.filter((x) => x.kind.startsWith('init-') || x.kind === 'sidecar-starting')) {
      const inits = s.snapshot.initContainers;
      const current = inits.findIndex((c) => !(c.state === 'terminated' && c.exitCode === 0) && !(isSidecar(c) && c.started));
      for (const later of inits.slice(current + 1)) expect(later).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    }
  });

  it('is deterministic for a seed', () => {
    expect(podScenario(createRng('x'), 'crashloop')).toEqual(podScenario(createRng('x'), 'crashloop'));
  });

  it('reaches every scenario kind when picking at random', () => {
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => randomScenario(createRng(`r${i}`)).kind));
    expect([...seen].sort()).toEqual([...scenarioKinds].sort());
  });
});

describe('podScenario phases (docs/rules/phase.md)', () => {
  it.each<[ScenarioKind, string, string[]]>([
    ['crashloop', 'P4: CrashLoopBackOff is Running', ['Running']],
    ['all-exited-always', 'P5: Always with every container exited is Running', ['Running']],
    ['job-retrying', 'P6: OnFailure with a failure is Running', ['Running']],
    ['job-failed', 'P7: Never with a failure is Failed', ['Failed']],
    ['deleted-exited', 'P8: a deleted Always pod ends Succeeded or Failed', ['Succeeded', 'Failed']],
    ['evicted', 'P8: an evicted pod ends Failed', ['Failed']],
    ['init-running', 'P9: an init container running is Pending', ['Pending']],
    ['init-failed', 'P10: a failed init container under Never is Failed', ['Failed']],
    ['init-crashloop', 'P11: a failed init container under Always/OnFailure is Pending', ['Pending']],
    ['job-sidecar-stopped', 'P12: a failed sidecar never fails a Never pod', ['Succeeded']],
    ['job-sidecar-running', 'P13: a running sidecar keeps the Job pod Running', ['Running']],
    ['sidecar-starting', 'P14: a sidecar not yet started is Pending', ['Pending']],
    ['sidecar-crashloop', 'P14: a restarting sidecar after initialization stays Running', ['Running']],
    ['image-pull', 'P3: an image pull keeps the pod Pending', ['Pending']],
    ['scheduling-gated', 'P1: no statuses is Pending', ['Pending']],
  ])('%s: %s', (kind, _rule, phases) => {
    for (const s of every(kind)) expect(phases).toContain(s.listing.phase);
  });
});

describe('podScenario conditions (docs/rules/conditions.md)', () => {
  it('keeps Initialized False while an init container has not finished', () => {
    for (const s of [...every('init-running'), ...every('init-crashloop'), ...every('sidecar-starting')]) {
      expect(condition(s, 'Initialized')?.status).toBe('False');
    }
  });

  it('keeps Initialized True when a sidecar restarts after the app started', () => {
    for (const s of every('sidecar-crashloop')) expect(condition(s, 'Initialized')?.status).toBe('True');
  });

  it('counts sidecar readiness in ContainersReady', () => {
    for (const s of every('sidecar-crashloop')) expect(condition(s, 'ContainersReady')).toMatchObject({ status: 'False' });
    for (const s of every('running')) expect(condition(s, 'ContainersReady')?.status).toBe('True');
  });

  it('sets ContainersReady False with PodCompleted on a Succeeded pod', () => {
    for (const s of every('job-completed')) expect(condition(s, 'ContainersReady')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'PodCompleted' });
  });
});

describe('podScenario STATUS column', () => {
  it.each<[ScenarioKind, RegExp]>([
    ['running', /^Running$/], ['not-ready', /^Running$/], ['crashloop', /^CrashLoopBackOff$/],
    ['image-pull', /^(ImagePullBackOff|ErrImagePull)$/], ['creating', /^ContainerCreating$/],
    ['config-error', /^CreateContainerConfigError$/], ['init-running', /^Init:\d\/\d$/],
    ['init-crashloop', /^Init:CrashLoopBackOff$/], ['init-failed', /^Init:(Error|OOMKilled)$/],
    ['init-image-pull', /^Init:(ImagePullBackOff|ErrImagePull)$/], ['sidecar-starting', /^Init:\d\/\d$/],
    ['pod-initializing', /^PodInitializing$/], ['job-completed', /^Completed$/], ['job-failed', /^(Error|OOMKilled)$/],
    ['job-sidecar-running', /^Completed$/], ['job-sidecar-stopped', /^Completed$/], ['all-exited-always', /^Completed$/],
    ['oom-killed', /^OOMKilled$/], ['partly-completed', /^NotReady$/], ['sidecar-crashloop', /^Init:CrashLoopBackOff$/],
    ['deleting', /^Terminating$/], ['deleted-exited', /^(Completed|Error)$/], ['evicting', /^Evicted$/],
    ['evicted', /^(ContainerStatusUnknown|Error)$/], ['node-lost', /^Unknown$/], ['scheduling-gated', /^SchedulingGated$/],
  ])('%s shows %s', (kind, status) => {
    for (const s of every(kind)) expect(kubectlColumns(s.listing).status).toMatch(status);
  });
});
