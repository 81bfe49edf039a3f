// The Deployment's probes, preStop and terminationGracePeriodSeconds agree with the drain the server really runs:
// the numbers come from server/drain-settings.ts (what server/main.ts and app.ts use), not copies of them.
//
// A pod being deleted: its endpoint is removed while the preStop sleep runs (new players go elsewhere); then
// SIGTERM: /readyz 503 and server:restarting at once, games go on for the grace, then sockets close (cut after
// CLOSE_GRACE_MS), the last batch is saved and the process exits, all before the watchdog's DRAIN_DEADLINE_MS. The
// kubelet's SIGKILL comes terminationGracePeriodSeconds after the deletion, preStop included.
import { describe, expect, it } from 'vitest';
import { CLOSE_GRACE_MS, DRAIN_DEADLINE_MS, DRAIN_GRACE_MAX_MS, drainGraceMs, RESTART_RETRY_MS } from '../../server/drain-settings.ts';
import { trustedProxies } from '../../server/client-address.ts';
import { only, render, type KubeObject } from './render.ts';

interface Probe {
  httpGet: { path: string };
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
}
interface PodSpec {
  terminationGracePeriodSeconds: number;
  containers: {
    env?: { name: string; value?: string }[];
    lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
    startupProbe: Probe;
    livenessProbe: Probe;
    readinessProbe: Probe;
  }[];
}

/** What the server will be told, from the rendered ConfigMap and the container's own env (env wins). */
function setting(objects: KubeObject[], pod: PodSpec, name: string): string | undefined {
  const own = pod.containers[0]!.env?.find((e) => e.name === name)?.value;
  const config = only(objects, 'ConfigMap')['data'] as Record<string, string>;
  return own ?? config[name];
}

function preStopMs(pod: PodSpec): number {
  const preStop = pod.containers[0]!.lifecycle?.preStop;
  if (preStop?.sleep) return preStop.sleep.seconds * 1000;
  const command = preStop?.exec?.command ?? [];
  if (command[0] !== 'sleep' || command.length !== 2) throw new Error(`preStop is not a plain sleep: ${JSON.stringify(preStop)}`);
  return Number(command[1]) * 1000;
}

/** The longest a probe can take to report a failure that has just begun. */
const detectionMs = (p: Probe): number => (p.periodSeconds * p.failureThreshold + p.timeoutSeconds) * 1000;

describe.each(['deploy/base', 'deploy/overlays/demo'])('%s: probes, grace period and drain agree', (dir) => {
  const objects = render(dir);
  const pod = (only(objects, 'Deployment', 'podium')['spec'] as { template: { spec: PodSpec } }).template.spec;
  const container = pod.containers[0]!;
  const asked = setting(objects, pod, 'PODIUM_DRAIN_GRACE_MS');
  const graceMs = drainGraceMs(asked);

  it('asks for a drain grace the server applies as it is (not silently capped)', () => {
    expect(asked).toBeDefined();
    expect(graceMs).toBe(Number(asked));
    expect(graceMs).toBeLessThanOrEqual(DRAIN_GRACE_MAX_MS);
  });

  it('gives the kubelet\'s grace period room for the preStop sleep and the whole drain, watchdog included', () => {
    const budgetMs = pod.terminationGracePeriodSeconds * 1000;
    // The drain ends by itself before its watchdog; the watchdog is the latest the process can still be running.
    expect(graceMs + CLOSE_GRACE_MS).toBeLessThan(DRAIN_DEADLINE_MS);
    // At least a second between the watchdog's exit and the kubelet's SIGKILL.
    expect(preStopMs(pod) + DRAIN_DEADLINE_MS + 1000).toBeLessThanOrEqual(budgetMs);
  });

  it('keeps sending players elsewhere long enough: the preStop sleep outlasts the clients\' reconnect delay', () => {
    // Players told server:restarting come back after RESTART_RETRY_MS; by then the endpoint has been gone for the
    // whole sleep, so they land on another pod.
    expect(preStopMs(pod)).toBeGreaterThanOrEqual(RESTART_RETRY_MS);
  });

  it('lets a readiness-probing balancer see the 503 before the grace ends and sockets close', () => {
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(detectionMs(container.readinessProbe)).toBeLessThanOrEqual(graceMs);
  });

  it('probes liveness and start-up on /healthz, which stays 200 while draining, so a drain is never a restart', () => {
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.startupProbe.httpGet.path).toBe('/healthz');
    // A liveness failure takes longer to notice than any drain takes: a draining pod is never restarted.
    expect(detectionMs(container.livenessProbe)).toBeGreaterThan(DRAIN_DEADLINE_MS);
  });

  it('names trusted proxies the server can read', () => {
    expect(() => trustedProxies(setting(objects, pod, 'PODIUM_TRUSTED_PROXIES'))).not.toThrow();
    expect(setting(objects, pod, 'PODIUM_TRUSTED_PROXIES')).toBeTruthy();
  });
});
