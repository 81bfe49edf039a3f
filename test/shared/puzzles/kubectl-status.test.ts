import { describe, expect, it } from 'vitest';
import { kubectlColumns } from '../../../shared/model/kubectl-columns.ts';
import { kubectlStatus } from '../../../shared/puzzles/kubectl-status.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(kubectlStatus);

type Puzzle = ReturnType<typeof kubectlStatus.generate>;
const seeds = Array.from({ length: 400 }, (_, i) => `k${i}`);
const puzzles = (d: Difficulty) => seeds.map((s) => kubectlStatus.generate(s, d));
const answerLabel = (p: Puzzle) => p.options.find((o) => o.id === kubectlStatus.solve(p))?.label;
const statusesAsked = (d: Difficulty) => new Set(puzzles(d).filter((p) => p.column === 'STATUS').map(answerLabel));

describe('kubectlStatus', () => {
  it('takes its answer from kubectlColumns', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) {
        const cols = kubectlColumns(p.scenario.listing);
        const expected = { STATUS: cols.status, READY: cols.ready, RESTARTS: String(cols.restarts) }[p.column];
        expect(answerLabel(p)).toBe(expected);
      }
    }
  });

  it('offers four different options', () => {
    for (const p of puzzles('hard')) expect(new Set(p.options.map((o) => o.label)).size).toBe(4);
  });

  it('asks only STATUS on easy, and READY or RESTARTS sometimes on medium and hard', () => {
    expect(new Set(puzzles('easy').map((p) => p.column))).toEqual(new Set(['STATUS']));
    expect(new Set(puzzles('hard').map((p) => p.column))).toEqual(new Set(['STATUS', 'READY', 'RESTARTS']));
  });

  it.each<[Difficulty, string[]]>([
    ['easy', ['Running', 'CrashLoopBackOff', 'ImagePullBackOff', 'ContainerCreating', 'CreateContainerConfigError', 'Completed', 'Error']],
    ['medium', ['Init:1/3', 'Init:CrashLoopBackOff', 'Init:Error', 'PodInitializing', 'OOMKilled', 'Terminating', 'NotReady']],
    ['hard', ['Unknown', 'Evicted', 'SchedulingGated', 'ContainerStatusUnknown', 'Init:CrashLoopBackOff', 'Completed']],
  ])('asks about the STATUS strings of its level (%s)', (d, expected) => {
    const asked = statusesAsked(d);
    for (const status of expected) expect(asked).toContain(status);
  });

  it('offers the phase as a distractor when STATUS differs from it', () => {
    const p = puzzles('easy').find((x) => x.scenario.kind === 'job-completed')!;
    expect(p.options.map((o) => o.label)).toEqual(expect.arrayContaining(['Completed', 'Succeeded']));
    const succeeded = p.options.find((o) => o.label === 'Succeeded')!.id;
    expect(kubectlStatus.grade(p, succeeded).explanation).toMatch(/^STATUS shows Completed, not Succeeded\. .*not the phase \(Succeeded\)/);
  });

  it('explains Unknown as a display string for a NodeLost pod being deleted', () => {
    const p = puzzles('hard').find((x) => x.scenario.kind === 'node-lost' && x.column === 'STATUS')!;
    const grade = kubectlStatus.grade(p, kubectlStatus.solve(p));
    expect(grade).toMatchObject({ score: 1, correct: true });
    expect(grade.explanation).toContain('the kubelet never sets an Unknown phase');
  });

  it('counts started sidecars in READY and says so', () => {
    const p = puzzles('hard').find((x) => x.scenario.kind === 'job-sidecar-running' && x.column === 'READY')!;
    expect(answerLabel(p)).toBe('1/2');
    expect(kubectlStatus.grade(p, kubectlStatus.solve(p)).explanation).toContain('(here 1 app + 1 sidecar)');
  });

  it('names every STATUS answer in its explanation', () => {
    for (const p of puzzles('hard').filter((x) => x.column === 'STATUS')) {
      expect(kubectlStatus.grade(p, kubectlStatus.solve(p)).explanation).toContain(answerLabel(p)!);
    }
  });

  it('shows the deletionTimestamp and status.reason in the YAML on medium and hard, and no YAML on easy', () => {
    expect(puzzles('easy').every((p) => kubectlStatus.publicView(p).code === undefined)).toBe(true);
    const lost = puzzles('hard').find((x) => x.scenario.kind === 'node-lost')!;
    expect(kubectlStatus.publicView(lost).code?.text).toMatch(/deletionTimestamp: "2025-\d\d-\d\dT[\d:]+Z"[\s\S]*reason: NodeLost/);
  });

  it('renders a golden puzzle', () => {
    const p = kubectlStatus.generate('golden', 'medium');
    const view = kubectlStatus.publicView(p);
    expect({ prompt: view.prompt, rows: view.table?.rows, options: view.options }).toMatchInlineSnapshot(`
      {
        "options": [
          {
            "id": "a",
            "label": "Running",
          },
          {
            "id": "b",
            "label": "NotReady",
          },
          {
            "id": "c",
            "label": "Completed",
          },
          {
            "id": "d",
            "label": "PodInitializing",
          },
        ],
        "prompt": "Pod nightly-export-28993718-k8vsk (Job) has restartPolicy: OnFailure. What does kubectl get pods show under STATUS?",
        "rows": [
          [
            "wait-for-redis",
            "init",
            "Terminated",
            "Completed",
            "0",
            "0",
            "—",
          ],
          [
            "main",
            "app",
            "Running",
            "—",
            "—",
            "0",
            "yes",
          ],
          [
            "uploader",
            "app",
            "Terminated",
            "Completed",
            "0",
            "0",
            "no",
          ],
        ],
      }
    `);
    expect(kubectlStatus.grade(p, kubectlStatus.solve(p)).explanation).toMatchInlineSnapshot(`"STATUS shows NotReady. uploader has Completed while main still runs and is ready; since the pod's Ready condition is False, kubectl turns Completed into NotReady."`);
  });
});
