// pod-conditions, hard: two rules interacting. A sidecar and a readiness gate both holding Ready; a deadline that
// turns a pod Failed; one change among several that really lets the scheduler place a pod (first filter first);
// Initialized staying True while a sidecar restarts; a Job's sidecar at the end; an init container's request;
// scheduling gates before filters.
import { COMPLETED, failure, loopRestarts, running, terminated, waiting } from '../model/container-states.ts';
import { podStatus, type PodFacts } from '../model/pod-status.ts';
import type { ContainerSnapshot } from '../model/pod-types.ts';
import type { RuleId } from '../model/rules/index.ts';
import { podRequest, schedule, type NodeFacts, type PlacementNeeds, type Taint } from '../model/scheduling.ts';
import type { Rng } from '../random.ts';
import { FIRST_LABELS, HOLD_LABELS, READY_LABELS } from './pod-conditions-answers.ts';
import { cellsOf, condDraft, type CondQuestion } from './pod-conditions-draft.ts';
import {
  applyFix, cpu, fixLabel, mem, nodeTable, PLACEMENT_LABELS, PODSCHEDULED_LABELS, taintText, workingFixes, type Fix,
} from './pod-conditions-scheduling.ts';
import { conditionsWhy, readyStory, CDOCS, type Pointers } from './pod-conditions-why.ts';
import { DOCS } from './phase-why.ts';
import { JOB_MAX_RESTARTS, cast, errorExit, factsOf, houseCast, job, webCast, killed, secondsToExit, service, sidecarDoes, who, type Cast } from './pod-build.ts';
import { yamlView, type Column, type YamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<CondQuestion>;
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);
const pointers = (f: PodFacts, cols: readonly Column[], yaml?: YamlView): Pointers => ({
  containers: (names) => cellsOf(f, cols, names), ...(yaml ? { yaml: (...m: string[]) => yaml.at(...m) } : {}),
});
const sidecarFirst = (c: Cast): Cast => ({ ...c, inits: [...c.inits].sort((a, b) => Number(b.sidecar) - Number(a.sidecar)) });
const GATE = 'target-health.elbv2.k8s.aws/k8s-shop-web-3f2a1b9c4d';
const BATCH: Taint = { key: 'dedicated', value: 'batch', effect: 'NoSchedule' };
const two = (n: number) => String(n).padStart(2, '0');
const clock = (s: number) => `${two(10 + Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
const GS = HOLD_LABELS['gate-sidecar'];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const gateAndSidecar: T = {
  id: 'pod-conditions/gate-and-sidecar',
  targets: [GS.ready!, GS['sidecar-readiness']!, GS['gate-false']!, GS['gate-and-sidecar']!],
  // Mostly the draws where the sidecar rule and the gate rule meet (an unready sidecar beside a True or missing gate);
  // "all ready" and "only the gate" stay rarer, as each turns on one of them (review E, PC-H4).
  weights: [0.15, 0.35, 0.15, 0.35],
  build(rng, target) {
    const c = cast(rng, service({ sidecars: [1, 1] }));
    const side = c.inits[0]!.name;
    const sideReady = target === GS.ready || target === GS['gate-false'];
    const gateTrue = target === GS.ready || target === GS['sidecar-readiness'];
    // A gate that is not True is either False or not written yet by the controller: both count as not True.
    const gateStatus = gateTrue ? 'True' : rng.chance(0.5) ? 'False' : null;
    const app = c.apps[0]!.name;
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [running(side, { ready: sideReady, ...(sideReady || rng.chance(0.5) ? {} : { restartCount: rng.int(1, 4), lastTerminationState: failure(rng) }) })], apps: c.apps.map((a) => running(a.name)), readinessGates: [GATE], customConditions: gateStatus ? [{ type: GATE, status: gateStatus }] : [] });
    // The YAML shows the gate and what the controller wrote for it, never the pod's own Ready or ContainersReady.
    // Every condition the kubelet and scheduler wrote but ContainersReady and Ready (which would give the answer away),
    // then the gate's, if the controller has written one: the player has to see that its type is missing.
    const kubelet = ['PodScheduled', 'PodReadyToStartContainers', 'Initialized'].flatMap((t) => [`  - type: ${t}`, '    status: "True"']);
    const yaml = yamlView(['spec:', '  readinessGates:', [`  - conditionType: ${GATE}`, 'gate'], 'status:', '  conditions:   # ContainersReady and Ready left out', ...kubelet,
      ...(gateStatus ? [[`  - type: ${GATE}`, 'gate'] as const, [`    status: "${gateStatus}"`, 'gate'] as const] : [])]);
    const cols: Column[] = ['container', 'state', 'restarts', 'ready'];
    const blockers = [...(sideReady ? [] : [`sidecar ${side} must pass its readiness probe`]), ...(gateTrue ? [] : [gateStatus ? 'the load balancer controller must set the gate True' : 'the load balancer controller must write the gate\'s condition, True'])];
    const lines = blockers.length === 0
      ? [{ text: `Nothing: ${app} and sidecar ${side} are both ready, and the gate is True, so Ready is True.`, evidence: { ...cellsOf(facts, cols, [side, app]), ...yaml.at('gate') } }]
      : [{ text: `${capital(blockers.join(', and '))}. Ready needs every container ready (a sidecar counts) and every gate True.`, evidence: { ...cellsOf(facts, cols, [side]), ...yaml.at('gate') } },
        ...(blockers.length === 2 ? [{ text: 'Ready would say only ContainersNotReady: the kubelet looks at the gates once the containers are ready.' }] : [])];
    return condDraft(rng, facts, { ask: 'holdup', family: 'gate-sidecar' }, {
      prompt: `${who(c)} ${sidecarDoes(side)}, a native sidecar, and sits behind an AWS load balancer that answers a readiness gate. What must still happen before its Ready condition turns True?`,
      yaml, columns: cols, family: Object.values(GS), lines,
      rules: ['conditions/ready-needs-gates', 'sidecars/readiness-counts', ...(gateStatus === null ? ['conditions/gate-missing-false' as const] : [])], docUrl: CDOCS.gateStatus,
    });
  },
};

const deadlineReady: T = {
  id: 'pod-conditions/deadline-ready',
  targets: [READY_LABELS.True, READY_LABELS.ContainersNotReady, READY_LABELS.PodCompleted, READY_LABELS.PodFailed],
  // The deadline fires in about half the draws (PodFailed), and a PodCompleted pod is often looked at after its deadline
  // has gone by: a class must read the clock, not learn that the deadline is always a distractor (review K, pattern 1).
  weights: [0.19, 0.19, 0.19, 0.43],
  build(rng, target) {
    const c = cast(rng, job());
    const deadline = pick(rng, [600, 900, 1800]);
    const name = c.apps[0]!.name;
    const earlier = rng.chance(0.5) ? { restartCount: rng.int(1, 4), lastTerminationState: errorExit(rng) } : {};
    // Both finished cases show when the container stopped: before the deadline on its own, or just after it, killed.
    const kill = target === READY_LABELS.PodFailed ? killed(rng, running(name, earlier)) : undefined;
    const stopped = target === READY_LABELS.PodCompleted ? deadline - rng.int(30, 400) : kill ? deadline + secondsToExit(rng, kill) : undefined;
    const now = stopped !== undefined ? stopped + rng.int(60, 900) : deadline - rng.int(60, 400);
    const state = target === READY_LABELS.PodCompleted ? terminated(name, COMPLETED, earlier)
      : kill ? kill
      : target === READY_LABELS.ContainersNotReady ? waiting(name, 'CrashLoopBackOff', { restartCount: loopRestarts(rng, 2, JOB_MAX_RESTARTS, now), lastTerminationState: errorExit(rng) }) : running(name, earlier);
    const facts = factsOf({ cast: c, restartPolicy: 'OnFailure', inits: [], apps: [state], deadline: { activeDeadlineSeconds: deadline, secondsSinceStart: now, ...(target === READY_LABELS.PodCompleted && stopped !== undefined ? { endedAtSeconds: stopped } : {}) } });
    const yaml = yamlView(['spec:', [`  activeDeadlineSeconds: ${deadline}`, 'deadline'], ['  restartPolicy: OnFailure', 'policy'], 'status:', ['  startTime: "2025-06-12T10:00:00Z"', 'deadline']]);
    // Ready, not Restarts: True and ContainersNotReady turn on it, and the table must show it (self-review K3).
    const cols: Column[] = ['container', 'state', 'reason', 'exit', 'ready'];
    const why = readyStory(facts, pointers(facts, cols, yaml));
    const late = target === READY_LABELS.PodFailed;
    const rules: RuleId[] = [late ? 'phase/deadline-failed' : 'phase/deadline-not-reached', ...why.rules];
    const second = late
      ? `It stopped ${stopped} s after startTime, past the ${deadline} s deadline: the kubelet killed it and failed the pod, and nothing restarts the containers of a failed pod.`
      : stopped !== undefined ? `It exited 0 at ${stopped} s, before the ${deadline} s deadline, and a finished pod stays as it ended.`
      : `Only ${now} s of the ${deadline} s allowed have passed since startTime: the deadline changes nothing yet.`;
    return condDraft(rng, facts, { ask: 'ready-reason' }, {
      prompt: `${who(c)}. It is now ${clock(now)} UTC${stopped !== undefined ? ` (its container stopped at ${clock(stopped)})` : ''}. What status and reason does its Ready condition have?`,
      yaml, columns: cols, family: Object.values(READY_LABELS),
      lines: [...why.lines, { text: second, evidence: yaml.at('deadline', 'policy') }],
      rules, docUrl: late ? DOCS.deadline : why.docUrl,
    });
  },
};

const FIX_KINDS = { 'Add a toleration': 'tolerate', 'Drop the nodeSelector': 'selector', 'Uncordon a node': 'uncordon', 'Lower the CPU request': 'cpu' } as const;
type Issue = 'taint' | 'selector' | 'cordon' | 'cpu';

/** Three nodes with one or two problems each; at least one node has two, so fixing its first problem is not enough. */
function troubledNodes(rng: Rng, want: number): NodeFacts[] {
  const issues: Issue[][] = [0, 1, 2].map(() => rng.sample(['taint', 'selector', 'cordon', 'cpu'] as const, rng.int(1, 2)));
  // One cordoned node at most, so "uncordon" names the only node it could be.
  const firstCordon = issues.findIndex((x) => x.includes('cordon'));
  issues.forEach((x, i) => { if (i !== firstCordon && x.includes('cordon')) x.splice(x.indexOf('cordon'), 1, x.includes('cpu') ? 'taint' : 'cpu'); });
  if (!issues.some((x) => x.length === 2)) issues[rng.int(0, 2)]!.push(rng.pick((['taint', 'selector', 'cordon', 'cpu'] as const).filter((i) => !issues.flat().includes(i))) ?? 'cpu');
  return issues.map((x, i) => ({
    name: `worker-${i + 1}`, unschedulable: x.includes('cordon'), taints: x.includes('taint') ? [BATCH] : [],
    labels: { disktype: x.includes('selector') ? 'hdd' : 'ssd' },
    free: { cpuMilli: x.includes('cpu') ? want - rng.int(2, 6) * 100 : want + rng.int(2, 8) * 100, memoryMi: 4096 },
  }));
}

const oneChange: T = {
  id: 'pod-conditions/one-change',
  targets: Object.keys(FIX_KINDS),
  build(rng, target) {
    const kind = FIX_KINDS[target as keyof typeof FIX_KINDS];
    const want = rng.int(8, 15) * 100;
    const needs: PlacementNeeds = { requests: { cpuMilli: want, memoryMi: 512 }, nodeSelector: { disktype: 'ssd' } };
    const nodes = troubledNodes(rng, want);
    const cordoned = nodes.find((n) => n.unschedulable)?.name ?? 'worker-1';
    const fixes: Fix[] = [{ kind: 'tolerate', taint: BATCH }, { kind: 'selector', drop: 'disktype: ssd' }, { kind: 'uncordon', node: cordoned }, { kind: 'cpu', toMilli: want - 600 }];
    const works = workingFixes(needs, nodes, fixes);
    if (works.length !== 1 || works[0]!.kind !== kind || !nodes.some((n) => n.unschedulable)) return oneChange.build(rng, target);
    const out = schedule(needs, nodes);
    const c = cast(rng, service());
    const app = c.apps[0]!.name;
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [{ name: app, state: 'none' }], placement: out.scheduled ? { bound: true } : { bound: false, reason: 'Unschedulable', message: out.message } });
    const { table } = nodeTable(nodes);
    const yaml = yamlView(['spec:', ['  nodeSelector: { disktype: ssd }', 'selector'], '  containers:', `  - name: ${app}`, ['    resources: { requests: { cpu: ' + cpu(want) + ', memory: 512Mi } }', 'req']]);
    const fix = works[0]!;
    const after = applyFix(needs, nodes, fix);
    const placed = schedule(after.needs, after.nodes);
    const passer = placed.scheduled ? placed.feasible[0]! : '';
    return condDraft(rng, facts, { ask: 'fix', needs, nodes, fixes }, {
      prompt: `${who(c)} stays Pending. Which single change lets the scheduler place it?`,
      yaml, table, family: fixes.map(fixLabel),
      lines: [{ text: `Only "${fixLabel(fix)}" leaves a node, ${passer}, with no problem left. Each other change leaves every node at least one problem; the scheduler names only the first filter a node fails, so fixing that one is not always enough.`, evidence: { cells: [0, 1, 2, 3, 4].map((column) => ({ row: nodes.findIndex((n) => n.name === passer), column })) } }],
      rules: ['conditions/first-filter', fix.kind === 'tolerate' ? 'conditions/untolerated-taint' : fix.kind === 'selector' ? 'conditions/node-selector' : fix.kind === 'uncordon' ? 'conditions/cordoned' : 'conditions/insufficient-resources'],
      docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/#kube-scheduler-implementation',
    });
  },
};

const STICKY = [FIRST_LABELS.Initialized, FIRST_LABELS.ContainersReady, FIRST_LABELS.Ready, FIRST_LABELS.none];

const initializedSticky: T = {
  id: 'pod-conditions/initialized-sticky',
  targets: STICKY,
  build(rng, target) {
    const c = webCast(rng, service({ sidecars: [1, 1] }));
    const side = c.inits[0]!.name;
    const crash = (): ContainerSnapshot => waiting(side, 'CrashLoopBackOff', { restartCount: rng.int(2, 20), lastTerminationState: failure(rng) });
    const beforeApp = target === FIRST_LABELS.Initialized;
    // Ready and None: the sidecar crashed earlier too, and now runs again; only the gate tells them apart.
    const sideState = beforeApp || target === FIRST_LABELS.ContainersReady ? crash() : running(side, { restartCount: rng.int(1, 9), lastTerminationState: failure(rng) });
    const apps = c.apps.map((a) => (beforeApp ? waiting(a.name, 'PodInitializing') : running(a.name)));
    const gate = target === FIRST_LABELS.Ready ? 'False' : 'True';
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [sideState], apps, readinessGates: [GATE], customConditions: [{ type: GATE, status: gate }] });
    // The kubelet's conditions are the question, so the excerpt says it shows only the controller's (review L3, PC-M1).
    const yaml = yamlView(['spec:', '  readinessGates:', [`  - conditionType: ${GATE}`, 'gate'], 'status:', '  conditions:', [`  - type: ${GATE}`, 'gate'], [`    status: "${gate}"`, 'gate'],
      "  # the kubelet's five conditions: left out, that is the question"]);
    const cols: Column[] = ['container', 'state', 'reason', 'restarts', 'ready'];
    const why = conditionsWhy(facts, pointers(facts, cols, yaml));
    const sticky: RuleId = target === FIRST_LABELS.Initialized ? 'sidecars/start-gate' : target === FIRST_LABELS.ContainersReady ? 'conditions/initialized-sticky' : 'conditions/ready-needs-gates';
    const app = c.apps[0]!.name;
    const own = {
      [FIRST_LABELS.ContainersReady]: `Initialized stays True: ${app} has started, and ${side} crashing afterwards does not undo that. But ${side} is not ready, so ContainersReady is False.`,
      [FIRST_LABELS.none]: `${side} has restarted, but it runs and is ready now, ${app} too, and the gate is True: all five are True.`,
    }[target];
    return condDraft(rng, facts, { ask: 'first-not-true' }, {
      prompt: `${who(c)} ${sidecarDoes(side)}, a native sidecar, behind a load balancer's readiness gate. Conditions go PodScheduled → PodReadyToStartContainers → Initialized → ContainersReady → Ready. Which is the first that is not True?`,
      yaml, columns: cols, family: STICKY, ...why, rules: [...why.rules, sticky, 'conditions/first-not-true'],
      ...(own ? { lines: [{ text: own, evidence: cellsOf(facts, cols, [side, app]) }] } : {}),
    });
  },
};

const jobSidecarReady: T = {
  id: 'pod-conditions/job-sidecar-ready',
  targets: [READY_LABELS.ContainersNotReady, READY_LABELS.PodCompleted, READY_LABELS.PodFailed],
  weights: [0.4, 0.3, 0.3],
  build(rng, target) {
    const c = cast(rng, job({ sidecars: [1, 1] }));
    const side = c.inits[0]!.name;
    const main = c.apps[0]!.name;
    // The kubelet stops the sidecar once main has exited for good: SIGTERM, 143, or a clean exit.
    const stopped = terminated(side, pick(rng, [{ exitCode: 143, reason: 'Error' }, { exitCode: 137, reason: 'Error' }, { exitCode: 0, reason: 'Completed' }]));
    // Not ready: main has finished while the sidecar runs on, or main runs while the sidecar fails its readiness probe.
    const mainDone = rng.chance(0.6);
    const pod = {
      [READY_LABELS.ContainersNotReady]: mainDone ? [running(side), terminated(main, COMPLETED)] : [running(side, { ready: false }), running(main)],
      [READY_LABELS.PodCompleted]: [stopped, terminated(main, COMPLETED)],
      [READY_LABELS.PodFailed]: [stopped, terminated(main, errorExit(rng))],
    }[target]!;
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: [pod[0]!], apps: [pod[1]!] });
    const cols: Column[] = ['container', 'state', 'reason', 'exit', 'ready'];
    const why = readyStory(facts, pointers(facts, cols));
    const phase = podStatus(facts).phase;
    const rules: RuleId[] = [...why.rules, phase === 'Running' ? (mainDone ? 'phase/sidecar-still-running' : 'sidecars/readiness-counts') : 'sidecars/exit-ignored'];
    const own = target === READY_LABELS.ContainersNotReady
      ? (mainDone
        ? `${main} has exited, but the pod is still Running while ${side} runs; an exited container is not ready, so Ready is False (ContainersNotReady), not PodCompleted yet.`
        : `${main} runs, but sidecar ${side} is not ready, and a sidecar's readiness counts: Ready is False (ContainersNotReady).`)
      : target === READY_LABELS.PodCompleted ? `PodCompleted: ${main} exited 0, so the pod Succeeded; ${side} exiting ${pod[0]!.exitCode} when the kubelet stopped it does not count.` : undefined;
    return condDraft(rng, facts, { ask: 'ready-reason' }, {
      prompt: `${who(c)} (restartPolicy: Never) ${sidecarDoes(side)}, a native sidecar. What status and reason does its Ready condition have?`,
      columns: cols, family: Object.values(READY_LABELS), ...why, rules,
      ...(own ? { lines: [{ text: own, evidence: cellsOf(facts, cols, [main, side]) }] } : {}),
    });
  },
};

const effectiveRequest: T = {
  id: 'pod-conditions/effective-request',
  targets: [PLACEMENT_LABELS.fits, PLACEMENT_LABELS.cpu, PLACEMENT_LABELS.memory, PLACEMENT_LABELS['cpu-or-memory']],
  build(rng, target) {
    const c = houseCast(rng, service({ inits: [1, 1] }));
    const init = { name: 'migrate', image: c.apps[0]!.image, sidecar: false };
    const app = c.apps[0]!.name;
    // The init container asks for more than the app: its request is the pod's peak, though it runs only at start.
    const appReq = { cpuMilli: rng.int(2, 5) * 100, memoryMi: rng.int(2, 4) * 256 };
    const initReq = { cpuMilli: appReq.cpuMilli + rng.int(4, 10) * 100, memoryMi: appReq.memoryMi + rng.int(2, 6) * 256 };
    const need = podRequest([{ kind: 'init', requests: initReq }, { kind: 'app', requests: appReq }]);
    const between = (lo: number, hi: number, step: number) => lo + rng.int(1, Math.max(1, Math.floor((hi - lo) / step) - 1)) * step;
    const roomy = rng.int(0, 2);
    const nodes: NodeFacts[] = [0, 1, 2].map((i) => {
      const lacks = target === PLACEMENT_LABELS.cpu ? 'cpu' : target === PLACEMENT_LABELS.memory ? 'memory' : target === PLACEMENT_LABELS['cpu-or-memory'] ? (i % 2 === 0 ? 'cpu' : 'memory') : i === roomy ? null : pick(rng, ['cpu', 'memory']);
      return {
        name: `worker-${i + 1}`, labels: {}, taints: [],
        free: {
          cpuMilli: lacks === 'cpu' ? between(appReq.cpuMilli, need.cpuMilli, 100) : need.cpuMilli + rng.int(1, 6) * 100,
          memoryMi: lacks === 'memory' ? between(appReq.memoryMi, need.memoryMi, 128) : need.memoryMi + rng.int(1, 6) * 256,
        },
      };
    });
    const needs: PlacementNeeds = { requests: need };
    const out = schedule(needs, nodes);
    const facts = factsOf({ cast: { ...c, inits: [init] }, restartPolicy: 'Always', inits: [{ name: 'migrate', state: out.scheduled ? 'waiting' : 'none', ...(out.scheduled ? { reason: 'PodInitializing' } : {}) }], apps: [{ name: app, state: out.scheduled ? 'waiting' : 'none', ...(out.scheduled ? { reason: 'PodInitializing' } : {}) }],
      placement: out.scheduled ? { bound: true } : { bound: false, reason: 'Unschedulable', message: out.message } });
    const yaml = yamlView(['initContainers:', '- name: migrate', [`  resources: { requests: { cpu: ${cpu(initReq.cpuMilli)}, memory: ${mem(initReq.memoryMi)} } }`, 'init'],
      'containers:', `- name: ${app}`, [`  resources: { requests: { cpu: ${cpu(appReq.cpuMilli)}, memory: ${mem(appReq.memoryMi)} } }`, 'app']]);
    const { table } = nodeTable(nodes);
    return condDraft(rng, facts, { ask: 'placement', needs, nodes }, {
      prompt: `${who(c)} runs a database migration as an init container before the app starts. The nodes have this much left unrequested. What will its PodScheduled condition say?`,
      yaml, table: { columns: table.columns.slice(0, 3), rows: table.rows.map((r) => r.slice(0, 3)) }, family: [PLACEMENT_LABELS.fits, PLACEMENT_LABELS.cpu, PLACEMENT_LABELS.memory, PLACEMENT_LABELS['cpu-or-memory']],
      lines: [{ text: `The scheduler reserves the larger of the init container's request and the app's: ${cpu(need.cpuMilli)} CPU and ${mem(need.memoryMi)}, though migrate runs only at start. ${out.scheduled ? 'A node has that much.' : out.message}`, evidence: yaml.at('init', 'app') }],
      rules: ['conditions/effective-request', 'conditions/insufficient-resources'], docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers',
    });
  },
};

const gatedThenFilters: T = {
  id: 'pod-conditions/gated-then-filters',
  targets: [PODSCHEDULED_LABELS.gated, PODSCHEDULED_LABELS.fits, PODSCHEDULED_LABELS.cpu, PODSCHEDULED_LABELS.taint],
  build(rng, target) {
    const c = cast(rng, job());
    const gated = target === PODSCHEDULED_LABELS.gated;
    const want = rng.int(8, 20) * 100;
    // Behind the gate the nodes may be unusable too: the gate is checked first, so it alone shows.
    const trouble = gated ? pick(rng, ['cpu', 'taint', 'none']) : target === PODSCHEDULED_LABELS.cpu ? 'cpu' : target === PODSCHEDULED_LABELS.taint ? 'taint' : 'none';
    // Kueue writes the admitting ResourceFlavor's tolerations into the pod when it ungates it, so the flavor is stated
    // and, once admitted, its toleration shows in the pod. The nodes are often tainted dedicated=batch whatever the
    // answer: a flavor that tolerates it leaves CPU (or nothing) to decide; one that does not makes the taint decide.
    const tainted = trouble === 'taint' || rng.chance(0.6);
    const flavorTolerates = trouble === 'taint' ? false : tainted ? true : rng.chance(0.5);
    const nodes: NodeFacts[] = ['worker-1', 'worker-2'].map((name) => ({
      name, labels: {}, taints: tainted ? [BATCH] : [], free: { cpuMilli: trouble === 'cpu' ? want - rng.int(1, 5) * 100 : want + 500, memoryMi: 8192 },
    }));
    const injected = flavorTolerates && !gated;
    const needs: PlacementNeeds = { requests: { cpuMilli: want, memoryMi: 1024 }, ...(gated ? { schedulingGates: ['kueue.x-k8s.io/admission'] } : {}),
      ...(injected ? { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }] } : {}) };
    const out = schedule(needs, nodes);
    const main = c.apps[0]!.name;
    // A plain Pod, not a Job's: Kueue gates pods only through its pod integration; a batch Job it suspends instead, and
    // the Job's pods do not exist until it is admitted (review K, PC-H1).
    const name = `${main}-${c.podName.split('-').at(-1)}`;
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: [], apps: [out.scheduled ? waiting(main, 'ContainerCreating') : { name: main, state: 'none' }], placement: out.scheduled ? { bound: true } : { bound: false, reason: out.reason, message: out.message } });
    const yaml = yamlView(['metadata:', `  name: ${name}`, '  labels:', ['    kueue.x-k8s.io/queue-name: team-batch', 'queue'], 'spec:',
      ...(gated ? ['  schedulingGates:', ['  - name: kueue.x-k8s.io/admission', 'gate'] as const] : [['  # no schedulingGates: Kueue removed its gate on admission', 'gate'] as const]),
      ...(injected ? [['  tolerations:   # written by Kueue from the flavor', 'tol'] as const, ['  - { key: dedicated, value: batch, effect: NoSchedule }', 'tol'] as const] : []),
      '  restartPolicy: Never', '  containers:', `  - name: ${main}`, [`    resources: { requests: { cpu: ${cpu(want)}, memory: 1Gi } }`, 'req']]);
    const { table } = nodeTable(nodes);
    const flavor = flavorTolerates ? 'Its ResourceFlavor sets no nodeLabels and one toleration, dedicated=batch:NoSchedule, which Kueue writes into the pod when it admits it.'
      : 'Its ResourceFlavor sets no nodeLabels and no tolerations, so admission adds nothing to the pod.';
    const why = (): string => {
      if (gated) return 'SchedulingGated: while any gate remains, the scheduler does not try the pod at all, so no node problem shows yet.';
      if (out.scheduled) return `The gate is gone, so the filters run: ${tainted ? `the toleration Kueue wrote from the flavor matches ${taintText(BATCH)}, and ` : 'no node is tainted, and '}a node has ${cpu(want)} CPU free.`;
      if (trouble === 'taint') return `The gate is gone, so the filters run. The flavor has no toleration, so the pod has none, and both nodes carry ${taintText(BATCH)}: ${out.message}`;
      return `The gate is gone, so the filters run${tainted ? `; the flavor's toleration gets it past ${taintText(BATCH)}` : ''}, but ${out.message}`;
    };
    return condDraft(rng, facts, { ask: 'podscheduled', needs, nodes }, {
      prompt: `${name} is a plain Pod in a namespace where Kueue's pod integration is on: Kueue's webhook gave it a scheduling gate when it was created, and Kueue removes the gate once queue team-batch has quota. ${flavor} This is the pod as it stands. What does its PodScheduled condition say?`,
      yaml, table: { columns: [table.columns[0]!, table.columns[1]!, table.columns[3]!], rows: table.rows.map((r) => [r[0]!, r[1]!, r[3]!]) },
      family: Object.values(PODSCHEDULED_LABELS).slice(0, 4),
      lines: [{ text: why(), evidence: yaml.at(gated ? 'gate' : injected ? 'tol' : 'req') },
        ...(gated && (trouble === 'cpu' || (trouble === 'taint' && !flavorTolerates)) ? [{ text: `Once Kueue removes the gate, it will show Unschedulable: ${trouble === 'cpu' ? 'no node has the CPU' : `the nodes carry ${taintText(BATCH)}`}.` }] : [])],
      rules: ['conditions/scheduling-gated', gated ? 'conditions/unschedulable' : trouble === 'taint' ? 'conditions/untolerated-taint' : 'conditions/insufficient-resources'],
      docUrl: gated ? CDOCS.gated : CDOCS.pending,
    });
  },
};

const DEADLINE_FIRST = [FIRST_LABELS.PodScheduled, FIRST_LABELS.PodReadyToStartContainers, FIRST_LABELS.Initialized, FIRST_LABELS.ContainersReady, FIRST_LABELS.none];

/** A Job pod created long enough ago that its deadline would have fired if it counted from creation. */
const deadlineConditions: T = {
  id: 'pod-conditions/deadline-conditions',
  targets: DEADLINE_FIRST,
  // PodReadyToStartContainers is the draw where the deadline has fired: about half of them (review K, pattern 1).
  weights: [0.15, 0.4, 0.15, 0.15, 0.15],
  build(rng, target) {
    const c = cast(rng, job({ inits: [1, 1] }));
    const deadline = pick(rng, [600, 900]);
    const bound = target !== FIRST_LABELS.PodScheduled;
    const late = target === FIRST_LABELS.PodReadyToStartContainers;
    // Seconds since startTime; the pod waited for a node before that, so creation is further back.
    const sinceStart = late ? deadline + rng.int(60, 600) : rng.int(120, deadline - 60);
    const created = bound ? sinceStart + rng.int(deadline - sinceStart + 60, deadline + 600) : deadline + rng.int(300, 1500);
    const init = c.inits[0]!.name;
    const main = c.apps[0]!.name;
    const none = (n: string): ContainerSnapshot => ({ name: n, state: 'none' });
    const inits = !bound ? [none(init)] : target === FIRST_LABELS.Initialized ? [running(init)] : [terminated(init, COMPLETED)];
    const mainState = !bound ? none(main) : target === FIRST_LABELS.Initialized ? waiting(main, 'PodInitializing')
      : late ? killed(rng, running(main)) : target === FIRST_LABELS.ContainersReady ? pick(rng, [running(main, { ready: false }), waiting(main, 'CrashLoopBackOff', { restartCount: loopRestarts(rng, 2, JOB_MAX_RESTARTS, sinceStart), lastTerminationState: errorExit(rng) })]) : running(main);
    const facts = factsOf({ cast: c, restartPolicy: 'OnFailure', inits, apps: [mainState], deadline: { activeDeadlineSeconds: deadline, ...(bound ? { secondsSinceStart: sinceStart } : {}) },
      placement: bound ? { bound: true } : { bound: false, reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory.' } });
    const start = created - sinceStart;
    const yaml = yamlView(['spec:', [`  activeDeadlineSeconds: ${deadline}`, 'deadline'], ['  restartPolicy: OnFailure', 'policy'], 'status:',
      ...(bound ? [[`  startTime: "2025-06-12T${clock(start)}Z"`, 'deadline'] as const] : [['  # no startTime yet', 'scheduled'] as const])]);
    const cols: Column[] = ['container', 'state', 'reason', 'exit', 'ready'];
    const why = conditionsWhy(facts, pointers(facts, cols, yaml));
    const second = !bound ? 'No startTime: no kubelet has taken the pod, so the deadline has not even started counting, however long ago it was created.'
      : late ? `${sinceStart} s since startTime is past ${deadline} s: the kubelet killed ${main} and failed the pod, which OnFailure does not restart.`
      : `Only ${sinceStart} s since startTime, when a kubelet took it: the deadline has not fired, though it was created ${created} s ago.`;
    return condDraft(rng, facts, { ask: 'first-not-true' }, {
      prompt: `${who(c)} was created at 10:00:00; it is now ${clock(created)}. Conditions go PodScheduled → PodReadyToStartContainers → Initialized → ContainersReady → Ready. Which is the first that is not True?`,
      yaml, columns: cols, family: DEADLINE_FIRST,
      lines: [...why.lines.slice(0, 1), { text: second, evidence: yaml.at('deadline', 'scheduled') }],
      rules: [...why.rules, late ? 'phase/deadline-failed' : 'phase/deadline-from-start'], docUrl: late ? why.docUrl : DOCS.deadline,
    });
  },
};

export const podConditionsHard: readonly T[] = [gateAndSidecar, deadlineReady, oneChange, initializedSticky, jobSidecarReady, effectiveRequest, gatedThenFilters, deadlineConditions];
