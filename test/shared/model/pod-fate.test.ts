import { describe, expect, it } from 'vitest';
import { nodesFitting, placementFor, restartScope, type PodEvent, type Scope } from '../../../shared/model/pod-fate.ts';

describe('placementFor (docs/rules/design.md)', () => {
  it.each([
    [{ runs: 'before', serves: 'one-pod' }, 'init-container'],
    [{ runs: 'alongside', serves: 'one-pod' }, 'native-sidecar'],
    [{ runs: 'alongside', serves: 'many-pods' }, 'separate-deployment'],
    [{ runs: 'before', serves: 'many-pods' }, 'separate-deployment'],
    [{ runs: 'alongside', serves: 'node' }, 'daemonset'],
  ] as const)('%o goes to %s', (needs, placement) => {
    expect(placementFor(needs)).toBe(placement);
  });
});

describe('restartScope', () => {
  it.each<[PodEvent, Scope]>([
    ['liveness-fails', 'that-container'], ['oom-killed', 'that-container'], ['image-patched', 'that-container'],
    ['node-drained', 'whole-pod'], ['template-changed', 'whole-pod'], ['readiness-fails', 'nothing'],
  ])('%s restarts %s', (event, scope) => {
    expect(restartScope(event)).toBe(scope);
  });

  it('a drained bare Pod is deleted and nothing makes a new one; a drained Job pod is replaced even under Never', () => {
    expect(restartScope('node-drained', 'Always', false)).toBe('nothing');
    expect(restartScope('node-drained', 'Never')).toBe('whole-pod');
  });
});

describe('nodesFitting', () => {
  const nodes = [{ name: 'a', cpu: 1750, memory: 2048 }, { name: 'b', cpu: 750, memory: 4096 }, { name: 'c', cpu: 2500, memory: 5120 }];

  it('asks one node for the sum of every container\'s requests', () => {
    expect(nodesFitting([{ cpu: 1500, memory: 1024 }, { cpu: 500, memory: 3072 }], nodes)).toEqual(['c']);
  });

  it('finds nothing when no node holds the sum, though each container alone would fit somewhere', () => {
    const pod = [{ cpu: 1500, memory: 1024 }, { cpu: 500, memory: 4096 }];
    expect(nodesFitting([pod[0]!], nodes)).toContain('a');
    expect(nodesFitting([pod[1]!], nodes)).toContain('b');
    expect(nodesFitting(pod, nodes.slice(0, 2))).toEqual([]);
  });
});
