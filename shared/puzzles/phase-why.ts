// Why a pod has its phase, in one short line naming the rule in words, with the cells that prove it, and the rule id
// the answer exercised. Built from the model's own decision (podStatus + phaseDecision), never from the template's wish.
import { phaseDecision, type PhaseDecision } from '../model/phase-decision.ts';
import { podStatus, type PodFacts, type PodStatusView } from '../model/pod-status.ts';
import { isSidecar, type ContainerSnapshot } from '../model/pod-types.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { Evidence, ExplanationLine } from './kind.ts';

export const DOCS = {
  phase: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  restart: 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/#pod-level-container-restart-policy',
  restartRules: 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/#container-restart-rules',
  crashloop: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  waiting: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  termination: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  init: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior',
  sidecar: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle',
  jobSidecar: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers',
  pullPolicy: 'https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting',
  // An explicit Never is stated in the policy section, not the defaulting one (review G/K3, PP-M1).
  pullNever: 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
  pullBackOff: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  imageNames: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  pending: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/#my-pod-stays-pending',
  deadline: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#lifecycle',
  conditions: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-conditions',
  readinessGate: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate',
  network: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-ready-to-start-containers',
  probes: 'https://kubernetes.io/docs/concepts/workloads/pods/probes/#types-of-probe',
  eviction: 'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/#self-healing-behavior',
} as const;

export interface Why {
  line: ExplanationLine;
  rules: RuleId[];
  docUrl: string;
}

const IMAGE_REASONS = ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'];
const exitOf = (c: ContainerSnapshot): number => (c.state === 'terminated' ? (c.exitCode ?? 0) : (c.lastTerminationState?.exitCode ?? 0));

/** Evidence for named containers: the template's locator for each. */
type Locate = (name: string) => Evidence;
const merge = (parts: Evidence[]): Evidence => {
  const cells = parts.flatMap((p) => p.cells ?? []);
  const codeLines = parts.flatMap((p) => p.codeLines ?? []);
  return { ...(cells.length ? { cells } : {}), ...(codeLines.length ? { codeLines } : {}) };
};

function find(f: PodFacts, name: string | undefined): ContainerSnapshot | undefined {
  return [...f.initContainers, ...f.containers].find((c) => c.name === name);
}

/** Why a restart policy does not fail a pod whose container has never run: nothing has exited for it to act on. */
const neverRan = (name: string, f: PodFacts): string =>
  `${name} has never run, so it has not failed: restartPolicy ${f.restartPolicy} acts only on a container that exited, and the pod stays Pending.`;

function waitingWhy(f: PodFacts, d: PhaseDecision): Omit<Why, 'line'> & { text: string } {
  const c = find(f, d.by[0]);
  const reason = c?.reason ?? 'no reason';
  const retried = f.initContainers.find((i) => !isSidecar(i) && exitOf(i) !== 0 && i.state !== 'running');
  if (reason === 'PodInitializing' && retried) {
    return { rules: ['init/failure-retried'], docUrl: DOCS.init, text: `Pending: init container ${retried.name} exited ${exitOf(retried)}, and restartPolicy ${retried.restartPolicy ?? f.restartPolicy} retries it instead of failing the pod; ${c?.name} waits until every init container has exited 0.` };
  }
  if (IMAGE_REASONS.includes(reason)) {
    return { rules: ['phase/image-pull-pending'], docUrl: DOCS.phase, text: `Pending: ${c?.name} is waiting for its image (${reason}) and has never run. The pod stays Pending until the image is pulled, whatever the restartPolicy.` };
  }
  const other = f.containers.find((x) => x.state === 'running');
  const despite = other ? `, even though ${other.name} runs` : '';
  return { rules: ['phase/waiting-pending'], docUrl: DOCS.phase, text: `Pending: ${c?.name} is waiting (${reason}) and has never run; a container that is not created yet keeps the pod Pending${despite}.` };
}

function runningWhy(f: PodFacts, d: PhaseDecision): Omit<Why, 'line'> & { text: string } {
  const crashing = f.containers.find((c) => c.state === 'waiting' && c.lastTerminationState);
  // Name an app container that runs, if any: it is what makes the pod Running to a reader.
  const runner = f.containers.find((c) => c.state === 'running') ?? find(f, d.by[0]);
  const appsDone = f.containers.every((c) => c.state === 'terminated');
  // #pod-phase, not #pod-termination: its note on deleted pods moving to a terminal phase backs "stays Running until
  // every container has stopped" (review L3, PP-H3).
  if (f.deleting && runner) return { rules: ['phase/terminal-exit-codes'], docUrl: DOCS.phase, text: `Running: the pod is being deleted, but ${runner.name} still runs in its grace period. Only once every container has stopped does the phase become Succeeded or Failed.` };
  if (crashing) return { rules: ['phase/crashloop-running'], docUrl: DOCS.crashloop, text: `Running: ${crashing.name} is in CrashLoopBackOff: it ran before and restartPolicy ${f.restartPolicy} will restart it. CrashLoopBackOff is a container reason, not a phase.` };
  if (appsDone && runner && isSidecar(runner)) return { rules: ['phase/sidecar-still-running'], docUrl: DOCS.jobSidecar, text: `Running: every app container has exited, but sidecar ${runner.name} still runs until the kubelet stops it, and a running container keeps the pod Running.` };
  const sidecarRestarting = f.initContainers.find((c) => isSidecar(c) && c.state === 'waiting' && c.lastTerminationState);
  if (sidecarRestarting) return { rules: ['phase/sidecar-restart-no-pending'], docUrl: DOCS.sidecar, text: `Running: sidecar ${sidecarRestarting.name} is restarting, but the app containers have already started; a restarting sidecar never sends an initialized pod back to Pending.` };
  const notReady = [...f.initContainers.filter(isSidecar), ...f.containers].find((c) => c.state === 'running' && c.ready !== true);
  if (notReady) return { rules: ['phase/readiness-not-phase'], docUrl: DOCS.phase, text: `Running: ${notReady.name} runs but is not ready. Readiness shows in the Ready condition and kubectl's READY column, never in the phase.` };
  return { rules: ['phase/running'], docUrl: DOCS.phase, text: `Running: ${runner?.name} is running and every container has a status; one running container is enough.` };
}

function stoppedWhy(f: PodFacts, d: PhaseDecision): Omit<Why, 'line'> & { text: string } {
  const c = find(f, d.by[0]);
  // A sidecar that exited non-zero or is crash-looping: its state never decides the phase.
  const sidecarOff = f.initContainers.find((x) => isSidecar(x) && ((x.state === 'terminated' && exitOf(x) !== 0) || (x.state === 'waiting' && x.lastTerminationState)));
  const sidecarNote = sidecarOff
    ? ` Sidecar ${sidecarOff.name} ${sidecarOff.state !== 'terminated' ? 'is crash-looping' : sidecarOff.reason === 'ContainerStatusUnknown' ? 'was crash-looping when the pod ended' : `exited ${exitOf(sidecarOff)} when the kubelet stopped it`}, and a sidecar never counts.`
    : '';
  const policy = c?.restartPolicy ? `its own restartPolicy ${c.restartPolicy}` : `restartPolicy ${f.restartPolicy}`;
  switch (d.step) {
    case 'terminal': {
      const how = f.reason === 'Evicted' ? 'was evicted' : 'was deleted';
      const end = d.phase === 'Failed' ? `${c?.name} exited ${c ? exitOf(c) : 'non-zero'}, so Failed` : 'every app container exited 0, so Succeeded';
      return { rules: ['phase/terminal-exit-codes'], docUrl: DOCS.phase, text: `${d.phase}: the pod ${how}, so nothing restarts, even under restartPolicy Always; the exit codes decide: ${end}.` };
    }
    case 'will-restart': {
      const own = c?.restartPolicy ? `its own restartPolicy ${c.restartPolicy}` : `restartPolicy ${f.restartPolicy}`;
      if (c?.state === 'waiting') {
        return { rules: ['phase/crashloop-running'], docUrl: DOCS.crashloop, text: `Running: ${c.name} is in ${c.reason ?? 'back-off'}: it has run before and ${own} will restart it, so it counts as restarting. CrashLoopBackOff is a container reason, not a phase.` };
      }
      const exit = c ? exitOf(c) : 0;
      return (c?.restartPolicy ?? f.restartPolicy) === 'Always'
        ? { rules: ['phase/always-restarts'], docUrl: DOCS.restart, text: `Running: ${c?.name} has exited${exit === 0 ? ' 0' : ''}, but ${own} restarts it after any exit${exit === 0 ? ', even a clean one' : ''}, so the pod is still Running.` }
        : { rules: ['phase/onfailure-restarts'], docUrl: DOCS.restart, text: `Running: ${c?.name} exited ${exit} and ${own} restarts it after a failure, so the pod is not finished: Running.` };
    }
    case 'all-succeeded':
      return sidecarOff
        ? { rules: ['phase/all-succeeded', 'sidecars/exit-ignored'], docUrl: DOCS.jobSidecar, text: `Succeeded: every app container exited 0 and nothing restarts them.${sidecarNote}` }
        : { rules: ['phase/all-succeeded'], docUrl: DOCS.phase, text: `Succeeded: every app container exited 0 and ${policy} does not restart a container that succeeded.` };
    default:
      return { rules: ['phase/never-failed', ...(sidecarOff ? ['sidecars/exit-ignored' as const] : [])], docUrl: DOCS.restart, text: `Failed: ${c?.name} exited ${c ? exitOf(c) : 'non-zero'} and ${policy} does not restart it.${sidecarNote}` };
  }
}

function decisionWhy(f: PodFacts, d: PhaseDecision): Omit<Why, 'line'> & { text: string } {
  const c = find(f, d.by[0]);
  switch (d.step) {
    case 'init-failed': {
      const own = c?.restartPolicy === 'Never' && f.restartPolicy !== 'Never';
      return own
        ? { rules: ['init/failure-never-fails-pod', 'phase/container-restart-policy'], docUrl: DOCS.restartRules, text: `Failed: init container ${c?.name} exited ${c ? exitOf(c) : ''} and its own restartPolicy: Never overrides the pod's ${f.restartPolicy}: no retry, the pod fails.` }
        : { rules: ['init/failure-never-fails-pod'], docUrl: DOCS.init, text: `Failed: init container ${c?.name} exited ${c ? exitOf(c) : ''} and with restartPolicy Never the kubelet does not retry it: the whole pod fails.` };
    }
    case 'init-pending': {
      // An init container waiting behind a sidecar that has not started: the sidecar is what holds everything.
      const at = f.initContainers.findIndex((x) => x.name === c?.name);
      const gate = f.initContainers.slice(0, at).find((x) => isSidecar(x) && x.started !== true);
      if (gate && c?.state === 'waiting' && gate.state === 'waiting') {
        // The view shows the sidecar waiting, not running: no probe has run, and there is nothing to blame it on (review J, PP-H3).
        return { rules: ['sidecars/start-gate', ...(IMAGE_REASONS.includes(gate.reason ?? '') ? ['phase/image-pull-pending' as const] : [])], docUrl: DOCS.sidecar, text: `Pending: sidecar ${gate.name} cannot start (${gate.reason ?? 'waiting'}), so init container ${c.name} and the app containers wait behind it. ${neverRan(gate.name, f)}` };
      }
      if (gate && c?.state === 'waiting') {
        return { rules: ['sidecars/startup-probe-gates', 'init/before-app-containers'], docUrl: DOCS.sidecar, text: `Pending: init container ${c.name} cannot start until sidecar ${gate.name} has started, and its startup probe has not passed yet; the app containers wait for both.` };
      }
      // The kubelet counts the init container that has not started yet; the story is the one before it that keeps failing.
      const retrying = f.initContainers.slice(0, at).find((x) => !isSidecar(x) && (x.state === 'waiting' ? x.lastTerminationState !== undefined : x.state === 'terminated' && (x.exitCode ?? 0) !== 0));
      if (retrying) {
        return { rules: ['init/failure-retried', 'init/before-app-containers'], docUrl: DOCS.init, text: `Pending: init container ${retrying.name} keeps failing${retrying.reason ? ` (${retrying.reason})` : ''} and ${retrying.restartPolicy ? `its own restartPolicy ${retrying.restartPolicy}` : `restartPolicy ${f.restartPolicy}`} retries it; ${c?.name} and the app containers wait until it exits 0.` };
      }
      const reason = c?.state === 'waiting' && c.reason && c.reason !== 'PodInitializing' ? ` (${c.reason})` : '';
      return { rules: [IMAGE_REASONS.includes(c?.reason ?? '') ? 'phase/image-pull-pending' : 'init/before-app-containers'], docUrl: DOCS.init, text: `Pending: init container ${c?.name} has not exited 0 yet${reason}; app containers start only after every init container succeeds.` };
    }
    case 'sidecar-pending':
      if (c?.state === 'waiting') {
        return { rules: ['sidecars/start-gate', ...(IMAGE_REASONS.includes(c.reason ?? '') ? ['phase/image-pull-pending' as const] : [])], docUrl: DOCS.sidecar, text: `Pending: sidecar ${c.name} cannot start (${c.reason ?? 'waiting'}), so initialization waits for it and no app container has run yet. ${neverRan(c.name, f)}` };
      }
      return { rules: ['sidecars/startup-probe-gates'], docUrl: DOCS.sidecar, text: `Pending: sidecar ${c?.name} has not started (its startup probe has not passed), so initialization waits for it and no app container has run yet.` };
    case 'waiting':
      return waitingWhy(f, d);
    case 'running':
      return runningWhy(f, d);
    case 'unknown':
      return { rules: ['phase/waiting-pending'], docUrl: DOCS.phase, text: `Pending: ${c?.name} has no status yet.` };
    default:
      return stoppedWhy(f, d);
  }
}

/** The line that says why the phase is what it is, and the rules it rests on. */
export function phaseWhy(f: PodFacts, locate: Locate, status: PodStatusView = podStatus(f)): Why {
  if (status.decidedBy === 'not-scheduled') {
    const gated = f.placement.bound === false && f.placement.reason === 'SchedulingGated';
    return {
      rules: [gated ? 'phase/gated-pending' : 'phase/unscheduled-pending'], docUrl: DOCS.pending,
      line: { text: `Pending: the pod is not bound to a node (PodScheduled is False, ${gated ? 'SchedulingGated' : 'Unschedulable'}), so no container exists yet.` },
    };
  }
  if (status.decidedBy === 'evicted') {
    return {
      rules: ['phase/evicted-failed'], docUrl: DOCS.eviction,
      line: { text: 'Failed: the kubelet evicted the pod to relieve its node (reason Evicted); an evicted pod ends Failed at once, whatever its restartPolicy, and is not restarted.' },
    };
  }
  if (status.decidedBy === 'rejected') {
    return {
      rules: ['phase/evicted-failed'], docUrl: DOCS.eviction,
      line: { text: `Failed: the kubelet refused the pod when it arrived (reason ${status.reason}), so no container was ever created; a rejected pod ends Failed at once.` },
    };
  }
  if (status.decidedBy === 'deadline') {
    return {
      rules: ['phase/deadline-failed'], docUrl: DOCS.deadline,
      line: { text: 'Failed: the pod has been active longer than its activeDeadlineSeconds, so the kubelet kills it and sets Failed with reason DeadlineExceeded, whatever its restartPolicy.' },
    };
  }
  const d = phaseDecision(f);
  const { text, rules, docUrl } = decisionWhy(f, d);
  return { rules, docUrl, line: { text, evidence: merge(d.by.map(locate)) } };
}

/** A short line on why a wrongly picked phase is wrong for this pod, the rule in words. */
export function phaseWhyNot(f: PodFacts, picked: string, answer: string): string | undefined {
  const s = podStatus(f);
  const all = [...f.initContainers, ...f.containers];
  const imageStuck = all.some((c) => IMAGE_REASONS.includes(c.reason ?? ''));
  const crashing = all.some((c) => c.state === 'waiting' && c.lastTerminationState);
  const sidecarRuns = f.initContainers.some((c) => isSidecar(c) && c.state === 'running') && f.containers.every((c) => c.state === 'terminated');
  switch (picked) {
    case 'Unknown': return 'The kubelet never sets Unknown; the API marks that phase deprecated, unused since 2015.';
    case 'Pending':
      if (crashing && answer === 'Running') return 'Not Pending: CrashLoopBackOff means the container has run before; it is being restarted.';
      return 'Not Pending: that needs a node still to be found, an init container still to finish, or a container that has never run.';
    case 'Running':
      if (s.decidedBy === 'deadline') return 'Not Running: past its deadline the kubelet fails the pod, whatever its containers are doing.';
      if (s.decidedBy === 'not-scheduled') return 'Not Running: no node has the pod yet, so nothing runs.';
      if (answer === 'Pending') return 'Not Running: one container has not started yet, and Running needs every container to have run.';
      return 'Not Running: nothing runs any more and nothing will be restarted, so the pod has finished.';
    case 'Succeeded':
      if (sidecarRuns) return 'Not finished yet: the sidecar still runs until the kubelet stops it.';
      return 'Not Succeeded: that needs every app container to have exited 0, with none left to restart.';
    case 'Failed':
      if (imageStuck && answer === 'Pending') return 'Not Failed: an image that cannot be pulled is not a container failure; the pod waits.';
      if (sidecarRuns) return 'Not finished yet: the sidecar still runs until the kubelet stops it.';
      return 'Not Failed: that needs a failure that will not be retried, with nothing left running.';
    default: return undefined;
  }
}
