// "Which phase is this pod in?": container states at one moment → status.phase, as the kubelet's
// getPhase decides it (podPhase). The folklore traps live at medium and hard (P4, P5, P8, P10–P14).
import { podPhase } from '../model/pod-phase.ts';
import { podScenario, type PodScenario, type ScenarioKind } from '../model/pod-scenarios.ts';
import { isSidecar, type ContainerSnapshot, type Phase, type PodSnapshot } from '../model/pod-types.ts';
import { createRng } from '../random.ts';
import { choiceIdOf, shuffledChoices, singleChoiceScore, type Choice } from './choice.ts';
import type { Difficulty, PuzzleKind, PuzzleMeta, SingleView } from './kind.ts';
import { metaFromView, oneLineGrade } from './grade.ts';

// How a moment is shown: one row per container, in spec order. Shared with kubectl-status.

const DASH = '—';

function stateLabel(c: ContainerSnapshot): string {
  return { none: 'no status yet', waiting: 'Waiting', running: 'Running', terminated: 'Terminated' }[c.state];
}
function reasonLabel(c: ContainerSnapshot): string {
  if (c.state === 'running') return c.started === false ? 'startup probe not passed yet' : DASH;
  return c.reason ?? DASH;
}
function exitLabel(c: ContainerSnapshot): string {
  if (c.state === 'terminated') return String(c.exitCode ?? 0);
  return c.lastTerminationState ? `last run: ${c.lastTerminationState.exitCode}` : DASH;
}
function readyLabel(c: ContainerSnapshot, role: string): string {
  if (c.state === 'none' || role === 'init') return DASH;
  return c.ready === true ? 'yes' : 'no';
}

export function containerTable(s: PodScenario): { columns: string[]; rows: string[][] } {
  return {
    columns: ['Container', 'Kind', 'State', 'Reason', 'Exit code', 'Restarts', 'Ready'],
    rows: s.containers.map(({ role, status: c }) => [
      c.name, role, stateLabel(c), reasonLabel(c), exitLabel(c), c.state === 'none' ? DASH : String(c.restartCount ?? 0), readyLabel(c, role),
    ]),
  };
}

/** Who the pod is and what happened to it, in a few words for a phone screen; the container table carries the detail. */
export function scenarioIntro(s: PodScenario): string {
  const who = `Pod ${s.podName} (${s.owner}) has restartPolicy: ${s.restartPolicy}.`;
  const gated = s.listing.conditions?.some((c) => c.reason === 'SchedulingGated') === true;
  const events = [
    gated ? 'A schedulingGates entry is still in its spec.' : '',
    s.reason === 'Evicted' ? 'The kubelet evicted it for lack of memory (status.reason: Evicted).' : '',
    s.reason === 'NodeLost' ? 'Its node stopped reporting (status.reason: NodeLost).' : '',
    s.deleting ? 'It has been deleted (deletionTimestamp is set).' : '',
  ];
  return [who, ...events.filter(Boolean)].join(' ');
}

// Which of getPhase's rules decided the phase, in words (docs/rules/phase.md), checked in the kubelet's order.

interface Rule { text: string; docUrl: string }

const PHASE_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase';
const INIT_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior';
const SIDECAR_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle';
const JOB_SIDECAR_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers';
const RESTART_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy';

/** The exit code of its current run if terminated, else of its last run. */
const exitOf = (c: ContainerSnapshot): number | undefined =>
  c.state === 'terminated' ? (c.exitCode ?? 0) : c.lastTerminationState?.exitCode;
const failed = (c: ContainerSnapshot): boolean => (exitOf(c) ?? 0) !== 0;
const isPendingInit = (c: ContainerSnapshot): boolean =>
  c.state === 'none' || c.state === 'running' || (c.state === 'waiting' && !c.lastTerminationState);

function pendingRule(s: PodSnapshot): Rule {
  const init = s.initContainers.filter((c) => !isSidecar(c));
  const failedInit = init.find(failed);
  if (failedInit) return { docUrl: INIT_DOC, text: `Init container ${failedInit.name} failed (exit ${exitOf(failedInit)}), but with restartPolicy ${s.restartPolicy} the kubelet restarts only that init container, with back-off, and the pod stays Pending until every init container has exited 0 (P11).` };
  if ([...s.initContainers, ...s.containers].every((c) => c.state === 'none')) return { docUrl: PHASE_DOC, text: 'No container has a status yet: the pod has not even been scheduled, so it is Pending (P1).' };
  // The first init container that is neither done nor a started sidecar holds initialization up.
  const blocker = s.initContainers.find((c) => !(c.state === 'terminated' && c.exitCode === 0) && !(isSidecar(c) && c.started === true));
  const sidecar = blocker && isSidecar(blocker) && blocker.state === 'running' ? blocker : undefined;
  const waitingInit = sidecar ? undefined : init.find(isPendingInit);
  if (waitingInit) return { docUrl: INIT_DOC, text: `Init container ${waitingInit.name} has not exited 0 yet (${stateLabel(waitingInit)}); app containers start only after every init container succeeds, so the pod is Pending (P9).` };
  if (sidecar) return { docUrl: SIDECAR_DOC, text: `Sidecar ${sidecar.name} runs but its startup probe has not passed, so it is not started; initialization waits for it and the pod is Pending (P14).` };
  const app = s.containers.find((c) => c.state === 'waiting' && !c.lastTerminationState);
  const why = app ? `${app.name} is Waiting (${app.reason ?? 'no reason'}) and has never run` : 'a container has no status yet';
  return { docUrl: PHASE_DOC, text: `${why}; a container that is still being created, pulled or configured keeps the pod Pending (P3). Pending is not only "not scheduled yet".` };
}

function runningRule(s: PodSnapshot): Rule {
  const apps = s.containers;
  const sidecars = s.initContainers.filter(isSidecar);
  const runningOne = [...apps, ...sidecars].find((c) => c.state === 'running');
  const crashing = apps.find((c) => c.state === 'waiting' && c.lastTerminationState);
  const sidecarCrashing = sidecars.find((c) => c.state === 'waiting' && c.lastTerminationState);
  if (s.podIsTerminal && runningOne) return { docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination', text: `The pod is being deleted, but ${runningOne.name} is still running inside its grace period. Only once every container has stopped does the phase become Succeeded or Failed (P8); until then it stays Running. Terminating is a kubectl STATUS, not a phase.` };
  if (crashing) return { docUrl: RESTART_DOC, text: `${crashing.name} is in CrashLoopBackOff: it has run before and restartPolicy ${s.restartPolicy} will restart it after the back-off, so the kubelet counts it as stopped, not waiting. CrashLoopBackOff is a container reason, not a phase: the pod is Running (P4).` };
  if (sidecarCrashing) return { docUrl: SIDECAR_DOC, text: `Sidecar ${sidecarCrashing.name} is restarting, but the app containers have already started; once a pod has initialized, a restarting sidecar does not send it back to Pending, and its app containers run, so Running (P14).` };
  if (apps.every((c) => c.state === 'terminated' && c.exitCode === 0) && runningOne) return { docUrl: JOB_SIDECAR_DOC, text: `Every app container exited 0, but sidecar ${runningOne.name} is still running until the kubelet stops it; a running container keeps the pod Running for now (P13).` };
  if (runningOne && apps.some((c) => c.state === 'terminated')) return { docUrl: PHASE_DOC, text: `One app container has exited, but ${runningOne.name} is still running; a pod with a running container is Running, ready or not (P7).` };
  const notReady = [...apps, ...sidecars].find((c) => c.state === 'running' && c.ready !== true);
  if (runningOne && notReady) return { docUrl: PHASE_DOC, text: `${notReady.name} runs but is not ready. Readiness shows in the Ready condition and the READY column, never in the phase: the pod is Running.` };
  if (runningOne) return { docUrl: PHASE_DOC, text: 'At least one container is running and every container has a status, so the pod is Running.' };
  if (s.restartPolicy === 'Always') return { docUrl: RESTART_DOC, text: 'Every container has exited, but with restartPolicy Always the kubelet will restart them, even after exit 0, so the pod is still Running (P5). kubectl shows the exit reason in STATUS, not the phase.' };
  return { docUrl: RESTART_DOC, text: `A container exited non-zero and restartPolicy OnFailure restarts it, so the pod stays Running; it becomes Succeeded only once every container exits 0 (P6).` };
}

function finishedRule(s: PodSnapshot, phase: Phase): Rule {
  const loser = s.containers.find(failed);
  const sidecarLoser = s.initContainers.find((c) => isSidecar(c) && failed(c));
  const gone = 'The pod was deleted or evicted, so nothing will restart, even with restartPolicy Always (P8)';
  if (s.podIsTerminal && phase === 'Succeeded') return { docUrl: PHASE_DOC, text: `${gone}; every app container exited 0, so the kubelet records Succeeded.` };
  if (s.podIsTerminal) return { docUrl: PHASE_DOC, text: `${gone}; ${loser?.name ?? 'a container'} exited with code ${loser ? exitOf(loser) : 'non-zero'}, so the kubelet records Failed.` };
  if (phase === 'Succeeded' && sidecarLoser) return { docUrl: JOB_SIDECAR_DOC, text: `Every app container exited 0. Sidecar ${sidecarLoser.name} ended with exit ${exitOf(sidecarLoser)} when the kubelet stopped it, and a sidecar's exit code never decides the phase, so Succeeded (P12).` };
  if (phase === 'Succeeded') return { docUrl: PHASE_DOC, text: `Every app container exited 0 and restartPolicy ${s.restartPolicy} does not restart a container that succeeded, so Succeeded (P${s.restartPolicy === 'Never' ? 7 : 6}).` };
  const initLoser = s.initContainers.find((c) => !isSidecar(c) && failed(c));
  if (initLoser) return { docUrl: INIT_DOC, text: `Init container ${initLoser.name} exited with code ${exitOf(initLoser)} and restartPolicy is Never, so the kubelet gives up on the pod: Failed (P10). Under Always or OnFailure it would retry the init container and the pod would stay Pending.` };
  return { docUrl: RESTART_DOC, text: `${loser?.name ?? 'A container'} exited with code ${loser ? exitOf(loser) : 'non-zero'} and restartPolicy Never does not restart it, so Failed (P7).` };
}

/** Which rule decided the phase, as a sentence for the explanation. */
export function phaseRule(s: PodSnapshot, phase: Phase): Rule {
  if (phase === 'Pending') return pendingRule(s);
  if (phase === 'Running') return runningRule(s);
  return finishedRule(s, phase);
}


export interface PodPhasePuzzle {
  difficulty: Difficulty;
  scenario: PodScenario;
  options: Choice[];
}

// Evicting and NodeLost moments are left out: there the API phase is set by the control plane or the
// eviction manager, not by getPhase alone, so podPhase would not be the whole story.
const KINDS_BY_DIFFICULTY: Record<Difficulty, readonly ScenarioKind[]> = {
  easy: ['running', 'image-pull', 'creating', 'config-error', 'init-running', 'pod-initializing', 'job-completed', 'job-failed'],
  medium: ['crashloop', 'all-exited-always', 'job-retrying', 'init-crashloop', 'init-failed', 'init-image-pull', 'oom-killed', 'not-ready', 'partly-completed'],
  hard: ['deleted-exited', 'evicted', 'deleting', 'job-sidecar-running', 'job-sidecar-stopped', 'sidecar-starting', 'sidecar-crashloop',
    'scheduling-gated', 'crashloop', 'init-failed', 'all-exited-always', 'init-crashloop'],
};

const PHASES: readonly Phase[] = ['Pending', 'Running', 'Succeeded', 'Failed'];

const phaseOf = (p: PodPhasePuzzle): Phase => podPhase(p.scenario.snapshot);

export const podPhaseKind = {
  id: 'pod-phase',
  concept: 'Pod phase',
  title: 'Which phase?',
  description: 'Read the container states and the restartPolicy, then name the pod phase the kubelet reports.',
  // Interim (issue 9): one template per scenario recipe, until the kind is reworked.
  templates: {
    easy: KINDS_BY_DIFFICULTY.easy.map((k) => `pod-phase/${k}`),
    medium: KINDS_BY_DIFFICULTY.medium.map((k) => `pod-phase/${k}`),
    hard: KINDS_BY_DIFFICULTY.hard.map((k) => `pod-phase/${k}`),
  },

  generate(seed, difficulty) {
    const rng = createRng(`pod-phase:${seed}:${difficulty}`);
    const scenario = podScenario(rng, rng.pick(KINDS_BY_DIFFICULTY[difficulty]));
    const labels = difficulty === 'hard' ? [...PHASES, 'Unknown'] : PHASES;
    return { difficulty, scenario, options: shuffledChoices(rng, labels) };
  },

  publicView(p): SingleView {
    return {
      kind: 'pod-phase',
      format: 'single',
      prompt: `${scenarioIntro(p.scenario)} What is its status.phase right now?`,
      options: p.options.map((o) => ({ id: o.id, label: o.label })),
      table: containerTable(p.scenario),
    };
  },

  solve: (p) => choiceIdOf(p.options, phaseOf(p)),

  grade(p, answer) {
    const phase = phaseOf(p);
    const score = singleChoiceScore(choiceIdOf(p.options, phase), answer);
    const picked = p.options.find((o) => o.id === answer)?.label;
    const rule = phaseRule(p.scenario.snapshot, phase);
    const verdict = score === 1 ? `The phase is ${phase}.` : `The phase is ${phase}${picked ? `, not ${picked}` : ''}.`;
    const unknownNote = picked === 'Unknown' ? ' The kubelet never sets Unknown: the API marks it deprecated, unused since 2015.' : '';
    return oneLineGrade(score, `${verdict} ${rule.text}${unknownNote}`, rule.docUrl);
  },

  meta(p): PuzzleMeta {
    return metaFromView(podPhaseKind.publicView(p), podPhaseKind.solve(p), `pod-phase/${p.scenario.kind}`);
  },
} satisfies PuzzleKind<PodPhasePuzzle>;
