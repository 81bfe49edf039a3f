import { describe, expect, it } from 'vitest';
import { judge } from '../../../shared/model/sharing.ts';
import { isRuleId } from '../../../shared/model/rules/index.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { sharedNamespaces } from '../../../shared/puzzles/shared-namespaces.ts';
import { renderPod } from '../../../shared/puzzles/sharing-yaml.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(sharedNamespaces);

const levels: Difficulty[] = ['easy', 'medium', 'hard'];
const puzzles = (d: Difficulty, n = 300) => Array.from({ length: n }, (_, i) => sharedNamespaces.generate(`sn-${i}`, d));

describe('sharedNamespaces', () => {
  it('solves with exactly the statements the sharing model says are true', () => {
    for (const d of levels) {
      for (const p of puzzles(d, 150)) {
        const truths = p.statements.map((s) => judge(p.pod, s.claim).yes);
        expect(sharedNamespaces.solve(p)).toEqual(p.options.filter((_, i) => truths[i]).map((o) => o.id));
        expect(new Set(truths)).toEqual(new Set([true, false]));
      }
    }
  });

  it('lets the YAML decide: within every template, each wording is true between 30% and 70% of the time', () => {
    for (const d of levels) {
      const byWording = new Map<string, [number, number]>();
      for (const p of puzzles(d, 800)) {
        const meta = sharedNamespaces.meta(p);
        for (const s of meta.statements!) {
          const key = `${meta.template} ${s.wording}`;
          const [t, n] = byWording.get(key) ?? [0, 0];
          byWording.set(key, [t + (s.truth ? 1 : 0), n + 1]);
        }
      }
      for (const [key, [t, n]] of byWording) {
        if (n < 30) continue;
        expect(t / n, `${d} ${key} true in ${t} of ${n}`).toBeGreaterThan(0.3);
        expect(t / n, `${d} ${key} true in ${t} of ${n}`).toBeLessThan(0.7);
      }
    }
  });

  it('explains every statement in one line that points at its option and at YAML lines that exist', () => {
    for (const d of levels) {
      for (const p of puzzles(d, 100)) {
        const lines = sharedNamespaces.grade(p, []).lines;
        const yamlLines = sharedNamespaces.publicView(p).code!.text.split('\n').length;
        expect(lines).toHaveLength(p.options.length);
        lines.forEach((l, i) => {
          expect(l.evidence?.optionIds).toEqual([p.options[i]!.id]);
          expect(l.text).toMatch(new RegExp(`^${p.options[i]!.id}\\) (True|False): `));
          expect(l.evidence?.codeLines?.length, l.text).toBeGreaterThan(0);
          for (const n of l.evidence!.codeLines!) expect(n).toBeGreaterThanOrEqual(1), expect(n).toBeLessThanOrEqual(yamlLines);
          expect(l.text.split(/\s+/).length, l.text).toBeLessThanOrEqual(50);
        });
      }
    }
  });

  it('keeps the pod within 16 lines of YAML and names its rules in the registry', () => {
    for (const d of levels) {
      for (const p of puzzles(d, 200)) {
        expect(renderPod(p.pod).lines).toBeLessThanOrEqual(16);
        expect(sharedNamespaces.meta(p).rules.every(isRuleId)).toBe(true);
      }
    }
  });

  it('gives every hard puzzle a statement that needs two rules together, and most hard statements two', () => {
    let twoRule = 0;
    let total = 0;
    for (const p of puzzles('hard', 300)) {
      const counts = p.statements.map((s) => judge(p.pod, s.claim).rules.length);
      expect(Math.max(...counts), sharedNamespaces.meta(p).template).toBeGreaterThanOrEqual(2);
      twoRule += counts.filter((n) => n >= 2).length;
      total += counts.length;
    }
    expect(twoRule / total).toBeGreaterThan(0.5);
  });

  it('states the premises a statement needs: ports listed, capabilities default', () => {
    for (const p of puzzles('hard', 200)) {
      const prompt = sharedNamespaces.publicView(p).prompt;
      if (p.statements.some((s) => s.claim.kind === 'reach-port')) expect(prompt).toContain('containerPorts list what each container listens on');
      if (p.statements.some((s) => s.claim.kind === 'signal')) expect(prompt).toContain('default capabilities');
    }
  });

  it('renders a golden puzzle', () => {
    const p = sharedNamespaces.generate('golden', 'hard');
    const view = sharedNamespaces.publicView(p);
    expect({ template: sharedNamespaces.meta(p).template, options: view.options.map((o) => o.label), solution: sharedNamespaces.solve(p) }).toMatchSnapshot();
    expect(view.code?.text).toMatchSnapshot();
  });
});
