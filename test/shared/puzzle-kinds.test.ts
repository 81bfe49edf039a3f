// The registry as a whole: eleven kinds, each holding the generic properties, and the CLI-facing lookups.
import { describe, expect, it } from 'vitest';
import { isKindId, kindById, kindIds, puzzleKinds } from '../../shared/index.ts';

describe('puzzleKinds registry', () => {
  it('holds the kinds the course needs, keyed by their own id', () => {
    expect(kindIds.sort()).toEqual([
      'init-order', 'kubectl-debug', 'kubectl-status', 'pod-conditions', 'pod-phase', 'probe-choice',
      'probe-timing', 'same-pod', 'shared-namespaces', 'sidecar-lifecycle', 'which-tool',
    ]);
    for (const id of kindIds) expect(puzzleKinds[id].id).toBe(id);
  });

  it('gives every kind a concept, a title and a one-line description for the setup screen', () => {
    for (const id of kindIds) {
      const kind = kindById(id);
      expect(kind.concept.length).toBeGreaterThan(2);
      expect(kind.title.length).toBeGreaterThan(2);
      expect(kind.description.length).toBeGreaterThan(10);
      expect(kind.description).not.toContain('\n');
    }
  });

  it('rejects ids that are not kinds, including inherited property names', () => {
    expect(isKindId('init-order')).toBe(true);
    expect(isKindId('toString')).toBe(false);
    expect(isKindId('__proto__')).toBe(false);
    expect(isKindId(7)).toBe(false);
  });
});
