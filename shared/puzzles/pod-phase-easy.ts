// pod-phase, easy: one rule, in plain sight in the table (a container still being created, one running, the exit
// codes of a pod that restarts nothing). Each template draws the phase first and builds a pod that has it.
import { COMPLETED, failure, running, terminated, waiting } from '../model/container-states.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import { reasonText } from '../model/scheduling.ts';
import type { Rng } from '../random.ts';
import { cast, factsOf, initsDone, job, service, who, type Cast } from './pod-build.ts';
import { PHASES, phaseDraft, type PhaseDraft, type PhaseQuestion } from './pod-phase-draft.ts';
import { yamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<PhaseQuestion>;
const TABLE = ['container', 'state', 'reason', 'exit'] as const;
const jobPolicy = (rng: Rng): RestartPolicy => rng.pick(['Never', 'OnFailure'] as const);

const jobNeverExits: T = {
  id: 'pod-phase/job-never-exits',
  targets: PHASES,
  build(rng, target) {
    const c = cast(rng, job({ apps: [1, 2] }));
    const names = rng.shuffle(c.apps.map((a) => a.name));
    const [first, ...rest] = names as [string, ...string[]];
    const states: Record<string, () => ContainerSnapshot[]> = {
      Pending: () => names.map((n) => waiting(n, 'ContainerCreating')),
      Running: () => [running(first), ...rest.map((n) => (rng.chance(0.5) ? running(n) : terminated(n, COMPLETED)))],
      Succeeded: () => names.map((n) => terminated(n, COMPLETED)),
      Failed: () => [terminated(first, failure(rng)), ...rest.map((n) => terminated(n, rng.chance(0.5) ? COMPLETED : failure(rng)))],
    };
    const byName = new Map(states[target]!().map((s) => [s.name, s]));
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: [], apps: c.apps.map((a) => byName.get(a.name)!) });
    return phaseDraft(facts, { prompt: `${who(c)} has restartPolicy: Never. What is its status.phase?`, columns: TABLE });
  },
};

// One-off checks people really run with `kubectl run --restart=Never`, and the exit codes their tools use.
const CHECKS = [
  { name: 'curl-check', image: 'curlimages/curl:8.9.1', args: 'curl -sf http://checkout:8080/healthz', fails: [7, 22, 6] },
  { name: 'dns-check', image: 'busybox:1.36', args: 'nslookup orders.shop.svc.cluster.local', fails: [1] },
  { name: 'pg-check', image: 'postgres:16', args: 'pg_isready -h postgres -p 5432', fails: [1, 2] },
  { name: 'redis-ping', image: 'redis:7.2', args: 'redis-cli -h cache ping', fails: [1] },
] as const;

const debugPodRun: T = {
  id: 'pod-phase/debug-pod-run',
  targets: PHASES,
  build(rng, target) {
    const check = rng.pick(CHECKS);
    const c: Cast = { owner: 'Job', podName: check.name, inits: [], apps: [{ name: check.name, image: check.image }] };
    const state = {
      Pending: () => waiting(check.name, 'ContainerCreating'),
      Running: () => running(check.name),
      Succeeded: () => terminated(check.name, COMPLETED),
      Failed: () => terminated(check.name, { exitCode: rng.pick(check.fails), reason: 'Error' }),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: [], apps: [state] });
    return phaseDraft(facts, {
      prompt: 'You started this one-off check a moment ago. What is the pod\'s status.phase now?',
      shell: `kubectl run ${check.name} --image=${check.image} \\\n  --restart=Never -- ${check.args}`,
      columns: TABLE,
      extra: { text: 'kubectl run --restart=Never creates a bare pod with restartPolicy: Never.', evidence: { codeLines: [2] } },
    });
  },
};

/** Init container `at` runs; earlier ones are done, later ones wait; app containers wait for initialization. */
function initRunning(c: Cast, at: number): ContainerSnapshot[] {
  return c.inits.map((i, k) => (k < at ? terminated(i.name, COMPLETED) : k === at ? running(i.name) : waiting(i.name, 'PodInitializing')));
}

const initProgress: T = {
  id: 'pod-phase/init-progress',
  targets: PHASES,
  build(rng, target) {
    const done = target === 'Succeeded' || target === 'Failed';
    const c = cast(rng, done ? job({ inits: [1, 2] }) : service({ batch: 'either', inits: [1, 3] }));
    const policy = target === 'Failed' ? 'Never' : c.owner === 'Job' ? jobPolicy(rng) : 'Always';
    const inits = target === 'Pending' ? initRunning(c, rng.int(0, c.inits.length - 1)) : initsDone(c);
    const app = { Pending: (n: string) => waiting(n, 'PodInitializing'), Running: running, Succeeded: (n: string) => terminated(n, COMPLETED), Failed: (n: string) => terminated(n, failure(rng)) }[target]!;
    const facts = factsOf({ cast: c, restartPolicy: policy, inits, apps: c.apps.map((a) => app(a.name)) });
    const n = c.inits.length;
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) has ${n} init container${n > 1 ? 's' : ''}. What is its status.phase?`, columns: TABLE });
  },
};

const imageRollout: T = {
  id: 'pod-phase/new-image-tag',
  targets: PHASES,
  build(rng, target) {
    const batch = target === 'Succeeded' || target === 'Failed' || rng.chance(0.3);
    const c = cast(rng, batch ? job() : service({ apps: [1, 2] }));
    const policy: RestartPolicy = batch ? (target === 'Failed' ? 'Never' : jobPolicy(rng)) : 'Always';
    const [main, ...rest] = c.apps.map((a) => a.name) as [string, ...string[]];
    const mainState = {
      Pending: () => waiting(main, rng.pick(['ErrImagePull', 'ImagePullBackOff'])),
      Running: () => running(main),
      Succeeded: () => terminated(main, COMPLETED),
      Failed: () => terminated(main, failure(rng)),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [mainState, ...rest.map((n) => running(n))] });
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) was created from a freshly pushed image tag. What is its status.phase?`, columns: TABLE });
  },
};

const twoContainers: T = {
  id: 'pod-phase/two-containers',
  targets: PHASES,
  build(rng, target) {
    const batch = target !== 'Pending' || rng.chance(0.5);
    const c = cast(rng, batch ? job({ apps: [2, 2] }) : service({ apps: [2, 2] }));
    const policy: RestartPolicy = batch ? 'Never' : 'Always';
    const [a, b] = rng.shuffle(c.apps.map((x) => x.name)) as [string, string];
    const pair: Record<string, [ContainerSnapshot, ContainerSnapshot]> = {
      Pending: [running(a), waiting(b, rng.pick(['ContainerCreating', 'CreateContainerConfigError']))],
      Running: [running(a), terminated(b, COMPLETED)],
      Succeeded: [terminated(a, COMPLETED), terminated(b, COMPLETED)],
      Failed: [terminated(a, failure(rng)), terminated(b, COMPLETED)],
    };
    const byName = new Map(pair[target]!.map((s) => [s.name, s]));
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: c.apps.map((x) => byName.get(x.name)!) });
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) runs two containers. What is its status.phase?`, columns: TABLE });
  },
};

/** The Containers section of `kubectl describe pod`, for one container. */
function describeLines(c: ContainerSnapshot): string[] {
  const state = c.state === 'waiting' ? ['    State:          Waiting', `      Reason:       ${c.reason}`]
    : c.state === 'running' ? ['    State:          Running']
    : ['    State:          Terminated', `      Reason:       ${c.reason}`, `      Exit Code:    ${c.exitCode}`];
  const last = c.lastTerminationState ? ['    Last State:     Terminated', `      Reason:       ${c.lastTerminationState.reason ?? 'Error'}`, `      Exit Code:    ${c.lastTerminationState.exitCode}`] : [];
  return [`  ${c.name}:`, ...state, ...last, `    Ready:          ${c.ready ? 'True' : 'False'}`, `    Restart Count:  ${c.restartCount ?? 0}`];
}

const describeOutput: T = {
  id: 'pod-phase/describe-output',
  targets: PHASES,
  build(rng, target) {
    const batch = target === 'Succeeded' || target === 'Failed' || rng.chance(0.5);
    const c = cast(rng, batch ? job() : service());
    const policy: RestartPolicy = !batch ? 'Always' : target === 'Failed' ? 'Never' : jobPolicy(rng);
    const name = c.apps[0]!.name;
    const restarted = policy !== 'Never' && rng.chance(0.5) ? { restartCount: rng.int(1, 3), lastTerminationState: failure(rng) } : {};
    // A service pod that runs is never the plain picture: it is not ready yet, or it has crashed and runs again.
    const twist = batch ? restarted : rng.chance(0.5) ? { ready: false } : { restartCount: rng.int(1, 4), lastTerminationState: failure(rng), ready: rng.chance(0.5) };
    const state = {
      Pending: () => waiting(name, rng.pick(['ContainerCreating', 'ErrImagePull', 'CreateContainerConfigError'])),
      Running: () => running(name, twist),
      Succeeded: () => terminated(name, COMPLETED, restarted),
      Failed: () => terminated(name, failure(rng)),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    return phaseDraft(facts, {
      prompt: `kubectl describe pod for ${who(c)} (restartPolicy: ${policy}) shows this container. What is the pod's status.phase?`,
      text: ['Containers:', ...describeLines(state)].join('\n'),
      textLines: [3, 4, 5].filter((n) => n <= 2 + (state.state === 'terminated' ? 3 : state.state === 'waiting' ? 2 : 1)),
    });
  },
};

const noneReady: T = {
  id: 'pod-phase/none-ready',
  targets: PHASES,
  build(rng, target) {
    const batch = target === 'Succeeded' || target === 'Failed';
    const c = cast(rng, batch ? job() : service({ batch: 'either' }));
    const policy: RestartPolicy = c.owner === 'Job' ? 'Never' : 'Always';
    const name = c.apps[0]!.name;
    const state = {
      Pending: () => waiting(name, 'ContainerCreating'),
      Running: () => running(name, { ready: false }),
      Succeeded: () => terminated(name, COMPLETED),
      Failed: () => terminated(name, failure(rng)),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) is not ready: kubectl shows READY 0/1. What is its status.phase?`, columns: ['container', 'state', 'reason', 'exit', 'ready'] });
  },
};

const UNSCHEDULABLE = [
  `0/3 nodes are available: 3 ${reasonText.cpu}.`, `0/4 nodes are available: 4 ${reasonText.memory}.`,
  `0/2 nodes are available: 2 ${reasonText.selector}.`, `0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}.`,
];

const scheduledOrNot: T = {
  id: 'pod-phase/scheduled-or-not',
  targets: PHASES,
  build(rng, target) {
    const c = cast(rng, target === 'Succeeded' || target === 'Failed' ? job() : service({ batch: 'either' }));
    const policy: RestartPolicy = c.owner === 'Job' ? 'Never' : 'Always';
    const name = c.apps[0]!.name;
    const message = rng.pick(UNSCHEDULABLE);
    const bound = target !== 'Pending';
    const facts = factsOf({
      cast: c, restartPolicy: policy, inits: [],
      apps: [!bound ? { name, state: 'none' } : target === 'Running' ? running(name) : terminated(name, target === 'Failed' ? failure(rng) : COMPLETED)],
      placement: bound ? { bound: true } : { bound: false, reason: 'Unschedulable', message },
    });
    const yaml = yamlView(bound
      ? ['status:', '  conditions:', ['  - type: PodScheduled', 'scheduled'], ['    status: "True"', 'scheduled']]
      : ['status:', '  conditions:', ['  - type: PodScheduled', 'scheduled'], ['    status: "False"', 'scheduled'], ['    reason: Unschedulable', 'scheduled'], `    message: "${message}"`]);
    return phaseDraft(facts, {
      prompt: `${who(c)} (restartPolicy: ${policy}): its PodScheduled condition and its containers. What is its status.phase?`,
      yaml, columns: TABLE,
      ...(bound ? {} : { line: { text: 'Pending: the scheduler found no node for it (PodScheduled is False, reason Unschedulable), so no container exists yet. Pending includes waiting to be scheduled.', evidence: yaml.at('scheduled') } }),
    });
  },
};

const startErrors: T = {
  id: 'pod-phase/start-errors',
  targets: PHASES,
  build(rng, target) {
    const batch = target === 'Succeeded' || target === 'Failed' || rng.chance(0.3);
    const c = cast(rng, batch ? job() : service());
    const policy: RestartPolicy = batch ? 'Never' : 'Always';
    const name = c.apps[0]!.name;
    const state = {
      Pending: () => waiting(name, 'CreateContainerConfigError'),
      Running: () => running(name),
      Succeeded: () => terminated(name, COMPLETED),
      Failed: () => terminated(name, failure(rng)),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) reads its settings from a Secret. What is its status.phase?`, columns: TABLE });
  },
};

export const podPhaseEasy: readonly T[] = [jobNeverExits, debugPodRun, initProgress, imageRollout, twoContainers, describeOutput, noneReady, scheduledOrNot, startErrors];
export type { PhaseDraft };
