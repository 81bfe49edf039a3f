import { describe, expect, it } from 'vitest';
import { podStatus } from '../../../shared/model/pod-status.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { podPhaseKind, type PodPhasePuzzle } from '../../../shared/puzzles/pod-phase.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';
import { checkStateKind } from './state-kind-checks.ts';

checkPuzzleKind(podPhaseKind);
checkStateKind(podPhaseKind, (p) => podStatus(p.facts).phase);

const seeds = Array.from({ length: 400 }, (_, i) => `t${i}`);
const puzzles = (d: Difficulty) => seeds.map((s) => podPhaseKind.generate(s, d));
const labelOf = (p: PodPhasePuzzle, id: string) => p.options.find((o) => o.id === id)?.label;
const pickLabel = (p: PodPhasePuzzle, label: string) => p.options.find((o) => o.label === label)!.id;

describe('podPhaseKind', () => {
  it('draws every phase at every level, none in more than about a third of puzzles', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      const counts = new Map<string, number>();
      for (const p of puzzles(d)) counts.set(podStatus(p.facts).phase, (counts.get(podStatus(p.facts).phase) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual(['Failed', 'Pending', 'Running', 'Succeeded']);
      for (const n of counts.values()) expect(n / seeds.length).toBeLessThanOrEqual(0.35);
    }
  });

  it('offers Unknown only on hard, and says the kubelet never sets it', () => {
    expect(puzzles('easy').some((p) => p.options.some((o) => o.label === 'Unknown'))).toBe(false);
    const hard = puzzles('hard').find((p) => p.options.some((o) => o.label === 'Unknown'))!;
    expect(podPhaseKind.grade(hard, pickLabel(hard, 'Unknown')).explanation).toContain('The kubelet never sets Unknown');
  });

  it('explains a CrashLoopBackOff pod as Running: a container reason is not a phase', () => {
    const p = puzzles('medium').find((x) => x.template === 'pod-phase/backoff-reasons' && podStatus(x.facts).phase === 'Running')!;
    const g = podPhaseKind.grade(p, pickLabel(p, 'Pending'));
    expect(g).toMatchObject({ score: 0, correct: false });
    expect(g.explanation).toMatch(/^Running: .* is in CrashLoopBackOff: .*CrashLoopBackOff is a container reason, not a phase\./);
  });

  it('keeps a restartPolicy Never pod whose image cannot be pulled Pending, never Failed', () => {
    const stuck = puzzles('medium').filter((p) => p.facts.restartPolicy === 'Never' && p.facts.containers.some((c) => c.reason === 'ImagePullBackOff' || c.reason === 'ErrImagePull'));
    expect(stuck.length).toBeGreaterThan(0);
    for (const p of stuck) expect(labelOf(p, podPhaseKind.solve(p))).toBe('Pending');
  });

  it('fails a pod past activeDeadlineSeconds whatever it runs, and says it was the deadline', () => {
    const late = puzzles('hard').filter((p) => podStatus(p.facts).decidedBy === 'deadline');
    expect(late.length).toBeGreaterThan(0);
    for (const p of late) {
      expect(labelOf(p, podPhaseKind.solve(p))).toBe('Failed');
      expect(podPhaseKind.meta(p).rules).toContain('phase/deadline-failed');
      expect(podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation).toContain('DeadlineExceeded');
    }
  });

  it('never starts the deadline clock for a pod no kubelet has accepted', () => {
    const waiting = puzzles('hard').filter((p) => p.template === 'pod-phase/deadline-from-start' && !p.facts.placement.bound);
    expect(waiting.length).toBeGreaterThan(0);
    for (const p of waiting) expect(labelOf(p, podPhaseKind.solve(p))).toBe('Pending');
  });

  it('points the explanation at the table cells of the container that decided', () => {
    const p = puzzles('easy').find((x) => x.template === 'pod-phase/job-never-exits')!;
    const line = podPhaseKind.grade(p, podPhaseKind.solve(p)).lines[0]!;
    expect(line.evidence?.cells?.length).toBeGreaterThan(0);
    expect(line.evidence?.optionIds).toEqual([podPhaseKind.solve(p)]);
  });

  it('makes the sidecar matter in hard sidecar items: no Failed a main or init container already forces, a non-zero sidecar exit under Succeeded', () => {
    const sided = puzzles('hard').filter((p) => p.template === 'pod-phase/job-with-sidecar' || p.template === 'pod-phase/init-failure-with-sidecar');
    expect(sided.length).toBeGreaterThan(40);
    for (const p of sided) {
      const phase = podStatus(p.facts).phase;
      expect(phase, p.template).not.toBe('Failed');
      if (phase === 'Succeeded') {
        const side = p.facts.initContainers.find((c) => c.restartPolicy === 'Always')!;
        expect(side.state).toBe('terminated');
        expect(side.exitCode, p.template).not.toBe(0);
      }
    }
  });

  it('makes a failing sidecar matter in hard items: "the sidecar\'s failure fails the pod" gives the wrong answer in a real share of draws', () => {
    // The myth: a native sidecar that exited non-zero or is crash-looping fails the pod. Where it agrees with the key
    // the sidecar is scenery (review I, PP-H3), so most such draws must have another key.
    const failing = puzzles('hard').filter((p) => p.facts.initContainers.some((c) => c.restartPolicy === 'Always'
      && ((c.state === 'terminated' && c.exitCode !== 0) || (c.state === 'waiting' && c.lastTerminationState !== undefined))));
    expect(failing.length).toBeGreaterThan(30);
    const mythWrong = failing.filter((p) => podStatus(p.facts).phase !== 'Failed');
    expect(mythWrong.length / failing.length).toBeGreaterThanOrEqual(0.75);
    // A main container that failed beside a crash-looping sidecar forces Failed alone: no hard item pairs them.
    for (const p of failing.filter((x) => x.template === 'pod-phase/sidecar-crash-stage')) expect(podStatus(p.facts).phase).not.toBe('Failed');
  });

  it('has no hard item that one running app container decides with nothing else in play (review I, PP-H2)', () => {
    for (const p of puzzles('hard').filter((x) => x.template === 'pod-phase/init-failure-with-sidecar')) {
      expect(p.facts.containers.some((c) => c.state === 'running')).toBe(false);
    }
  });

  it('blames a sidecar that cannot pull its image on the pull, not on a probe, and says why Never does not fail the pod', () => {
    // job-with-sidecar no longer draws a pull stage (one fact); legacy-or-native still shows a native sidecar whose
    // image cannot be pulled, where the start gate holds the main container back.
    const pulls = puzzles('hard').filter((p) => p.facts.initContainers.some((c) => c.restartPolicy === 'Always' && c.state === 'waiting' && /Image/.test(c.reason ?? '')));
    expect(pulls.length).toBeGreaterThan(3);
    for (const p of pulls) {
      const side = p.facts.initContainers.find((c) => c.restartPolicy === 'Always')!;
      const text = podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation;
      expect(text).toContain(side.reason!);
      expect(text).not.toMatch(/startup probe has not passed/);
      expect(text).toMatch(/has never run, so it has not failed: restartPolicy Never/);
    }
  });

  it('keeps medium Failed items off the easy rule: the failure is an init container\'s, a deadline\'s, or a Never pod with more to read', () => {
    // "Never, one container exited non-zero" is an easy read (review J PP-M2, review G PP-M2/M3).
    // pull-policy-defaults is exempt: its rule is the pull-policy default, and the task's exit is stated in the stem.
    for (const p of puzzles('medium').filter((q) => podStatus(q.facts).phase === 'Failed' && q.template !== 'pod-phase/pull-policy-defaults')) {
      const lone = p.facts.initContainers.length === 0 && p.facts.containers.length === 1 && p.facts.containers[0]!.state === 'terminated' && !p.facts.deadline;
      expect(lone, p.template).toBe(false);
    }
  });

  it('never shows a sidecar still Running beside a failed init container under Never (the kubelet stops it)', () => {
    for (const d of ['medium', 'hard'] as const) {
      for (const p of puzzles(d).filter((q) => q.facts.restartPolicy === 'Never' && podStatus(q.facts).phase === 'Failed')) {
        const initFailed = p.facts.initContainers.some((c) => !c.restartPolicy && c.state === 'terminated' && (c.exitCode ?? 0) !== 0);
        if (initFailed) expect(p.facts.initContainers.filter((c) => c.restartPolicy === 'Always' && c.state === 'running'), p.template).toEqual([]);
      }
    }
  });

  it('says why a crash-looping sidecar holds the pod Pending with its startup probe, not that it "never started" beside restarts', () => {
    const items = puzzles('hard').filter((p) => p.template === 'pod-phase/sidecar-crash-stage');
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) {
      const text = podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation;
      expect(text).not.toMatch(/has never started/);
      expect(p.prompt).toMatch(/startup probe/);
      expect(p.facts.restartPolicy).toBe('Never');
    }
  });

  it('cites only a restartPolicy the hard view shows', () => {
    for (const p of puzzles('hard')) {
      const view = podPhaseKind.publicView(p);
      const shown = `${view.prompt} ${view.code?.text ?? ''}`;
      for (const m of podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation.matchAll(/restartPolicy:? (Never|OnFailure|Always)/g)) {
        if (/its own restartPolicy|pod's/.test(m.input!.slice(Math.max(0, m.index! - 14), m.index!))) continue;
        expect(shown, `${p.template}: ${m[0]}`).toMatch(new RegExp(`restartPolicy:? ${m[1]}`));
      }
    }
  });

  it('lets the table, not the stem, decide medium restartPolicy Never items: no stem names the failure, and Never draws two phases per template', () => {
    const never = puzzles('medium').filter((p) => p.facts.restartPolicy === 'Never');
    for (const p of never) expect(p.prompt, p.template).not.toMatch(/ran out of memory|ran into trouble|crashed|failed at least once|OOM/i);
    const phases = new Map<string, Set<string>>();
    for (const p of never) phases.set(p.template, (phases.get(p.template) ?? new Set()).add(podStatus(p.facts).phase));
    for (const t of ['pod-phase/init-failure-policy', 'pod-phase/oom-killed', 'pod-phase/init-or-app-crash']) {
      expect(phases.get(t)?.size, t).toBeGreaterThanOrEqual(2);
    }
    // backoff-reasons has no Failed: under Never it is always an image back-off, where "Never + an error" misleads.
    for (const p of never.filter((q) => q.template === 'pod-phase/backoff-reasons')) {
      expect(podStatus(p.facts).phase).toBe('Pending');
      expect(p.facts.containers.some((c) => /ImagePullBackOff|ErrImagePull/.test(c.reason ?? ''))).toBe(true);
    }
  });

  it('makes the player find the sidecar in the YAML in hard Job-sidecar items: the table labels it (init), the YAML marks restartPolicy: Always', () => {
    const items = puzzles('hard').filter((p) => p.template === 'pod-phase/job-with-sidecar');
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) {
      const view = podPhaseKind.publicView(p);
      expect(view.table!.rows.flat().join(' ')).not.toContain('(sidecar)');
      expect(view.code!.text).toMatch(/initContainers:[\s\S]*restartPolicy: Always/);
      expect(view.prompt).not.toMatch(/sidecar/i);
    }
  });

  it('renders a golden puzzle', () => {
    const p = podPhaseKind.generate('golden', 'hard');
    const view = podPhaseKind.publicView(p);
    expect({ template: p.template, prompt: view.prompt, code: view.code?.text, rows: view.table?.rows }).toMatchInlineSnapshot(`
      {
        "code": undefined,
        "prompt": "Deployment pod inventory-r6cg2jfx5-jfj97 (restartPolicy: Always) starts fluent-bit as a native sidecar, then runs wait-for-redis. What is its status.phase?",
        "rows": [
          [
            "fluent-bit (sidecar)",
            "Running",
            "—",
            "—",
            "0",
          ],
          [
            "wait-for-redis (init)",
            "Waiting",
            "CrashLoopBackOff",
            "last run: 2",
            "12",
          ],
          [
            "inventory",
            "Waiting",
            "PodInitializing",
            "—",
            "0",
          ],
        ],
        "template": "pod-phase/init-failure-with-sidecar",
      }
    `);
    expect(podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation).toMatchInlineSnapshot(`"Pending: init container wait-for-redis exited 2, and restartPolicy Always retries it instead of failing the pod; inventory waits until every init container has exited 0. fluent-bit runs, but a running sidecar does not make a pod Running while an init container has not exited 0."`);
  });
});
