// Review L3 (pod-conditions): a conditions excerpt is the pod's whole list or says what it leaves out; the Kueue item
// states its flavor and varies its answer; the scheduling medium quotes no event and the table decides.
import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { podConditions, type PodConditionsPuzzle } from '../../../shared/puzzles/pod-conditions.ts';

const KUBELET = ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'];
const draw = (d: Difficulty, n: number, tag: string) => Array.from({ length: n }, (_, i) => podConditions.generate(`${tag}${i}`, d));
const answerOf = (p: PodConditionsPuzzle) => p.options.find((o) => o.id === podConditions.solve(p))!.label;

describe('pod-conditions after review L3', () => {
  it('shows a conditions list only whole, or with a comment naming what it leaves out', () => {
    let lists = 0;
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of draw(d, 500, 'l3c')) {
        const code = p.code?.text ?? '';
        if (!/^\s*conditions:/m.test(code)) continue;
        lists++;
        const omitted = code.split('\n').filter((l) => /left out/.test(l)).join(' ');
        for (const t of KUBELET) {
          const shown = new RegExp(`type: ${t}\\b`).test(code);
          expect(shown || omitted.includes(t) || /kubelet's five/.test(omitted), `${p.template} ${t}:\n${code}`).toBe(true);
        }
      }
    }
    expect(lists).toBeGreaterThan(50);
  });

  it('lists exactly the conditions the pod has, where the readiness-gate medium shows them', () => {
    for (const p of draw('medium', 600, 'l3g').filter((x) => x.template === 'pod-conditions/readiness-gate')) {
      const code = p.code!.text;
      const has = (t: string) => new RegExp(`type: ${t.replace(/[./]/g, '\\$&')}[ ,]`).test(code);
      for (const t of ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady']) expect(has(t)).toBe(true);
      expect(has('Ready')).toBe(false);
      expect(p.prompt).not.toMatch(/\bredis\b/);
    }
  });

  it('states the Kueue flavor, shows the toleration it wrote, and does not always answer "taint"', () => {
    const kueue = draw('hard', 1500, 'l3k').filter((p) => p.template === 'pod-conditions/gated-then-filters');
    expect(kueue.length).toBeGreaterThan(60);
    const answers = new Map<string, number>();
    for (const p of kueue) {
      const a = answerOf(p);
      answers.set(a, (answers.get(a) ?? 0) + 1);
      expect(p.prompt).toMatch(/ResourceFlavor sets no nodeLabels and (no tolerations|one toleration, dedicated=batch:NoSchedule)/);
      const tolerates = /one toleration/.test(p.prompt);
      const ungated = !/^\s+schedulingGates:/m.test(p.code!.text);
      expect(p.code!.text.includes('tolerations:')).toBe(tolerates && ungated);
      if (a.includes('untolerated taint')) expect(tolerates).toBe(false);
    }
    for (const a of ['True', 'False (SchedulingGated)', 'False (Unschedulable): not enough CPU', 'False (Unschedulable): an untolerated taint']) {
      expect((answers.get(a) ?? 0) / kueue.length, a).toBeGreaterThan(0.12);
    }
    // Tainted nodes appear with every answer, so "tainted nodes" does not give the taint away.
    const taintedNotTaint = kueue.filter((p) => p.table!.rows.some((r) => r.join(' ').includes('dedicated=batch')) && !answerOf(p).includes('taint'));
    expect(taintedNotTaint.length).toBeGreaterThan(kueue.length * 0.2);
  });

  it('quotes no scheduler event in the scheduling medium, and offers two cuts of the short resource', () => {
    const mixed = draw('medium', 800, 'l3m').filter((p) => p.template === 'pod-conditions/scheduler-message-mixed');
    expect(mixed.length).toBeGreaterThan(40);
    for (const p of mixed) {
      expect(p.prompt).not.toMatch(/nodes are available|Insufficient|untolerated|didn't match/);
      const a = answerOf(p);
      for (const r of ['CPU', 'memory']) {
        if (a.startsWith(`Lower its ${r}`)) expect(p.options.filter((o) => o.label.startsWith(`Lower its ${r}`)).length).toBe(2);
      }
    }
  });
});
