// Why `kubectl get pods` prints what it does in STATUS, READY or RESTARTS, in one short line naming printPod's rule,
// with the cells that prove it, and the rule ids. Built from the model's walk (statusDecision), not from the template.
import { kubectlColumns } from '../model/kubectl-columns.ts';
import { initBlocker, statusDecision } from '../model/kubectl-decision.ts';
import { isSidecar, type ContainerSnapshot, type PodListing } from '../model/pod-types.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { Evidence, ExplanationLine } from './kind.ts';

export type KubectlColumn = 'STATUS' | 'READY' | 'RESTARTS';

const DOC = {
  init: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-init-containers/#understanding-pod-status',
  // STATUS rules point at the section that states them, not the general states list (review I).
  terminated: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-state-terminated',
  conditions: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-conditions',
  phase: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  termination: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  gated: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/#usage-example',
  sidecar: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle',
  probes: 'https://kubernetes.io/docs/concepts/workloads/pods/probes/#readiness-probe',
  restarts: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts',
} as const;

export interface KubectlWhy {
  line: ExplanationLine;
  rules: RuleId[];
  docUrl: string;
}

type Locate = (name: string) => Evidence;
const merge = (parts: Evidence[]): Evidence => {
  const cells = parts.flatMap((p) => p.cells ?? []);
  return cells.length ? { cells } : {};
};
const stateWord = (c: ContainerSnapshot): string => (c.state === 'terminated' ? `terminated (exit ${c.exitCode ?? 0})` : c.state === 'waiting' ? 'waiting' : 'running');
const find = (l: PodListing, name: string | undefined) => [...l.initContainers, ...l.containers].find((c) => c.name === name);
const reasoned = (l: PodListing) => l.containers.filter((c) => (c.state === 'waiting' && c.reason) || c.state === 'terminated');

function statusWhy(l: PodListing, status: string): Omit<KubectlWhy, 'line'> & { text: string } {
  const d = statusDecision(l);
  const c = find(l, d.by[0]);
  const other = find(l, d.by[1]);
  const past = d.initializedOverride ? ` The pod is Initialized, so kubectl looks past init container ${initBlocker(l)?.container.name} to the app containers.` : '';
  switch (d.step) {
    case 'unknown-node-lost': return { rules: ['kubectl/unknown-node-lost'], docUrl: DOC.phase, text: 'Unknown: the pod is being deleted and its status.reason is NodeLost. That is only a display string: the kubelet never sets an Unknown phase.' };
    case 'terminating': return { rules: ['kubectl/terminating'], docUrl: DOC.termination, text: `Terminating: the pod has been deleted (deletionTimestamp set) and its phase (${l.phase}) is not terminal yet, so kubectl prints Terminating whatever the containers show.` };
    case 'init-reason': return { rules: ['kubectl/init-reason'], docUrl: DOC.init, text: `${status}: kubectl walks the init containers in order; the first one not done is ${c?.name}, ${stateWord(c!)} with reason ${c?.reason}.` };
    case 'init-exit': return { rules: ['kubectl/init-reason', 'kubectl/exit-without-reason'], docUrl: DOC.init, text: `${status}: init container ${c?.name} terminated and the runtime gave no reason, so kubectl prints its exit code.` };
    case 'init-progress': {
      const b = initBlocker(l);
      const sidecar = c && isSidecar(c) ? ' (a sidecar that has not started yet)' : '';
      const done = b?.index ?? 0;
      const all = l.initContainers.length;
      const counted = l.initContainers.some(isSidecar) ? ', sidecars included,' : '';
      return { rules: ['kubectl/init-progress'], docUrl: DOC.init, text: `${status}: ${c?.name}${sidecar} is the first init container not done; ${done} of the ${all} init containers${counted} ${done === 1 ? 'is' : 'are'} done.` };
    }
    case 'container-exit': return { rules: ['kubectl/exit-without-reason'], docUrl: DOC.terminated, text: `${status}: ${c?.name} terminated and the runtime gave no reason, so kubectl prints its exit code instead.${past}` };
    case 'container-reason': {
      const many = reasoned(l).length > 1;
      const text = many
        ? `${status}: kubectl takes the first app container in spec order that has a reason: ${c?.name}, ${stateWord(c!)} with reason ${c?.reason}.${past}`
        : `${status}: ${c?.name} is ${stateWord(c!)} with reason ${c?.reason}, and STATUS shows a container's reason, not the phase (${l.phase})${l.reason ? ` nor status.reason (${l.reason})` : ''}.${past}`;
      // The phase section's note is the kubernetes.io text that says STATUS is a kubectl display field showing such a
      // reason, not the phase; #container-states only lists the states (docs/rules/kubectl.md#container-reason).
      return { rules: [many ? 'kubectl/first-container-wins' : 'kubectl/container-reason'], docUrl: DOC.phase, text };
    }
    case 'completed-running': return { rules: ['kubectl/completed-with-running'], docUrl: DOC.conditions, text: `Running: ${c?.name} has Completed, but ${other?.name} still runs and the pod is Ready, so kubectl prints Running.` };
    case 'completed-not-ready': return { rules: ['kubectl/completed-with-running'], docUrl: DOC.conditions, text: `NotReady: ${c?.name} has Completed, and a terminated container is not ready, so the pod's Ready condition is False; ${other?.name} still runs, so kubectl prints NotReady.` };
    case 'completed-error': return { rules: ['kubectl/error-over-completed'], docUrl: DOC.phase, text: `${status}: the first container shows Completed, but ${c?.name} exited ${c?.exitCode}, and kubectl prints that error instead of Completed.` };
    case 'gated': return { rules: ['kubectl/scheduling-gated'], docUrl: DOC.gated, text: 'SchedulingGated: the PodScheduled condition has reason SchedulingGated; the phase is Pending and no container has a status yet.' };
    case 'pod-reason': return { rules: ['kubectl/pod-reason'], docUrl: DOC.phase, text: `${status}: status.reason replaces the phase as the starting text, and no container has a waiting or terminated reason to print over it.` };
    case 'phase': {
      const unscheduled = l.conditions?.find((x) => x.type === 'PodScheduled')?.status === 'False';
      const note = unscheduled ? ' kubectl has no Unschedulable text: a pod the scheduler cannot place prints Pending.' : l.phase === 'Running' ? ' Readiness shows in READY, not here.' : '';
      return { rules: ['kubectl/status-is-phase'], docUrl: DOC.phase, text: `${status}: no container is waiting or terminated with a reason, so STATUS is simply the phase.${note}` };
    }
  }
}

function readyWhy(l: PodListing, ready: string): Omit<KubectlWhy, 'line'> & { text: string } {
  const sidecars = l.initContainers.filter(isSidecar).length;
  const regularInit = l.initContainers.length - sidecars;
  const over = sidecars > 0 ? `${l.containers.length} app + ${sidecars} sidecar` : `${l.containers.length} app container${l.containers.length > 1 ? 's' : ''}`;
  const init = regularInit > 0 ? ' Regular init containers never count.' : '';
  const what = sidecars > 0 ? 'app containers that run and are ready, plus sidecars that are started and ready' : 'the app containers that run and are ready';
  return { rules: sidecars > 0 ? ['kubectl/ready-count', 'kubectl/ready-sidecars'] : ['kubectl/ready-count'], docUrl: sidecars > 0 ? DOC.sidecar : DOC.probes, text: `${ready}: READY counts ${what}, out of ${over}.${init}` };
}

function restartsWhy(l: PodListing, restarts: number): Omit<KubectlWhy, 'line'> & { text: string } {
  const initialized = l.conditions?.find((c) => c.type === 'Initialized')?.status === 'True';
  const stuck = initBlocker(l) !== null && !initialized;
  const counted = stuck ? l.initContainers.filter((c) => c.state !== 'none') : [...l.initContainers.filter(isSidecar), ...l.containers];
  const terms = counted.filter((c) => (c.restartCount ?? 0) > 0).map((c) => `${c.name} ${c.restartCount}`);
  const dropped = !stuck && l.initContainers.some((c) => !isSidecar(c) && (c.restartCount ?? 0) > 0);
  const rule = stuck ? 'While the pod is initializing, RESTARTS adds up the init containers\' restart counts'
    : l.initContainers.length === 0 ? 'RESTARTS adds up the restart counts of the containers'
    : `Once initialized, RESTARTS adds up the app containers'${l.initContainers.some(isSidecar) ? ' and sidecars\'' : ''} restart counts`;
  const rules: RuleId[] = ['kubectl/restarts-sum', ...(dropped || stuck ? ['kubectl/restarts-init-dropped' as const] : [])];
  const sum = terms.length > 0 ? terms.join(' + ') : 'nothing has restarted';
  const after = dropped ? ' Regular init containers\' restarts no longer count.' : '';
  return { rules, docUrl: DOC.restarts, text: `${restarts}: ${rule}: ${sum}.${after}` };
}

/** The line for the column asked, from the model's reading of the listing. */
export function kubectlWhy(l: PodListing, column: KubectlColumn, locate: Locate): KubectlWhy {
  const cols = kubectlColumns(l);
  const d = statusDecision(l);
  const why = column === 'STATUS' ? statusWhy(l, cols.status) : column === 'READY' ? readyWhy(l, cols.ready) : restartsWhy(l, cols.restarts);
  const names = column === 'STATUS' ? d.by : [...l.initContainers, ...l.containers].map((c) => c.name);
  return { rules: why.rules, docUrl: why.docUrl, line: { text: why.text, evidence: merge(names.map(locate)) } };
}

export function columnAnswer(l: PodListing, column: KubectlColumn): string {
  const cols = kubectlColumns(l);
  return column === 'STATUS' ? cols.status : column === 'READY' ? cols.ready : String(cols.restarts);
}

const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed'];

/** A short line on why a wrongly picked text is not what kubectl prints for this pod. */
export function kubectlWhyNot(l: PodListing, column: KubectlColumn, picked: string, answer: string): string | undefined {
  if (column === 'READY') return `Not ${picked}: READY counts running, ready app containers and started, ready sidecars, over app containers and sidecars.`;
  if (column === 'RESTARTS') return `Not ${picked}: add up only the containers RESTARTS counts at this stage of the pod.`;
  if (answer === 'Terminating') return `Not ${picked}: a pod being deleted shows Terminating, whatever its containers show.`;
  if (answer === 'Unknown') return `Not ${picked}: a pod being deleted on a lost node shows Unknown.`;
  if (answer.startsWith('Init:') && !picked.startsWith('Init:')) return `Not ${picked}: an init container that is not done sets STATUS here, and no app container prints over it.`;
  if (PHASES.includes(picked)) return `Not ${picked}: STATUS shows the phase only when no container has a reason to print.`;
  if (picked === 'Waiting' || picked === 'Terminated') return `Not ${picked}: kubectl never prints a container's state, only its reason.`;
  if (picked === 'Terminating') return 'Not Terminating: that needs a deletionTimestamp on a pod that has not finished.';
  if (picked === 'Unknown') return 'Not Unknown: kubectl prints Unknown only for a pod being deleted on a lost node.';
  if (picked === 'NotReady') return 'Not NotReady: that needs a Completed container beside one that runs and is ready, in a pod that is not Ready.';
  if (picked === 'Completed' && /Error|OOMKilled|ExitCode|Signal/.test(answer)) return 'Not Completed: another container exited non-zero, and its error wins over Completed.';
  if (picked.startsWith('Init:')) return `Not ${picked}: an Init: text comes only from the first init container that is not done.`;
  const shown = [...l.initContainers, ...l.containers].some((c) => c.reason === picked);
  return shown ? `Not ${picked}: printPod keeps the first app container's reason in spec order, with Completed's special cases.` : `Not ${picked}: no container of this pod shows that reason.`;
}
