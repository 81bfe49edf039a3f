// pod-conditions, medium: one rule to find. A sidecar's readiness counts and a finished init container's does not;
// a readiness gate; what the scheduler's filters make of the nodes; Initialized with sidecars; what trouble leaves
// True; READY and READINESS GATES together.
import { kubectlColumns } from '../model/kubectl-columns.ts';
import { COMPLETED, failure, running, terminated, waiting } from '../model/container-states.ts';
import { podListing, type PodFacts } from '../model/pod-status.ts';
import type { ContainerSnapshot } from '../model/pod-types.ts';
import { podRequest, schedule, type NodeFacts, type PlacementNeeds, type Taint } from '../model/scheduling.ts';
import type { Rng } from '../random.ts';
import { backoffDelaySeconds, totalWaitBeforeRestart } from '../model/backoff.ts';
import { age } from './probe-timing-backoff.ts';
import { FIRST_LABELS, HOLD_LABELS, INITIALIZED_LABELS } from './pod-conditions-answers.ts';
import { cellsOf, condDraft, type CondQuestion } from './pod-conditions-draft.ts';
import { cpu, fixLabel, mem, nodeTable, placementWhy, PLACEMENT_LABELS, taintText, workingFixes, type Fix } from './pod-conditions-scheduling.ts';
import { conditionsWhy, initializedOnly, CDOCS, type Pointers } from './pod-conditions-why.ts';
import { conditionLines } from './pod-conditions-yaml.ts';
import { cast, webCast, factsOf, initFailure, service, sidecarDoes, who, type Cast } from './pod-build.ts';
import { yamlView, type Column, type YamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<CondQuestion>;
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);
const pointers = (f: PodFacts, cols: readonly Column[], yaml?: YamlView): Pointers => ({
  containers: (names) => cellsOf(f, cols, names), ...(yaml ? { yaml: (...m: string[]) => yaml.at(...m) } : {}),
});
const sidecarFirst = (c: Cast): Cast => ({ ...c, inits: [...c.inits].sort((a, b) => Number(b.sidecar) - Number(a.sidecar)) });
const SIDE = HOLD_LABELS.sidecar;

const sidecarReadiness: T = {
  id: 'pod-conditions/sidecar-readiness',
  targets: [SIDE.ready!, SIDE['sidecar-readiness']!, SIDE['sidecar-not-started']!, SIDE['app-readiness']!],
  build(rng, target) {
    const c = sidecarFirst(cast(rng, service({ sidecars: [1, 1], inits: [1, 1] })));
    const [side, init] = c.inits.map((i) => i.name) as [string, string];
    const starting = target === SIDE['sidecar-not-started'];
    const sideState = starting ? running(side, { started: false, ready: false }) : target === SIDE['sidecar-readiness'] ? running(side, { ready: false }) : running(side);
    const inits = [sideState, starting ? waiting(init, 'PodInitializing') : terminated(init, COMPLETED)];
    const apps = c.apps.map((a) => (starting ? waiting(a.name, 'PodInitializing') : target === SIDE['app-readiness'] ? running(a.name, { ready: false }) : running(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits, apps });
    const cols: Column[] = ['container', 'state', 'started', 'ready'];
    const why = conditionsWhy(facts, pointers(facts, cols));
    const app = c.apps[0]!.name;
    // The question is Ready, so every answer is told as Ready's story, the unstarted sidecar's too (review K, PC-M1).
    const own: Partial<Record<string, { text: string; names: string[] }>> = {
      [SIDE.ready!]: { text: `Yes: the app container and sidecar ${side} are ready. ${init} only had to exit 0: regular init containers never count toward ContainersReady.`, names: [side, init] },
      [SIDE['sidecar-not-started']!]: { text: `No: ${side} has not passed its startup probe (Started: no), so ${init} waits and ${app} has not started. Ready is False because neither ${side} nor ${app} is ready, and both wait on ${side} starting.`, names: [side, app] },
    };
    const mine = own[target];
    return condDraft(rng, facts, { ask: 'holdup', family: 'sidecar' }, {
      prompt: `${who(c)} ${sidecarDoes(side)}, a native sidecar that starts first; init container ${init} runs after it. Is the pod Ready, and why?`,
      columns: cols, family: Object.values(SIDE), ...why,
      ...(mine ? { lines: [{ text: mine.text, evidence: cellsOf(facts, cols, mine.names) }], rules: target === SIDE.ready ? ['conditions/containers-ready', 'sidecars/readiness-counts'] : ['conditions/containers-ready', 'sidecars/readiness-counts', 'sidecars/startup-probe-gates'] } : {}),
    });
  },
};

const GATES = [
  { type: 'target-health.elbv2.k8s.aws/k8s-shop-web-3f2a1b9c4d', who: 'an AWS load balancer (the AWS Load Balancer Controller sets the gate)' },
  { type: 'cloud.google.com/load-balancer-neg-ready', who: 'a GKE load balancer (the NEG controller sets the gate)' },
] as const;
const GATE = HOLD_LABELS.gate;

const readinessGate: T = {
  id: 'pod-conditions/readiness-gate',
  targets: [GATE.ready!, GATE['gate-false']!, GATE['gate-missing']!, GATE['app-readiness']!],
  build(rng, target) {
    const c = webCast(rng, service({ apps: [1, 2] }));
    const gate = pick(rng, GATES);
    const status = target === GATE['gate-missing'] ? null : target === GATE['gate-false'] ? 'False' : 'True';
    const apps = c.apps.map((a, k) => (target === GATE['app-readiness'] && k === 0 ? running(a.name, { ready: false }) : running(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps, readinessGates: [gate.type], customConditions: status ? [{ type: gate.type, status }] : [] });
    // Every condition the pod has, Ready left out: a missing gate condition is missing from a complete list.
    const yaml = yamlView(['spec:', '  readinessGates:', [`  - conditionType: ${gate.type}`, 'gate'], 'status:', '  conditions:',
      ...conditionLines(facts, { leaveOut: ['Ready'], mark: 'gate' })]);
    const cols: Column[] = ['container', 'state', 'ready'];
    const why = conditionsWhy(facts, pointers(facts, cols, yaml));
    return condDraft(rng, facts, { ask: 'holdup', family: 'gate' }, {
      prompt: `${who(c)} is reached through ${gate.who}. What does its Ready condition say?`,
      yaml, columns: cols, family: Object.values(GATE), ...why,
    });
  },
};

const NODES = ['worker-1', 'worker-2', 'worker-3'];

const fitResources: T = {
  id: 'pod-conditions/fit-resources',
  targets: [PLACEMENT_LABELS.fits, PLACEMENT_LABELS.cpu, PLACEMENT_LABELS.memory, PLACEMENT_LABELS['cpu-or-memory']],
  build(rng, target) {
    const c = cast(rng, service({ sidecars: [1, 1] }));
    const side = c.inits[0]!.name;
    const app = c.apps[0]!.name;
    const reqCpu = [rng.int(3, 8) * 100, rng.int(1, 3) * 100];
    const reqMem = [rng.int(2, 6) * 256, rng.int(1, 2) * 128];
    const need = podRequest([{ kind: 'sidecar', requests: { cpuMilli: reqCpu[1]!, memoryMi: reqMem[1]! } }, { kind: 'app', requests: { cpuMilli: reqCpu[0]!, memoryMi: reqMem[0]! } }]);
    // A short node lacks less than the sidecar's share: forget to add the sidecar and the app alone seems to fit.
    const roomy = rng.int(0, 2);
    const shortOf = NODES.map((_, i): 'cpu' | 'memory' | null => {
      if (target === PLACEMENT_LABELS.cpu) return 'cpu';
      if (target === PLACEMENT_LABELS.memory) return 'memory';
      if (target === PLACEMENT_LABELS['cpu-or-memory']) return i % 2 === 0 ? 'cpu' : 'memory';
      return i === roomy ? null : pick(rng, ['cpu', 'memory'] as const);
    });
    const under = (want: number, side: number, step: number) => Math.max(step, want - rng.int(1, Math.max(1, Math.floor(side / step))) * step);
    const nodes: NodeFacts[] = NODES.map((name, i) => ({
      name, labels: {}, taints: [],
      free: {
        cpuMilli: shortOf[i] === 'cpu' ? under(need.cpuMilli, reqCpu[1]!, 50) : need.cpuMilli + rng.int(1, 10) * 100,
        memoryMi: shortOf[i] === 'memory' ? under(need.memoryMi, reqMem[1]!, 64) : need.memoryMi + rng.int(1, 8) * 256,
      },
    }));
    const needs: PlacementNeeds = { requests: need };
    const out = schedule(needs, nodes);
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [out.scheduled ? waiting(side, 'ContainerCreating') : { name: side, state: 'none' }], apps: [out.scheduled ? waiting(app, 'PodInitializing') : { name: app, state: 'none' }],
      placement: out.scheduled ? { bound: true } : { bound: false, reason: 'Unschedulable', message: out.message } });
    const yaml = yamlView(['initContainers:', `- name: ${side}`, '  restartPolicy: Always', ['  resources: { requests: { cpu: ' + cpu(reqCpu[1]!) + ', memory: ' + mem(reqMem[1]!) + ' } }', 'req'],
      'containers:', `- name: ${app}`, ['  resources: { requests: { cpu: ' + cpu(reqCpu[0]!) + ', memory: ' + mem(reqMem[0]!) + ' } }', 'req']]);
    const { table } = nodeTable(nodes);
    const why = placementWhy(out, needs, nodes);
    return condDraft(rng, facts, { ask: 'placement', needs, nodes }, {
      prompt: `${who(c)} ${sidecarDoes(side)}, a native sidecar. The nodes have this much left unrequested. What will its PodScheduled condition say?`,
      yaml, table: { columns: table.columns.slice(0, 3), rows: table.rows.map((r) => r.slice(0, 3)) }, family: [PLACEMENT_LABELS.fits, PLACEMENT_LABELS.cpu, PLACEMENT_LABELS.memory, PLACEMENT_LABELS['cpu-or-memory']],
      lines: [{ text: `The pod requests ${cpu(need.cpuMilli)} CPU and ${mem(need.memoryMi)} memory: app container and sidecar add up, because both run for the pod's whole life. ${why === 'fits' ? 'A node has that much free.' : out.scheduled ? '' : out.message}`, evidence: yaml.at('req') }],
      rules: ['conditions/insufficient-resources', 'conditions/effective-request'], docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers',
    });
  },
};

const BATCH_TAINT: Taint = { key: 'dedicated', value: 'batch', effect: 'NoSchedule' };
const CP_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

const taintsAndSelectors: T = {
  id: 'pod-conditions/taints-and-selectors',
  targets: [PLACEMENT_LABELS.fits, PLACEMENT_LABELS.taint, PLACEMENT_LABELS.selector, PLACEMENT_LABELS.cordoned],
  build(rng, target) {
    const c = cast(rng, service());
    const zone = pick(rng, ['eu-west-1a', 'eu-west-1b', 'us-east-1c']);
    const other = zone.endsWith('a') ? zone.replace(/a$/, 'b') : zone.replace(/.$/, 'a');
    const free = { cpuMilli: 2000, memoryMi: 4096 };
    const base: NodeFacts[] = [
      // The control-plane node sits in the pod's zone only where its taint is part of the story.
      { name: 'cp-1', free, labels: { 'topology.kubernetes.io/zone': target === PLACEMENT_LABELS.fits || target === PLACEMENT_LABELS.taint ? zone : other }, taints: [CP_TAINT] },
      { name: 'worker-1', free, labels: { 'topology.kubernetes.io/zone': other }, taints: [] },
      { name: 'worker-2', free, labels: { 'topology.kubernetes.io/zone': target === PLACEMENT_LABELS.selector ? other : zone }, taints: target === PLACEMENT_LABELS.taint ? [BATCH_TAINT] : [] },
    ];
    const nodes = target === PLACEMENT_LABELS.taint ? base.map((n) => ({ ...n, taints: n.taints.length ? n.taints : [BATCH_TAINT] }))
      : target === PLACEMENT_LABELS.cordoned ? base.map((n) => (n.name === 'worker-2' ? { ...n, unschedulable: true } : n)) : base;
    const tolerates = rng.chance(0.5);
    const needs: PlacementNeeds = { requests: { cpuMilli: 250, memoryMi: 256 }, nodeSelector: { 'topology.kubernetes.io/zone': zone }, ...(tolerates ? { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] } : {}) };
    const out = schedule(needs, nodes);
    const app = c.apps[0]!.name;
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [out.scheduled ? waiting(app, 'ContainerCreating') : { name: app, state: 'none' }], placement: out.scheduled ? { bound: true } : { bound: false, reason: 'Unschedulable', message: out.message } });
    const yaml = yamlView(['spec:', '  nodeSelector:', [`    topology.kubernetes.io/zone: ${zone}`, 'selector'], ...(tolerates ? ['  tolerations:', ['  - { key: dedicated, value: gpu, effect: NoSchedule }', 'tol'] as const] : [])]);
    const { table } = nodeTable(nodes);
    return condDraft(rng, facts, { ask: 'placement', needs, nodes }, {
      prompt: `${who(c)} must run in zone ${zone}. Every node has room for it. What will its PodScheduled condition say?`,
      yaml, table: { columns: [table.columns[0]!, table.columns[3]!, table.columns[4]!], rows: table.rows.map((r) => [r[0]!, r[3]!, r[4]!]) },
      family: [PLACEMENT_LABELS.fits, PLACEMENT_LABELS.taint, PLACEMENT_LABELS.selector, PLACEMENT_LABELS.cordoned],
      lines: [{ text: {
        fits: `True: worker-2 is in ${zone}, has no taint the pod must tolerate, and is not cordoned.`,
        selector: `False: no node is labelled ${zone}. The scheduler says: ${out.scheduled ? '' : out.message}`,
        taint: `False: every node in ${zone} has a taint the pod does not tolerate. The scheduler says: ${out.scheduled ? '' : out.message}`,
        cordoned: `False: worker-2, the only node in ${zone}, is cordoned, so it takes no new pods.`,
      }[target === PLACEMENT_LABELS.fits ? 'fits' : target === PLACEMENT_LABELS.selector ? 'selector' : target === PLACEMENT_LABELS.taint ? 'taint' : 'cordoned'], evidence: yaml.at('selector') },
        ...(tolerates && !out.scheduled && placementWhy(out, needs, nodes) === 'taint' ? [{ text: `Its toleration is for dedicated=gpu, not ${taintText(BATCH_TAINT)}.`, evidence: yaml.at('tol') }] : [])],
      rules: ['conditions/unschedulable', placementWhy(out, needs, nodes) === 'taint' ? 'conditions/untolerated-taint' : placementWhy(out, needs, nodes) === 'cordoned' ? 'conditions/cordoned' : 'conditions/node-selector'],
      docUrl: placementWhy(out, needs, nodes) === 'taint' ? 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#concepts' : 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector',
    });
  },
};

const INIT_SIDE = [INITIALIZED_LABELS['sidecar-started'], INITIALIZED_LABELS['sidecar-not-started'], INITIALIZED_LABELS['init-running'], INITIALIZED_LABELS.sticky];

const initializedSidecar: T = {
  id: 'pod-conditions/initialized-sidecar',
  targets: INIT_SIDE,
  build(rng, target) {
    const c = sidecarFirst(cast(rng, service({ sidecars: [1, 1], inits: [1, 1] })));
    const [side, init] = c.inits.map((i) => i.name) as [string, string];
    const stage = INIT_SIDE.indexOf(target);
    const sideState = [running(side, { ready: rng.chance(0.5) }), running(side, { started: false, ready: false }), running(side), waiting(side, 'CrashLoopBackOff', { restartCount: rng.int(2, 12), lastTerminationState: failure(rng) })][stage]!;
    const initState = [terminated(init, COMPLETED), waiting(init, 'PodInitializing'), running(init), terminated(init, COMPLETED)][stage]!;
    const apps = c.apps.map((a) => (stage === 3 ? running(a.name) : stage === 0 ? (rng.chance(0.5) ? running(a.name) : waiting(a.name, 'PodInitializing')) : waiting(a.name, 'PodInitializing')));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [sideState, initState], apps });
    const cols: Column[] = ['container', 'state', 'reason', 'started', 'ready'];
    const why = initializedOnly(facts, pointers(facts, cols));
    return condDraft(rng, facts, { ask: 'initialized' }, {
      prompt: `${who(c)} starts ${side} as a native sidecar with a startup probe, then runs ${init}. What does its Initialized condition say, and why?`,
      columns: cols, family: INIT_SIDE, ...why,
    });
  },
};

const AFTER = [FIRST_LABELS.Initialized, FIRST_LABELS.ContainersReady, FIRST_LABELS.PodReadyToStartContainers, FIRST_LABELS.none];

/** The last few events of the pod, as kubectl describe lists them: the player reads which container they are about. */
/**
 * kubectl describe's Events for the pod's trouble, with counts and ages that fit its restart count: a crash loop of n
 * restarts has waited at least the back-off between them (10 s doubling to 300 s), the last start came less than one
 * back-off ago, and nothing shown is older than the API server's one-hour event TTL since it last happened.
 */
function troubleEvents(rng: Rng, target: string, init: string | undefined, app: string, restarts: number): string[] {
  const row = (when: string, type: string, reason: string, message: string) => `${when.padEnd(22)}${type.padEnd(9)}${reason.padEnd(16)}${message}`;
  const run = rng.int(2, 15);
  const series = (last: number, times: number, span: number) => `${age(last)} (x${times} over ${age(span)})`;
  switch (target) {
    case FIRST_LABELS.Initialized:
    case FIRST_LABELS.ContainersReady: {
      const who = target === FIRST_LABELS.Initialized ? init! : app;
      const sinceStart = rng.int(run + 10, Math.max(run + 11, backoffDelaySeconds(restarts + 1)));
      const span = totalWaitBeforeRestart(restarts) + (restarts + 1) * run + sinceStart - run;
      const lastBackoff = rng.int(1, Math.min(50, sinceStart - run));
      const start = target === FIRST_LABELS.Initialized
        ? row(series(sinceStart, restarts + 1, span), 'Normal', 'Pulled', 'Container image already present on machine')
        : row(series(sinceStart, restarts + 1, span), 'Normal', 'Started', `Started container ${app}`);
      return [start, row(series(lastBackoff, restarts + rng.int(1, restarts), span), 'Warning', 'BackOff', `Back-off restarting failed container ${who}`)];
    }
    case FIRST_LABELS.PodReadyToStartContainers:
      return [row(age(rng.int(3, 9) * 60), 'Warning', 'NodeNotReady', 'Node is not ready'), row(age(rng.int(20, 50)), 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.')];
    default: {
      // Recovered: the last back-off, then the start that stuck, minutes ago.
      const sinceStart = rng.int(8, 40) * 60;
      const lastBackoff = sinceStart + rng.int(run + 5, Math.max(run + 6, backoffDelaySeconds(restarts)));
      const span = lastBackoff + totalWaitBeforeRestart(restarts) + restarts * run;
      return [row(series(lastBackoff, restarts + rng.int(0, restarts), span), 'Warning', 'BackOff', `Back-off restarting failed container ${app}`), row(series(sinceStart, restarts + 1, span), 'Normal', 'Started', `Started container ${app}`)];
    }
  }
}

const afterTrouble: T = {
  id: 'pod-conditions/after-trouble',
  targets: AFTER,
  build(rng, target) {
    const c = cast(rng, service({ inits: target === FIRST_LABELS.Initialized ? [1, 1] : [0, 0] }));
    const loop = (n: string): ContainerSnapshot => waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(3, 12), lastTerminationState: target === FIRST_LABELS.Initialized ? initFailure(rng) : failure(rng) });
    const inits = c.inits.map((i) => loop(i.name));
    const app = c.apps[0]!.name;
    const rebooted = target === FIRST_LABELS.PodReadyToStartContainers;
    const appState = target === FIRST_LABELS.Initialized ? waiting(app, 'PodInitializing') : target === FIRST_LABELS.ContainersReady ? loop(app)
      : rebooted ? waiting(app, 'ContainerCreating', { restartCount: rng.int(1, 4), lastTerminationState: { exitCode: 255, reason: 'Unknown' } })
      : running(app, { restartCount: rng.int(2, 6), lastTerminationState: failure(rng) });
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits, apps: [appState], sandboxReady: !rebooted });
    const cols: Column[] = ['container', 'state', 'reason', 'restarts', 'ready'];
    const events = troubleEvents(rng, target, c.inits[0]?.name, app, (target === FIRST_LABELS.Initialized ? inits[0]! : appState).restartCount ?? 0);
    const why = conditionsWhy(facts, { containers: (n) => cellsOf(facts, cols, n), yaml: () => ({ codeLines: [2] }) });
    return condDraft(rng, facts, { ask: 'first-not-true' }, {
      prompt: `${who(c)} has had trouble: its latest events and its containers. Conditions go PodScheduled → PodReadyToStartContainers → Initialized → ContainersReady → Ready. Which is the first that is not True?`,
      text: events.join('\n'), columns: cols, family: Object.values(FIRST_LABELS), offer: AFTER, ...why, rules: [...why.rules, 'conditions/first-not-true'],
    });
  },
};

/** A Deployment's replicas behind a load balancer: READY and the READINESS GATES column of kubectl get pods -o wide. */
const endpointsWithGates: T = {
  id: 'pod-conditions/endpoints-with-gates',
  targets: ['0', '1', '2', '3'],
  build(rng, target) {
    const base = webCast(rng, service({ batch: false, sidecars: [0, 1], apps: [1, 2] }));
    const gate = pick(rng, GATES).type;
    const readySet = new Set(rng.sample([0, 1, 2], Number(target)));
    const pods = [0, 1, 2].map((i) => {
      const good = readySet.has(i);
      const gateOk = good || rng.chance(0.5);
      const containersOk = good || !gateOk;
      const apps = base.apps.map((a, k) => (containersOk || k > 0 ? running(a.name) : running(a.name, { ready: false })));
      const facts = factsOf({ cast: base, restartPolicy: 'Always', inits: base.inits.map((s) => running(s.name)), apps, readinessGates: [gate], customConditions: gateOk ? [{ type: gate, status: 'True' }] : [] });
      return { name: `${base.apps[0]!.name}-5c7d9f8b6-${['h4k2w', 'p7x9m', 'r2n5q'][i]}`, facts, gateOk };
    });
    const rows = pods.map((p) => { const k = kubectlColumns(podListing(p.facts)); return [p.name, k.ready, k.status, p.gateOk ? '1/1' : '0/1']; });
    const readyRows = [...readySet];
    return condDraft(rng, pods[0]!.facts, { ask: 'endpoints', others: pods.slice(1).map((p) => p.facts) }, {
      prompt: 'kubectl get pods -o wide for three replicas behind a load balancer that answers a readiness gate. To how many does the Service send traffic?',
      table: { columns: ['NAME', 'READY', 'STATUS', 'READINESS GATES'], rows }, family: ['0', '1', '2', '3'],
      lines: [{ text: `${target}: a pod gets traffic only when Ready is True, which needs every container ready (READY full) and every readiness gate True (READINESS GATES 1/1).`, evidence: { cells: readyRows.flatMap((row) => [{ row, column: 1 }, { row, column: 3 }]) } }],
      rules: ['conditions/ready-endpoints', 'conditions/ready-needs-gates'], docUrl: CDOCS.gateStatus,
    });
  },
};

/**
 * Nodes where every worker fails the pod for `kind`, a small control-plane node, and four candidate changes. The
 * prompt quotes no event, so the table decides; a resource is short by more than one small step, and a second,
 * smaller cut of that same resource is offered, so matching "cpu" to the CPU option is not enough (review L3, PC-M3).
 */
function mixedMessage(rng: Rng, kind: Fix['kind']): { needs: PlacementNeeds; nodes: NodeFacts[]; fixes: Fix[]; short?: Extract<Fix, { kind: 'cpu' | 'memory' }> } {
  const want = { cpuMilli: rng.int(8, 14) * 100, memoryMi: rng.int(5, 9) * 256 };
  const worker = (name: string): NodeFacts => ({
    name, labels: { disktype: kind === 'selector' ? 'hdd' : 'ssd' }, taints: kind === 'tolerate' ? [BATCH_TAINT] : [],
    free: { cpuMilli: kind === 'cpu' ? want.cpuMilli - rng.int(2, 5) * 100 : want.cpuMilli + 500, memoryMi: kind === 'memory' ? want.memoryMi - rng.int(2, 4) * 128 : want.memoryMi + 1024 },
  });
  const nodes: NodeFacts[] = [{ name: 'cp-1', labels: { disktype: 'ssd' }, taints: [CP_TAINT], free: { cpuMilli: 200, memoryMi: 512 } }, worker('worker-1'), worker('worker-2'), worker('worker-3')];
  const needs: PlacementNeeds = { requests: want, nodeSelector: { disktype: 'ssd' } };
  const own: Fix = { cpu: { kind: 'cpu' as const, toMilli: want.cpuMilli - 600 }, memory: { kind: 'memory' as const, toMi: want.memoryMi - 640 }, tolerate: { kind: 'tolerate' as const, taint: BATCH_TAINT }, selector: { kind: 'selector' as const, drop: 'disktype: ssd' }, uncordon: { kind: 'uncordon' as const, node: 'worker-1' } }[kind];
  // The cut that is too small: still above what any worker has free.
  const short: Extract<Fix, { kind: 'cpu' | 'memory' }> | undefined = kind === 'cpu' ? { kind: 'cpu', toMilli: want.cpuMilli - 100 } : kind === 'memory' ? { kind: 'memory', toMi: want.memoryMi - 128 } : undefined;
  // Tolerating the control-plane taint is always offered: the node behind it is too small.
  const others: Fix[] = [...(kind !== 'cpu' ? [{ kind: 'cpu' as const, toMilli: want.cpuMilli - 200 }] : []), ...(kind !== 'memory' ? [{ kind: 'memory' as const, toMi: want.memoryMi - 256 }] : []), ...(kind !== 'selector' ? [{ kind: 'selector' as const, drop: 'disktype: ssd' }] : [])];
  const fixes: Fix[] = [own, { kind: 'tolerate', taint: CP_TAINT }, ...(short ? [short, rng.pick(others)] : rng.sample(others, 2))];
  return { needs, nodes, fixes, ...(short ? { short } : {}) };
}

const MIXED: Record<string, Fix['kind']> = { 'Lower the CPU request': 'cpu', 'Lower the memory request': 'memory', 'Add a toleration': 'tolerate', 'Drop the nodeSelector': 'selector' };

const KIND_SAYS: Record<string, string> = {
  cpu: 'each worker has less CPU free than it requests', memory: 'each worker has less memory free than it requests',
  tolerate: 'each worker carries dedicated=batch:NoSchedule', selector: 'no worker has the label disktype=ssd',
};

const schedulerMessageMixed: T = {
  id: 'pod-conditions/scheduler-message-mixed',
  targets: Object.keys(MIXED),
  build(rng, target) {
    const kind = MIXED[target]!;
    const { needs, nodes, fixes, short } = mixedMessage(rng, kind);
    const out = schedule(needs, nodes);
    const works = workingFixes(needs, nodes, fixes);
    if (works.length !== 1) return schedulerMessageMixed.build(rng, target);
    const c = cast(rng, service());
    const app = c.apps[0]!.name;
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [{ name: app, state: 'none' }], placement: out.scheduled ? { bound: true } : { bound: false, reason: 'Unschedulable', message: out.message } });
    const yaml = yamlView(['spec:', '  nodeSelector: { disktype: ssd }', '  containers:', `  - name: ${app}`, ['    resources:', 'req'], [`      requests: { cpu: ${cpu(needs.requests.cpuMilli)}, memory: ${mem(needs.requests.memoryMi)} }`, 'req']]);
    const { table } = nodeTable(nodes);
    const cp = nodes[0]!;
    return condDraft(rng, facts, { ask: 'fix', needs, nodes, fixes }, {
      prompt: `${who(c)} stays Pending. Here are the nodes, with what each has left unrequested. Which one change lets the scheduler place it?`,
      yaml, table, family: fixes.map(fixLabel),
      lines: [{ text: `Tolerating ${cp.name}'s taint only brings it to the next filter, which it fails: it has ${cp.free.cpuMilli}m CPU and ${mem(cp.free.memoryMi)} free. On the workers, ${KIND_SAYS[kind]}; only "${fixLabel(works[0]!)}" fixes that${short ? `: ${short.kind === 'cpu' ? cpu(short.toMilli) : mem(short.toMi)} is still more than the ${short.kind === 'cpu' ? `${Math.max(...nodes.slice(1).map((n) => n.free.cpuMilli))}m CPU` : `${mem(Math.max(...nodes.slice(1).map((n) => n.free.memoryMi)))} memory`} the roomiest worker has` : ''}.`, evidence: { ...yaml.at('req'), cells: [{ row: 0, column: 1 }, { row: 0, column: 2 }] } },
        ...(out.scheduled ? [] : [{ text: `The scheduler's event says: "${out.message}"` }])],
      rules: ['conditions/first-filter', kind === 'tolerate' ? 'conditions/untolerated-taint' : kind === 'selector' ? 'conditions/node-selector' : 'conditions/insufficient-resources'],
      docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/#kube-scheduler-implementation',
    });
  },
};

export const podConditionsMedium: readonly T[] = [sidecarReadiness, readinessGate, fitResources, taintsAndSelectors, initializedSidecar, afterTrouble, endpointsWithGates, schedulerMessageMixed];
