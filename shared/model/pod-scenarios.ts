// Realistic pod moments a learner meets (a crashlooping Deployment pod, a Job whose sidecar
// still runs…), built as data: the kubelet's view (PodSnapshot, for podPhase) and the API
// object kubectl prints (PodListing, for kubectlColumns), kept consistent with each other.
import type { Rng } from '../random.ts';
import { podPhase } from './pod-phase.ts';
import { castOf, type Cast, type CastShape } from './pod-cast.ts';
import { running, waiting, terminated, COMPLETED, failure, stopped, crashLoop, type Last } from './container-states.ts';
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

/** Initialized (docs/rules/conditions.md): regular inits exited 0 and sidecars started; sticky once an app has run; True when Succeeded. */
function isInitialized(snapshot: PodSnapshot, phase: Phase): boolean {
  if (phase === 'Succeeded' || snapshot.podHasInitialized === true) return true;
  return snapshot.initContainers.every((c) => (isSidecar(c) ? c.started === true : c.state === 'terminated' && c.exitCode === 0));
}

/** ContainersReady counts regular containers and sidecars, never regular init containers (docs/rules/conditions.md). */
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
