// The sidecar-lifecycle questions: the cast (sidecars, init containers, Jobs), the pod YAML, and one maker per question.
// Makers only describe a scenario and label the options by key; sidecar-answers.ts decides which key is right.
import type { Rng } from '../random.ts';
import type { RestartPolicy } from '../model/pod-types.ts';
import type { Difficulty } from './kind.ts';

export interface Box { name: string; image: string }
export interface InitBox extends Box { sidecar: boolean; startupProbe?: boolean }

export type Scenario =
  | { q: 'start-gate'; init: InitBox[]; target: number }
  | { q: 'job-end'; policy: RestartPolicy; main: Box; exitCode: number; sidecar: Box }
  | { q: 'sidecar-crash'; policy: RestartPolicy; app: Box; sidecar: Box; exitCode: number }
  | { q: 'exit-phase'; main: Box; mainExit: number; sidecar: Box; sidecarExit: number }
  | { q: 'prestop'; app: Box; sidecar: Box; hook: string }
  | { q: 'sigterm'; apps: Box[]; sidecars: Box[]; target: number; other: number }
  | { q: 'termination'; init: InitBox[]; apps: Box[] };

// Each sidecar's own health check, so a startupProbe in the YAML looks like one you would really write.
const SIDECARS: (Box & { check: string })[] = [
  { name: 'envoy', image: 'envoyproxy/envoy:v1.29', check: 'httpGet: { path: /ready, port: 9901 }' },
  { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14', check: 'httpGet: { path: /ready, port: 4191 }' },
  { name: 'istio-proxy', image: 'istio/proxyv2:1.21', check: 'httpGet: { path: /healthz/ready, port: 15021 }' },
  { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0', check: 'httpGet: { path: /api/v1/health, port: 2020 }' },
  { name: 'vector', image: 'timberio/vector:0.37.0-alpine', check: 'httpGet: { path: /health, port: 8686 }' },
  { name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.96.0', check: 'httpGet: { path: /, port: 13133 }' },
  { name: 'vault-agent', image: 'hashicorp/vault:1.15', check: 'exec: { command: ["test", "-f", "/vault/secrets/token"] }' },
  { name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.2', check: 'httpGet: { path: /startup, port: 9090 }' },
];
const MESH = ['envoy', 'linkerd-proxy', 'istio-proxy'];

/** n distinct sidecars, never two service-mesh proxies in one pod (no real pod runs envoy and linkerd-proxy together). */
function sampleSidecars(rng: Rng, n: number): Box[] {
  const mesh = SIDECARS.filter((b) => MESH.includes(b.name));
  const others = SIDECARS.filter((b) => !MESH.includes(b.name));
  return rng.sample([rng.pick(mesh), ...others], n).map(({ name, image }) => ({ name, image }));
}
const pickSidecar = (rng: Rng): Box => sampleSidecars(rng, 1)[0]!;
const checkOf = (name: string): string => SIDECARS.find((b) => b.name === name)?.check ?? 'tcpSocket: { port: 8080 }';
const INITS: Box[] = [
  { name: 'wait-for-db', image: 'busybox:1.36' }, { name: 'migrate', image: 'flyway/flyway:10' },
  { name: 'fetch-config', image: 'curlimages/curl:8.5.0' }, { name: 'fix-permissions', image: 'busybox:1.36' },
];
const JOBS: Box[] = [
  { name: 'backup', image: 'postgres:16' }, { name: 'etl', image: 'ghcr.io/acme/etl:2.3.0' },
  { name: 'train', image: 'pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime' }, { name: 'report', image: 'ghcr.io/acme/reports:1.8.2' },
  { name: 'export', image: 'ghcr.io/acme/exporter:0.9.4' },
];
const SERVICES = ['checkout', 'orders', 'catalog', 'billing', 'search', 'profile', 'cart', 'ledger'];
const app = (rng: Rng): Box => {
  const svc = rng.pick(SERVICES);
  return { name: `${svc}-api`, image: `ghcr.io/acme/${svc}-api:${rng.int(1, 4)}.${rng.int(0, 12)}.${rng.int(0, 9)}` };
};
export const c = (name: string): string => `\`${name}\``;
const names = (boxes: readonly Box[]): string => boxes.map((b) => c(b.name)).join(' and ');

function yamlOf(policy: RestartPolicy | null, init: readonly InitBox[], apps: readonly Box[], extra: Record<string, string> = {}): string {
  const entry = (b: Box & { sidecar?: boolean; startupProbe?: boolean }): string[] => [
    `  - name: ${b.name}`, `    image: ${b.image}`,
    ...(b.sidecar ? ['    restartPolicy: Always'] : []),
    ...(b.startupProbe ? [`    startupProbe: { ${checkOf(b.name)}, periodSeconds: 2 }`] : []),
    ...(extra[b.name] ? [`    lifecycle: { preStop: { exec: { command: ["sh", "-c", "${extra[b.name]}"] } } }`] : []),
  ];
  const lines = [...(policy ? [`restartPolicy: ${policy}`] : [])];
  if (init.length > 0) lines.push('initContainers:', ...init.flatMap(entry));
  lines.push('containers:', ...apps.flatMap(entry));
  return lines.join('\n');
}
export interface Asked { scenario: Scenario; prompt: string; yaml: string; labels: Record<string, string> }
type Maker = (rng: Rng, d: Difficulty) => Asked;

const startGateQ: Maker = (rng, d) => {
  const size = d === 'easy' ? 2 : rng.int(3, 4);
  const positions = Array.from({ length: size }, (_, i) => i);
  const sidecarAt = rng.sample(positions, d === 'easy' ? 1 : rng.int(1, 2));
  const sidecars = sampleSidecars(rng, 2);
  const init: InitBox[] = rng.sample(INITS, size).map((b, i) =>
    sidecarAt.includes(i) ? { ...sidecars[sidecarAt.indexOf(i)]!, sidecar: true, ...(d === 'hard' ? { startupProbe: rng.chance(0.7) } : {}) } : { ...b, sidecar: false },
  );
  const firstSidecar = init.findIndex((b) => b.sidecar);
  const target = d === 'easy' ? 1 : rng.chance(0.6) && firstSidecar < init.length - 1 ? firstSidecar + 1 : rng.int(1, init.length - 1);
  const prev = init[target - 1]!;
  const scenario: Scenario = { q: 'start-gate', init, target };
  return {
    scenario, yaml: yamlOf(null, init, [app(rng)]),
    prompt: `The kubelet is starting this pod's init containers. When does ${c(init[target]!.name)} start?`,
    labels: {
      started: prev.startupProbe ? `Once ${c(prev.name)} is running and its startup probe has passed` : `Once ${c(prev.name)} is running`,
      'exit-0': `Once ${c(prev.name)} has exited with code 0`,
      parallel: `At the same time as ${c(prev.name)}`,
      ready: `Once ${c(prev.name)} is running and its readiness probe has passed`,
    },
  };
};

const jobEndQ: Maker = (rng, d) => {
  const main = rng.pick(JOBS);
  const sidecar = pickSidecar(rng);
  const policy = rng.pick<RestartPolicy>(['Never', 'OnFailure']);
  const exitCode = d === 'easy' ? 0 : rng.pick([0, 0, 1, 2]);
  return {
    scenario: { q: 'job-end', policy, main, exitCode, sidecar },
    yaml: yamlOf(policy, [{ ...sidecar, sidecar: true }], [main]),
    prompt: `This is a Job's pod template. ${c(main.name)} exits with code ${exitCode} while ${c(sidecar.name)} is still running. What happens next?`,
    labels: {
      succeeded: `The pod completes as Succeeded; ${c(sidecar.name)} is stopped, not restarted`,
      failed: `The pod ends as Failed; ${c(sidecar.name)} is stopped, not restarted`,
      'main-restarts': `${c(main.name)} is restarted; ${c(sidecar.name)} keeps running meanwhile`,
      waits: `The pod stays Running until ${c(sidecar.name)} exits on its own`,
    },
  };
};

const sidecarCrashQ: Maker = (rng, d) => {
  const a = app(rng);
  const sidecar = pickSidecar(rng);
  const policy = d === 'easy' ? 'Never' : rng.pick<RestartPolicy>(['Never', 'OnFailure', 'Always']);
  const exitCode = rng.pick(d === 'hard' ? [0, 0, 1, 137] : [1, 2, 137]);
  return {
    scenario: { q: 'sidecar-crash', policy, app: a, sidecar, exitCode },
    yaml: yamlOf(policy, [{ ...sidecar, sidecar: true }], [a]),
    prompt: `${c(a.name)} is running when the sidecar ${c(sidecar.name)} exits with code ${exitCode}. What does the kubelet do?`,
    labels: {
      restarted: `It restarts ${c(sidecar.name)}; the pod stays Running`,
      'left-stopped': `It leaves ${c(sidecar.name)} stopped; the pod stays Running`,
      'pod-failed': `It marks the pod Failed because ${c(sidecar.name)} exited`,
      'restart-all': 'It restarts every container in the pod',
    },
  };
};

const exitPhaseQ: Maker = (rng) => {
  const main = rng.pick(JOBS);
  const sidecar = pickSidecar(rng);
  const mainExit = rng.pick([0, 0, 0, 1]);
  const sidecarExit = rng.pick([137, 143, 1, 2]);
  return {
    scenario: { q: 'exit-phase', main, mainExit, sidecar, sidecarExit },
    yaml: yamlOf('Never', [{ ...sidecar, sidecar: true }], [main]),
    prompt: `A Job's pod: ${c(main.name)} exits with code ${mainExit}, then the kubelet stops ${c(sidecar.name)}, which exits with code ${sidecarExit}. What is the pod's final phase?`,
    labels: { Succeeded: 'Succeeded', Failed: 'Failed', Running: 'Running', Unknown: 'Unknown' },
  };
};

const hookFor = (rng: Rng, sidecar: Box): string =>
  sidecar.name === 'envoy' && rng.chance(0.5) ? 'curl -s -X POST localhost:9901/drain_listeners?graceful' : `sleep ${rng.pick([5, 10, 15])}`;

const prestopQ: Maker = (rng) => {
  const a = app(rng);
  const sidecar = pickSidecar(rng);
  const hook = hookFor(rng, sidecar);
  return {
    scenario: { q: 'prestop', app: a, sidecar, hook },
    yaml: yamlOf(null, [{ ...sidecar, sidecar: true }], [a], { [sidecar.name]: hook }),
    prompt: `The pod is deleted. ${c(a.name)} takes about ${rng.int(5, 20)} s to shut down after SIGTERM. When does ${c(sidecar.name)}'s preStop hook (${hook}) run?`,
    labels: {
      'at-once': `At once, while ${c(a.name)} is still shutting down`,
      'after-apps': `Only after ${c(a.name)} has exited`,
      'after-sigterm': `Right after ${c(sidecar.name)} receives SIGTERM`,
      never: 'Never: preStop hooks do not run on sidecars',
    },
  };
};

const sigtermQ: Maker = (rng) => {
  const apps = Array.from({ length: rng.int(1, 2) }, () => app(rng)).filter((b, i, all) => all.findIndex((x) => x.name === b.name) === i);
  const sidecars = sampleSidecars(rng, rng.int(2, 3));
  const target = rng.int(0, sidecars.length - 1);
  const other = target < sidecars.length - 1 && rng.chance(0.7) ? target + 1 : target === 0 ? 1 : target - 1;
  const who = names(apps);
  return {
    scenario: { q: 'sigterm', apps, sidecars, target, other },
    yaml: yamlOf(null, sidecars.map((b) => ({ ...b, sidecar: true })), apps),
    prompt: `The pod is deleted. When does the sidecar ${c(sidecars[target]!.name)} receive SIGTERM?`,
    labels: {
      'at-once': `Right away, together with ${who}`,
      'after-apps': `Once ${who} ${apps.length > 1 ? 'have' : 'has'} exited`,
      'after-other': `Once ${c(sidecars[other]!.name)} has exited`,
      grace: 'Only once the grace period has run out',
    },
  };
};

const terminationQ: Maker = (rng, d) => {
  const apps = rng.sample(SERVICES, d === 'hard' ? 2 : 1).map((svc) => ({ name: `${svc}-api`, image: `ghcr.io/acme/${svc}-api:${rng.int(1, 4)}.${rng.int(0, 9)}.0` }));
  const sidecars: InitBox[] = sampleSidecars(rng, d === 'hard' ? 3 : 2).map((b) => ({ ...b, sidecar: true }));
  const init = d === 'hard' ? rng.shuffle<InitBox>([...sidecars, { ...rng.pick(INITS), sidecar: false }]) : sidecars;
  return {
    scenario: { q: 'termination', init, apps },
    yaml: yamlOf(null, init, apps),
    prompt: 'The pod is deleted. Put its running containers in the order they receive SIGTERM, first to last (containers signalled together may go in either order).',
    labels: {},
  };
};

export const MAKERS: Record<Difficulty, Maker[]> = {
  easy: [startGateQ, jobEndQ, sidecarCrashQ],
  medium: [startGateQ, jobEndQ, sidecarCrashQ, exitPhaseQ, terminationQ],
  hard: [startGateQ, jobEndQ, exitPhaseQ, terminationQ, sigtermQ, prestopQ, sidecarCrashQ],
};
