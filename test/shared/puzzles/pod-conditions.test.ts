import { describe, expect, it } from 'vitest';
import { firstNotTrue } from '../../../shared/model/conditions.ts';
import { podStatus } from '../../../shared/model/pod-status.ts';
import { schedule } from '../../../shared/model/scheduling.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { conditionsAnswer } from '../../../shared/puzzles/pod-conditions-draft.ts';
import { workingFixes } from '../../../shared/puzzles/pod-conditions-scheduling.ts';
import { initializedClaims } from '../../../shared/puzzles/pod-conditions-initialized.ts';
import { podConditions, type PodConditionsPuzzle } from '../../../shared/puzzles/pod-conditions.ts';
import { kindIds } from '../../../shared/puzzles/index.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';
import { checkStateKind } from './state-kind-checks.ts';
import { optionHolds } from './pod-conditions-truth.ts';

checkPuzzleKind(podConditions);
checkStateKind(podConditions, (p) => conditionsAnswer(p.facts, p.question));

const seeds = Array.from({ length: 400 }, (_, i) => `c${i}`);
const puzzles = (d: Difficulty) => seeds.map((s) => podConditions.generate(s, d));
const answerOf = (p: PodConditionsPuzzle) => p.options.find((o) => o.id === podConditions.solve(p))!.label;
const of = (d: Difficulty, template: string) => puzzles(d).filter((p) => p.template === `pod-conditions/${template}`);

describe('podConditions', () => {
  it('is registered under its own id', () => {
    expect(kindIds).toContain('pod-conditions');
  });

  it('offers four different options, the answer among them', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) {
        expect(new Set(p.options.map((o) => o.label)).size).toBe(4);
        expect(p.options.map((o) => o.label)).toContain(answerOf(p));
      }
    }
  });

  it('offers options of which exactly one, the answer, is true of the pod as an instructor reads it', () => {
    const seen = new Set<string>();
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (let i = 0; i < 1000; i++) {
        const p = podConditions.generate(`truth-${d}-${i}`, d);
        const holding = p.options.filter((o) => {
          const h = optionHolds(p.facts, p.question, o.label);
          expect(h, `${p.template}: no reading for "${o.label}"`).toBeDefined();
          return h;
        });
        expect(holding.map((o) => o.label), `${p.template}: ${p.prompt}`).toEqual([answerOf(p)]);
        seen.add(p.template);
      }
    }
    // Every template of every level was read.
    expect(seen.size).toBe(new Set((['easy', 'medium', 'hard'] as const).flatMap((d) => podConditions.templates[d])).size);
  });

  it('offers Initialized "whys" of which exactly one, the answer, is true of the table', () => {
    const asked = (['easy', 'medium', 'hard'] as const).flatMap((d) => Array.from({ length: 1200 }, (_, i) => podConditions.generate(`init${i}`, d))).filter((p) => p.question.ask === 'initialized');
    const whys = new Set<string>();
    for (const p of asked) {
      const claims = initializedClaims(p.facts);
      const holding = p.options.filter((o) => {
        const c = claims.find((x) => x.label === o.label);
        expect(c, `${o.label} is a claim about this pod`).toBeDefined();
        return c!.holds;
      });
      expect(holding.map((o) => o.label), p.prompt).toEqual([answerOf(p)]);
      whys.add(claims.find((c) => c.label === answerOf(p))!.why);
    }
    // Both templates ran, with every answer they draw (the sidecar stages and the plain ones).
    expect([...whys].sort()).toEqual(['all-done', 'init-failing', 'init-running', 'no-init', 'sidecar-not-started', 'sidecar-started', 'sticky']);
  });

  it('names the first condition that is not True exactly as the model orders them', () => {
    for (const p of [...of('easy', 'first-not-true'), ...of('medium', 'after-trouble'), ...of('hard', 'initialized-sticky')]) {
      const first = firstNotTrue(podStatus(p.facts).conditions);
      expect(answerOf(p)).toBe(first ?? 'None: all five are True');
    }
  });

  it('keeps a Running pod not Ready because of a readiness gate, with every container ready', () => {
    const gated = of('medium', 'readiness-gate').filter((p) => answerOf(p).startsWith('False: its gate'));
    expect(gated.length).toBeGreaterThan(0);
    for (const p of gated) {
      const s = podStatus(p.facts);
      expect(s.phase).toBe('Running');
      expect(s.conditions.find((c) => c.type === 'ContainersReady')?.status).toBe('True');
      expect(s.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ReadinessGatesNotReady' });
    }
  });

  it('counts a sidecar\'s readiness in Ready, and a finished init container\'s never', () => {
    const unreadySidecar = of('medium', 'sidecar-readiness').filter((p) => p.facts.initContainers.some((c) => c.restartPolicy === 'Always' && c.ready !== true));
    expect(unreadySidecar.length).toBeGreaterThan(0);
    for (const p of unreadySidecar) expect(podStatus(p.facts).conditions.find((c) => c.type === 'Ready')?.status).toBe('False');
    const yes = of('medium', 'sidecar-readiness').find((p) => answerOf(p).startsWith('Yes'))!;
    expect(yes.facts.initContainers.some((c) => c.restartPolicy !== 'Always' && c.state === 'terminated')).toBe(true);
  });

  it('asks for both the sidecar and the gate when both hold Ready, though Ready names only the containers', () => {
    const both = of('hard', 'gate-and-sidecar').filter((p) => answerOf(p) === 'Both the sidecar and the gate');
    expect(both.length).toBeGreaterThan(0);
    for (const p of both) expect(podStatus(p.facts).conditions.find((c) => c.type === 'Ready')?.reason).toBe('ContainersNotReady');
  });

  it('offers scheduling changes of which exactly one works, by the scheduler\'s own filters', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) {
        const q = p.question;
        if (q.ask !== 'fix') continue;
        expect(schedule(q.needs, q.nodes).scheduled).toBe(false);
        expect(workingFixes(q.needs, q.nodes, q.fixes)).toHaveLength(1);
        expect(p.facts.placement).toMatchObject({ bound: false, reason: 'Unschedulable' });
      }
    }
  });

  it('makes a hard scheduling puzzle hinge on the first filter a node fails', () => {
    for (const p of of('hard', 'one-change')) {
      expect(podConditions.meta(p).rules).toContain('conditions/first-filter');
      const q = p.question;
      if (q.ask !== 'fix') throw new Error('one-change asks for a fix');
      const problems = (n: (typeof q.nodes)[number]) => (n.unschedulable ? 1 : 0) + n.taints.length + (n.labels['disktype'] === 'hdd' ? 1 : 0) + (n.free.cpuMilli < q.needs.requests.cpuMilli ? 1 : 0);
      expect(q.nodes.some((n) => problems(n) >= 2)).toBe(true);
    }
  });

  it('reports SchedulingGated while a gate remains, whatever the nodes', () => {
    const gated = of('hard', 'gated-then-filters').filter((p) => p.question.ask === 'podscheduled' && (p.question.needs.schedulingGates ?? []).length > 0);
    expect(gated.length).toBeGreaterThan(0);
    for (const p of gated) expect(answerOf(p)).toBe('False (SchedulingGated)');
  });

  it('gates only a plain Pod with Kueue\'s admission gate: a Job Kueue suspends, and its pods do not exist yet', () => {
    const kueue = of('hard', 'gated-then-filters');
    expect(kueue.length).toBeGreaterThan(0);
    for (const p of kueue) {
      expect(p.prompt).not.toMatch(/\bJob\b/);
      expect(p.prompt).toMatch(/plain Pod/);
      expect(p.code?.text).toContain('kueue.x-k8s.io/queue-name:');
    }
  });

  it('lets the deadline fire in about half the puzzles that set one, so the clock cannot be ignored', () => {
    const timed = Array.from({ length: 1200 }, (_, i) => podConditions.generate(`deadline-${i}`, 'hard')).filter((p) => p.facts.deadline);
    expect(timed.length).toBeGreaterThan(100);
    const fired = timed.filter((p) => podStatus(p.facts).decidedBy === 'deadline').length / timed.length;
    expect(fired).toBeGreaterThan(0.35);
    expect(fired).toBeLessThan(0.6);
  });

  it('never prints the condition it asks about: the gate-and-sidecar YAML shows the gate, not Ready', () => {
    for (const p of of('hard', 'gate-and-sidecar')) expect(p.code?.text ?? '').not.toMatch(/type: (Ready|ContainersReady)\b/);
  });

  it('offers ContainersReady and Ready whenever a hard puzzle asks for the first condition not True', () => {
    for (const p of [...of('hard', 'initialized-sticky')]) {
      expect(p.options.map((o) => o.label)).toEqual(expect.arrayContaining(['Initialized', 'ContainersReady', 'Ready', 'None: all five are True']));
    }
  });

  it('holds a hard readiness gate with a sidecar True in at most a third of its puzzles', () => {
    const gate = of('hard', 'gate-and-sidecar');
    expect(gate.filter((p) => answerOf(p) === 'Nothing: it is Ready').length).toBeLessThanOrEqual(gate.length / 3);
  });

  it('shows a finished pod with PodReadyToStartContainers False, and a killed container terminated', () => {
    const late = of('hard', 'deadline-conditions').filter((p) => answerOf(p) === 'PodReadyToStartContainers');
    expect(late.length).toBeGreaterThan(0);
    for (const p of late) {
      expect(podStatus(p.facts).phase).toBe('Failed');
      expect(p.facts.containers.every((c) => c.state === 'terminated')).toBe(true);
    }
  });

  it('does not quote the scheduler at easy: the nodes decide which change works', () => {
    for (const p of of('easy', 'scheduler-message')) {
      expect(p.prompt).not.toMatch(/nodes are available/);
      expect(p.table?.columns).toEqual(['Node', 'Free CPU', 'Free memory', 'Taints', 'Labels']);
    }
  });

  it('shows every node an explanation relies on: the control-plane node is in the table', () => {
    for (const p of of('medium', 'scheduler-message-mixed')) {
      expect(p.table?.rows.map((r) => r[0])).toContain('cp-1');
      expect(podConditions.grade(p, podConditions.solve(p)).explanation).toContain('cp-1');
    }
  });

  it('masks values in the answer key of a scheduling change', () => {
    const p = of('easy', 'scheduler-message')[0]!;
    expect(podConditions.meta(p).answerKey).toMatch(/^(Lower the CPU request|Lower the memory request|Add a toleration|Drop the nodeSelector)$/);
  });

  it('makes the readiness-gate item turn mostly on the sidecar and the gate together, and never spells out that the gate is missing', () => {
    const gate = of('hard', 'gate-and-sidecar');
    expect(gate.length).toBeGreaterThan(20);
    for (const p of gate) expect(p.code?.text ?? '').not.toMatch(/no condition|not written|missing/i);
    const sidecarUnready = gate.filter((p) => ['Only the sidecar must turn ready', 'Both the sidecar and the gate'].includes(answerOf(p)));
    expect(sidecarUnready.length / gate.length).toBeGreaterThanOrEqual(0.55);
  });

  it('renders a golden puzzle', () => {
    const p = podConditions.generate('golden', 'hard');
    const view = podConditions.publicView(p);
    expect({ template: p.template, prompt: view.prompt, code: view.code?.text, rows: view.table?.rows, options: view.options.map((o) => o.label) }).toMatchInlineSnapshot(`
      {
        "code": "spec:
        readinessGates:
        - conditionType: target-health.elbv2.k8s.aws/k8s-shop-web-3f2a1b9c4d
      status:
        conditions:   # ContainersReady and Ready left out
        - type: PodScheduled
          status: "True"
        - type: PodReadyToStartContainers
          status: "True"
        - type: Initialized
          status: "True"",
        "options": [
          "Only the sidecar must turn ready",
          "Nothing: it is Ready",
          "Both the sidecar and the gate",
          "Only the gate must turn True",
        ],
        "prompt": "Deployment pod shipping-5dvkvrnwr-nlbf6 ships its logs with vector, a native sidecar, and sits behind an AWS load balancer that answers a readiness gate. What must still happen before its Ready condition turns True?",
        "rows": [
          [
            "vector (sidecar)",
            "Running",
            "0",
            "yes",
          ],
          [
            "shipping",
            "Running",
            "0",
            "yes",
          ],
        ],
        "template": "pod-conditions/gate-and-sidecar",
      }
    `);
    expect(podConditions.grade(p, podConditions.solve(p)).explanation).toMatchInlineSnapshot(`"The load balancer controller must write the gate's condition, True. Ready needs every container ready (a sidecar counts) and every gate True."`);
  });
});
