// Review L3 (pod-phase): a medium "tight memory limit" draw always has something the limit killed; a hard deadline
// that fired is what makes the pod Failed (without it the pod would be in another phase); no explanation says a
// sentence twice; the medium deadline item links the API reference that states the deadline.
import { describe, expect, it } from 'vitest';
import { podStatus } from '../../../shared/model/pod-status.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { podPhaseKind } from '../../../shared/puzzles/pod-phase.ts';

const draw = (d: Difficulty, n: number) => Array.from({ length: n }, (_, i) => podPhaseKind.generate(`l3p${i}`, d));

describe('pod-phase after review L3', () => {
  it('lets the tight memory limit come into play in every medium oom-killed draw', () => {
    const oom = draw('medium', 1200).filter((p) => p.template === 'pod-phase/oom-killed');
    expect(oom.length).toBeGreaterThan(60);
    for (const p of oom) {
      const all = [...p.facts.initContainers, ...p.facts.containers];
      expect(all.some((c) => c.reason === 'OOMKilled' || c.lastTerminationState?.reason === 'OOMKilled'), p.template).toBe(true);
    }
  });

  it('makes every fired deadline in hard decide the answer: without it the pod would not be Failed', () => {
    let fired = 0;
    for (const p of draw('hard', 1500)) {
      if (!p.facts.deadline || podStatus(p.facts).decidedBy !== 'deadline') continue;
      fired++;
      const { deadline: _, ...without } = p.facts;
      expect(podStatus(without).phase, p.template).not.toBe('Failed');
    }
    expect(fired).toBeGreaterThan(30);
  });

  it('never repeats a clause within one explanation', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of draw(d, 400)) {
        const text = podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation;
        const clauses = text.split(/[.;:]\s+/).map((s) => s.trim().toLowerCase()).filter((s) => s.split(' ').length >= 4);
        for (const c of new Set(clauses)) expect(clauses.filter((x) => x === c).length, `${p.template}: ${text}`).toBe(1);
        if (/still runs in its grace period/.test(text)) expect(text.match(/still runs in its grace period/g)!.length).toBe(1);
      }
    }
  });

  it('links the Pod API reference for the medium deadline item', () => {
    for (const p of draw('medium', 400).filter((x) => x.template === 'pod-phase/active-deadline')) {
      expect(podPhaseKind.grade(p, podPhaseKind.solve(p)).docUrl).toBe('https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#lifecycle');
    }
  });
});
