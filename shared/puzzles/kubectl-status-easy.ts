// kubectl-status, easy: one printPod rule, in plain sight (a waiting or terminated reason, init progress, counting
// READY or RESTARTS, the deletionTimestamp). Each template draws the printed text first and builds a pod that prints it.
import { COMPLETED, failure, running, terminated, waiting, type Last } from '../model/container-states.ts';
import { podStatus } from '../model/pod-status.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import type { Rng } from '../random.ts';
import { kubectlDraft, type KubectlQuestion } from './kubectl-status-draft.ts';
import { JOB_MAX_RESTARTS, cast, errorExit, factsOf, initFailure, job, service, who, type Cast } from './pod-build.ts';
import { yamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<KubectlQuestion>;
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);
const OOM: Last = { exitCode: 137, reason: 'OOMKilled' };
const policyOf = (c: Cast, rng: Rng): RestartPolicy => (c.owner === 'Job' ? pick(rng, ['Never', 'OnFailure'] as const) : 'Always');

const WAITING = ['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'CreateContainerConfigError', 'CreateContainerError', 'CrashLoopBackOff', 'InvalidImageName', 'ErrImageNeverPull'];

const waitingReason: T = {
  id: 'kubectl-status/waiting-reason',
  targets: WAITING,
  build(rng, target) {
    const c = cast(rng, service({ batch: 'either' }));
    const name = c.apps[0]!.name;
    // A Job's crash loop runs under OnFailure (Never restarts nothing) and stays below its backoffLimit (review J, PP-H4).
    const state = target === 'CrashLoopBackOff' ? waiting(name, target, { restartCount: rng.int(2, c.owner === 'Job' ? JOB_MAX_RESTARTS : 30), lastTerminationState: failure(rng) }) : waiting(name, target);
    const policy: RestartPolicy = target === 'CrashLoopBackOff' && c.owner === 'Job' ? 'OnFailure' : policyOf(c, rng);
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: `${who(c)} has one container.`, columns: ['container', 'state', 'reason', 'restarts'], tempting: ['Waiting'] });
  },
};

const terminatedReason: T = {
  id: 'kubectl-status/terminated-reason',
  targets: ['Completed', 'Error', 'OOMKilled', 'Running'],
  build(rng, target) {
    // A terminated container stays so only where nothing restarts it: a Job pod with restartPolicy Never.
    const c = cast(rng, target === 'Running' ? service({ batch: 'either' }) : job());
    const policy: RestartPolicy = target === 'Running' ? policyOf(c, rng) : 'Never';
    const name = c.apps[0]!.name;
    const state = { Completed: () => terminated(name, COMPLETED), Error: () => terminated(name, errorExit(rng)), OOMKilled: () => terminated(name, OOM), Running: () => running(name) }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: `${who(c)} (restartPolicy: ${policy}) has one container.`, columns: ['container', 'state', 'reason', 'exit'], tempting: ['Terminated'] });
  },
};

/** Init container `at` runs; earlier ones exited 0; later ones and the app containers wait. */
function initRunningAt(c: Cast, at: number): ContainerSnapshot[] {
  return c.inits.map((i, k) => (k < at ? terminated(i.name, COMPLETED) : k === at ? running(i.name) : waiting(i.name, 'PodInitializing')));
}

const initProgress: T = {
  id: 'kubectl-status/init-progress',
  targets: ['Init:0/2', 'Init:1/2', 'Init:0/3', 'Init:1/3', 'Init:2/3', 'PodInitializing'],
  build(rng, target) {
    const n = target === 'PodInitializing' ? rng.int(1, 3) : Number(target.split('/')[1]);
    const c = cast(rng, service({ batch: 'either', inits: [n, n] }));
    const inits = target === 'PodInitializing' ? c.inits.map((i) => terminated(i.name, COMPLETED)) : initRunningAt(c, Number(target.slice(5, 6)));
    const facts = factsOf({ cast: c, restartPolicy: policyOf(c, rng), inits, apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')) });
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: `${who(c)} has ${n} init container${n > 1 ? 's' : ''}.`, columns: ['container', 'state', 'reason', 'exit'], tempting: ['Pending'] });
  },
};

const INIT_TROUBLE: Record<string, (rng: Rng, n: string) => ContainerSnapshot> = {
  'Init:CrashLoopBackOff': (rng, n) => waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(2, 20), lastTerminationState: initFailure(rng) }),
  'Init:ImagePullBackOff': (_, n) => waiting(n, 'ImagePullBackOff'),
  'Init:ErrImagePull': (_, n) => waiting(n, 'ErrImagePull'),
  'Init:CreateContainerConfigError': (_, n) => waiting(n, 'CreateContainerConfigError'),
  'Init:Error': (rng, n) => terminated(n, initFailure(rng), { restartCount: rng.int(0, 3) }),
};

const initReason: T = {
  id: 'kubectl-status/init-reason',
  targets: Object.keys(INIT_TROUBLE),
  build(rng, target) {
    const c = cast(rng, service({ inits: [1, 2] }));
    const at = rng.int(0, c.inits.length - 1);
    const inits = c.inits.map((i, k) => (k < at ? terminated(i.name, COMPLETED) : k === at ? INIT_TROUBLE[target]!(rng, i.name) : waiting(i.name, 'PodInitializing')));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits, apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')) });
    const bare = target.slice(5);
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: `${who(c)} (restartPolicy: Always) is stuck before its app starts.`, columns: ['container', 'state', 'reason', 'exit', 'restarts'], tempting: [bare, 'Pending'] });
  },
};

const readyColumn: T = {
  id: 'kubectl-status/ready-column',
  targets: ['0/1', '1/1', '0/2', '1/2', '2/2'],
  build(rng, target) {
    const [ready, total] = target.split('/').map(Number) as [number, number];
    const c = cast(rng, service({ apps: [total, total] }));
    const readyAt = new Set(rng.sample(c.apps.map((_, i) => i), ready));
    const notReady = (n: string) => pick(rng, [running(n, { ready: false }), waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(1, 9), lastTerminationState: failure(rng) }), waiting(n, 'ContainerCreating')]);
    const apps = c.apps.map((a, i) => (readyAt.has(i) ? running(a.name) : notReady(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps });
    return kubectlDraft(rng, facts, { column: 'READY', prompt: `${who(c)} runs ${total === 1 ? 'one container' : 'two containers'}.`, columns: ['container', 'state', 'reason', 'ready'] });
  },
};

const restartsColumn: T = {
  id: 'kubectl-status/restarts-column',
  targets: ['0', '2', '3', '5', '7', '12'],
  build(rng, target) {
    const total = Number(target);
    const c = cast(rng, service({ apps: [1, 2] }));
    const first = c.apps.length > 1 ? rng.int(0, total) : total;
    const counts = [first, total - first];
    const apps = c.apps.map((a, i) => {
      const n = counts[i] ?? 0;
      return n === 0 ? running(a.name) : rng.chance(0.5) ? running(a.name, { restartCount: n, lastTerminationState: failure(rng) }) : waiting(a.name, 'CrashLoopBackOff', { restartCount: n, lastTerminationState: failure(rng) });
    });
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps });
    return kubectlDraft(rng, facts, { column: 'RESTARTS', prompt: pick(rng, [`${who(c)}: its containers and their restart counts.`, `${who(c)}: each container's state and how often it has restarted.`, `Here are the containers of ${who(c)}.`]), columns: ['container', 'state', 'reason', 'restarts'] });
  },
};

const deleting: T = {
  id: 'kubectl-status/deleting',
  targets: ['Terminating', 'Running', 'CrashLoopBackOff', 'ContainerCreating'],
  build(rng, target) {
    const c = cast(rng, service());
    const name = c.apps[0]!.name;
    const shape = target === 'Terminating' ? pick(rng, ['Running', 'CrashLoopBackOff', 'ContainerCreating']) : target;
    const state = { Running: () => running(name), CrashLoopBackOff: () => waiting(name, 'CrashLoopBackOff', { restartCount: rng.int(2, 12), lastTerminationState: failure(rng) }), ContainerCreating: () => waiting(name, 'ContainerCreating') }[shape]!();
    const gone = target === 'Terminating';
    // Being deleted: the kubelet is still stopping the containers, so the pod is not terminal yet.
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [state], deleting: gone });
    const yaml = yamlView(['metadata:', `  name: ${c.podName}`, ...(gone ? [['  deletionTimestamp: "2025-06-12T10:14:03Z"', 'deleted'] as const] : []), 'spec:', '  terminationGracePeriodSeconds: 30']);
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: `${who(c)}, its metadata and its container.`, yaml, columns: ['container', 'state', 'reason', 'restarts'], tempting: ['Terminated', 'Running'],
      ...(gone ? { extra: { text: 'The deletionTimestamp in its metadata marks a pod that is being deleted.', evidence: yaml.at('deleted') } } : {}) });
  },
};

const statusNotPhase: T = {
  id: 'kubectl-status/status-not-phase',
  targets: ['Completed', 'Error', 'OOMKilled', 'Running', 'ContainerCreating'],
  build(rng, target) {
    const c = cast(rng, target === 'Running' || target === 'ContainerCreating' ? service() : job());
    const policy: RestartPolicy = c.owner === 'Job' ? 'Never' : 'Always';
    const name = c.apps[0]!.name;
    const state = { Completed: () => terminated(name, COMPLETED), Error: () => terminated(name, errorExit(rng)), OOMKilled: () => terminated(name, OOM), Running: () => running(name, { ready: rng.chance(0.5) }), ContainerCreating: () => waiting(name, 'ContainerCreating') }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    const phase = podStatus(facts).phase;
    const yaml = yamlView(['status:', [`  phase: ${phase}`, 'phase']]);
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: `${who(c)} (restartPolicy: ${policy}) reports this phase and container.`, yaml, columns: ['container', 'state', 'reason', 'exit'], tempting: [phase] });
  },
};

export const kubectlStatusEasy: readonly T[] = [waitingReason, terminatedReason, initProgress, initReason, readyColumn, restartsColumn, deleting, statusNotPhase];
