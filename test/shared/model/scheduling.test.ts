import { describe, expect, it } from 'vitest';
import {
  fitErrorMessage, nodeVerdict, podRequest, schedule, tolerates, type NodeFacts, type PlacementNeeds,
} from '../../../shared/model/scheduling.ts';

const node = (name: string, over: Partial<NodeFacts> = {}): NodeFacts => ({
  name, free: { cpuMilli: 2000, memoryMi: 4096 }, labels: {}, taints: [], ...over,
});
const pod = (over: Partial<PlacementNeeds> = {}): PlacementNeeds => ({ requests: { cpuMilli: 500, memoryMi: 512 }, ...over });
const gpu = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' } as const;
const controlPlane = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;

describe('tolerates (v1helper.ToleratesTaint)', () => {
  it.each([
    ['Equal with the same key, value and effect', { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, true],
    ['Equal with another value', { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, false],
    ['Exists on the key, any effect', { key: 'dedicated', operator: 'Exists' }, true],
    ['Exists on the key, another effect', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, false],
    ['an empty key with Exists (tolerates everything)', { operator: 'Exists' }, true],
    ['another key', { key: 'team', operator: 'Exists' }, false],
  ] as const)('%s: %s', (_, toleration, expected) => {
    expect(tolerates(toleration, gpu)).toBe(expected);
  });
});

describe('nodeVerdict', () => {
  it('rejects a node on the first failing filter only, in the default profile order', () => {
    const small = node('a', { free: { cpuMilli: 100, memoryMi: 64 }, taints: [gpu] });
    expect(nodeVerdict(small, pod())).toEqual({ fits: false, filter: 'TaintToleration', reasons: ['node(s) had untolerated taint {dedicated: gpu}'] });
    expect(nodeVerdict(node('b', { unschedulable: true, taints: [gpu] }), pod())).toMatchObject({ filter: 'NodeUnschedulable' });
  });

  it('lists every short resource under NodeResourcesFit', () => {
    const v = nodeVerdict(node('a', { free: { cpuMilli: 100, memoryMi: 64 } }), pod());
    expect(v).toEqual({ fits: false, filter: 'NodeResourcesFit', reasons: ['Insufficient cpu', 'Insufficient memory'] });
  });

  it('fits exactly at the free amount: a request is compared with <=', () => {
    expect(nodeVerdict(node('a', { free: { cpuMilli: 500, memoryMi: 512 } }), pod())).toEqual({ fits: true });
  });

  it('needs every nodeSelector label to match', () => {
    const labelled = node('a', { labels: { disktype: 'ssd', zone: 'eu-west-1a' } });
    expect(nodeVerdict(labelled, pod({ nodeSelector: { disktype: 'ssd' } }))).toEqual({ fits: true });
    expect(nodeVerdict(labelled, pod({ nodeSelector: { disktype: 'ssd', zone: 'eu-west-1b' } }))).toMatchObject({ filter: 'NodeAffinity' });
  });

  it('ignores PreferNoSchedule taints when filtering', () => {
    expect(nodeVerdict(node('a', { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] }), pod())).toEqual({ fits: true });
  });
});

describe('schedule', () => {
  it('writes the scheduler message: counts per reason, sorted as strings', () => {
    const out = schedule(pod({ requests: { cpuMilli: 1500, memoryMi: 512 } }), [
      node('cp', { taints: [controlPlane] }), node('w1', { free: { cpuMilli: 1000, memoryMi: 8192 } }), node('w2', { free: { cpuMilli: 800, memoryMi: 8192 } }),
    ]);
    expect(out).toMatchObject({
      scheduled: false, reason: 'Unschedulable',
      message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.',
    });
  });

  it('lists the nodes that fit', () => {
    expect(schedule(pod(), [node('a'), node('b', { taints: [gpu] })])).toEqual({ scheduled: true, feasible: ['a'] });
  });

  it('stops at the scheduling gates before any filter', () => {
    expect(schedule(pod({ schedulingGates: ['example.com/quota'] }), [node('a')])).toMatchObject({ scheduled: false, reason: 'SchedulingGated' });
  });

  it('formats an empty-node message the same way', () => {
    expect(fitErrorMessage(2, [{ fits: false, filter: 'NodeResourcesFit', reasons: ['Insufficient memory'] }, { fits: false, filter: 'NodeResourcesFit', reasons: ['Insufficient memory'] }]))
      .toBe('0/2 nodes are available: 2 Insufficient memory.');
  });
});

describe('podRequest (sidecar-aware effective request)', () => {
  const r = (cpuMilli: number, memoryMi: number) => ({ cpuMilli, memoryMi });
  it('adds app containers and sidecars, and takes the larger of that and the biggest init container', () => {
    expect(podRequest([{ kind: 'app', requests: r(500, 256) }, { kind: 'app', requests: r(100, 64) }])).toEqual(r(600, 320));
    expect(podRequest([{ kind: 'init', requests: r(2000, 128) }, { kind: 'app', requests: r(500, 256) }])).toEqual(r(2000, 256));
  });

  it('counts sidecars started before an init container in that init container\'s peak', () => {
    expect(podRequest([
      { kind: 'sidecar', requests: r(200, 100) }, { kind: 'init', requests: r(1000, 100) }, { kind: 'app', requests: r(500, 100) },
    ])).toEqual(r(1200, 200));
  });
});
