import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { kubectlDebug } from '../../../shared/puzzles/kubectl-debug.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

// Generation itself checks every puzzle against the model (shared/puzzles/kubectl-debug-pod.ts caseDraft): the right
// command answers the need and no wrong one does, or generate throws. The harness runs 500 seeds per level.
checkPuzzleKind(kubectlDebug);

const levels: Difficulty[] = ['easy', 'medium', 'hard'];
const puzzles = (d: Difficulty, n = 400) => Array.from({ length: n }, (_, i) => kubectlDebug.generate(`kd-${i}`, d));

describe('kubectlDebug', () => {
  it('gives every template at least three different commands as answers', () => {
    for (const d of levels) {
      const answers = new Map<string, Set<string>>();
      for (const p of puzzles(d)) {
        const m = kubectlDebug.meta(p);
        answers.set(m.template, (answers.get(m.template) ?? new Set()).add(m.answerKey!));
      }
      expect(answers.size).toBe(kubectlDebug.templates[d].length);
      for (const [t, keys] of answers) expect(keys.size, t).toBeGreaterThanOrEqual(3);
    }
  });

  it('asks for the new flags: --all-containers, -l, --since, events --for, debug --copy-to --share-processes', () => {
    const keys = new Set(levels.flatMap((d) => puzzles(d).map((p) => kubectlDebug.meta(p).answerKey!)));
    for (const want of ['--all-containers', '-l app=', '--since=', 'kubectl events --for', '--share-processes --copy-to']) {
      expect([...keys].some((k) => k.includes(want)), want).toBe(true);
    }
  });

  it('masks instance names in the answer key', () => {
    for (const d of levels) {
      for (const p of puzzles(d, 200)) expect(kubectlDebug.meta(p).answerKey).not.toMatch(/-[a-z0-9]{9}-[a-z0-9]{5}/);
    }
  });

  it('never makes the trivial "get the full object" a hard question', () => {
    for (const p of puzzles('hard')) expect(kubectlDebug.meta(p).answerKey).not.toBe('kubectl get pod <pod> -o yaml');
  });

  it('keeps one-fact CLI recall (rollout status, get -w, top node) out of hard', () => {
    for (const p of puzzles('hard')) {
      expect(kubectlDebug.meta(p).answerKey).not.toMatch(/rollout status|get pods -l .* -w|top node/);
      expect(kubectlDebug.meta(p).rules.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets the RESTARTS column decide between one pod and a selector when replicas crashed', () => {
    const seen = new Set<string>();
    for (const p of puzzles('hard').filter((x) => kubectlDebug.meta(x).template === 'kubectl-debug/crashed-replicas')) {
      const key = kubectlDebug.meta(p).answerKey!;
      seen.add(key);
      const view = kubectlDebug.publicView(p);
      const restarted = view.table!.rows.filter((r) => r[3] !== '0').length;
      if (key.startsWith('kubectl logs <pod>')) expect(restarted).toBe(1);
      else expect(restarted).toBe(view.table!.rows.length);
      // The prompt states the label the selector options use.
      expect(view.prompt).toMatch(/label app=/);
      // The same four commands every time: the table and the prompt decide, not the option set.
      expect(view.options.filter((o) => o.label.includes(' -l ')).length).toBe(3);
    }
    expect(seen.size).toBe(3);
  });

  it('states the label whenever an option selects pods by it', () => {
    for (const d of levels) {
      for (const p of puzzles(d, 200)) {
        const view = kubectlDebug.publicView(p);
        if (view.options.some((o) => / -l app=/.test(o.label)) && kubectlDebug.meta(p).answerKey!.includes('-l ')) {
          expect(view.prompt, view.prompt).toMatch(/label(led)? app=/);
        }
      }
    }
  });

  it('says why a wrong command fails, then why the right one works', () => {
    for (const p of puzzles('medium', 100)) {
      const view = kubectlDebug.publicView(p);
      const wrong = view.options.find((o) => o.id !== kubectlDebug.solve(p))!;
      const lines = kubectlDebug.grade(p, wrong.id).lines;
      expect(lines).toHaveLength(2);
      expect(lines[0]!.evidence?.optionIds).toEqual([wrong.id]);
    }
  });

  it('renders a golden puzzle', () => {
    const p = kubectlDebug.generate('golden', 'hard');
    expect({ prompt: kubectlDebug.publicView(p).prompt, options: kubectlDebug.publicView(p).options.map((o) => o.label), meta: kubectlDebug.meta(p) }).toMatchSnapshot();
  });
});
