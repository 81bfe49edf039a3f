import { describe, expect, it } from 'vitest';
import { judge, mountHolding, type Claim, type SharingPod } from '../../../shared/model/sharing.ts';

/** nginx writes logs to an emptyDir that fluent-bit mounts elsewhere; vector mounts another volume at nginx's path;
 *  a config volume comes from a ConfigMap; render-config is a finished init container; envoy a native sidecar. */
const pod = (over: Partial<SharingPod> = {}): SharingPod => ({
  name: 'web-0',
  shareProcessNamespace: false,
  runAsUser: 101,
  runAsGroup: 101,
  volumes: [{ name: 'logs', source: 'emptyDir' }, { name: 'buffer', source: 'emptyDir' }, { name: 'config', source: 'configMap' }, { name: 'tls', source: 'secret' }],
  containers: [
    { name: 'render-config', image: 'alpine:3.20', role: 'init', ports: [], mounts: [{ volume: 'buffer', mountPath: '/out' }] },
    { name: 'envoy', image: 'envoyproxy/envoy:v1.31.0', role: 'sidecar', ports: [9901], mounts: [] },
    { name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', ports: [8080], mounts: [{ volume: 'logs', mountPath: '/var/log/nginx' }, { volume: 'config', mountPath: '/etc/nginx/conf.d' }, { volume: 'tls', mountPath: '/etc/tls' }] },
    { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', ports: [2020], mounts: [{ volume: 'logs', mountPath: '/logs', readOnly: true }], runAsUser: 1000 },
    { name: 'vector', image: 'timberio/vector:0.40.0-alpine', ports: [8686], mounts: [{ volume: 'buffer', mountPath: '/var/log/nginx' }] },
    { name: 'shell', image: 'busybox:1.36', ports: [], mounts: [], runAsUser: 0 },
  ],
  ...over,
});
const spn = pod({ shareProcessNamespace: true });

describe('judge (docs/rules/sharing.md)', () => {
  it.each<[string, SharingPod, Claim, boolean, string]>([
    ['network: localhost reaches the container that listens on the port', pod(), { kind: 'reach-port', from: 'web', to: 'envoy', port: 9901 }, true, 'network-namespace'],
    ['network: the port belongs to someone else', pod(), { kind: 'reach-port', from: 'web', to: 'envoy', port: 2020 }, false, 'network-namespace'],
    ['network: nobody listens', pod(), { kind: 'reach-port', from: 'web', to: 'vector', port: 9000 }, false, 'network-namespace'],
    ['ports: distinct ports coexist', pod(), { kind: 'ports-coexist', a: 'web', b: 'vector' }, true, 'port-space'],
    ['volumes: the same volume at another path is shared', pod(), { kind: 'read-file', reader: 'fluent-bit', writer: 'web', path: '/var/log/nginx/access.log' }, true, 'volumes-where-mounted'],
    ['volumes: the same path on another volume is not', pod(), { kind: 'read-file', reader: 'vector', writer: 'web', path: '/var/log/nginx/access.log' }, false, 'volumes-where-mounted'],
    ['volumes: a file on no volume is not', pod(), { kind: 'read-file', reader: 'fluent-bit', writer: 'web', path: '/tmp/nginx.pid' }, false, 'volumes-where-mounted'],
    ['volumes: what an init container left on a shared volume is there', pod(), { kind: 'read-file', reader: 'vector', writer: 'render-config', path: '/out/app.conf' }, true, 'volumes-where-mounted'],
    ['readOnly: a read-only mount refuses writes', pod(), { kind: 'write-dir', container: 'fluent-bit', dir: '/logs' }, false, 'read-only-mount'],
    ['readOnly: an emptyDir mounted read-write accepts them', pod(), { kind: 'write-dir', container: 'web', dir: '/var/log/nginx' }, true, 'read-only-mount'],
    ['configMap: always read-only', pod(), { kind: 'write-dir', container: 'web', dir: '/etc/nginx/conf.d' }, false, 'configmap-secret-read-only'],
    ['secret: always read-only', pod(), { kind: 'write-dir', container: 'web', dir: '/etc/tls' }, false, 'configmap-secret-read-only'],
    ['restart: an emptyDir keeps its files', pod(), { kind: 'survives-restart', container: 'web', dir: '/var/log/nginx' }, true, 'emptydir-lifetime'],
    ['restart: the writable layer does not', pod(), { kind: 'survives-restart', container: 'web', dir: '/var/cache/nginx' }, false, 'emptydir-lifetime'],
    ['PID: not shared by default', pod(), { kind: 'see-processes', viewer: 'shell', target: 'web' }, false, 'pid-namespace'],
    ['PID: shared with shareProcessNamespace', spn, { kind: 'see-processes', viewer: 'shell', target: 'web' }, true, 'pid-namespace'],
    ['PID: an exited init container has no processes', spn, { kind: 'see-processes', viewer: 'web', target: 'render-config' }, false, 'init-runs-to-completion'],
    ['PID 1: the pause process when shared', spn, { kind: 'pid1-pause', container: 'web' }, true, 'pause-pid1'],
    ['PID 1: the own command otherwise', pod(), { kind: 'pid1-pause', container: 'web' }, false, 'pause-pid1'],
    ['signal: not without a shared PID namespace', pod(), { kind: 'signal', sender: 'envoy', target: 'web' }, false, 'pid-namespace'],
    ['signal: the same user may', spn, { kind: 'signal', sender: 'envoy', target: 'web' }, true, 'signal-permission'],
    ['signal: root keeps CAP_KILL', spn, { kind: 'signal', sender: 'shell', target: 'web' }, true, 'signal-permission'],
    ['signal: another non-root user may not', spn, { kind: 'signal', sender: 'fluent-bit', target: 'web' }, false, 'signal-permission'],
    ['/proc/<pid>/root: the same user reads an unmounted file', spn, { kind: 'read-file', reader: 'envoy', writer: 'web', path: '/etc/tls/tls.key' }, true, 'proc-root-permission'],
    ['/proc/<pid>/root: root without SYS_PTRACE may not', spn, { kind: 'read-file', reader: 'shell', writer: 'web', path: '/etc/tls/tls.key' }, false, 'proc-root-permission'],
    ['hostname: the pod name by default', pod(), { kind: 'hostname', container: 'vector', value: 'web-0' }, true, 'uts-namespace'],
    ['hostname: never the container name', pod(), { kind: 'hostname', container: 'vector', value: 'vector' }, false, 'uts-namespace'],
    ['hostname: spec.hostname wins', pod({ hostname: 'reports' }), { kind: 'hostname', container: 'vector', value: 'web-0' }, false, 'uts-namespace'],
  ])('%s', (_rule, p, claim, yes, rule) => {
    const verdict = judge(p, claim);
    expect(verdict.yes).toBe(yes);
    expect(verdict.rules).toContain(rule);
    expect(verdict.refs.length).toBeGreaterThan(0);
    expect(verdict.reason.length).toBeGreaterThan(20);
  });

  it('lets a container with SYS_PTRACE read another user\'s files through /proc/<pid>/root', () => {
    const p = pod({ shareProcessNamespace: true });
    p.containers.find((c) => c.name === 'shell')!.addCapabilities = ['SYS_PTRACE'];
    expect(judge(p, { kind: 'read-file', reader: 'shell', writer: 'web', path: '/etc/tls/tls.key' })).toMatchObject({ yes: true, refs: expect.arrayContaining([{ at: 'caps', container: 'shell' }]) });
  });

  it('gives an added SYS_PTRACE no effect in a non-root container (a non-root process drops added capabilities at execve)', () => {
    const p = pod({ shareProcessNamespace: true });
    p.containers.find((c) => c.name === 'fluent-bit')!.addCapabilities = ['SYS_PTRACE'];
    expect(judge(p, { kind: 'read-file', reader: 'fluent-bit', writer: 'web', path: '/etc/tls/tls.key' }).yes).toBe(false);
  });

  it('says an init container no longer listens, though it declares the port', () => {
    const p = pod();
    p.containers[0]!.ports = [8081];
    expect(judge(p, { kind: 'reach-port', from: 'web', to: 'render-config', port: 8081 })).toMatchObject({ yes: false, rules: expect.arrayContaining(['init-runs-to-completion']) });
  });

  it('refuses a port that two running containers both claim', () => {
    const p = pod();
    p.containers.find((c) => c.name === 'vector')!.ports = [8080];
    expect(judge(p, { kind: 'ports-coexist', a: 'web', b: 'vector' })).toMatchObject({ yes: false, reason: expect.stringContaining('address already in use') });
  });

  it('insists on a user ID in the YAML before judging a signal', () => {
    const p = pod({ shareProcessNamespace: true });
    delete p.runAsUser;
    expect(() => judge(p, { kind: 'signal', sender: 'envoy', target: 'web' })).toThrow(/runAsUser/);
  });

  it('throws on a container the pod does not have', () => {
    expect(() => judge(pod(), { kind: 'pid1-pause', container: 'redis' })).toThrow(/redis/);
    expect(() => judge(pod(), { kind: 'see-processes', viewer: 'web', target: 'redis' })).toThrow(/redis/);
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
