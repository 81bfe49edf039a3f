// "What does `kubectl get pods` print?": a pod moment → its STATUS (or READY / RESTARTS) column,
// as printPod computes it (kubectlColumns). STATUS is not the phase: that is the lesson.
import { kubectlColumns } from '../model/kubectl-columns.ts';
import { podScenario, type PodScenario, type ScenarioKind } from '../model/pod-scenarios.ts';
import { isSidecar, type ContainerSnapshot, type PodListing } from '../model/pod-types.ts';
import { createRng, type Rng } from '../random.ts';
import { choiceIdOf, shuffledChoices, singleChoiceScore, type Choice } from './choice.ts';
import type { Difficulty, PuzzleKind, PuzzleMeta, SingleView } from './kind.ts';
import { metaFromView, oneLineGrade } from './grade.ts';
import { containerTable, scenarioIntro } from './pod-phase.ts';

export type KubectlColumn = 'STATUS' | 'READY' | 'RESTARTS';

export interface KubectlStatusPuzzle {
  difficulty: Difficulty;
  scenario: PodScenario;
  column: KubectlColumn;
  /** e.g. 2025-05-14T09:26:53Z, shown when the pod is being deleted. */
  deletedAt: string;
  options: Choice[];
}

const KINDS_BY_DIFFICULTY: Record<Difficulty, readonly ScenarioKind[]> = {
  easy: ['running', 'not-ready', 'crashloop', 'image-pull', 'creating', 'config-error', 'job-completed', 'job-failed'],
  medium: ['init-running', 'init-crashloop', 'init-failed', 'init-image-pull', 'pod-initializing', 'oom-killed', 'deleting',
    'partly-completed', 'all-exited-always', 'job-retrying'],
  hard: ['node-lost', 'evicting', 'evicted', 'scheduling-gated', 'job-sidecar-running', 'job-sidecar-stopped', 'sidecar-starting',
    'sidecar-crashloop', 'deleted-exited', 'init-running', 'crashloop'],
};
/** Moments where READY or RESTARTS teach something (sidecars in the count, init restarts dropped…). */
const COUNTING_KINDS: readonly ScenarioKind[] = ['running', 'not-ready', 'crashloop', 'sidecar-crashloop', 'job-sidecar-running',
  'init-crashloop', 'init-running', 'oom-killed', 'job-retrying', 'partly-completed'];

const DOCS = {
  init: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-init-containers/#understanding-pod-status',
  termination: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  phase: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  states: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-states',
  gated: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/#usage-example',
  sidecar: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle',
  restarts: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
} as const;

function columnOf(rng: Rng, difficulty: Difficulty, scenario: PodScenario): KubectlColumn {
  if (difficulty === 'easy' || !COUNTING_KINDS.includes(scenario.kind)) return 'STATUS';
  const roll = rng.next();
  if (difficulty === 'medium') return roll < 0.3 ? 'READY' : 'STATUS';
  // A RESTARTS question about a pod that never restarted teaches nothing.
  if (roll >= 0.3 && roll < 0.55 && kubectlColumns(scenario.listing).restarts > 0) return 'RESTARTS';
  return roll < 0.3 ? 'READY' : 'STATUS';
}

const answerOf = (p: Pick<KubectlStatusPuzzle, 'scenario' | 'column'>): string => {
  const cols = kubectlColumns(p.scenario.listing);
  return p.column === 'STATUS' ? cols.status : p.column === 'READY' ? cols.ready : String(cols.restarts);
};

// Distractors: the answers a learner who half-knows printPod would give.

const reasonsOf = (list: ContainerSnapshot[]): string[] => list.flatMap((c) => (c.reason ? [c.reason] : []));

function statusCandidates(l: PodListing): string[] {
  const n = l.initContainers.length;
  const at = l.initContainers.findIndex((c) => !(c.state === 'terminated' && c.exitCode === 0) && !(isSidecar(c) && c.started));
  const initLike = at < 0 ? [] : [`Init:${at + 1}/${n}`, `Init:${at}/${n - l.initContainers.filter(isSidecar).length}`, `Init:${Math.max(at - 1, 0)}/${n}`];
  const appReasons = reasonsOf(l.containers);
  const initReasons = reasonsOf(l.initContainers).filter((r) => r !== 'Completed' && r !== 'PodInitializing');
  // An Init: prefix is only plausible on a pod that has init containers, and kubectl never prints Init:PodInitializing.
  const prefixed = n === 0 ? [] : [...initReasons, ...appReasons.filter((r) => r !== 'PodInitializing' && r !== 'Completed')].map((r) => `Init:${r}`);
  // The strongest temptations first: the pod's reason, Terminating, and the phase (STATUS is not the phase).
  const pod = [...(l.reason ? [l.reason] : []), ...(l.deleting ? ['Terminating'] : []), l.phase];
  const specific = [...pod, ...prefixed.slice(0, 1), ...initReasons, ...appReasons, ...prefixed.slice(1), ...initLike];
  return [...specific, 'Running', 'Pending', 'NotReady', 'Completed', 'PodInitializing', 'ContainerCreating', 'Error', 'CrashLoopBackOff'];
}

function readyCandidates(l: PodListing, answer: string): string[] {
  const sidecars = l.initContainers.filter(isSidecar);
  const total = l.containers.length + sidecars.length;
  const ready = Number(answer.split('/')[0]);
  const appsReady = l.containers.filter((c) => c.ready === true && c.state === 'running').length;
  const running = [...sidecars, ...l.containers].filter((c) => c.state === 'running').length;
  return [`${appsReady}/${l.containers.length}`, `${running}/${total}`, `${ready}/${total + l.initContainers.length - sidecars.length}`,
    `${total}/${total}`, `${Math.max(ready - 1, 0)}/${total}`, `${ready + 1}/${total + 1}`, `0/${total}`, `${ready}/${total + 1}`];
}

function restartCandidates(l: PodListing, answer: string): string[] {
  const sum = (list: ContainerSnapshot[]) => list.reduce((t, c) => t + (c.restartCount ?? 0), 0);
  const n = Number(answer);
  return [sum([...l.initContainers, ...l.containers]), sum(l.containers), sum(l.initContainers), 0, n + 1, n * 2, n + 10, Math.max(n - 1, 0)]
    .map(String);
}

/** Far-fetched but well-formed, for when the scenario offers too few near misses. */
function fallback(column: KubectlColumn, answer: string): string[] {
  if (column === 'STATUS') return [answer === 'Unknown' ? 'NodeLost' : 'Unknown'];
  if (column === 'READY') return [`${answer.split('/')[1] ?? '1'}/9`];
  return [String(Number(answer) + 7)];
}

function distractors(rng: Rng, p: Pick<KubectlStatusPuzzle, 'scenario' | 'column'>, answer: string): string[] {
  const l = p.scenario.listing;
  const pool = p.column === 'STATUS' ? statusCandidates(l) : p.column === 'READY' ? readyCandidates(l, answer) : restartCandidates(l, answer);
  const distinct = [...new Set(pool)].filter((x) => x !== answer);
  // Scenario-specific candidates come first; keep the best few and add one at random for variety.
  const rest = distinct.slice(2);
  return [...distinct.slice(0, 2), rng.pick(rest.length > 0 ? rest : fallback(p.column, answer))];
}

function timestamp(rng: Rng): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `2025-${two(rng.int(1, 12))}-${two(rng.int(1, 28))}T${two(rng.int(0, 23))}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}Z`;
}

/** The parts of `kubectl get pod -o yaml` that printPod reads besides the containers. */
function statusYaml(p: KubectlStatusPuzzle): string {
  const s = p.scenario;
  const meta = ['metadata:', `  name: ${s.podName}`, ...(s.deleting ? [`  deletionTimestamp: "${p.deletedAt}"`] : [])];
  const conditions = (s.listing.conditions ?? []).flatMap((c) => [
    `  - type: ${c.type}`, `    status: "${c.status}"`, ...(c.reason ? [`    reason: ${c.reason}`] : []),
  ]);
  return [...meta, 'status:', ...(s.reason ? [`  reason: ${s.reason}`] : []), '  conditions:', ...conditions].join('\n');
}

const QUESTIONS: Record<KubectlColumn, string> = {
  STATUS: 'What does kubectl get pods show under STATUS?',
  READY: 'What does kubectl get pods show under READY?',
  RESTARTS: 'What number does kubectl get pods show under RESTARTS (without the "(… ago)")?',
};

// Why printPod printed what it did, following its steps (docs/rules/kubectl.md).

interface Why { text: string; docUrl: string }

const isDone = (c: ContainerSnapshot): boolean => (c.state === 'terminated' && c.exitCode === 0) || (isSidecar(c) && c.started === true);
const stateWord = (c: ContainerSnapshot): string => (c.state === 'terminated' ? 'terminated' : c.state === 'waiting' ? 'Waiting' : 'running');

function deletionWhy(l: PodListing, status: string): Why | null {
  if (!l.deleting) return null;
  if (l.reason === 'NodeLost') return { docUrl: DOCS.phase, text: 'The pod is being deleted and its status.reason is NodeLost, so kubectl prints Unknown. That is only a display string: the kubelet never sets an Unknown phase, and the pod stays Running in the API until it is cleaned up.' };
  if (status === 'Terminating') return { docUrl: DOCS.termination, text: `deletionTimestamp is set and the phase (${l.phase}) is not terminal yet, so kubectl prints Terminating, whatever the containers show, until the grace period ends.` };
  return { docUrl: DOCS.termination, text: `deletionTimestamp is set, but the pod has already reached phase ${l.phase}, so kubectl keeps the container's reason (${status}) instead of printing Terminating.` };
}

function initWhy(l: PodListing, status: string): Why {
  const at = l.initContainers.findIndex((c) => !isDone(c));
  const c = l.initContainers[at];
  if (!c) return { docUrl: DOCS.init, text: `The init containers decide the STATUS: ${status}.` };
  const after = l.conditions?.find((x) => x.type === 'Initialized')?.status === 'True'
    ? ' The pod is already Initialized and its app containers run, but none of them carries a reason that would replace it.' : '';
  if (status.startsWith('Init:') && /^Init:\d+\/\d+$/.test(status)) {
    const sidecarNote = isSidecar(c) ? ` It is a sidecar that runs but has not passed its startup probe, so it is not started yet.` : '';
    return { docUrl: DOCS.init, text: `kubectl walks the init containers in order and stops at the first that has neither exited 0 nor (for a sidecar) started: ${c.name}, number ${at + 1}. ${at} of ${l.initContainers.length} init containers (sidecars included) are done, so ${status}.${sidecarNote}` };
  }
  return { docUrl: isSidecar(c) ? DOCS.sidecar : DOCS.init, text: `kubectl walks the init containers in order and stops at the first that is not done: ${c.name} is ${stateWord(c)} with reason ${c.reason ?? 'none'}, so STATUS shows ${status}.${after}` };
}

function containerWhy(l: PodListing, status: string): Why {
  const first = l.containers.find((c) => (c.state === 'waiting' || c.state === 'terminated') && c.reason);
  const running = l.containers.find((c) => c.state === 'running' && c.ready === true);
  if (status === 'NotReady' && first && running) return { docUrl: DOCS.states, text: `${first.name} has Completed while ${running.name} still runs and is ready; since the pod's Ready condition is False, kubectl turns Completed into NotReady.` };
  if (l.reason && status === l.reason) return { docUrl: DOCS.phase, text: `status.reason (${l.reason}) replaces the phase as the starting point, and no container has a waiting or terminated reason of its own to print over it.` };
  if (!first) return { docUrl: DOCS.phase, text: `No container is waiting or terminated with a reason, so STATUS is simply the phase, ${l.phase}. Ready or not does not change it: that shows in READY.` };
  const sidecarNote = l.initContainers.some(isSidecar) && status === 'Completed' && l.phase !== 'Succeeded'
    ? ' The sidecar still running does not count: kubectl only looks for running app containers.' : '';
  const reasonNote = l.reason ? ` status.reason (${l.reason}) was only the starting point.` : '';
  const stuck = l.initContainers.find((c) => !isDone(c));
  const initNote = stuck?.reason
    ? ` ${stuck.name} (${stuck.reason}) would have given Init:${stuck.reason}, but the pod is Initialized, so kubectl goes on to the app containers.` : '';
  return { docUrl: DOCS.states, text: `The first app container with a reason is ${first.name}, ${stateWord(first)} with reason ${first.reason}, so STATUS shows ${status}, a container reason, not the phase (${l.phase}).${reasonNote}${initNote}${sidecarNote}` };
}

function statusWhy(l: PodListing, status: string): Why {
  const deleted = deletionWhy(l, status);
  if (deleted) return deleted;
  if (status === 'SchedulingGated') return { docUrl: DOCS.gated, text: 'The PodScheduled condition has reason SchedulingGated, so kubectl prints SchedulingGated. The phase is Pending, and no container has a status yet.' };
  if (status.startsWith('Init:')) return initWhy(l, status);
  return containerWhy(l, status);
}

function readyWhy(l: PodListing, ready: string): Why {
  const sidecars = l.initContainers.filter(isSidecar).length;
  const regularInit = l.initContainers.length - sidecars;
  const over = sidecars > 0 ? `${l.containers.length} app + ${sidecars} sidecar` : `${l.containers.length} app`;
  const initNote = regularInit > 0 ? ' Regular init containers never count.' : '';
  return { docUrl: DOCS.sidecar, text: `READY counts app containers that run and are ready, plus sidecars that are started and ready, over every app container and sidecar (here ${over}).${initNote} That gives ${ready}.` };
}

function restartsWhy(l: PodListing, restarts: string, status: string): Why {
  const initializing = status.startsWith('Init:') && l.conditions?.find((c) => c.type === 'Initialized')?.status !== 'True';
  const counted = initializing ? l.initContainers : [...l.initContainers.filter(isSidecar), ...l.containers];
  const terms = counted.filter((c) => (c.restartCount ?? 0) > 0).map((c) => `${c.name} ${c.restartCount}`);
  const rule = initializing
    ? 'While the pod is initializing, RESTARTS adds up the init containers\' restart counts'
    : 'Once the pod is initialized, RESTARTS adds up the app containers\' and the sidecars\' restart counts; finished init containers no longer count';
  return { docUrl: DOCS.restarts, text: `${rule}: ${terms.length > 0 ? terms.join(' + ') : 'nothing has restarted'}, so ${restarts}.` };
}

function why(p: KubectlStatusPuzzle): Why {
  const cols = kubectlColumns(p.scenario.listing);
  if (p.column === 'READY') return readyWhy(p.scenario.listing, cols.ready);
  if (p.column === 'RESTARTS') return restartsWhy(p.scenario.listing, String(cols.restarts), cols.status);
  return statusWhy(p.scenario.listing, cols.status);
}

export const kubectlStatus = {
  id: 'kubectl-status',
  concept: 'kubectl',
  title: 'What does kubectl show?',
  description: 'Read a pod\'s container states and say what kubectl get pods prints in STATUS, READY or RESTARTS.',
  // Interim (issue 9): one template per scenario recipe, until the kind is reworked.
  templates: {
    easy: KINDS_BY_DIFFICULTY.easy.map((k) => `kubectl-status/${k}`),
    medium: KINDS_BY_DIFFICULTY.medium.map((k) => `kubectl-status/${k}`),
    hard: KINDS_BY_DIFFICULTY.hard.map((k) => `kubectl-status/${k}`),
  },

  generate(seed, difficulty) {
    const rng = createRng(`kubectl-status:${seed}:${difficulty}`);
    const scenario = podScenario(rng, rng.pick(KINDS_BY_DIFFICULTY[difficulty]));
    const column = columnOf(rng, difficulty, scenario);
    const answer = answerOf({ scenario, column });
    const options = shuffledChoices(rng, [answer, ...distractors(rng, { scenario, column }, answer)]);
    return { difficulty, scenario, column, deletedAt: timestamp(rng), options };
  },

  publicView(p): SingleView {
    const view: SingleView = {
      kind: 'kubectl-status',
      format: 'single',
      prompt: `${scenarioIntro(p.scenario)} ${QUESTIONS[p.column]}`,
      options: p.options.map((o) => ({ id: o.id, label: o.label })),
      table: containerTable(p.scenario),
    };
    if (p.difficulty !== 'easy') view.code = { language: 'yaml', text: statusYaml(p) };
    return view;
  },

  solve: (p) => choiceIdOf(p.options, answerOf(p)),

  grade(p, answer) {
    const right = answerOf(p);
    const score = singleChoiceScore(choiceIdOf(p.options, right), answer);
    const picked = p.options.find((o) => o.id === answer)?.label;
    const verdict = score === 1 ? `${p.column} shows ${right}.` : `${p.column} shows ${right}${picked ? `, not ${picked}` : ''}.`;
    const { text, docUrl } = why(p);
    return oneLineGrade(score, `${verdict} ${text}`, docUrl);
  },

  meta(p): PuzzleMeta {
    return metaFromView(kubectlStatus.publicView(p), kubectlStatus.solve(p), `kubectl-status/${p.scenario.kind}`);
  },
} satisfies PuzzleKind<KubectlStatusPuzzle>;
