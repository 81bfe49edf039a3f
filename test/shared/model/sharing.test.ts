import { describe, expect, it } from 'vitest';
import { canShare, mountHolding, type Ability, type SharingPod } from '../../../shared/model/sharing.ts';

/** nginx writes logs to an emptyDir that fluent-bit mounts elsewhere; vector mounts nothing of nginx's; envoy is a native sidecar. */
const pod = (shareProcessNamespace: boolean): SharingPod => ({
  shareProcessNamespace,
  volumes: [{ name: 'logs', source: 'emptyDir' }, { name: 'buffer', source: 'emptyDir' }],
  containers: [
    { name: 'web', image: 'nginx:1.27', ports: [80], mounts: [{ volume: 'logs', mountPath: '/var/log/nginx' }] },
    { name: 'envoy', image: 'envoyproxy/envoy:v1.31.0', sidecar: true, ports: [], mounts: [] },
    { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', ports: [2020], mounts: [{ volume: 'logs', mountPath: '/logs', readOnly: true }] },
    { name: 'vector', image: 'timberio/vector:0.40.0-alpine', ports: [8686], mounts: [{ volume: 'buffer', mountPath: '/var/log/nginx' }] },
  ],
});

describe('canShare (docs/rules/sharing.md)', () => {
  it.each<[string, string, string, Ability, boolean]>([
    ['network: localhost reaches another container, declared port or not', 'web', 'envoy', { kind: 'reach-port', port: 9901 }, true],
    ['network: one IP for the pod', 'fluent-bit', 'web', { kind: 'same-ip' }, true],
    ['network: one port space, so no second listener on 80', 'envoy', 'web', { kind: 'bind-same-port', port: 80 }, false],
    ['IPC: System V shared memory works', 'web', 'vector', { kind: 'shared-memory' }, true],
    ['volumes: the same volume mounted at another path is shared', 'fluent-bit', 'web', { kind: 'read-file', path: '/var/log/nginx/access.log' }, true],
    ['volumes: the same path backed by another volume is not', 'vector', 'web', { kind: 'read-file', path: '/var/log/nginx/access.log' }, false],
    ['volumes: a file in the writer\'s root filesystem is not', 'fluent-bit', 'web', { kind: 'read-file', path: '/etc/nginx/nginx.conf' }, false],
    ['root filesystem: never shared', 'envoy', 'web', { kind: 'root-filesystem' }, false],
    ['PID: not shared by default', 'envoy', 'web', { kind: 'see-processes' }, false],
    ['PID: no signals across containers by default', 'envoy', 'web', { kind: 'signal' }, false],
    ['PID: no /proc/<pid>/root by default', 'envoy', 'web', { kind: 'proc-root' }, false],
    ['probes: each container restarts alone', 'envoy', 'web', { kind: 'restarted-together' }, false],
  ])('%s', (_rule, from, to, ability, yes) => {
    const verdict = canShare(pod(false), from, to, ability);
    expect(verdict.yes).toBe(yes);
    expect(verdict.reason.length).toBeGreaterThan(20);
  });

  it.each<Ability>([{ kind: 'see-processes' }, { kind: 'signal' }, { kind: 'proc-root' }])(
    'allows $kind with shareProcessNamespace: true', (ability) => {
      expect(canShare(pod(true), 'envoy', 'web', ability).yes).toBe(true);
    });

  it('reaches an unmounted file through /proc/<pid>/root only with shareProcessNamespace', () => {
    const path = { kind: 'read-file', path: '/etc/nginx/nginx.conf' } as const;
    expect(canShare(pod(true), 'fluent-bit', 'web', path)).toMatchObject({ yes: true, reason: expect.stringContaining('/proc/<pid>/root') });
  });

  it('never shares a root filesystem, even with shareProcessNamespace', () => {
    expect(canShare(pod(true), 'envoy', 'web', { kind: 'root-filesystem' }).yes).toBe(false);
  });

  it('says so when a container does not exist', () => {
    expect(canShare(pod(false), 'web', 'redis', { kind: 'same-ip' })).toMatchObject({ yes: false, reason: expect.stringContaining('redis') });
  });
});

describe('mountHolding', () => {
  it('finds the deepest mount holding a path and nothing for a sibling directory', () => {
    const c = { name: 'x', image: 'busybox:1.36', ports: [], mounts: [{ volume: 'a', mountPath: '/data' }, { volume: 'b', mountPath: '/data/cache' }] };
    expect(mountHolding(c, '/data/cache/x')?.volume).toBe('b');
    expect(mountHolding(c, '/data/y')?.volume).toBe('a');
    expect(mountHolding(c, '/database/z')).toBeUndefined();
  });
});
