import { describe, expect, it } from 'vitest';
import { podPhase } from '../../../shared/model/pod-phase.ts';
import { podPhaseKind } from '../../../shared/puzzles/pod-phase.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(podPhaseKind);

const seeds = Array.from({ length: 300 }, (_, i) => `t${i}`);
const puzzles = (d: Difficulty) => seeds.map((s) => podPhaseKind.generate(s, d));
const labelOfAnswer = (p: ReturnType<typeof podPhaseKind.generate>) =>
  p.options.find((o) => o.id === podPhaseKind.solve(p))?.label;

describe('podPhaseKind', () => {
  it('takes its answer from podPhase, never Unknown', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) expect(labelOfAnswer(p)).toBe(podPhase(p.scenario.snapshot));
    }
  });

  it('offers Unknown as a distractor only on hard', () => {
    expect(puzzles('easy').some((p) => p.options.some((o) => o.label === 'Unknown'))).toBe(false);
    expect(puzzles('hard').every((p) => p.options.some((o) => o.label === 'Unknown'))).toBe(true);
  });

  it.each([
    ['medium', 'crashloop', 'P4'], ['medium', 'all-exited-always', 'P5'], ['medium', 'init-failed', 'P10'],
    ['medium', 'init-crashloop', 'P11'], ['hard', 'job-sidecar-stopped', 'P12'], ['hard', 'job-sidecar-running', 'P13'],
    ['hard', 'deleted-exited', 'P8'], ['hard', 'sidecar-starting', 'P14'],
  ] as const)('sets the %s trap %s and names rule %s in the explanation', (d, kind, rule) => {
    const trap = puzzles(d).filter((p) => p.scenario.kind === kind);
    expect(trap.length).toBeGreaterThan(0);
    for (const p of trap) expect(podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation).toContain(`(${rule})`);
  });

  it('explains a CrashLoopBackOff pod as Running, and says why Pending is wrong', () => {
    const p = puzzles('medium').find((x) => x.scenario.kind === 'crashloop')!;
    const pending = p.options.find((o) => o.label === 'Pending')!.id;
    const grade = podPhaseKind.grade(p, pending);
    expect(grade).toMatchObject({ score: 0, correct: false });
    expect(grade.explanation).toMatch(/^The phase is Running, not Pending\. .*CrashLoopBackOff is a container reason, not a phase/);
  });

  it('notes that the kubelet never sets Unknown when a player picks it', () => {
    const p = puzzles('hard')[0]!;
    const unknown = p.options.find((o) => o.label === 'Unknown')!.id;
    expect(podPhaseKind.grade(p, unknown).explanation).toContain('The kubelet never sets Unknown');
  });

  it('shows the containers as a table, one row per container in spec order', () => {
    const p = podPhaseKind.generate('golden', 'medium');
    const view = podPhaseKind.publicView(p);
    expect(view.table?.columns).toEqual(['Container', 'Kind', 'State', 'Reason', 'Exit code', 'Restarts', 'Ready']);
    expect(view.table?.rows.map((r) => r[0])).toEqual(p.scenario.containers.map((c) => c.status.name));
    expect(view.prompt).toContain(`restartPolicy: ${p.scenario.restartPolicy}`);
  });

  it('renders a golden puzzle', () => {
    const p = podPhaseKind.generate('golden', 'hard');
    expect(podPhaseKind.publicView(p)).toMatchInlineSnapshot(`
      {
        "format": "single",
        "kind": "pod-phase",
        "options": [
          {
            "id": "a",
            "label": "Succeeded",
          },
          {
            "id": "b",
            "label": "Running",
          },
          {
            "id": "c",
            "label": "Pending",
          },
          {
            "id": "d",
            "label": "Failed",
          },
          {
            "id": "e",
            "label": "Unknown",
          },
        ],
        "prompt": "Pod orders-0 (StatefulSet) has restartPolicy: Always. What is its status.phase right now?",
        "table": {
          "columns": [
            "Container",
            "Kind",
            "State",
            "Reason",
            "Exit code",
            "Restarts",
            "Ready",
          ],
          "rows": [
            [
              "vector",
              "sidecar",
              "Waiting",
              "CrashLoopBackOff",
              "last run: 2",
              "7",
              "no",
            ],
            [
              "orders",
              "app",
              "Running",
              "—",
              "—",
              "0",
              "yes",
            ],
          ],
        },
      }
    `);
    expect(podPhaseKind.grade(p, podPhaseKind.solve(p)).explanation).toMatchInlineSnapshot(`"The phase is Running. Sidecar vector is restarting, but the app containers have already started; once a pod has initialized, a restarting sidecar does not send it back to Pending, and its app containers run, so Running (P14)."`);
  });
});
