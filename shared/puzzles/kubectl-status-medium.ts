// kubectl-status, medium: one printPod rule the player must find (the first container with a reason wins, Completed
// beside a running container, which restarts count, sidecars in READY) or a default to apply (the image pull
// policy). No exit-code-without-reason item: containerd and CRI-O always record Completed/Error/OOMKilled, so a
// standard node never prints ExitCode:N (docs/rules/kubectl.md#exit-without-reason).
import { COMPLETED, failure, running, terminated, waiting, type Last } from '../model/container-states.ts';
import { pullOutcome, type PullFacts } from '../model/image-pulls.ts';
import { podStatus } from '../model/pod-status.ts';
import type { ContainerSnapshot } from '../model/pod-types.ts';
import { reasonText } from '../model/scheduling.ts';
import type { Rng } from '../random.ts';
import { kubectlDraft, say, type KubectlQuestion } from './kubectl-status-draft.ts';
import { cast, errorExit, factsOf, initFailure, job, service, sidecarDoes, who, type Cast } from './pod-build.ts';
import { DOCS } from './phase-why.ts';
import { yamlView } from './pod-view.ts';
import { suffix } from './state-cast.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<KubectlQuestion>;
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);
const OOM: Last = { exitCode: 137, reason: 'OOMKilled' };
const crash = (rng: Rng, n: string, last: Last = failure(rng)) => waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(2, 25), lastTerminationState: last });

const TROUBLE: Record<string, (rng: Rng, n: string) => ContainerSnapshot> = {
  CrashLoopBackOff: (rng, n) => crash(rng, n),
  ImagePullBackOff: (_, n) => waiting(n, 'ImagePullBackOff'),
  CreateContainerConfigError: (_, n) => waiting(n, 'CreateContainerConfigError'),
  OOMKilled: (_, n) => terminated(n, OOM),
  Error: (rng, n) => terminated(n, errorExit(rng)),
};

const firstContainerWins: T = {
  id: 'kubectl-status/first-container-wins',
  targets: Object.keys(TROUBLE),
  build(rng, target) {
    // A container stays Terminated only where nothing restarts it: those pictures are Job pods with restartPolicy Never.
    const ended = target === 'OOMKilled' || target === 'Error';
    const c = cast(rng, (ended ? job : service)({ apps: [2, 2] }));
    const waitingKinds = ['CrashLoopBackOff', 'ImagePullBackOff', 'CreateContainerConfigError'].filter((k) => k !== target && !(ended && k === 'CrashLoopBackOff'));
    const other = pick(rng, waitingKinds);
    const apps = c.apps.map((a, i) => (i === 0 ? TROUBLE[target]!(rng, a.name) : TROUBLE[other]!(rng, a.name)));
    const facts = factsOf({ cast: c, restartPolicy: ended ? 'Never' : 'Always', inits: [], apps });
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: say(rng, `${who(c)}: both of its containers are in trouble (listed in spec order).`, `${who(c)} has two containers, listed in spec order, and neither is well.`, `Both containers of ${who(c)} have a problem; the table lists them in spec order.`), columns: ['container', 'state', 'reason', 'exit', 'restarts'], tempting: [other] });
  },
};

const completedWithRunning: T = {
  id: 'kubectl-status/completed-with-running',
  targets: ['NotReady', 'Error', 'OOMKilled', 'Completed'],
  build(rng, target) {
    const c = cast(rng, job({ apps: [2, 2] }));
    const [first, second] = c.apps.map((a) => a.name) as [string, string];
    const other = { NotReady: () => running(second), Error: () => terminated(second, errorExit(rng)), OOMKilled: () => terminated(second, OOM), Completed: () => terminated(second, COMPLETED) }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: [], apps: [terminated(first, COMPLETED), other] });
    const ready = podStatus(facts).conditions.find((x) => x.type === 'Ready')!;
    const yaml = yamlView(['status:', '  conditions:', ['  - type: Ready', 'ready'], [`    status: "${ready.status}"`, 'ready'], ...(ready.reason ? [`    reason: ${ready.reason}`] : [])]);
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `The API server runs Kubernetes 1.33. ${who(c)} (restartPolicy: Never): ${say(rng, `${first} has finished.`, `${first}, listed first, exited 0 a moment ago.`, `${first} is done with its work.`)}`, yaml, columns: ['container', 'state', 'reason', 'exit', 'ready'], tempting: ['Completed', 'Running'],
      ...(target === 'Error' || target === 'OOMKilled' ? { extra: { text: 'The error wins over Completed since a 2024 change to the API server; older servers print Completed here.' } } : {}),
    });
  },
};

const notYetRunning: T = {
  id: 'kubectl-status/not-yet-running',
  // No ContainerCreating or ErrImagePull: those copy the Reason cell, the easy rule (review K3, KS-M2/M3). What is
  // left needs a rule: Unschedulable is no STATUS text, a gate shows through PodScheduled's reason, Init: counts.
  targets: ['Pending', 'SchedulingGated', 'Init:0/1'],
  build(rng, target) {
    const c = cast(rng, service({ inits: target === 'Init:0/1' ? [1, 1] : [0, 0] }));
    const name = c.apps[0]!.name;
    const unbound = target === 'Pending' || target === 'SchedulingGated';
    const message = target === 'SchedulingGated' ? 'Scheduling is blocked due to non-empty scheduling gates' : `0/3 nodes are available: 3 ${pick(rng, [reasonText.cpu, reasonText.memory, reasonText.selector])}.`;
    const inits = target === 'Init:0/1' ? [running(c.inits[0]!.name)] : [];
    const app = unbound ? { name, state: 'none' as const } : target === 'Init:0/1' ? waiting(name, 'PodInitializing') : waiting(name, target);
    const facts = factsOf({
      cast: c, restartPolicy: 'Always', inits, apps: [app],
      placement: unbound ? { bound: false, reason: target === 'Pending' ? 'Unschedulable' : 'SchedulingGated', message } : { bound: true },
    });
    const scheduled = podStatus(facts).conditions.find((x) => x.type === 'PodScheduled')!;
    const yaml = yamlView(['status:', '  phase: Pending', '  conditions:', ['  - type: PodScheduled', 'cond'], [`    status: "${scheduled.status}"`, 'cond'], ...(scheduled.reason ? [[`    reason: ${scheduled.reason}`, 'cond'] as const] : [])]);
    return kubectlDraft(rng, facts, { column: 'STATUS', prompt: `${who(c)} was created a minute ago.`, yaml, columns: ['container', 'state', 'reason'], tempting: ['Unschedulable', 'Pending'] });
  },
};

const restartsAfterInit: T = {
  id: 'kubectl-status/restarts-after-init',
  targets: ['0', '1', '2', '3', '4', '5', '6'],
  build(rng, target) {
    const total = Number(target);
    const c = cast(rng, service({ inits: [1, 2] }));
    const initializing = rng.chance(0.35);
    const initRestarts = c.inits.map(() => rng.int(1, 4));
    if (initializing) {
      // Still initializing: the first init container retries and carries the whole count.
      const inits = c.inits.map((i, k) => (k === 0 ? crash(rng, i.name, initFailure(rng)) : waiting(i.name, 'PodInitializing'))).map((s, k) => (k === 0 ? { ...s, restartCount: total } : s));
      const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: total === 0 ? [running(c.inits[0]!.name), ...inits.slice(1)] : inits, apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')) });
      return kubectlDraft(rng, facts, { column: 'RESTARTS', prompt: say(rng, `${who(c)} has had a rocky start.`, `${who(c)}: someone pasted its container statuses into the incident channel.`, `${who(c)}, init containers first, as they stand now.`), columns: ['container', 'state', 'reason', 'restarts'] });
    }
    const inits = c.inits.map((i, k) => terminated(i.name, COMPLETED, { restartCount: initRestarts[k]!, lastTerminationState: initFailure(rng) }));
    const apps = c.apps.map((a) => (total > 0 ? running(a.name, { restartCount: total, lastTerminationState: failure(rng) }) : running(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits, apps });
    return kubectlDraft(rng, facts, { column: 'RESTARTS', prompt: say(rng, `${who(c)} has had a rocky start.`, `${who(c)}: someone pasted its container statuses into the incident channel.`, `${who(c)}, init containers first, as they stand now.`), columns: ['container', 'state', 'reason', 'restarts'] });
  },
};

const readyWithSidecars: T = {
  id: 'kubectl-status/ready-with-sidecars',
  targets: ['0/2', '1/2', '2/2', '1/3', '2/3', '3/3'],
  build(rng, target) {
    const [ready, total] = target.split('/').map(Number) as [number, number];
    const c = cast(rng, service({ sidecars: [1, 1], inits: [1, 1], apps: [total - 1, total - 1] }));
    const members = [...c.inits.filter((i) => i.sidecar).map((i) => i.name), ...c.apps.map((a) => a.name)];
    const readySet = new Set(rng.sample(members, ready));
    const notReady = (n: string) => running(n, { ready: false });
    const inits = c.inits.map((i) => (i.sidecar ? (readySet.has(i.name) ? running(i.name) : notReady(i.name)) : terminated(i.name, COMPLETED)));
    const apps = c.apps.map((a) => (readySet.has(a.name) ? running(a.name) : notReady(a.name)));
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits, apps });
    const sidecar = c.inits.find((i) => i.sidecar)!.name;
    return kubectlDraft(rng, facts, { column: 'READY', prompt: say(rng, `${who(c)} ${sidecarDoes(sidecar)}, a native sidecar.`, `${who(c)} runs ${sidecar} as a native sidecar beside its app.`, `In ${who(c)}, ${sidecar} is a native sidecar (an init container with restartPolicy: Always).`), columns: ['container', 'state', 'ready'] });
  },
};

const PULLS = [
  { repo: 'nginx', tag: '1.27' }, { repo: 'redis', tag: '7.2' }, { repo: 'grafana/grafana', tag: '11.1.0' },
  { repo: 'postgres', tag: '16' }, { repo: 'httpd', tag: '2.4' }, { repo: 'memcached', tag: '1.6' }, { repo: 'mysql', tag: '8.0' },
] as const;
const capitalised = (repo: string): string => repo.split('/').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('/');

const pullPolicyStatus: T = {
  id: 'kubectl-status/pull-policy-status',
  targets: ['ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName', 'Running'],
  build(rng, target) {
    const img = pick(rng, PULLS);
    const v = {
      ImagePullBackOff: () => pick(rng, [{ image: `${img.repo}:latest` }, { image: img.repo }, { image: `${img.repo}:${img.tag}`, imagePullPolicy: 'Always' as const }]),
      ErrImageNeverPull: () => ({ image: `${img.repo}:${img.tag}-alpine`, imagePullPolicy: 'Never' as const }),
      InvalidImageName: () => ({ image: pick(rng, [`${img.repo}:${img.tag}:alpine`, `${img.repo.toUpperCase()}:${img.tag}`, `${capitalised(img.repo)}:${img.tag}`]) }),
      Running: () => pick(rng, [{ image: `${img.repo}:${img.tag}` }, { image: `${img.repo}:latest`, imagePullPolicy: 'IfNotPresent' as const }, { image: `${img.repo}:${img.tag}`, imagePullPolicy: 'Never' as const }]),
    }[target]!();
    const cached = v.image.endsWith(':latest') || v.image === img.repo ? `${img.repo}:latest` : `${img.repo}:${img.tag}`;
    const pull: PullFacts = { ...v, cachedOnNode: v.image === cached || (v.image === img.repo && cached === `${img.repo}:latest`), registry: 'unreachable', backingOff: true };
    const out = pullOutcome(pull);
    const name = img.repo.split('/').pop()!;
    const c: Cast = { owner: 'Deployment', podName: `${name}-${suffix(rng, 9)}-${suffix(rng, 5)}`, inits: [], apps: [{ name, image: v.image }] };
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [out.ok ? running(name) : waiting(name, out.reason)] });
    const yaml = yamlView(['spec:', '  containers:', `  - name: ${name}`, [`    image: ${v.image}`, 'image'], ...('imagePullPolicy' in v ? [[`    imagePullPolicy: ${v.imagePullPolicy}`, 'image'] as const] : [])]);
    const bad = /[A-Z]/.test(v.image.split(':')[0]!) ? 'a repository name must be lowercase; only a tag may use capitals' : 'a reference carries at most one :tag';
    const why = !out.ok && out.reason === 'InvalidImageName' ? `${v.image} is not a valid image reference (${bad}), so the kubelet cannot even parse it: no pull is tried.`
      : !out.ok && out.reason === 'ErrImageNeverPull' ? 'imagePullPolicy: Never forbids a pull, and the node does not have that exact image.'
      : 'imagePullPolicy' in v ? ({
        Always: 'imagePullPolicy: Always is set, so the kubelet asks the registry even though an image is cached.',
        IfNotPresent: `imagePullPolicy: IfNotPresent is set, so the kubelet pulls only if ${v.image} is not on the node.`,
        Never: 'imagePullPolicy: Never is set: the kubelet uses the image on the node and never pulls.',
      } as Record<string, string>)[v.imagePullPolicy as string]!
      : 'Without imagePullPolicy, :latest or no tag means Always (ask the registry); any other tag means IfNotPresent.';
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `The registry is unreachable. ${who(c)} is on a node that has ${cached} in its image cache and nothing else of ${img.repo}. If the kubelet has to pull, it is between two attempts right now.`,
      yaml, rules: ['phase/pull-policy-default'], docUrl: !out.ok && out.reason === 'InvalidImageName' ? DOCS.imageNames : DOCS.pullPolicy, tempting: ['ErrImagePull', 'ImagePullBackOff', 'Pending'],
      extra: { text: why, evidence: yaml.at('image') },
    });
  },
};

const deletedTerminal: T = {
  id: 'kubectl-status/deleted-terminal',
  targets: ['Terminating', 'Completed', 'Error', 'OOMKilled'],
  build(rng, target) {
    const c = cast(rng, job());
    const name = c.apps[0]!.name;
    const state = { Terminating: () => running(name), Completed: () => terminated(name, COMPLETED), Error: () => terminated(name, errorExit(rng)), OOMKilled: () => terminated(name, OOM) }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: [], apps: [state], deleting: true, terminal: state.state === 'terminated' });
    const phase = podStatus(facts).phase;
    // The apiserver deletes a finished pod at once (grace period 0); only a finalizer keeps it listed with a
    // deletionTimestamp. A Job's pods carry job-tracking until the controller has counted them (review I, KS-M3).
    const yaml = yamlView(['metadata:', [`  deletionTimestamp: "2025-06-12T10:14:03Z"`, 'gone'], ['  finalizers:', 'held'], ['  - batch.kubernetes.io/job-tracking', 'held'],
      'status:', [`  phase: ${phase}`, 'phase']]);
    const finished = state.state === 'terminated';
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `Someone ran kubectl delete on ${who(c)} (restartPolicy: Never) a moment ago; a finalizer still holds it.`, yaml,
      columns: ['container', 'state', 'reason', 'exit'], tempting: ['Terminating', 'Succeeded', 'Failed'],
      ...(finished ? {
        extra: { text: `Not Terminating: kubectl prints that only for a deleted pod whose phase is not yet Succeeded or Failed, and this one is ${phase}. The finalizer is what keeps it listed.`, evidence: yaml.at('gone', 'held', 'phase') },
        docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
      } : {}),
    });
  },
};

const REFUSALS = {
  Evicted: { reason: 'Evicted', message: 'The node had condition: [DiskPressure].', story: 'landed on worker-3 while the node was short of disk' },
  OutOfcpu: { reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 1500, used: 3100, capacity: 4000", story: 'was created with spec.nodeName: worker-3, skipping the scheduler' },
} as const;

/** status.reason against the containers: a refused pod keeps its reason; one whose container ran shows the container's. */
const podReason: T = {
  id: 'kubectl-status/pod-reason',
  targets: ['Evicted', 'OutOfcpu', 'DeadlineExceeded', 'Error', 'ContainerStatusUnknown'],
  build(rng, target) {
    const c = cast(rng, target === 'DeadlineExceeded' ? job() : service());
    const name = c.apps[0]!.name;
    const refused = target === 'Evicted' || target === 'OutOfcpu' ? REFUSALS[target] : undefined;
    // Evicted after running: the kill is over, so the container shows its end (its exit, or unknown if it was gone).
    const evictedAfterRun = target === 'Error' || target === 'ContainerStatusUnknown';
    const app = refused ? { name, state: 'none' as const }
      : target === 'DeadlineExceeded' ? running(name, { ready: false })
      : target === 'Error' ? terminated(name, { exitCode: 137, reason: 'Error' }, { restartCount: rng.int(0, 3) })
      : terminated(name, { exitCode: 137, reason: 'ContainerStatusUnknown' }, { restartCount: rng.int(1, 4), lastTerminationState: failure(rng) });
    const facts = factsOf({
      cast: c, restartPolicy: c.owner === 'Job' ? 'Never' : 'Always', inits: [], apps: [app],
      ...(refused ? { rejected: { reason: refused.reason, message: refused.message } } : {}),
      ...(evictedAfterRun ? { evicted: 'The node was low on resource: memory.', terminal: true } : {}),
      ...(target === 'DeadlineExceeded' ? { deadline: { activeDeadlineSeconds: 600, secondsSinceStart: 600 + rng.int(2, 12) } } : {}),
    });
    const s = podStatus(facts);
    // Short messages are shown as the API has them; the long ones (OutOfcpu's numbers, the deadline's) are left out.
    const message = s.message && s.message.length <= 60 ? [[`  message: "${s.message}"`, 'reason'] as const] : [];
    const yaml = yamlView(['status:', [`  phase: ${s.phase}`, 'phase'], [`  reason: ${s.reason}`, 'reason'], ...message]);
    const story = refused ? refused.story : target === 'DeadlineExceeded' ? 'passed its activeDeadlineSeconds a few seconds ago, and the kubelet is stopping it' : 'was evicted from its node under memory pressure a while ago';
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `${who(c)} ${story}; here are its status and its container.`, yaml, columns: ['container', 'state', 'reason', 'exit'],
      tempting: [s.reason ?? 'Failed', 'Failed', 'Terminating'],
      rules: ['kubectl/pod-reason', ...(evictedAfterRun ? ['kubectl/container-reason' as const] : [])],
    });
  },
};

export const kubectlStatusMedium: readonly T[] = [firstContainerWins, completedWithRunning, notYetRunning, restartsAfterInit, readyWithSidecars, pullPolicyStatus, deletedTerminal, podReason];
