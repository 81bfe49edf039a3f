// The cast of probe-timing puzzles and the container YAML they show: real images, each probed the way it really is
// (its own port and health paths; liveness never pointed at a readiness endpoint).
import type { Rng } from '../random.ts';
import type { ProbeKind, ProbeSettings, ResolvedProbe } from '../model/probes.ts';

export interface ProbeTimingPuzzle {
  /** Which quantity is asked, e.g. 'startup-give-up', 'backoff-total'. */
  ask: string;
  prompt: string;
  code: { language: 'yaml' | 'shell'; text: string };
  seconds: number;
  /** The arithmetic, as a sentence. */
  working: string;
  /** Numbers a typical mistake produces, with what the mistake was. */
  misses: { value: number; note: string }[];
  /** Probe timings are upper bounds on a ticking clock: a near answer earns partial credit. */
  approximate: boolean;
  docUrl: string;
}

export interface Workload {
  name: string;
  image: string;
  /** What the readiness check depends on, as a sentence subject. */
  dep: string;
  port: number;
  /** HTTP paths for liveness/startup and for readiness. */
  live: string;
  ready: string;
  grpcPort?: number;
  /** The app image has a shell, so an exec probe is plausible. */
  exec?: boolean;
}

export const workloads: readonly Workload[] = [
  { name: 'orders-api', image: 'ghcr.io/acme/orders-api:2.4.1', dep: 'Postgres', port: 8080, live: '/healthz', ready: '/readyz', grpcPort: 9090 },
  { name: 'keycloak', image: 'quay.io/keycloak/keycloak:26.0', dep: 'Postgres', port: 9000, live: '/health/live', ready: '/health/ready' },
  { name: 'checkout-web', image: 'node:22-alpine', dep: 'Redis', port: 3000, live: '/healthz', ready: '/ready', exec: true },
  { name: 'search', image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', dep: 'the cluster\'s master node', port: 9200, live: '/_cluster/health?local=true', ready: '/_cluster/health?local=true' },
  { name: 'billing', image: 'eclipse-temurin:21-jre', dep: 'Kafka', port: 8080, live: '/actuator/health/liveness', ready: '/actuator/health/readiness' },
  { name: 'recommendations', image: 'python:3.12-slim', dep: 'Redis', port: 8000, live: '/healthz', ready: '/ready', exec: true },
  { name: 'web', image: 'nginx:1.27', dep: 'the upstream API', port: 80, live: '/healthz', ready: '/ready' },
  { name: 'inventory', image: 'golang:1.23-alpine', dep: 'MySQL', port: 8080, live: '/livez', ready: '/readyz', grpcPort: 9090 },
  { name: 'grafana', image: 'grafana/grafana:11.2.0', dep: 'its database', port: 3000, live: '/api/health', ready: '/api/health' },
];

/** The ways this workload can be checked for this probe kind. */
function mechanisms(w: Workload, kind: ProbeKind): string[][] {
  const path = kind === 'readinessProbe' ? w.ready : w.live;
  return [
    ['httpGet:', `  path: ${path}`, `  port: ${w.port}`],
    ['tcpSocket:', `  port: ${w.port}`],
    ...(w.grpcPort ? [['grpc:', `  port: ${w.grpcPort}`]] : []),
    ...(w.exec ? [['exec:', '  command: ["cat", "/tmp/healthy"]']] : []),
  ];
}

const fieldOrder: (keyof ResolvedProbe)[] = [
  'initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold',
];

export function probeYaml(rng: Rng, w: Workload, kind: ProbeKind, settings: ProbeSettings): string[] {
  const fields = fieldOrder.filter((f) => settings[f] !== undefined).map((f) => `  ${f}: ${settings[f]}`);
  return [`${kind}:`, ...rng.pick(mechanisms(w, kind)).map((l) => `  ${l}`), ...fields];
}

export function containerYaml(w: Workload, probes: string[][]): string {
  const body = probes.flat().map((l) => `    ${l}`);
  return ['containers:', `- name: ${w.name}`, `  image: ${w.image}`, ...body.map((l) => l.slice(2))].join('\n');
}

/** Every field set, with values in realistic ranges for the kind. */
export function explicitSettings(rng: Rng, kind: ProbeKind): ResolvedProbe {
  const periodSeconds = rng.pick([2, 3, 5, 10, 15, 20]);
  return {
    initialDelaySeconds: rng.pick([0, 5, 10, 15, 20, 30]),
    periodSeconds,
    timeoutSeconds: Math.min(periodSeconds, rng.pick([1, 2, 3, 5])),
    successThreshold: kind === 'readinessProbe' ? rng.int(1, 4) : 1,
    failureThreshold: kind === 'startupProbe' ? rng.int(6, 40) : rng.int(2, 6),
  };
}
/** Leave out some fields, at least one that the answer depends on, so the defaults matter. */
export function omitSome(rng: Rng, s: ResolvedProbe, relevant: (keyof ResolvedProbe)[]): ProbeSettings {
  const must = rng.pick(relevant);
  const out: ProbeSettings = {};
  for (const f of fieldOrder) if (f !== must && rng.chance(0.5)) out[f] = s[f];
  return out;
}

