import { describe, expect, it } from 'vitest';
import { answers, defaultContainer, render, shape, shortfall, type Cmd, type DebugPod, type Need, type PodState } from '../../../shared/model/debugging.ts';

const pod: DebugPod = {
  name: 'web-7d9f8b6c4-x2kqp', app: 'web', node: 'node-3',
  containers: [{ name: 'app', shell: true, tar: true, port: 8080 }, { name: 'linkerd-proxy', shell: false, tar: false, port: 4191 }],
};

describe('render and shape (docs/rules/debugging.md)', () => {
  it.each<[Cmd, string, string]>([
    [{ k: 'logs', c: 'app', previous: true }, 'kubectl logs web-7d9f8b6c4-x2kqp -c app --previous', 'kubectl logs <pod> -c <container> --previous'],
    [{ k: 'logs', c: 'app', since: '1h' }, 'kubectl logs web-7d9f8b6c4-x2kqp -c app --since=1h', 'kubectl logs <pod> -c <container> --since=<duration>'],
    [{ k: 'logs-all' }, 'kubectl logs web-7d9f8b6c4-x2kqp --all-containers --prefix', 'kubectl logs <pod> --all-containers --prefix'],
    [{ k: 'logs-selector', c: 'app', follow: 8 }, 'kubectl logs -f -l app=web -c app --prefix --max-log-requests=8', 'kubectl logs -f -l app=<app> -c <container> --prefix --max-log-requests=<n>'],
    [{ k: 'events', watch: true }, 'kubectl events --for pod/web-7d9f8b6c4-x2kqp --watch', 'kubectl events --for pod/<pod> --watch'],
    [{ k: 'debug-copy-share' }, 'kubectl debug web-7d9f8b6c4-x2kqp -it --image=busybox:1.36 --share-processes --copy-to=web-debug', 'kubectl debug <pod> -it --image=busybox:1.36 --share-processes --copy-to=<app>-debug'],
    [{ k: 'debug-target', c: 'linkerd-proxy' }, 'kubectl debug -it web-7d9f8b6c4-x2kqp --image=busybox:1.36 --target=linkerd-proxy', 'kubectl debug -it <pod> --image=busybox:1.36 --target=<container>'],
    [{ k: 'port-forward', local: 18080, remote: 8080 }, 'kubectl port-forward pod/web-7d9f8b6c4-x2kqp 18080:8080', 'kubectl port-forward pod/<pod> <other-local>:<port>'],
  ])('%o', (cmd, text, masked) => {
    expect(render(pod, cmd)).toBe(text);
    expect(shape(cmd)).toBe(masked);
  });
});

describe('shortfall: what each command can and cannot answer', () => {
  const fits = (cmd: Cmd, need: Need, state: PodState = {}) => answers(pod, state, cmd, need);

  it('reaches a distroless container only through an ephemeral container', () => {
    expect(shortfall(pod, {}, { k: 'exec-shell', c: 'linkerd-proxy' }, { n: 'shell', c: 'linkerd-proxy' })).toMatch(/no shell/);
    expect(fits({ k: 'debug-target', c: 'linkerd-proxy' }, { n: 'shell', c: 'linkerd-proxy' })).toBe(true);
  });

  it('gives the crashed run with --previous, and with plain logs too while the container waits in back-off', () => {
    const need: Need = { n: 'previous-logs', c: 'app' };
    expect(fits({ k: 'logs', c: 'app' }, need)).toBe(false);
    expect(fits({ k: 'logs', c: 'app' }, need, { backoff: ['app'] })).toBe(true);
    expect(fits({ k: 'logs', c: 'app', previous: true }, need)).toBe(true);
  });

  it('keeps only events for a deleted pod', () => {
    for (const cmd of [{ k: 'describe' }, { k: 'get-yaml' }, { k: 'logs', c: 'app' }] as Cmd[]) {
      expect(shortfall(pod, { deleted: true }, cmd, { n: 'event-history' })).toMatch(/NotFound/);
    }
    expect(fits({ k: 'events' }, { n: 'event-history' }, { deleted: true })).toBe(true);
  });

  it('knows a selector shows 10 lines a pod and follows at most 5 streams unless told otherwise', () => {
    expect(fits({ k: 'logs-selector', c: 'app' }, { n: 'all-replica-full-logs' })).toBe(false);
    expect(fits({ k: 'logs-selector', c: 'app', tail: 'all' }, { n: 'all-replica-full-logs' })).toBe(true);
    expect(fits({ k: 'logs-selector', c: 'app', follow: 0 }, { n: 'all-replica-live-logs' }, { replicas: 8 })).toBe(false);
    expect(fits({ k: 'logs-selector', c: 'app', follow: 8 }, { n: 'all-replica-live-logs' }, { replicas: 8 })).toBe(true);
    expect(fits({ k: 'logs-selector', c: 'app', follow: 0 }, { n: 'all-replica-live-logs' }, { replicas: 4 })).toBe(true);
  });

  it('has no logs and nothing to exec into for a container that never started', () => {
    expect(shortfall(pod, { notStarted: ['app'] }, { k: 'logs', c: 'app' }, { n: 'why-waiting' })).toMatch(/not started/);
    expect(fits({ k: 'describe' }, { n: 'why-waiting' }, { notStarted: ['app'] })).toBe(true);
  });

  it('sees every process with a plain debug container only when the pod shares its process namespace', () => {
    expect(fits({ k: 'debug-plain' }, { n: 'all-processes' }, { shareProcessNamespace: true })).toBe(true);
    expect(fits({ k: 'debug-plain' }, { n: 'all-processes' })).toBe(false);
    expect(fits({ k: 'debug-copy-share' }, { n: 'all-processes' })).toBe(true);
  });

  it('needs tar in the image for kubectl cp', () => {
    expect(fits({ k: 'cp', c: 'app', path: '/tmp/x' }, { n: 'copy-file', c: 'app' })).toBe(true);
    expect(shortfall(pod, {}, { k: 'cp', c: 'linkerd-proxy', path: '/tmp/x' }, { n: 'copy-file', c: 'linkerd-proxy' })).toMatch(/tar/);
  });

  it('matches a port-forward on both ends', () => {
    expect(fits({ k: 'port-forward', local: 8080, remote: 8080 }, { n: 'port', port: 8080 })).toBe(true);
    expect(fits({ k: 'port-forward', local: 8080, remote: 8080 }, { n: 'port', port: 8080, local: 18080 })).toBe(false);
    expect(fits({ k: 'port-forward', local: 8080, remote: 80, svc: 'web' }, { n: 'port', port: 80, local: 8080, svc: 'web' })).toBe(true);
  });
});

describe('defaultContainer', () => {
  it('takes the annotation, else the first regular container', () => {
    expect(defaultContainer({ containers: ['linkerd-proxy', 'app'], annotation: 'app' })).toBe('app');
    expect(defaultContainer({ containers: ['app', 'envoy'] })).toBe('app');
    expect(defaultContainer({ containers: ['app'], annotation: 'gone' })).toBe('app');
  });
});
