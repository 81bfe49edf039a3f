import { describe, expect, it } from 'vitest';
import {
  candidateCommands, commandAnswers, commandFor, defaultContainer, renderCommand, whyItFails,
  type DebugCommand, type DebugNeed, type DebugPod,
} from '../../../shared/model/debugging.ts';

const pod: DebugPod = {
  name: 'web-7d9f8b6c4-x2kqp',
  containers: ['app', 'envoy', 'linkerd-proxy'],
  initContainers: ['migrate'],
  noShell: ['linkerd-proxy'],
  ports: { app: 8080, envoy: 9901, 'linkerd-proxy': 4191 },
};

describe('renderCommand', () => {
  it.each<[DebugCommand, string]>([
    [{ verb: 'logs', container: 'envoy' }, 'kubectl logs web-7d9f8b6c4-x2kqp -c envoy'],
    [{ verb: 'logs', container: 'app', previous: true }, 'kubectl logs web-7d9f8b6c4-x2kqp -c app --previous'],
    [{ verb: 'logs', container: 'app', follow: true }, 'kubectl logs -f web-7d9f8b6c4-x2kqp -c app'],
    [{ verb: 'exec', container: 'app' }, 'kubectl exec -it web-7d9f8b6c4-x2kqp -c app -- sh'],
    [{ verb: 'debug', target: 'linkerd-proxy' }, 'kubectl debug -it web-7d9f8b6c4-x2kqp --image=busybox:1.36 --target=linkerd-proxy'],
    [{ verb: 'describe' }, 'kubectl describe pod web-7d9f8b6c4-x2kqp'],
    [{ verb: 'get', output: 'wide' }, 'kubectl get pod web-7d9f8b6c4-x2kqp -o wide'],
    [{ verb: 'get', output: 'yaml' }, 'kubectl get pod web-7d9f8b6c4-x2kqp -o yaml'],
    [{ verb: 'port-forward', port: 8080 }, 'kubectl port-forward pod/web-7d9f8b6c4-x2kqp 8080:8080'],
    [{ verb: 'top' }, 'kubectl top pod web-7d9f8b6c4-x2kqp --containers'],
    [{ verb: 'events' }, 'kubectl get events --field-selector involvedObject.name=web-7d9f8b6c4-x2kqp'],
  ])('renders %o as real kubectl', (cmd, text) => {
    expect(renderCommand(pod, cmd)).toBe(text);
  });
});

describe('commandFor', () => {
  it.each<[DebugNeed, string]>([
    [{ kind: 'logs', container: 'envoy' }, 'kubectl logs web-7d9f8b6c4-x2kqp -c envoy'],
    [{ kind: 'previous-logs', container: 'app' }, 'kubectl logs web-7d9f8b6c4-x2kqp -c app --previous'],
    [{ kind: 'follow-logs', container: 'envoy' }, 'kubectl logs -f web-7d9f8b6c4-x2kqp -c envoy'],
    [{ kind: 'shell', container: 'app' }, 'kubectl exec -it web-7d9f8b6c4-x2kqp -c app -- sh'],
    [{ kind: 'shell', container: 'linkerd-proxy' }, 'kubectl debug -it web-7d9f8b6c4-x2kqp --image=busybox:1.36 --target=linkerd-proxy'],
    [{ kind: 'why-pending' }, 'kubectl describe pod web-7d9f8b6c4-x2kqp'],
    [{ kind: 'last-termination', container: 'app' }, 'kubectl describe pod web-7d9f8b6c4-x2kqp'],
    [{ kind: 'probe-failures', container: 'app' }, 'kubectl describe pod web-7d9f8b6c4-x2kqp'],
    [{ kind: 'node-and-ip' }, 'kubectl get pod web-7d9f8b6c4-x2kqp -o wide'],
    [{ kind: 'full-object' }, 'kubectl get pod web-7d9f8b6c4-x2kqp -o yaml'],
    [{ kind: 'port', container: 'envoy', port: 9901 }, 'kubectl port-forward pod/web-7d9f8b6c4-x2kqp 9901:9901'],
    [{ kind: 'usage' }, 'kubectl top pod web-7d9f8b6c4-x2kqp --containers'],
    [{ kind: 'deleted-pod-events' }, 'kubectl get events --field-selector involvedObject.name=web-7d9f8b6c4-x2kqp'],
  ])('teaches the command for %o', (need, text) => {
    expect(renderCommand(pod, commandFor(pod, need))).toBe(text);
  });
});

describe('commandAnswers', () => {
  it('treats logs without -c as the first container in the spec', () => {
    expect(defaultContainer(pod)).toBe('app');
    expect(commandAnswers(pod, { verb: 'logs' }, { kind: 'logs', container: 'app' })).toBe(true);
    expect(commandAnswers(pod, { verb: 'logs' }, { kind: 'logs', container: 'envoy' })).toBe(false);
  });

  it('does not count the current instance as the crashed one', () => {
    expect(commandAnswers(pod, { verb: 'logs', container: 'app' }, { kind: 'previous-logs', container: 'app' })).toBe(false);
  });

  it('fails exec into a container whose image has no shell, but lets debug target it', () => {
    const need: DebugNeed = { kind: 'shell', container: 'linkerd-proxy' };
    expect(commandAnswers(pod, { verb: 'exec', container: 'linkerd-proxy' }, need)).toBe(false);
    expect(commandAnswers(pod, { verb: 'debug' }, need)).toBe(false);
    expect(commandAnswers(pod, { verb: 'debug', target: 'linkerd-proxy' }, need)).toBe(true);
  });

  it('never offers a command that partly answers as a wrong one: yaml and events also explain a pending pod', () => {
    expect(commandAnswers(pod, { verb: 'get', output: 'yaml' }, { kind: 'why-pending' })).toBe(true);
    expect(commandAnswers(pod, { verb: 'events' }, { kind: 'why-pending' })).toBe(true);
    expect(commandAnswers(pod, { verb: 'get', output: 'wide' }, { kind: 'why-pending' })).toBe(false);
  });

  it('lets only events answer for a deleted pod', () => {
    const answering = candidateCommands(pod).filter((c) => commandAnswers(pod, c, { kind: 'deleted-pod-events' }));
    expect(answering).toEqual([{ verb: 'events' }]);
  });

  it('keeps describe away from live usage: it shows requests and limits only', () => {
    expect(commandAnswers(pod, { verb: 'describe' }, { kind: 'usage' })).toBe(false);
  });
});

describe('whyItFails', () => {
  it.each<[DebugCommand, DebugNeed, RegExp]>([
    [{ verb: 'logs' }, { kind: 'logs', container: 'envoy' }, /Without -c, kubectl logs uses the first container in the spec, app/],
    [{ verb: 'exec', container: 'envoy' }, { kind: 'shell', container: 'app' }, /reaches envoy, not app/],
    [{ verb: 'exec', container: 'linkerd-proxy' }, { kind: 'shell', container: 'linkerd-proxy' }, /executable file not found/],
    [{ verb: 'logs', container: 'app' }, { kind: 'previous-logs', container: 'app' }, /Without --previous/],
    [{ verb: 'describe' }, { kind: 'deleted-pod-events' }, /NotFound/],
    [{ verb: 'port-forward', port: 9901 }, { kind: 'port', container: 'app', port: 8080 }, /forwards port 9901, but app listens on 8080/],
  ])('explains why %o misses %o', (cmd, need, pattern) => {
    expect(whyItFails(pod, cmd, need)).toMatch(pattern);
  });
});
