// The sidecar-lifecycle answers and explanations, all computed by shared/model/sidecars.ts and podPhase.
import { podEnds, shutdownTiming, sidecarRestartsOnExit, startGate, terminationStages } from '../model/sidecars.ts';
import { podPhase } from '../model/pod-phase.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import { c, type Box, type InitBox, type Scenario } from './sidecar-questions.ts';

const DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/';
const DOC_LIFECYCLE = `${DOC}sidecar-containers/#sidecar-containers-and-pod-lifecycle`;
const DOC_TERMINATION = `${DOC}pod-lifecycle/#termination-with-sidecars`;

function phaseAfterMainExit(s: { policy: RestartPolicy; exitCode: number }): ReturnType<typeof podPhase> {
  const main: ContainerSnapshot = { name: 'main', state: 'terminated', exitCode: s.exitCode };
  const sidecar: ContainerSnapshot = { name: 's', restartPolicy: 'Always', state: 'terminated', exitCode: 143 };
  return podPhase({ restartPolicy: s.policy, podIsTerminal: true, initContainers: [sidecar], containers: [main] });
}

export function answerKey(s: Scenario): string {
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

export function stagesOf(s: { init: readonly InitBox[]; apps: readonly Box[] } | { sidecars: readonly Box[]; apps: readonly Box[] }): string[][] {
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

export function why(s: Scenario): string {
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

export function docFor(s: Scenario): string {
  if (s.q === 'job-end') return `${DOC}sidecar-containers/#jobs-with-sidecar-containers`;
  if (s.q === 'exit-phase') return `${DOC}sidecar-containers/#differences-from-application-containers`;
  if (s.q === 'prestop' || s.q === 'sigterm' || s.q === 'termination') return DOC_TERMINATION;
  return DOC_LIFECYCLE;
}

export const itemIds = (s: Extract<Scenario, { q: 'termination' }>): string[] => [...s.apps.map((b) => b.name), ...s.init.filter((b) => b.sidecar).map((b) => b.name)];
