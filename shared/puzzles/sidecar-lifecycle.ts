// Native sidecars through a pod's life: start gate, restarts, Job completion, exit codes, termination order, preStop.
// Every answer is computed by shared/model/sidecars.ts (and podPhase), never stored.
import { createRng, type Rng } from '../random.ts';
import { podEnds, shutdownTiming, sidecarRestartsOnExit, startGate, terminationPairs, terminationStages } from '../model/sidecars.ts';
import { podPhase } from '../model/pod-phase.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import type { Difficulty, Grade, PuzzleKind, PuzzleView } from './kind.ts';
import { shuffledChoices, singleChoiceScore } from './choice.ts';
import { brokenPairs, isSolvedOrder, orderScore, topologicalOrder } from './ordering.ts';
import { asIdList } from './answers.ts';

interface Box { name: string; image: string }
interface InitBox extends Box { sidecar: boolean; startupProbe?: boolean }

type Scenario =
  | { q: 'start-gate'; init: InitBox[]; target: number }
  | { q: 'job-end'; policy: RestartPolicy; main: Box; exitCode: number; sidecar: Box }
  | { q: 'sidecar-crash'; policy: RestartPolicy; app: Box; sidecar: Box; exitCode: number }
  | { q: 'exit-phase'; main: Box; mainExit: number; sidecar: Box; sidecarExit: number }
  | { q: 'prestop'; app: Box; sidecar: Box; hook: string }
  | { q: 'sigterm'; apps: Box[]; sidecars: Box[]; target: number; other: number }
  | { q: 'termination'; init: InitBox[]; apps: Box[] };

export interface SidecarPuzzle {
  scenario: Scenario;
  prompt: string;
  yaml: string;
  /** single choice: each option's key is compared with the model's answer key. */
  options: { id: string; label: string; key: string }[];
  /** order: ids in the order shown. */
  shown: string[];
}

const DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/';
const DOC_LIFECYCLE = `${DOC}sidecar-containers/#sidecar-containers-and-pod-lifecycle`;
const DOC_TERMINATION = `${DOC}pod-lifecycle/#termination-with-sidecars`;

const SIDECARS: Box[] = [
  { name: 'envoy', image: 'envoyproxy/envoy:v1.29' }, { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14' },
  { name: 'istio-proxy', image: 'istio/proxyv2:1.21' }, { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0' },
  { name: 'vector', image: 'timberio/vector:0.37.0-alpine' }, { name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.96.0' },
  { name: 'vault-agent', image: 'hashicorp/vault:1.15' }, { name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.2' },
];
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
const c = (name: string): string => `\`${name}\``;
const names = (boxes: readonly Box[]): string => boxes.map((b) => c(b.name)).join(' and ');

function yamlOf(policy: RestartPolicy | null, init: readonly InitBox[], apps: readonly Box[], extra: Record<string, string> = {}): string {
  const entry = (b: Box & { sidecar?: boolean; startupProbe?: boolean }): string[] => [
    `  - name: ${b.name}`, `    image: ${b.image}`,
    ...(b.sidecar ? ['    restartPolicy: Always'] : []),
    ...(b.startupProbe ? ['    startupProbe: { httpGet: { path: /ready, port: 9901 }, periodSeconds: 2 }'] : []),
    ...(extra[b.name] ? [`    lifecycle: { preStop: { exec: { command: ["sh", "-c", "${extra[b.name]}"] } } }`] : []),
  ];
  const lines = [...(policy ? [`restartPolicy: ${policy}`] : [])];
  if (init.length > 0) lines.push('initContainers:', ...init.flatMap(entry));
  lines.push('containers:', ...apps.flatMap(entry));
  return lines.join('\n');
}

// ---- answers, from the model ----

function phaseAfterMainExit(s: { policy: RestartPolicy; exitCode: number }): ReturnType<typeof podPhase> {
  const main: ContainerSnapshot = { name: 'main', state: 'terminated', exitCode: s.exitCode };
  const sidecar: ContainerSnapshot = { name: 's', restartPolicy: 'Always', state: 'terminated', exitCode: 143 };
  return podPhase({ restartPolicy: s.policy, podIsTerminal: true, initContainers: [sidecar], containers: [main] });
}

function answerKey(s: Scenario): string {
  switch (s.q) {
    case 'start-gate':
      return startGate(s.init.map((b) => (b.sidecar ? { name: b.name, restartPolicy: 'Always' } : { name: b.name })), s.target) === 'previous-started' ? 'started' : 'exit-0';
    case 'job-end': {
      const main: ContainerSnapshot = { name: s.main.name, state: 'terminated', exitCode: s.exitCode };
      if (!podEnds([main], s.policy)) return 'main-restarts';
      return phaseAfterMainExit(s) === 'Succeeded' ? 'succeeded' : 'failed';
    }
    case 'sidecar-crash': {
      const running: ContainerSnapshot = { name: s.app.name, state: 'running' };
      return sidecarRestartsOnExit(podEnds([running], s.policy)) ? 'restarted' : 'left-stopped';
    }
    case 'exit-phase': {
      const side: ContainerSnapshot = { name: s.sidecar.name, restartPolicy: 'Always', state: 'terminated', exitCode: s.sidecarExit };
      const main: ContainerSnapshot = { name: s.main.name, state: 'terminated', exitCode: s.mainExit };
      return podPhase({ restartPolicy: 'Never', podIsTerminal: true, initContainers: [side], containers: [main] });
    }
    case 'prestop':
      return shutdownTiming({ name: s.sidecar.name, restartPolicy: 'Always' }).preStop === 'at-termination-start' ? 'at-once' : 'after-apps';
    case 'sigterm':
      return sigtermKey(s);
    case 'termination':
      return '';
  }
}

function stagesOf(s: { init: readonly InitBox[]; apps: readonly Box[] } | { sidecars: readonly Box[]; apps: readonly Box[] }): string[][] {
  const init = 'init' in s ? s.init : s.sidecars.map((b) => ({ ...b, sidecar: true }));
  return terminationStages(init.map((b) => (b.sidecar ? { name: b.name, restartPolicy: 'Always' as const } : { name: b.name })), s.apps.map((b) => b.name));
}

function sigtermKey(s: Extract<Scenario, { q: 'sigterm' }>): string {
  const stages = stagesOf(s);
  const target = s.sidecars[s.target]!.name;
  const at = stages.findIndex((st) => st.includes(target));
  const before = stages[at - 1] ?? [];
  if (at === 0) return 'at-once';
  return before.includes(s.sidecars[s.other]!.name) ? 'after-other' : 'after-apps';
}

// ---- questions ----

interface Asked { scenario: Scenario; prompt: string; yaml: string; labels: Record<string, string> }
type Maker = (rng: Rng, d: Difficulty) => Asked;

const startGateQ: Maker = (rng, d) => {
  const size = d === 'easy' ? 2 : rng.int(3, 4);
  const positions = Array.from({ length: size }, (_, i) => i);
  const sidecarAt = rng.sample(positions, d === 'easy' ? 1 : rng.int(1, 2));
  const sidecars = rng.sample(SIDECARS, 2);
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
      started: `Once ${c(prev.name)} is running${prev.startupProbe ? ' and its startup probe has passed' : ''}`,
      'exit-0': `Once ${c(prev.name)} has exited with code 0`,
      parallel: `At the same time as ${c(prev.name)}`,
      ready: `Once ${c(prev.name)} passes its readiness probe`,
    },
  };
};

const jobEndQ: Maker = (rng, d) => {
  const main = rng.pick(JOBS);
  const sidecar = rng.pick(SIDECARS);
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
  const sidecar = rng.pick(SIDECARS);
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
  const sidecar = rng.pick(SIDECARS);
  const mainExit = rng.pick([0, 0, 0, 1]);
  const sidecarExit = rng.pick([137, 143, 1, 2]);
  return {
    scenario: { q: 'exit-phase', main, mainExit, sidecar, sidecarExit },
    yaml: yamlOf('Never', [{ ...sidecar, sidecar: true }], [main]),
    prompt: `A Job's pod: ${c(main.name)} exits with code ${mainExit}, then the kubelet stops ${c(sidecar.name)}, which exits with code ${sidecarExit}. What is the pod's final phase?`,
    labels: { Succeeded: 'Succeeded', Failed: 'Failed', Running: 'Running', Unknown: 'Unknown' },
  };
};

const HOOKS = ['sleep 5', 'sleep 10', 'sleep 15', 'curl -s -X POST localhost:9901/drain_listeners?graceful'];

const prestopQ: Maker = (rng) => {
  const a = app(rng);
  const sidecar = rng.pick(SIDECARS);
  const hook = rng.pick(HOOKS);
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
  const sidecars = rng.sample(SIDECARS, rng.int(2, 3));
  const target = rng.int(0, sidecars.length - 1);
  const other = target < sidecars.length - 1 && rng.chance(0.7) ? target + 1 : target === 0 ? 1 : target - 1;
  const who = names(apps);
  return {
    scenario: { q: 'sigterm', apps, sidecars, target, other },
    yaml: yamlOf(null, sidecars.map((b) => ({ ...b, sidecar: true })), apps),
    prompt: `The pod is deleted. When does the sidecar ${c(sidecars[target]!.name)} receive SIGTERM?`,
    labels: {
      'at-once': `At once, at the same time as ${who}`,
      'after-apps': `As soon as ${who} ${apps.length > 1 ? 'have' : 'has'} exited`,
      'after-other': `After ${who} and then ${c(sidecars[other]!.name)} have stopped`,
      grace: 'Only when the grace period has run out',
    },
  };
};

const terminationQ: Maker = (rng, d) => {
  const apps = rng.sample(SERVICES, d === 'hard' ? 2 : 1).map((svc) => ({ name: `${svc}-api`, image: `ghcr.io/acme/${svc}-api:${rng.int(1, 4)}.${rng.int(0, 9)}.0` }));
  const sidecars: InitBox[] = rng.sample(SIDECARS, d === 'hard' ? 3 : 2).map((b) => ({ ...b, sidecar: true }));
  const init = d === 'hard' ? rng.shuffle<InitBox>([...sidecars, { ...rng.pick(INITS), sidecar: false }]) : sidecars;
  return {
    scenario: { q: 'termination', init, apps },
    yaml: yamlOf(null, init, apps),
    prompt: 'The pod is deleted. Put its running containers in the order they receive SIGTERM, first to last (containers signalled together may go in either order).',
    labels: {},
  };
};

const MAKERS: Record<Difficulty, Maker[]> = {
  easy: [startGateQ, jobEndQ, sidecarCrashQ],
  medium: [startGateQ, jobEndQ, sidecarCrashQ, exitPhaseQ, terminationQ],
  hard: [startGateQ, jobEndQ, exitPhaseQ, terminationQ, sigtermQ, prestopQ, sidecarCrashQ],
};

// ---- explanations ----

function why(s: Scenario): string {
  switch (s.q) {
    case 'start-gate': {
      const prev = s.init[s.target - 1]!;
      return prev.sidecar
        ? `${c(prev.name)} is a native sidecar: it never exits, so the kubelet starts the next init container once it is started, meaning running with its startup probe (if any) passed. Readiness does not gate startup.`
        : `${c(prev.name)} is a regular init container: init containers run one at a time, and the next starts only after it exits with code 0.`;
    }
    case 'job-end':
      return answerKey(s) === 'main-restarts'
        ? `Under restartPolicy OnFailure, exit code ${s.exitCode} means ${c(s.main.name)} will run again, so the pod is not over and ${c(s.sidecar.name)} keeps serving it.`
        : `No regular container is running or will restart, so the kubelet ends the pod and does not restart ${c(s.sidecar.name)}: that is why a Job with a native sidecar completes. The phase follows ${c(s.main.name)}'s exit code ${s.exitCode}; the sidecar's is ignored.`;
    case 'sidecar-crash':
      return `A native sidecar is restarted whenever it exits, whatever its exit code (${s.exitCode}) and whatever the pod's restartPolicy (${s.policy}); repeated crashes back off like any container. Its exit never fails the pod.`;
    case 'exit-phase':
      return `The phase comes from the regular containers only: ${c(s.main.name)} exited ${s.mainExit}, so the pod is ${answerKey(s)}. A sidecar's exit code never fails the pod, and non-zero codes such as ${s.sidecarExit} are normal when the kubelet stops it.`;
    case 'prestop':
      return `The kubelet runs a container's preStop hook first and only then waits for its turn to be signalled. ${c(s.sidecar.name)}'s SIGTERM waits until ${c(s.app.name)} has exited, but its preStop runs at the start of termination, in parallel with ${c(s.app.name)}'s shutdown.`;
    case 'sigterm':
    case 'termination':
      return `Regular containers get SIGTERM first; each sidecar waits until all of them have exited, then the sidecars stop in reverse spec order: ${stagesOf(s).map((st) => st.join(' + ')).join(' → ')}.`;
  }
}

function docFor(s: Scenario): string {
  if (s.q === 'job-end') return `${DOC}sidecar-containers/#jobs-with-sidecar-containers`;
  if (s.q === 'exit-phase') return `${DOC}sidecar-containers/#differences-from-application-containers`;
  if (s.q === 'prestop' || s.q === 'sigterm' || s.q === 'termination') return DOC_TERMINATION;
  return DOC_LIFECYCLE;
}

// ---- the kind ----

const itemIds = (s: Extract<Scenario, { q: 'termination' }>): string[] => [...s.apps.map((b) => b.name), ...s.init.filter((b) => b.sidecar).map((b) => b.name)];

function unsolvedOrder(rng: Rng, ids: string[], stages: string[][]): string[] {
  const pairs = terminationPairs(stages);
  for (let i = 0; i < 20; i++) {
    const order = rng.shuffle(ids);
    if (!isSolvedOrder(order, pairs)) return order;
  }
  return topologicalOrder(ids, pairs).reverse();
}

function generate(seed: string, difficulty: Difficulty): SidecarPuzzle {
  const rng = createRng(`sidecar-lifecycle:${difficulty}:${seed}`);
  const asked = rng.pick(MAKERS[difficulty])(rng, difficulty);
  const { scenario } = asked;
  const keys = Object.keys(asked.labels);
  const choices = shuffledChoices(rng, keys.map((k) => asked.labels[k]!));
  const options = choices.map((ch) => ({ ...ch, key: keys.find((k) => asked.labels[k] === ch.label)! }));
  const shown = scenario.q === 'termination' ? unsolvedOrder(rng, itemIds(scenario), stagesOf(scenario)) : [];
  return { scenario, prompt: asked.prompt, yaml: asked.yaml, options, shown };
}

function publicView(p: SidecarPuzzle): PuzzleView {
  const common = { kind: 'sidecar-lifecycle', prompt: p.prompt, code: { language: 'yaml' as const, text: p.yaml } };
  if (p.scenario.q === 'termination') {
    return { ...common, format: 'order', items: p.shown.map((id) => ({ id, label: id })) };
  }
  return { ...common, format: 'single', options: p.options.map((o) => ({ id: o.id, label: o.label })) };
}

function solve(p: SidecarPuzzle): string | string[] {
  const s = p.scenario;
  if (s.q === 'termination') return topologicalOrder(itemIds(s), terminationPairs(stagesOf(s)));
  const key = answerKey(s);
  return p.options.find((o) => o.key === key)?.id ?? '';
}

function gradeOrder(p: SidecarPuzzle, s: Extract<Scenario, { q: 'termination' }>, answer: unknown): Grade {
  const pairs = terminationPairs(stagesOf(s));
  const score = orderScore(itemIds(s), pairs, answer);
  const broken = score > 0 ? brokenPairs(pairs, asIdList(answer) ?? []) : pairs;
  const shownBroken = broken.slice(0, 3).map(([a, b]) => `${b} was put before ${a}`).join('; ');
  const lead = score === 1 ? 'Right.' : `${pairs.length - broken.length} of ${pairs.length} orderings kept${score > 0 ? ` (${shownBroken})` : ''}.`;
  return { score, correct: score === 1, docUrl: docFor(s), explanation: `${lead} ${why(s)}` };
}

function grade(p: SidecarPuzzle, answer: unknown): Grade {
  const s = p.scenario;
  if (s.q === 'termination') return gradeOrder(p, s, answer);
  const right = p.options.find((o) => o.key === answerKey(s));
  const score = singleChoiceScore(right?.id ?? '', answer);
  const lead = score === 1 ? 'Right.' : `Not quite; the answer is “${right?.label ?? ''}”.`;
  return { score, correct: score === 1, docUrl: docFor(s), explanation: `${lead} ${why(s)}` };
}

export const sidecarLifecycle = {
  id: 'sidecar-lifecycle',
  concept: 'Sidecars',
  title: 'Sidecar lifecycle',
  description: 'How native sidecars start, restart, let Jobs finish and shut down last.',
  generate,
  publicView,
  solve,
  grade,
} satisfies PuzzleKind<SidecarPuzzle>;
