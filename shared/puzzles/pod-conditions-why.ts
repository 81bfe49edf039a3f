// Why a pod's conditions are what they are, in one or two short lines naming the rule in words, from the model's
// conditions (podStatus) and the containers behind them. Templates add the evidence locators they show.
import { firstNotTrue } from '../model/conditions.ts';
import { podStatus, type PodFacts } from '../model/pod-status.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { Evidence, ExplanationLine } from './kind.ts';
import { holdup, initializedWhy, unreadyContainer, type Holdup } from './pod-conditions-answers.ts';

const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
export const CDOCS = {
  conditions: `${LIFECYCLE}#pod-conditions`,
  gate: `${LIFECYCLE}#pod-readiness-gate`,
  gateStatus: `${LIFECYCLE}#pod-readiness-status`,
  network: `${LIFECYCLE}#pod-ready-to-start-containers`,
  pending: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/#my-pod-stays-pending',
  sidecar: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle',
  init: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior',
  gated: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/#usage-example',
} as const;

export interface CondWhy { lines: ExplanationLine[]; rules: RuleId[]; docUrl: string }

/** Where the explanation may point: containers by name, and marked YAML lines. */
export interface Pointers {
  containers(names: readonly string[]): Evidence;
  yaml?(...marks: string[]): Evidence;
}

const doing: Partial<Record<Holdup, string>> = {
  'app-readiness': 'runs, but its readiness probe has not passed', 'sidecar-readiness': 'runs, but its readiness probe has not passed', 'app-startup': 'has not passed its startup probe',
  'app-crashloop': 'is crash-looping', 'app-not-started': 'has not been created yet', 'sidecar-not-started': 'has not started yet',
};

function gateStory(f: PodFacts, p: Pointers): CondWhy {
  const gate = (f.readinessGates ?? []).find((g) => f.customConditions?.find((c) => c.type === g)?.status !== 'True') ?? '';
  const missing = !f.customConditions?.some((c) => c.type === gate);
  const text = `Every container is ready (ContainersReady is True), but readiness gate ${gate} ${missing ? 'has no condition yet, which counts as False' : 'is False'}, so Ready is False.`;
  return { lines: [{ text, evidence: p.yaml?.('gate') ?? {} }], rules: missing ? ['conditions/ready-needs-gates', 'conditions/gate-missing-false'] : ['conditions/ready-needs-gates'], docUrl: missing ? CDOCS.gate : CDOCS.gateStatus };
}

function containersStory(f: PodFacts, p: Pointers): CondWhy {
  const s = podStatus(f);
  if (s.phase === 'Succeeded' || s.phase === 'Failed') {
    const reason = s.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    return { lines: [{ text: `ContainersReady and Ready are False (${reason}): the pod has ${s.phase === 'Succeeded' ? 'succeeded' : 'failed'}, and a finished pod is never ready again.`, evidence: p.containers(f.containers.map((c) => c.name)) }], rules: ['conditions/finished-not-ready'], docUrl: CDOCS.conditions };
  }
  const u = unreadyContainer(f)!;
  const h = holdup(f, s);
  const who = `${u.sidecar ? 'sidecar ' : ''}${u.c.name}`;
  const text = `ContainersReady is False: ${who} ${doing[h === 'gate-and-sidecar' ? 'sidecar-readiness' : h] ?? 'is not ready'}. Every app container and every sidecar must be ready, and Ready follows ContainersReady.`;
  const rules: RuleId[] = u.sidecar ? ['conditions/containers-ready', 'sidecars/readiness-counts'] : ['conditions/containers-ready'];
  return { lines: [{ text, evidence: p.containers([u.c.name]) }], rules, docUrl: u.sidecar ? CDOCS.sidecar : CDOCS.conditions };
}

function initializedStory(f: PodFacts, p: Pointers): CondWhy {
  const why = initializedWhy(f);
  const stuck = f.initContainers.find((i) => !(i.state === 'terminated' && (i.exitCode ?? 0) === 0) && !(i.restartPolicy === 'Always' && i.started === true));
  const name = stuck?.name ?? '';
  const ev = p.containers(stuck ? [name] : f.initContainers.map((c) => c.name));
  switch (why) {
    case 'no-init': return { lines: [{ text: 'Initialized is True from the start: the pod has no init containers.' }], rules: ['conditions/initialized-no-init'], docUrl: CDOCS.network };
    case 'all-done': return { lines: [{ text: 'Initialized is True: every init container has exited 0.', evidence: ev }], rules: ['conditions/initialized-init'], docUrl: CDOCS.conditions };
    case 'sidecar-started': return { lines: [{ text: 'Initialized is True: the regular init containers exited 0 and the sidecar has started. A sidecar only has to start, never to finish.', evidence: ev }], rules: ['conditions/initialized-init', 'sidecars/start-gate'], docUrl: CDOCS.sidecar };
    case 'sticky': return { lines: [{ text: `Initialized stays True: an app container has already started, and ${name} restarting afterwards does not undo initialization.`, evidence: ev }], rules: ['conditions/initialized-sticky'], docUrl: CDOCS.sidecar };
    case 'completed': return { lines: [{ text: 'Initialized is True (PodCompleted): the pod has succeeded.', evidence: ev }], rules: ['conditions/initialized-init'], docUrl: CDOCS.conditions };
    case 'sidecar-not-started': {
      const crashing = stuck?.state !== 'running';
      const how = crashing ? `keeps crashing before it ever started (${stuck?.reason ?? 'waiting'})` : 'runs, but its startup probe has not passed yet';
      return { lines: [{ text: `Initialized is False: sidecar ${name} ${how}, and initialization waits until it has started.`, evidence: ev }], rules: ['conditions/initialized-init', crashing ? 'sidecars/start-gate' : 'sidecars/startup-probe-gates'], docUrl: CDOCS.sidecar };
    }
    case 'init-failing': return { lines: [{ text: `Initialized is False: init container ${name} keeps failing and is retried; until it exits 0, nothing after it can be True.`, evidence: ev }], rules: ['conditions/initialized-init', 'init/failure-retried'], docUrl: CDOCS.init };
    case 'init-running': return { lines: [{ text: `Initialized is False: init container ${name} has not exited 0 yet, so the app containers have not started.`, evidence: ev }], rules: ['conditions/initialized-init'], docUrl: CDOCS.init };
  }
}

/** The story of the first condition that is not True, which is what holds everything after it. */
export function conditionsWhy(f: PodFacts, p: Pointers): CondWhy {
  const s = podStatus(f);
  const first = firstNotTrue(s.conditions);
  switch (first) {
    case 'PodScheduled': {
      const c = s.conditions[0]!;
      const gated = c.reason === 'SchedulingGated';
      // Only what the view shows: no nodeName (the scheduler's reason, Unschedulable, is not on screen).
      const text = gated
        ? `PodScheduled is False (${c.reason}): its scheduling gates keep the scheduler away, so no container exists and no other condition is set.`
        : 'PodScheduled is not True: the pod has no node yet, so no kubelet runs it, no container exists and no other condition is set.';
      return { lines: [{ text, evidence: p.yaml?.('scheduled') ?? {} }], rules: [gated ? 'conditions/scheduling-gated' : 'conditions/unschedulable'], docUrl: gated ? CDOCS.gated : CDOCS.pending };
    }
    case 'PodReadyToStartContainers':
      if (s.phase === 'Succeeded' || s.phase === 'Failed') {
        const reason = s.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
        return { lines: [{ text: `PodReadyToStartContainers is False: the pod has ${s.phase === 'Succeeded' ? 'succeeded' : 'failed'}, so the kubelet stopped its sandbox. ContainersReady and Ready are False too (${reason}).`, evidence: p.containers(f.containers.map((c) => c.name)) }], rules: ['conditions/sandbox-stopped', 'conditions/finished-not-ready'], docUrl: CDOCS.network };
      }
      return { lines: [{ text: 'PodReadyToStartContainers is False: the pod has no sandbox with its network set up, so no container can start and nothing after it is True.', evidence: p.yaml?.('sandbox') ?? {} }], rules: ['conditions/sandbox-ready'], docUrl: CDOCS.network };
    case 'Initialized': return initializedStory(f, p);
    case 'ContainersReady': return containersStory(f, p);
    case 'Ready': return gateStory(f, p);
    case null: {
      const last = (f.readinessGates ?? []).length > 0 ? 'every container is ready and its readiness gate is True' : 'and every container is ready';
      return { lines: [{ text: `All five are True: the pod is bound to a node, its sandbox is up, it is initialized, ${last}.`, evidence: p.containers(f.containers.map((c) => c.name)) }], rules: ['conditions/first-not-true'], docUrl: CDOCS.conditions };
    }
  }
}

/** Why Ready is what it is: for a finished pod that it has finished, not that its sandbox is gone. */
export function readyStory(f: PodFacts, p: Pointers): CondWhy {
  const s = podStatus(f);
  return s.phase === 'Succeeded' || s.phase === 'Failed' ? containersStory(f, p) : conditionsWhy(f, p);
}

/** The Initialized condition's own story, whether True or False. */
export const initializedOnly = initializedStory;
