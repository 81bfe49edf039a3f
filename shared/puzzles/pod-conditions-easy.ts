// pod-conditions, easy: one rule in plain sight. Which condition is the first not True, what Ready says, whether a
// Service sends the pod traffic, what the scheduler's message asks for, what Initialized says, the sandbox.
import { kubectlColumns } from '../model/kubectl-columns.ts';
import { COMPLETED, failure, running, terminated, waiting } from '../model/container-states.ts';
import { podListing, type PodFacts } from '../model/pod-status.ts';
import type { ContainerSnapshot } from '../model/pod-types.ts';
import { schedule, type NodeFacts, type PlacementNeeds, type Taint } from '../model/scheduling.ts';
import type { Rng } from '../random.ts';
import { FIRST_LABELS, HOLD_LABELS, INITIALIZED_LABELS, READY_LABELS } from './pod-conditions-answers.ts';
import { cellsOf, condDraft, type CondQuestion } from './pod-conditions-draft.ts';
import { cpu, fixLabel, mem, nodeTable, type Fix } from './pod-conditions-scheduling.ts';
import { conditionsWhy, initializedOnly, readyStory, CDOCS, type Pointers } from './pod-conditions-why.ts';
import { JOB_MAX_RESTARTS, cast, errorExit, factsOf, initFailure, job, service, who, type Cast } from './pod-build.ts';
import { yamlView, type Column, type YamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<CondQuestion>;
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);
const TABLE: readonly Column[] = ['container', 'state', 'reason', 'ready'];
const ORDER = 'Conditions go PodScheduled → PodReadyToStartContainers → Initialized → ContainersReady → Ready.';
const pointers = (f: PodFacts, cols: readonly Column[], yaml?: YamlView): Pointers => ({
  containers: (names) => cellsOf(f, cols, names), ...(yaml ? { yaml: (...m: string[]) => yaml.at(...m) } : {}),
});
const notReady = (rng: Rng, n: string): ContainerSnapshot => pick(rng, [running(n, { ready: false }), waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(2, 20), lastTerminationState: failure(rng) })]);
/** Where the pod is bound, as its spec and status say it (not the PodScheduled condition itself: that would be the answer). */
const scheduledYaml = (f: PodFacts): YamlView => yamlView(f.placement.bound
  ? ['spec:', '  schedulerName: default-scheduler', ['  nodeName: worker-2', 'scheduled'], 'status:', '  hostIP: 10.0.1.12', '  podIP: 10.244.2.17']
  : ['spec:', ['  schedulerName: default-scheduler   # no nodeName', 'scheduled'], 'status:', '  phase: Pending', '  # no hostIP, no podIP']);
const UNSCHEDULABLE = ['0/3 nodes are available: 3 Insufficient cpu.', '0/3 nodes are available: 3 Insufficient memory.', "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector."];

/** One pod at one of the four plain stages: not scheduled, initializing, a container not ready, all ready. */
function stagePod(rng: Rng, stage: 'unscheduled' | 'init' | 'not-ready' | 'ready'): { c: Cast; facts: PodFacts } {
  const c = cast(rng, service({ batch: false, inits: stage === 'init' ? [1, 2] : [0, 1], apps: [1, 2] }));
  if (stage === 'unscheduled') {
    const none = (n: string): ContainerSnapshot => ({ name: n, state: 'none' });
    return { c, facts: factsOf({ cast: c, restartPolicy: 'Always', inits: c.inits.map((i) => none(i.name)), apps: c.apps.map((a) => none(a.name)), placement: { bound: false, reason: 'Unschedulable', message: pick(rng, UNSCHEDULABLE) } }) };
  }
  if (stage === 'init') {
    const inits = c.inits.map((i, k) => (k === 0 ? running(i.name) : waiting(i.name, 'PodInitializing')));
    return { c, facts: factsOf({ cast: c, restartPolicy: 'Always', inits, apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')) }) };
  }
  const inits = c.inits.map((i) => terminated(i.name, COMPLETED));
  const bad = rng.int(0, c.apps.length - 1);
  const apps = c.apps.map((a, k) => (stage === 'not-ready' && k === bad ? notReady(rng, a.name) : running(a.name)));
  return { c, facts: factsOf({ cast: c, restartPolicy: 'Always', inits, apps }) };
}

const STAGE_OF: Record<string, 'unscheduled' | 'init' | 'not-ready' | 'ready'> = {
  [FIRST_LABELS.PodScheduled]: 'unscheduled', [FIRST_LABELS.Initialized]: 'init', [FIRST_LABELS.ContainersReady]: 'not-ready', [FIRST_LABELS.none]: 'ready',
};

const firstNotTrue: T = {
  id: 'pod-conditions/first-not-true',
  targets: Object.keys(STAGE_OF),
  build(rng, target) {
    const { c, facts } = stagePod(rng, STAGE_OF[target]!);
    const yaml = scheduledYaml(facts);
    const why = conditionsWhy(facts, pointers(facts, TABLE, yaml));
    return condDraft(rng, facts, { ask: 'first-not-true' }, {
      prompt: `${who(c)}: where it is bound, and its containers. ${ORDER} Which is the first that is not True?`,
      yaml, columns: TABLE, family: Object.values(FIRST_LABELS), ...why, rules: [...why.rules, 'conditions/first-not-true'],
    });
  },
};

const readyReason: T = {
  id: 'pod-conditions/ready-reason',
  targets: [READY_LABELS.True, READY_LABELS.ContainersNotReady, READY_LABELS.PodCompleted, READY_LABELS.PodFailed],
  build(rng, target) {
    const done = target === READY_LABELS.PodCompleted || target === READY_LABELS.PodFailed;
    const c = cast(rng, done ? job({ apps: [1, 2] }) : service({ apps: [1, 2] }));
    const apps = c.apps.map((a, k) => (target === READY_LABELS.PodCompleted ? terminated(a.name, COMPLETED)
      : target === READY_LABELS.PodFailed ? terminated(a.name, k === 0 ? errorExit(rng) : COMPLETED)
      : target === READY_LABELS.ContainersNotReady && k === 0 ? notReady(rng, a.name) : running(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: done ? 'Never' : 'Always', inits: [], apps });
    const cols: Column[] = ['container', 'state', 'reason', 'exit', 'ready'];
    const why = readyStory(facts, pointers(facts, cols));
    return condDraft(rng, facts, { ask: 'ready-reason' }, {
      prompt: `${who(c)} (restartPolicy: ${facts.restartPolicy}). What status and reason does its Ready condition have?`,
      columns: cols, family: Object.values(READY_LABELS), ...why,
    });
  },
};

const TRAFFIC_STAGES: Record<string, 'unscheduled' | 'init' | 'not-ready' | 'ready'> = {
  [HOLD_LABELS.traffic.ready!]: 'ready', [HOLD_LABELS.traffic.unscheduled!]: 'unscheduled', [HOLD_LABELS.traffic.initializing!]: 'init', [HOLD_LABELS.traffic['app-readiness']!]: 'not-ready',
};

const serviceTraffic: T = {
  id: 'pod-conditions/service-traffic',
  targets: Object.keys(TRAFFIC_STAGES),
  build(rng, target) {
    const { c, facts } = stagePod(rng, TRAFFIC_STAGES[target]!);
    const yaml = scheduledYaml(facts);
    const why = conditionsWhy(facts, pointers(facts, TABLE, yaml));
    return condDraft(rng, facts, { ask: 'holdup', family: 'traffic' }, {
      prompt: `Service ${c.apps[0]!.name} selects ${who(c)}. Does the Service send this pod traffic?`,
      yaml, columns: TABLE, family: [...new Set(Object.values(HOLD_LABELS.traffic))], offer: [HOLD_LABELS.traffic.ready!],
      lines: [...why.lines, { text: 'A Service sends traffic only to pods whose Ready condition is True.' }],
      rules: [...why.rules, 'conditions/ready-endpoints'], docUrl: CDOCS.conditions,
    });
  },
};

const NODE_NAMES = ['worker-1', 'worker-2', 'worker-3'];
const GPU: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const BATCH: Taint = { key: 'dedicated', value: 'batch', effect: 'NoSchedule' };

/** Three nodes that all fail the pod for one reason, and four changes of which only the one for that reason works. */
function oneReason(rng: Rng, reason: Fix['kind']): { needs: PlacementNeeds; nodes: NodeFacts[]; fixes: Fix[] } {
  const cpuFree = NODE_NAMES.map(() => rng.int(6, 14) * 100);
  const memFree = NODE_NAMES.map(() => rng.int(3, 6) * 1024);
  const wantCpu = reason === 'cpu' ? Math.max(...cpuFree) + rng.int(2, 8) * 100 : rng.int(2, 5) * 100;
  const wantMem = reason === 'memory' ? Math.max(...memFree) + 1024 * rng.int(1, 3) : rng.int(1, 4) * 256;
  const taint = reason === 'tolerate' ? pick(rng, [GPU, BATCH]) : undefined;
  const nodes: NodeFacts[] = NODE_NAMES.map((name, i) => ({
    name, free: { cpuMilli: cpuFree[i]!, memoryMi: memFree[i]! }, labels: { disktype: reason === 'selector' ? 'hdd' : 'ssd' }, taints: taint ? [taint] : [],
  }));
  // The pod always has a nodeSelector, so dropping one is a real option; only for `selector` does it exclude every node.
  const needs: PlacementNeeds = { requests: { cpuMilli: wantCpu, memoryMi: wantMem }, nodeSelector: { disktype: 'ssd' } };
  // The changes that do not help are as bold as the one that does (halving a request), so its size gives nothing away.
  const fixes: Fix[] = [
    { kind: 'cpu', toMilli: reason === 'cpu' ? Math.min(...cpuFree) - 100 : Math.max(100, Math.round(wantCpu / 200) * 100) },
    { kind: 'memory', toMi: reason === 'memory' ? 1024 : Math.max(128, Math.round(wantMem / 256) * 128) },
    { kind: 'tolerate', taint: taint ?? pick(rng, [GPU, BATCH]) },
    { kind: 'selector', drop: 'disktype: ssd' },
  ];
  return { needs, nodes, fixes };
}

function podSpecYaml(needs: PlacementNeeds, name: string): YamlView {
  return yamlView(['spec:', ...(needs.nodeSelector ? ['  nodeSelector:', ...Object.entries(needs.nodeSelector).map(([k, v]) => [`    ${k}: ${v}`, 'selector'] as const)] : []),
    '  containers:', `  - name: ${name}`, '    resources:', '      requests:', [`        cpu: ${cpu(needs.requests.cpuMilli)}`, 'cpu'], [`        memory: ${mem(needs.requests.memoryMi)}`, 'memory']]);
}

const FIX_RULES = { cpu: 'conditions/insufficient-resources', memory: 'conditions/insufficient-resources', tolerate: 'conditions/untolerated-taint', selector: 'conditions/node-selector', uncordon: 'conditions/cordoned' } as const;
const FIX_SAYS = {
  cpu: 'every node has less CPU free than the pod requests', memory: 'every node has less memory free than the pod requests',
  tolerate: 'every node carries a taint the pod does not tolerate', selector: 'no node has the label its nodeSelector asks for', uncordon: 'the only node that fits is cordoned',
};

const FIX_OF: Record<string, Fix['kind']> = { 'Lower the CPU request': 'cpu', 'Lower the memory request': 'memory', 'Add a toleration': 'tolerate', 'Drop the nodeSelector': 'selector' };
const FIX_COLUMN = { cpu: 1, memory: 2, tolerate: 3, selector: 4, uncordon: 3 } as const;

/** The scheduler's message is not quoted: the player reads the nodes to find the one filter they all fail. */
const schedulerMessage: T = {
  id: 'pod-conditions/scheduler-message',
  targets: ['Lower the CPU request', 'Lower the memory request', 'Add a toleration', 'Drop the nodeSelector'],
  build(rng, target) {
    const kind = FIX_OF[target]!;
    const { needs, nodes, fixes } = oneReason(rng, kind);
    const out = schedule(needs, nodes);
    const c = cast(rng, service());
    const name = c.apps[0]!.name;
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [{ name, state: 'none' }], placement: out.scheduled ? { bound: true } : { bound: false, reason: 'Unschedulable', message: out.message } });
    const yaml = podSpecYaml(needs, name);
    const { table } = nodeTable(nodes);
    const fix = fixes.find((f) => f.kind === kind)!;
    const column = FIX_COLUMN[kind];
    return condDraft(rng, facts, { ask: 'fix', needs, nodes, fixes }, {
      prompt: `${who(c)} stays Pending: its PodScheduled condition is False, reason Unschedulable. Here are its spec and the cluster's nodes. Which one change lets the scheduler place it?`,
      yaml, table, family: fixes.map(fixLabel),
      lines: [{ text: `All three nodes fail for the same reason: ${FIX_SAYS[kind]}. "${fixLabel(fix)}" leaves a node passing every filter; the other changes fix nothing that is wrong.`, evidence: { ...yaml.at(kind === 'selector' ? 'selector' : kind === 'memory' ? 'memory' : kind === 'cpu' ? 'cpu' : 'none'), cells: nodes.map((_, row) => ({ row, column })) } }],
      rules: ['conditions/unschedulable', FIX_RULES[kind]], docUrl: kind === 'tolerate' ? 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#concepts' : kind === 'selector' ? 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector' : CDOCS.pending,
    });
  },
};

const INIT_EASY = [INITIALIZED_LABELS['no-init'], INITIALIZED_LABELS['all-done'], INITIALIZED_LABELS['init-running'], INITIALIZED_LABELS['init-failing']];

const initialized: T = {
  id: 'pod-conditions/initialized',
  targets: INIT_EASY,
  build(rng, target) {
    const none = target === INITIALIZED_LABELS['no-init'];
    const c = cast(rng, service({ batch: 'either', inits: none ? [0, 0] : [1, 2] }));
    const at = c.inits.length - 1;
    const inits = c.inits.map((i, k) => (k < at || target === INITIALIZED_LABELS['all-done'] ? terminated(i.name, COMPLETED)
      : target === INITIALIZED_LABELS['init-running'] ? running(i.name)
      : waiting(i.name, 'CrashLoopBackOff', { restartCount: rng.int(2, c.owner === 'Job' ? JOB_MAX_RESTARTS : 15), lastTerminationState: initFailure(rng) })));
    const started = none || target === INITIALIZED_LABELS['all-done'];
    const apps = c.apps.map((a) => (started ? (rng.chance(0.5) ? running(a.name) : waiting(a.name, none ? 'ContainerCreating' : 'PodInitializing')) : waiting(a.name, 'PodInitializing')));
    const facts = factsOf({ cast: c, restartPolicy: c.owner === 'Job' ? 'OnFailure' : 'Always', inits, apps });
    const cols: Column[] = ['container', 'state', 'reason', 'exit', 'restarts'];
    const why = initializedOnly(facts, pointers(facts, cols));
    return condDraft(rng, facts, { ask: 'initialized' }, { prompt: `${who(c)}: what does its Initialized condition say, and why?`, columns: cols, family: INIT_EASY, ...why });
  },
};

const SANDBOX_TARGETS = [FIRST_LABELS.PodReadyToStartContainers, FIRST_LABELS.Initialized, FIRST_LABELS.ContainersReady, FIRST_LABELS.none];

const sandbox: T = {
  id: 'pod-conditions/sandbox',
  targets: SANDBOX_TARGETS,
  build(rng, target) {
    const c = cast(rng, service({ inits: target === FIRST_LABELS.Initialized ? [1, 1] : [0, 0] }));
    const noSandbox = target === FIRST_LABELS.PodReadyToStartContainers;
    const inits = c.inits.map((i) => running(i.name));
    const apps = c.apps.map((a) => (noSandbox ? waiting(a.name, 'ContainerCreating') : target === FIRST_LABELS.Initialized ? waiting(a.name, 'PodInitializing')
      : target === FIRST_LABELS.ContainersReady ? waiting(a.name, 'ContainerCreating') : running(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits, apps, sandboxReady: !noSandbox });
    const first = (c.inits[0] ?? c.apps[0])!;
    const row = (type: string, reason: string, message: string) => `${type.padEnd(9)}${reason.padEnd(24)}${message}`;
    const events = noSandbox
      ? [row('Normal', 'Scheduled', `Successfully assigned to worker-2`), row('Warning', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: failed to'), `${''.padEnd(33)}set up network: plugin calico: connection refused`]
      : [row('Normal', 'Scheduled', `Successfully assigned to worker-2`), target === FIRST_LABELS.ContainersReady ? row('Normal', 'Pulling', `Pulling image "${c.apps[0]!.image}"`) : row('Normal', 'Started', `Started container ${first.name}`)];
    const cols: Column[] = ['container', 'state', 'reason', 'ready'];
    const why = conditionsWhy(facts, { containers: (n) => cellsOf(facts, cols, n), yaml: () => ({ codeLines: noSandbox ? [2, 3] : [1] }) });
    return condDraft(rng, facts, { ask: 'first-not-true' }, {
      prompt: `${who(c)}: its latest events and its containers. ${ORDER} Which is the first that is not True?`,
      text: events.join('\n'), columns: cols, family: Object.values(FIRST_LABELS), ...why, rules: [...why.rules, 'conditions/first-not-true'],
      ...(target === FIRST_LABELS.ContainersReady ? { lines: [...why.lines, { text: 'The sandbox is up: the kubelet pulls images only once it has one, so PodReadyToStartContainers is True.', evidence: { codeLines: [2] } }] } : {}),
    });
  },
};

const APPS = HOLD_LABELS.apps;
const holdsReady: T = {
  id: 'pod-conditions/what-holds-ready',
  targets: [APPS.ready!, APPS['app-readiness']!, APPS['app-crashloop']!, APPS['app-not-started']!, APPS['app-startup']!],
  build(rng, target) {
    const c = cast(rng, service({ apps: [1, 2] }));
    const bad = (n: string): ContainerSnapshot => (target === APPS['app-readiness'] ? running(n, { ready: false })
      : target === APPS['app-crashloop'] ? waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(2, 20), lastTerminationState: failure(rng) })
      : target === APPS['app-startup'] ? running(n, { started: false, ready: false })
      : waiting(n, pick(rng, ['ContainerCreating', 'ImagePullBackOff'])));
    const apps = c.apps.map((a, k) => (target !== APPS.ready && k === 0 ? bad(a.name) : running(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps });
    const cols: Column[] = ['container', 'state', 'reason', 'started', 'ready'];
    const why = conditionsWhy(facts, pointers(facts, cols));
    return condDraft(rng, facts, { ask: 'holdup', family: 'apps' }, {
      prompt: `What, if anything, keeps the Ready condition of ${who(c)} from being True?`,
      columns: cols, family: Object.values(APPS), ...why,
    });
  },
};

/** A replica in one of the shapes a kubectl get pods listing shows. */
function replica(rng: Rng, base: Cast, index: number, ready: boolean): { name: string; facts: PodFacts } {
  const name = `${base.apps[0]!.name}-7d4b9c8f6d-${['x2k4p', 'q8w2n', 'm5r7t'][index]}`;
  const apps = base.apps.map((a, k) => (ready ? running(a.name) : k === 0 ? pick(rng, [running(a.name, { ready: false }), waiting(a.name, 'CrashLoopBackOff', { restartCount: rng.int(1, 9), lastTerminationState: failure(rng) }), waiting(a.name, 'ContainerCreating')]) : running(a.name)));
  return { name, facts: factsOf({ cast: base, restartPolicy: 'Always', inits: [], apps }) };
}

const endpointCount: T = {
  id: 'pod-conditions/endpoint-count',
  targets: ['0', '1', '2', '3'],
  build(rng, target) {
    const base = cast(rng, service({ batch: false, apps: [1, 2] }));
    const readySet = new Set(rng.sample([0, 1, 2], Number(target)));
    const pods = [0, 1, 2].map((i) => replica(rng, base, i, readySet.has(i)));
    const rows = pods.map((p) => {
      const k = kubectlColumns(podListing(p.facts));
      return [p.name, k.ready, k.status, String(k.restarts)];
    });
    const facts = pods[0]!.facts;
    const readyRows = pods.flatMap((p, i) => (readySet.has(i) ? [i] : []));
    return condDraft(rng, facts, { ask: 'endpoints', others: pods.slice(1).map((p) => p.facts) }, {
      prompt: `Service ${base.apps[0]!.name} selects these three pods (kubectl get pods). To how many of them does it send traffic?`,
      table: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS'], rows }, family: ['0', '1', '2', '3'],
      lines: [{ text: `${target}: only a pod whose Ready condition is True gets traffic, and that needs every container ready (READY ${base.apps.length}/${base.apps.length}). Running is not enough.`, evidence: { cells: readyRows.map((row) => ({ row, column: 1 })) } }],
      rules: ['conditions/ready-endpoints', 'conditions/containers-ready'], docUrl: CDOCS.conditions,
    });
  },
};

export const podConditionsEasy: readonly T[] = [firstNotTrue, readyReason, serviceTraffic, schedulerMessage, initialized, sandbox, holdsReady, endpointCount];
