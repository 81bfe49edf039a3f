import { describe, expect, it } from 'vitest';
import { kubectlColumns } from '../../../shared/model/kubectl-columns.ts';
import { statusDecision } from '../../../shared/model/kubectl-decision.ts';
import { podListing } from '../../../shared/model/pod-status.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { kubectlStatus, type KubectlStatusPuzzle } from '../../../shared/puzzles/kubectl-status.ts';
import { columnAnswer } from '../../../shared/puzzles/kubectl-why.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';
import { checkStateKind } from './state-kind-checks.ts';

checkPuzzleKind(kubectlStatus);
checkStateKind(kubectlStatus, (p) => columnAnswer(podListing(p.facts), p.question.column));

const seeds = Array.from({ length: 400 }, (_, i) => `k${i}`);
const puzzles = (d: Difficulty) => seeds.map((s) => kubectlStatus.generate(s, d));
const answerOf = (p: KubectlStatusPuzzle) => p.options.find((o) => o.id === kubectlStatus.solve(p))!.label;
// A thousand seeds, so a string drawn one time in six at one template in nine shows up for certain.
const statuses = (d: Difficulty) => new Set(Array.from({ length: 1000 }, (_, i) => kubectlStatus.generate(`s${i}`, d)).filter((p) => p.question.column === 'STATUS').map(answerOf));

describe('kubectlStatus', () => {
  it('never shows a Completed container beside a Ready pod (a terminated container is never ready)', () => {
    // printPod's Running branch for Completed needs Ready=True, which a pod with a terminated regular container
    // cannot have (docs/rules/kubectl.md#completed-with-running).
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) {
        const l = podListing(p.facts);
        expect(statusDecision(l).step, kubectlStatus.meta(p).template).not.toBe('completed-running');
        const terminated = l.containers.some((c) => c.state === 'terminated');
        if (terminated) expect(l.conditions?.find((c) => c.type === 'Ready')?.status, kubectlStatus.meta(p).template).not.toBe('True');
      }
    }
  });

  it('offers four different options, the answer among them', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) expect(new Set(p.options.map((o) => o.label)).size).toBe(4);
    }
  });

  it('offers RESTARTS counts as kubectl prints them (no "00")', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d).filter((q) => q.question.column === 'RESTARTS')) {
        for (const o of p.options) expect(o.label, kubectlStatus.meta(p).template).toMatch(/^(0|[1-9]\d*)$/);
      }
    }
  });

  it('varies the image-pull item: pod names and images differ from seed to seed', () => {
    const pulls = puzzles('medium').filter((p) => p.template === 'kubectl-status/pull-policy-status');
    expect(pulls.length).toBeGreaterThan(20);
    expect(new Set(pulls.map((p) => p.prompt + (p.code?.text ?? ''))).size).toBe(pulls.length);
    expect(new Set(pulls.map((p) => p.code?.text)).size).toBeGreaterThanOrEqual(20);
  });

  it('asks all three columns at every level', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      expect(new Set(puzzles(d).map((p) => p.question.column))).toEqual(new Set(['STATUS', 'READY', 'RESTARTS']));
    }
  });

  it.each<[Difficulty, string[]]>([
    ['easy', ['Running', 'CrashLoopBackOff', 'ImagePullBackOff', 'ContainerCreating', 'CreateContainerError', 'InvalidImageName', 'Completed', 'Terminating', 'Init:1/3']],
    ['medium', ['NotReady', 'SchedulingGated', 'Pending', 'Evicted', 'OutOfcpu', 'ErrImageNeverPull']],
    ['hard', ['Terminating', 'DeadlineExceeded', 'ContainerStatusUnknown', 'Init:CrashLoopBackOff', 'Init:InvalidImageName', 'NotReady', 'Completed']],
  ])('prints the STATUS strings of its level (%s)', (d, expected) => {
    const asked = statuses(d);
    for (const s of expected) expect(asked).toContain(s);
  });

  it('builds only states a current cluster shows: no NodeLost reason, no Evicted or DeadlineExceeded over a finished container', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) {
        expect(p.facts.reason).not.toBe('NodeLost');
        const s = kubectlStatus.meta(p).answerKey;
        if (s === 'Evicted' || s === 'DeadlineExceeded') expect(p.facts.containers.some((c) => c.state === 'terminated')).toBe(false);
      }
    }
  });

  it('states the API server version wherever Completed gives way to an error', () => {
    for (const d of ['medium', 'hard'] as const) {
      for (const p of puzzles(d).filter((x) => kubectlStatus.meta(x).rules.includes('kubectl/error-over-completed'))) {
        expect(p.prompt).toMatch(/API server runs Kubernetes 1\.3[3-9]/);
      }
    }
  });

  it('explains a STATUS through the step of printPod that produced it', () => {
    for (const p of puzzles('hard').filter((x) => x.question.column === 'STATUS')) {
      const l = podListing(p.facts);
      expect(statusDecision(l)).toBeDefined();
      expect(kubectlStatus.grade(p, kubectlStatus.solve(p)).explanation.startsWith(`${kubectlColumns(l).status}:`)).toBe(true);
    }
  });

  it('prints Pending, not Unschedulable, for a pod no node accepts', () => {
    const p = puzzles('medium').find((x) => x.template === 'kubectl-status/not-yet-running' && !x.facts.placement.bound && x.facts.placement.reason === 'Unschedulable')!;
    expect(answerOf(p)).toBe('Pending');
    expect(p.options.map((o) => o.label)).toContain('Unschedulable');
  });

  it('keeps Init:CrashLoopBackOff when a sidecar crash-loops after the app started', () => {
    // About one hard puzzle in 150 has this shape: 2,000 seeds find it for certain, 400 only usually.
    const after = Array.from({ length: 2000 }, (_, i) => kubectlStatus.generate(`k${i}`, 'hard')).filter((x) => x.template === 'kubectl-status/sidecar-init-scan'
      && x.facts.containers.every((c) => c.state === 'running') && x.facts.initContainers.some((c) => c.reason === 'CrashLoopBackOff'));
    expect(after.length).toBeGreaterThan(0);
    for (const p of after) {
      expect(answerOf(p)).toBe('Init:CrashLoopBackOff');
      expect(kubectlStatus.meta(p).rules).toContain('kubectl/init-text-stays');
    }
  });

  it('works out a deadline before reading STATUS: DeadlineExceeded while the container is still listed, its reason once terminated', () => {
    const late = puzzles('hard').filter((x) => x.template === 'kubectl-status/deadline-then-print' && x.facts.deadline && x.facts.deadline.secondsSinceStart! >= x.facts.deadline.activeDeadlineSeconds && x.facts.deadline.endedAtSeconds === undefined);
    expect(late.length).toBeGreaterThan(0);
    for (const p of late) expect(['DeadlineExceeded', 'Error']).toContain(answerOf(p));
    for (const p of late) expect(kubectlStatus.publicView(p).code?.text).not.toContain('DeadlineExceeded');
  });

  it('offers both pull-policy outcomes side by side in init-image items, so the defaulting rule decides (review I, KS-H2)', () => {
    const items = Array.from({ length: 1000 }, (_, i) => kubectlStatus.generate(`s${i}`, 'hard')).filter((p) => kubectlStatus.meta(p).template === 'kubectl-status/init-image-pull');
    expect(new Set(items.map(answerOf))).toEqual(new Set(['Init:ImagePullBackOff', 'Init:0/1', 'Init:ErrImageNeverPull', 'Init:InvalidImageName']));
    for (const p of items) expect(p.options.map((o) => o.label), answerOf(p)).toEqual(expect.arrayContaining(['Init:0/1', 'Init:ImagePullBackOff']));
  });

  it('says why a deleted pod that finished is not Terminating, and shows the finalizer that keeps it listed (review I, KS-M3)', () => {
    const items = puzzles('medium').filter((p) => kubectlStatus.meta(p).template === 'kubectl-status/deleted-terminal');
    expect(items.length).toBeGreaterThan(5);
    for (const p of items) {
      expect(kubectlStatus.publicView(p).code!.text).toMatch(/deletionTimestamp[\s\S]*finalizers:\n  - batch\.kubernetes\.io\/job-tracking/);
      const explanation = kubectlStatus.grade(p, kubectlStatus.solve(p)).explanation;
      if (answerOf(p) === 'Terminating') expect(explanation).not.toContain('Not Terminating');
      else expect(explanation).toMatch(/Not Terminating: kubectl prints that only for a deleted pod whose phase is not yet Succeeded or Failed, and this one is (Succeeded|Failed)\./);
    }
  });

  it('names the container that decided and points at its cells', () => {
    const p = puzzles('medium').find((x) => x.template === 'kubectl-status/first-container-wins')!;
    const line = kubectlStatus.grade(p, kubectlStatus.solve(p)).lines[0]!;
    expect(line.text).toContain(p.facts.containers[0]!.name);
    expect(line.evidence?.cells?.every((c) => c.row === 0)).toBe(true);
  });

  it('renders a golden puzzle', () => {
    const p = kubectlStatus.generate('golden', 'medium');
    const view = kubectlStatus.publicView(p);
    expect({ template: p.template, prompt: view.prompt, code: view.code?.text, rows: view.table?.rows, options: view.options.map((o) => o.label) }).toMatchInlineSnapshot(`
      {
        "code": "spec:
        containers:
        - name: memcached
          image: MEMCACHED:1.6",
        "options": [
          "Pending",
          "ErrImagePull",
          "ImagePullBackOff",
          "InvalidImageName",
        ],
        "prompt": "The registry is unreachable. Deployment pod memcached-glk8vsk6f-gx6xm is on a node that has memcached:1.6 in its image cache and nothing else of memcached. If the kubelet has to pull, it is between two attempts right now. What does kubectl get pods show under STATUS?",
        "rows": undefined,
        "template": "kubectl-status/pull-policy-status",
      }
    `);
    expect(kubectlStatus.grade(p, kubectlStatus.solve(p)).explanation).toMatchInlineSnapshot(`"InvalidImageName: memcached is waiting with reason InvalidImageName, and STATUS shows a container's reason, not the phase (Pending). MEMCACHED:1.6 is not a valid image reference (a repository name must be lowercase; only a tag may use capitals), so the kubelet cannot even parse it: no pull is tried."`);
  });
});
