import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { kubectlStatus } from '../../../shared/puzzles/kubectl-status.ts';
import { podConditions } from '../../../shared/puzzles/pod-conditions.ts';
import { podPhaseKind } from '../../../shared/puzzles/pod-phase.ts';

// containerd and CRI-O record Completed, Error or OOMKilled for every exited container, so a terminated state with
// no reason, and the ExitCode:N text kubectl prints for it, is not something a standard node shows
// (docs/rules/kubectl.md#exit-without-reason). No generated puzzle may carry either.
const kinds = [kubectlStatus, podPhaseKind, podConditions] as const;
const levels: Difficulty[] = ['easy', 'medium', 'hard'];

/** Every terminated container snapshot in the puzzle, wherever the generator put it. */
function terminatedStates(x: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(x)) for (const v of x) terminatedStates(v, found);
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (o['state'] === 'terminated' && 'exitCode' in o) found.push(o);
    for (const v of Object.values(o)) terminatedStates(v, found);
  }
  return found;
}

describe('no generated container terminates without a reason', () => {
  it.each(kinds.flatMap((k) => levels.map((d) => [k.id, d, k] as const)))('%s %s', (_id, d, kind) => {
    let seen = 0;
    for (let i = 0; i < 600; i++) {
      const p = kind.generate(`rsn${i}`, d);
      const states = terminatedStates(p);
      seen += states.length;
      expect(states.filter((s) => !s['reason']), `seed rsn${i}`).toEqual([]);
      const text = JSON.stringify(p) + kind.grade(p as never, kind.solve(p as never)).explanation;
      expect(text, `seed rsn${i}`).not.toMatch(/ExitCode:\d/);
    }
    // The walk must have seen terminated containers, or it proves nothing.
    expect(seen).toBeGreaterThan(0);
  });
});
