import { describe, expect, it } from 'vitest';
import { samePod } from '../../../shared/puzzles/same-pod.ts';
import { podDesign } from '../../../shared/model/pod-design.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(samePod);

const seeds = Array.from({ length: 400 }, (_, i) => `s${i}`);
const labelOf = (p: ReturnType<typeof samePod.generate>, id: string) => p.options.find((o) => o.id === id)!.label;

describe('samePod', () => {
  it('asks one pod or separate pods at easy, and for the reason at medium and hard', () => {
    expect(samePod.publicView(samePod.generate('x', 'easy')).options?.map((o) => o.label).sort()).toEqual(['One pod', 'Separate pods']);
    expect(samePod.publicView(samePod.generate('x', 'medium')).options).toHaveLength(4);
    expect(samePod.publicView(samePod.generate('x', 'hard')).prompt).toMatch(/and why\?$/);
  });

  it('never offers a "wrong reason" that is actually true of a pair that belongs together', () => {
    for (const s of seeds) {
      const p = samePod.generate(s, 'hard');
      if (!podDesign(p.needs).together) continue;
      const labels = p.options.map((o) => o.label).join('\n');
      expect(labels).not.toMatch(/cannot do its job without the other|call each other many times/);
    }
  });

  it('takes the verdict from podDesign', () => {
    for (const s of seeds) {
      const p = samePod.generate(s, 'easy');
      expect(labelOf(p, samePod.solve(p))).toBe(podDesign(p.needs).together ? 'One pod' : 'Separate pods');
    }
  });

  it('asks about both verdicts, roughly half each', () => {
    const together = seeds.filter((s) => podDesign(samePod.generate(s, 'medium').needs).together).length;
    expect(together / seeds.length).toBeGreaterThan(0.35);
    expect(together / seeds.length).toBeLessThan(0.65);
  });

  it('gives half credit for the right verdict with a folklore reason, and rebuts it', () => {
    const p = samePod.generate('s1', 'medium');
    const verdict = podDesign(p.needs);
    const halfRight = p.options.find((o) => o.together === verdict.together && o.id !== samePod.solve(p))!;
    const grade = samePod.grade(p, halfRight.id);
    expect(grade.score).toBe(0.5);
    expect(grade.explanation).toMatch(/is right, but not for that reason/);
  });

  it('sets the trap on hard mixed scenarios: the coupling that holds is offered, and it is wrong', () => {
    const mixed = seeds.map((s) => samePod.generate(s, 'hard')).filter((p) => {
      const n = p.needs;
      return (n.sharesLocalhost || n.sharesVolume) && !podDesign(n).together;
    });
    expect(mixed.length).toBeGreaterThan(seeds.length * 0.2);
    for (const p of mixed) {
      const trap = p.options.find((o) => o.reason === 'shares-localhost' || o.reason === 'shares-volume')!;
      expect(samePod.grade(p, trap.id)).toMatchObject({ score: 0, correct: false });
    }
  });

  it('explains the consequence of the wrong verdict (golden: web app and its database)', () => {
    const p = seeds.map((s) => samePod.generate(s, 'easy')).find((x) => x.b.name === 'postgres' && x.a.name === 'web')!;
    const onePod = p.options.find((o) => o.label === 'One pod')!;
    const grade = samePod.grade(p, onePod.id);
    expect(grade.score).toBe(0);
    expect(grade.explanation).toContain('In one pod, scaling one would scale the other with it.');
    expect(grade.docUrl).toBe('https://kubernetes.io/docs/concepts/workloads/pods/#workload-resources-for-managing-pods');
  });

  it('renders a fixed seed the same way', () => {
    expect(samePod.publicView(samePod.generate('golden', 'medium'))).toMatchInlineSnapshot(`
      {
        "format": "single",
        "kind": "same-pod",
        "options": [
          {
            "id": "a",
            "label": "Separate pods: each must scale to its own replica count",
          },
          {
            "id": "b",
            "label": "One pod: they must reach each other on localhost",
          },
          {
            "id": "c",
            "label": "One pod: they call each other many times a second",
          },
          {
            "id": "d",
            "label": "Separate pods: each container needs its own IP address",
          },
        ],
        "prompt": "\`web\` is the web app and \`postgres\` its database, reached through a Service. The web tier autoscales from 4 to 10 replicas; the database must stay one primary with its data on a PersistentVolume. Should \`web\` and \`postgres\` run in one pod or in separate pods, and why?",
        "table": {
          "columns": [
            "Container",
            "Image",
          ],
          "rows": [
            [
              "web",
              "ghcr.io/acme/web:2.2.1",
            ],
            [
              "postgres",
              "postgres:16",
            ],
          ],
        },
      }
    `);
  });
});
