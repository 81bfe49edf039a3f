// Realistic pod moments a learner meets (a crashlooping Deployment pod, a Job whose sidecar
// still runs…), built as data: the kubelet's view (PodSnapshot, for podPhase) and the API
// object kubectl prints (PodListing, for kubectlColumns), kept consistent with each other.
import type { Rng } from '../random.ts';
import { podPhase } from './pod-phase.ts';
import {
  isSidecar, type ContainerSnapshot, type Phase, type PodCondition, type PodListing, type PodSnapshot, type RestartPolicy,
} from './pod-types.ts';

export type ContainerRole = 'init' | 'sidecar' | 'app';

export interface ScenarioContainer {
  role: ContainerRole;
  image: string;
  status: ContainerSnapshot;
}

export const scenarioKinds = [
  'running', 'not-ready', 'crashloop', 'image-pull', 'creating', 'config-error',
  'init-running', 'init-crashloop', 'init-failed', 'init-image-pull', 'sidecar-starting', 'pod-initializing',
  'job-completed', 'job-failed', 'job-retrying', 'job-sidecar-running', 'job-sidecar-stopped',
  'all-exited-always', 'oom-killed', 'partly-completed', 'sidecar-crashloop',
  'deleting', 'deleted-exited', 'evicting', 'evicted', 'node-lost', 'scheduling-gated',
] as const;
export type ScenarioKind = (typeof scenarioKinds)[number];

export type Owner = 'Deployment' | 'StatefulSet' | 'Job';

export interface PodScenario {
  kind: ScenarioKind;
  owner: Owner;
  podName: string;
  restartPolicy: RestartPolicy;
  /** Spec order: initContainers (regular and native sidecars), then containers. */
  containers: ScenarioContainer[];
  /** deletionTimestamp is set. */
  deleting: boolean;
  /** status.reason, e.g. Evicted or NodeLost. */
  reason?: string;
  snapshot: PodSnapshot;
  listing: PodListing;
}

interface Named { name: string; image: string }

const SERVICES: readonly Named[] = [
  { name: 'web', image: 'nginx:1.27' }, { name: 'api', image: 'ghcr.io/acme/api:2.4.1' },
  { name: 'checkout', image: 'ghcr.io/acme/checkout:1.9.0' }, { name: 'catalog', image: 'node:20-alpine' },
  { name: 'payments', image: 'registry.example.com/payments:3.2.0' }, { name: 'grafana', image: 'grafana/grafana:11.1.0' },
  { name: 'cache', image: 'redis:7.2' }, { name: 'orders', image: 'ghcr.io/acme/orders:0.14.2' },
  { name: 'search', image: 'ghcr.io/acme/search:5.0.3' }, { name: 'auth', image: 'quay.io/keycloak/keycloak:25.0' },
];
const BATCH: readonly Named[] = [
  { name: 'db-backup', image: 'postgres:16' }, { name: 'report', image: 'python:3.12-slim' },
  { name: 'resize-images', image: 'ghcr.io/acme/resizer:0.8.2' }, { name: 'nightly-export', image: 'ghcr.io/acme/exporter:1.3.0' },
  { name: 'send-invoices', image: 'ghcr.io/acme/billing:4.1.7' }, { name: 'reindex', image: 'ghcr.io/acme/search:5.0.3' },
];
const SIDECARS: readonly Named[] = [
  { name: 'envoy', image: 'envoyproxy/envoy:v1.31.0' }, { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10' },
  { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1' }, { name: 'vector', image: 'timberio/vector:0.40.0-alpine' },
  { name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0' },
  { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.0' },
];
const INITS: readonly Named[] = [
  { name: 'wait-for-db', image: 'busybox:1.36' }, { name: 'fetch-config', image: 'curlimages/curl:8.9.1' },
  { name: 'fix-permissions', image: 'busybox:1.36' }, { name: 'render-config', image: 'alpine:3.20' },
  { name: 'wait-for-redis', image: 'busybox:1.36' }, { name: 'download-assets', image: 'amazon/aws-cli:2.17.0' },
];
const SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

const EXTRA_APPS: readonly Named[] = [
  { name: 'metrics-exporter', image: 'prom/statsd-exporter:v0.27.1' }, { name: 'uploader', image: 'amazon/aws-cli:2.17.0' },
];

interface InitSpec extends Named { sidecar: boolean }

/** Who owns the pod and which containers its spec lists, in spec order. */
interface Cast { owner: Owner; podName: string; inits: InitSpec[]; apps: Named[] }

interface CastShape { batch: boolean | 'either'; inits: [number, number]; sidecars: [number, number]; apps: [number, number] }

function suffix(rng: Rng, length: number): string {
  return Array.from({ length }, () => rng.pick([...SUFFIX_CHARS])).join('');
}

function podNameOf(rng: Rng, owner: Owner, base: string): string {
  if (owner === 'Deployment') return `${base}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
  if (owner === 'Job') return `${base}-${rng.int(28900000, 29199999)}-${suffix(rng, 5)}`;
  return `${base}-${rng.int(0, 2)}`;
}

/** Sidecars usually come first (a mesh proxy or SQL proxy the init containers may need), sometimes last. */
function initSpecOf(rng: Rng, shape: CastShape & { batch: boolean }, main: Named): InitSpec[] {
  let regular = rng.sample(INITS, rng.int(...shape.inits));
  if (!shape.batch && regular.length > 1 && rng.chance(0.4)) regular = [...regular.slice(0, -1), { name: 'migrate', image: main.image }];
  const sidecars = rng.sample(SIDECARS, rng.int(...shape.sidecars)).map((s) => ({ ...s, sidecar: true }));
  const plain = regular.map((r) => ({ ...r, sidecar: false }));
  return rng.chance(0.7) ? [...sidecars, ...plain] : [...plain, ...sidecars];
}

function castOf(rng: Rng, wanted: CastShape): Cast {
  const shape = { ...wanted, batch: wanted.batch === 'either' ? rng.chance(0.5) : wanted.batch };
  const main = rng.pick(shape.batch ? BATCH : SERVICES);
  const owner: Owner = shape.batch ? 'Job' : rng.chance(0.8) ? 'Deployment' : 'StatefulSet';
  const apps = [{ name: shape.batch ? 'main' : main.name, image: main.image }];
  if (rng.int(...shape.apps) > 1) apps.push(EXTRA_APPS[shape.batch ? 1 : 0]!);
  return { owner, podName: podNameOf(rng, owner, main.name), inits: initSpecOf(rng, shape, main), apps };
}

// Container states at one moment.
type Opts = Partial<Pick<ContainerSnapshot, 'ready' | 'started' | 'restartCount' | 'lastTerminationState'>>;
type Last = NonNullable<ContainerSnapshot['lastTerminationState']>;

const lastOf = (o: Opts): Pick<ContainerSnapshot, 'lastTerminationState'> =>
  o.lastTerminationState ? { lastTerminationState: o.lastTerminationState } : {};

function running(name: string, o: Opts = {}): ContainerSnapshot {
  return { name, state: 'running', started: o.started ?? true, ready: o.ready ?? true, restartCount: o.restartCount ?? 0, ...lastOf(o) };
}
function waiting(name: string, reason: string, o: Opts = {}): ContainerSnapshot {
  return { name, state: 'waiting', reason, started: false, ready: false, restartCount: o.restartCount ?? 0, ...lastOf(o) };
}
function terminated(name: string, exit: Last, o: Opts = {}): ContainerSnapshot {
  const reason = exit.reason ?? (exit.exitCode === 0 ? 'Completed' : 'Error');
  return { name, state: 'terminated', exitCode: exit.exitCode, reason, started: false, ready: false, restartCount: o.restartCount ?? 0, ...lastOf(o) };
}

const COMPLETED: Last = { exitCode: 0, reason: 'Completed' };

/** A realistic non-zero exit: a plain error, a missing binary, or the OOM killer. */
function failure(rng: Rng): Last {
  return rng.pick<Last>([{ exitCode: 1, reason: 'Error' }, { exitCode: 2, reason: 'Error' }, { exitCode: 3, reason: 'Error' },
    { exitCode: 127, reason: 'Error' }, { exitCode: 137, reason: 'OOMKilled' }]);
}
/** How a container stopped by the kubelet ends: clean on SIGTERM, 143, or 137 after the grace period. */
const stopped = (rng: Rng): Last => rng.pick<Last>([COMPLETED, { exitCode: 143, reason: 'Error' }, { exitCode: 137, reason: 'Error' }]);

function crashLoop(rng: Rng, name: string): ContainerSnapshot {
  return waiting(name, 'CrashLoopBackOff', { restartCount: rng.int(3, 42), lastTerminationState: failure(rng) });
}

interface Moment {
  restartPolicy: RestartPolicy;
  /** Spec order, sidecars included. */
  inits: ContainerSnapshot[];
  apps: ContainerSnapshot[];
  deleting?: boolean;
  /** Deleted or evicted: the kubelet will restart nothing. */
  terminal?: boolean;
  reason?: string;
  gated?: boolean;
  /** The sandbox is not (or no longer) set up. */
  noSandbox?: boolean;
}

const pickPolicy = (rng: Rng, c: Cast): RestartPolicy =>
  c.owner === 'Job' ? rng.pick(['Never', 'OnFailure'] as const) : 'Always';

/** Every init container done: regular ones exited 0, sidecars running and started. */
const initsDone = (c: Cast, sidecar: (name: string) => ContainerSnapshot = (n) => running(n)): ContainerSnapshot[] =>
  c.inits.map((i) => (i.sidecar ? sidecar(i.name) : terminated(i.name, COMPLETED)));

const notStarted = (c: Cast, name: string): ContainerSnapshot =>
  waiting(name, c.inits.length > 0 ? 'PodInitializing' : 'ContainerCreating');

/** Apps where the first one is in `first`'s state and the others run normally. */
function firstApp(c: Cast, first: (name: string) => ContainerSnapshot, rest = (n: string) => running(n)): ContainerSnapshot[] {
  return c.apps.map((a, i) => (i === 0 ? first(a.name) : rest(a.name)));
}
const allApps = (c: Cast, state: (name: string) => ContainerSnapshot): ContainerSnapshot[] => c.apps.map((a) => state(a.name));

/** Init container number `at` (a regular one, or a sidecar) is in `state`; earlier ones are done, later ones not started. */
function initAt(rng: Rng, c: Cast, sidecar: boolean, state: (name: string) => ContainerSnapshot): ContainerSnapshot[] {
  const candidates = c.inits.flatMap((spec, i) => (spec.sidecar === sidecar ? [i] : []));
  const at = rng.pick(candidates);
  return c.inits.map((spec, i) => {
    if (i === at) return state(spec.name);
    if (i > at) return waiting(spec.name, 'PodInitializing');
    return spec.sidecar ? running(spec.name) : terminated(spec.name, COMPLETED);
  });
}

const service = (o: Partial<CastShape> = {}): CastShape => ({ batch: false, inits: [0, 2], sidecars: [0, 1], apps: [1, 2], ...o });
const job = (o: Partial<CastShape> = {}): CastShape => ({ batch: true, inits: [0, 1], sidecars: [0, 0], apps: [1, 1], ...o });

interface Recipe { shape: CastShape; moment(rng: Rng, c: Cast): Moment }

const initializing = (rng: Rng, c: Cast, restartPolicy: RestartPolicy, state: (n: string) => ContainerSnapshot, sidecar = false): Moment =>
  ({ restartPolicy, inits: initAt(rng, c, sidecar, state), apps: allApps(c, (n) => waiting(n, 'PodInitializing')) });

const RECIPES: Record<ScenarioKind, Recipe> = {
  running: { shape: service(), moment: (rng, c) => ({ restartPolicy: 'Always', inits: initsDone(c),
    apps: firstApp(c, (n) => (rng.chance(0.4) ? running(n, { restartCount: rng.int(1, 6), lastTerminationState: failure(rng) }) : running(n))) }) },
  'not-ready': { shape: service(), moment: (_, c) => ({ restartPolicy: 'Always', inits: initsDone(c), apps: firstApp(c, (n) => running(n, { ready: false })) }) },
  crashloop: { shape: service({ sidecars: [0, 2] }), moment: (rng, c) => ({ restartPolicy: 'Always', inits: initsDone(c), apps: firstApp(c, (n) => crashLoop(rng, n)) }) },
  'image-pull': { shape: service(), moment: (rng, c) => ({ restartPolicy: 'Always', inits: initsDone(c),
    apps: firstApp(c, (n) => waiting(n, rng.pick(['ImagePullBackOff', 'ErrImagePull']))) }) },
  creating: { shape: service({ inits: [0, 0], sidecars: [0, 0] }), moment: (rng, c) => ({ restartPolicy: pickPolicy(rng, c), inits: [], noSandbox: true,
    apps: allApps(c, (n) => waiting(n, 'ContainerCreating')) }) },
  'config-error': { shape: service(), moment: (_, c) => ({ restartPolicy: 'Always', inits: initsDone(c), apps: firstApp(c, (n) => waiting(n, 'CreateContainerConfigError')) }) },
  'init-running': { shape: service({ batch: 'either', inits: [2, 3] }), moment: (rng, c) => initializing(rng, c, pickPolicy(rng, c), (n) => running(n)) },
  'init-crashloop': { shape: service({ batch: 'either', inits: [1, 3] }), moment: (rng, c) =>
    initializing(rng, c, c.owner === 'Job' ? 'OnFailure' : 'Always', (n) => crashLoop(rng, n)) },
  'init-failed': { shape: job({ inits: [1, 3] }), moment: (rng, c) => initializing(rng, c, 'Never', (n) => terminated(n, failure(rng))) },
  'init-image-pull': { shape: service({ inits: [1, 3] }), moment: (rng, c) => initializing(rng, c, 'Always', (n) => waiting(n, rng.pick(['ImagePullBackOff', 'ErrImagePull']))) },
  'sidecar-starting': { shape: service({ sidecars: [1, 1], inits: [0, 2] }), moment: (rng, c) =>
    initializing(rng, c, 'Always', (n) => running(n, { started: false, ready: false }), true) },
  'pod-initializing': { shape: service({ inits: [1, 3] }), moment: (_, c) => ({ restartPolicy: 'Always', inits: initsDone(c), apps: allApps(c, (n) => notStarted(c, n)) }) },
  'job-completed': { shape: job(), moment: (rng, c) => ({ restartPolicy: pickPolicy(rng, c), inits: initsDone(c), apps: allApps(c, (n) => terminated(n, COMPLETED)) }) },
  'job-failed': { shape: job(), moment: (rng, c) => ({ restartPolicy: 'Never', inits: initsDone(c), apps: allApps(c, (n) => terminated(n, failure(rng))) }) },
  'job-retrying': { shape: job(), moment: (rng, c) => ({ restartPolicy: 'OnFailure', inits: initsDone(c),
    apps: allApps(c, (n) => terminated(n, failure(rng), { restartCount: rng.int(1, 5), lastTerminationState: failure(rng) })) }) },
  'job-sidecar-running': { shape: job({ sidecars: [1, 1] }), moment: (rng, c) => ({ restartPolicy: pickPolicy(rng, c), inits: initsDone(c),
    apps: allApps(c, (n) => terminated(n, COMPLETED)) }) },
  'job-sidecar-stopped': { shape: job({ sidecars: [1, 1] }), moment: (rng, c) => ({ restartPolicy: 'Never', apps: allApps(c, (n) => terminated(n, COMPLETED)),
    inits: initsDone(c, (n) => terminated(n, rng.pick<Last>([{ exitCode: 143, reason: 'Error' }, { exitCode: 137, reason: 'Error' }, { exitCode: 1, reason: 'Error' }]))) }) },
  'all-exited-always': { shape: service({ sidecars: [0, 0], apps: [1, 1] }), moment: (rng, c) => ({ restartPolicy: 'Always', inits: initsDone(c),
    apps: allApps(c, (n) => terminated(n, COMPLETED, { restartCount: rng.int(0, 4) })) }) },
  'oom-killed': { shape: service({ sidecars: [0, 1], apps: [1, 1] }), moment: (rng, c) => {
    const restartCount = rng.int(0, 5);
    const last = restartCount > 0 ? { lastTerminationState: { exitCode: 137, reason: 'OOMKilled' } } : {};
    return { restartPolicy: 'Always', inits: initsDone(c), apps: allApps(c, (n) => terminated(n, { exitCode: 137, reason: 'OOMKilled' }, { restartCount, ...last })) };
  } },
  'partly-completed': { shape: job({ apps: [2, 2] }), moment: (rng, c) => {
    const done = rng.int(0, 1);
    return { restartPolicy: pickPolicy(rng, c), inits: initsDone(c), apps: c.apps.map((a, i) => (i === done ? terminated(a.name, COMPLETED) : running(a.name))) };
  } },
  'sidecar-crashloop': { shape: service({ sidecars: [1, 1] }), moment: (rng, c) => ({ restartPolicy: 'Always', inits: initsDone(c, (n) => crashLoop(rng, n)), apps: allApps(c, (n) => running(n)) }) },
  deleting: { shape: service(), moment: (rng, c) => ({ restartPolicy: 'Always', deleting: true, terminal: true, inits: initsDone(c),
    apps: allApps(c, (n) => running(n, { ready: rng.chance(0.5) })) }) },
  'deleted-exited': { shape: service(), moment: (rng, c) => ({ restartPolicy: 'Always', deleting: true, terminal: true, noSandbox: true,
    inits: initsDone(c, (n) => terminated(n, stopped(rng))), apps: allApps(c, (n) => terminated(n, stopped(rng))) }) },
  evicting: { shape: service(), moment: (_, c) => ({ restartPolicy: 'Always', reason: 'Evicted', terminal: true,
    inits: initsDone(c, (n) => running(n, { ready: false })), apps: allApps(c, (n) => running(n, { ready: false })) }) },
  evicted: { shape: service(), moment: (rng, c) => {
    const exit = rng.pick<Last>([{ exitCode: 137, reason: 'ContainerStatusUnknown' }, { exitCode: 137, reason: 'Error' }]);
    return { restartPolicy: 'Always', reason: 'Evicted', terminal: true, noSandbox: true, inits: initsDone(c, (n) => terminated(n, exit)), apps: allApps(c, (n) => terminated(n, exit)) };
  } },
  'node-lost': { shape: service(), moment: (_, c) => ({ restartPolicy: 'Always', deleting: true, reason: 'NodeLost', inits: initsDone(c), apps: allApps(c, (n) => running(n)) }) },
  'scheduling-gated': { shape: service(), moment: (_, c) => ({ restartPolicy: 'Always', gated: true, noSandbox: true,
    inits: c.inits.map((i) => ({ name: i.name, state: 'none' })), apps: allApps(c, (n) => ({ name: n, state: 'none' })) }) },
};

/** The container has run in this sandbox (running, exited, or restarting after an exit). */
const hasRun = (c: ContainerSnapshot): boolean => c.state === 'running' || c.state === 'terminated' || c.lastTerminationState !== undefined;

/** Initialized (pod-semantics §2): regular inits exited 0 and sidecars started; sticky once an app has run; True when Succeeded. */
function isInitialized(snapshot: PodSnapshot, phase: Phase): boolean {
  if (phase === 'Succeeded' || snapshot.podHasInitialized === true) return true;
  return snapshot.initContainers.every((c) => (isSidecar(c) ? c.started === true : c.state === 'terminated' && c.exitCode === 0));
}

/** ContainersReady counts regular containers and sidecars, never regular init containers (§2). */
function containersReady(snapshot: PodSnapshot, phase: Phase): PodCondition {
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  if (phase === 'Succeeded') return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  const all = [...snapshot.initContainers.filter(isSidecar), ...snapshot.containers].every((c) => c.ready === true);
  return all ? { type: 'ContainersReady', status: 'True' } : { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady' };
}

function conditionsOf(m: Moment, snapshot: PodSnapshot, phase: Phase): PodCondition[] {
  if (m.gated) return [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }];
  const ready = containersReady(snapshot, phase);
  const initialized: PodCondition = isInitialized(snapshot, phase)
    ? { type: 'Initialized', status: 'True' } : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized' };
  // A lost node cannot report; the node controller marks its pods not Ready.
  const podReady: PodCondition = m.reason === 'NodeLost' ? { type: 'Ready', status: 'False' } : { ...ready, type: 'Ready' };
  return [{ type: 'PodReadyToStartContainers', status: m.noSandbox ? 'False' : 'True' }, initialized, podReady, ready, { type: 'PodScheduled', status: 'True' }];
}

function rolesOf(cast: Cast, inits: ContainerSnapshot[], apps: ContainerSnapshot[]): ScenarioContainer[] {
  return [
    ...inits.map((status, i) => ({ role: isSidecar(status) ? 'sidecar' as const : 'init' as const, image: cast.inits[i]?.image ?? 'busybox:1.36', status })),
    ...apps.map((status, i) => ({ role: 'app' as const, image: cast.apps[i]?.image ?? 'busybox:1.36', status })),
  ];
}

/** One moment of one pod, of the given kind. The listing's phase is podPhase of the snapshot. */
export function podScenario(rng: Rng, kind: ScenarioKind): PodScenario {
  const recipe = RECIPES[kind];
  const cast = castOf(rng, recipe.shape);
  const m = recipe.moment(rng, cast);
  const inits = m.inits.map((c, i) => (cast.inits[i]?.sidecar ? { ...c, restartPolicy: 'Always' as const } : c));
  const snapshot: PodSnapshot = {
    restartPolicy: m.restartPolicy, podIsTerminal: m.terminal === true, podHasInitialized: m.apps.some(hasRun),
    initContainers: inits, containers: m.apps,
  };
  const phase = podPhase(snapshot);
  const reason = m.reason === undefined ? {} : { reason: m.reason };
  const listing: PodListing = {
    phase, ...reason, deleting: m.deleting === true, conditions: conditionsOf(m, snapshot, phase),
    initContainers: inits.map((c) => ({ ...c })), containers: m.apps.map((c) => ({ ...c })),
  };
  return {
    kind, owner: cast.owner, podName: cast.podName, restartPolicy: m.restartPolicy, containers: rolesOf(cast, inits, m.apps),
    deleting: m.deleting === true, ...reason, snapshot, listing,
  };
}

/** A scenario of one of `kinds`, picked at random. */
export function randomScenario(rng: Rng, kinds: readonly ScenarioKind[] = scenarioKinds): PodScenario {
  return podScenario(rng, rng.pick(kinds));
}
