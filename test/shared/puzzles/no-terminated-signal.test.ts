import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { kubectlStatus } from '../../../shared/puzzles/kubectl-status.ts';
import { podConditions } from '../../../shared/puzzles/pod-conditions.ts';
import { podPhaseKind } from '../../../shared/puzzles/pod-phase.ts';

// The kubelet never fills state.terminated.signal (docs/rules/kubectl.md#exit-without-reason): a SIGKILL shows as
// exitCode 137. A generated pod that carries a signal, or a Signal:N text anywhere a player reads, is a state no
// real node produces.
const kinds = [kubectlStatus, podPhaseKind, podConditions] as const;
const levels: Difficulty[] = ['easy', 'medium', 'hard'];

/** Every object in the puzzle that has a `signal` key, wherever the generator put it. */
function signalled(x: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(x)) for (const v of x) signalled(v, found);
  else if (x && typeof x === 'object') {
    if ('signal' in x) found.push(x);
    for (const v of Object.values(x)) signalled(v, found);
  }
  return found;
}

describe('no generated container status carries a terminated signal', () => {
  it.each(kinds.flatMap((k) => levels.map((d) => [k.id, d, k] as const)))('%s %s', (_id, d, kind) => {
    let terminated = 0;
    for (let i = 0; i < 600; i++) {
      const p = kind.generate(`sig${i}`, d);
      expect(signalled(p), `seed sig${i}`).toEqual([]);
      const text = JSON.stringify(p) + kind.grade(p as never, kind.solve(p as never)).explanation;
      expect(text, `seed sig${i}`).not.toMatch(/Signal:\d/);
      terminated += (JSON.stringify(p).match(/"state":"terminated"/g) ?? []).length;
    }
    // The walk must have seen terminated containers, or it proves nothing.
    expect(terminated).toBeGreaterThan(0);
  });
});
