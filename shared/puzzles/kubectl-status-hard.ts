// kubectl-status, hard: two rules interacting. A deadline the player must work out, then what printPod makes of it;
// sidecars in the init scan; a Job's sidecar beside Completed; status.reason against deletion; restarts and READY
// with sidecars and init containers; an init container's image under the pull-policy defaults; first-wins against
// the Completed special cases.
import { COMPLETED, failure, loopRestarts, running, terminated, waiting, type Last } from '../model/container-states.ts';
import { pullOutcome, type PullFacts } from '../model/image-pulls.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import type { Rng } from '../random.ts';
import { kubectlDraft, say, type KubectlQuestion } from './kubectl-status-draft.ts';
import { JOB_MAX_RESTARTS, cast, errorExit, factsOf, initFailure, job, killed, secondsToExit, service, sidecarDoes, who, type Cast } from './pod-build.ts';
import { DOCS } from './phase-why.ts';
import { yamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<KubectlQuestion>;
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);
const OOM: Last = { exitCode: 137, reason: 'OOMKilled' };
const crash = (rng: Rng, n: string, last: Last = failure(rng), withinSeconds?: number, max = 25) => waiting(n, 'CrashLoopBackOff', { restartCount: loopRestarts(rng, 2, max, withinSeconds), lastTerminationState: last });
/** A crash loop in a Job pod under OnFailure: its restarts stay below the Job's backoffLimit (review J, PP-H4). */
const jobCrash = (rng: Rng, n: string, last: Last = failure(rng), withinSeconds?: number) => crash(rng, n, last, withinSeconds, JOB_MAX_RESTARTS);
const two = (n: number) => String(n).padStart(2, '0');
const clock = (s: number) => `${two(10 + Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
const sidecarFirst = (c: Cast): Cast => ({ ...c, inits: [...c.inits].sort((a, b) => Number(b.sidecar) - Number(a.sidecar)) });

const deadlineThenPrint: T = {
  id: 'kubectl-status/deadline-then-print',
  targets: ['DeadlineExceeded', 'Error', 'CrashLoopBackOff', 'Running', 'Completed'],
  build(rng, target) {
    const c = cast(rng, job());
    const deadline = pick(rng, [600, 900, 1200]);
    const late = target === 'DeadlineExceeded' || target === 'Error';
    // DeadlineExceeded shows only while the container is still stopping (its grace period); after that, its exit.
    const now = target === 'DeadlineExceeded' ? deadline + rng.int(1, 15) : target === 'Error' ? deadline + rng.int(40, 240) : target === 'Completed' ? deadline + rng.int(-200, 400) : deadline - rng.int(60, 300);
    const ended = Math.min(now, deadline) - rng.int(30, 150);
    const name = c.apps[0]!.name;
    const state = {
      DeadlineExceeded: () => running(name, { ready: false }),
      Error: () => killed(rng, running(name)),
      CrashLoopBackOff: () => jobCrash(rng, name, failure(rng), now),
      Running: () => running(name),
      Completed: () => terminated(name, COMPLETED),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: 'OnFailure', inits: [], apps: [state], deadline: { activeDeadlineSeconds: deadline, secondsSinceStart: now, ...(target === 'Completed' ? { endedAtSeconds: ended } : {}) } });
    const yaml = yamlView(['spec:', [`  activeDeadlineSeconds: ${deadline}`, 'deadline'], '  restartPolicy: OnFailure', 'status:', ['  startTime: "2025-06-12T10:00:00Z"', 'deadline']]);
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `${who(c)}. It is now ${clock(now)} UTC${target === 'Completed' ? ` (its container stopped at ${clock(ended)})` : target === 'Error' ? ` (its container stopped at ${clock(deadline + secondsToExit(rng, state))})` : ''}.`,
      yaml, columns: ['container', 'state', 'reason', 'exit', 'ready'], tempting: ['DeadlineExceeded', 'Failed', 'Running'],
      rules: [late ? 'phase/deadline-failed' : 'phase/deadline-not-reached'],
      extra: late
        ? { text: `${now} s after startTime is past the ${deadline} s allowed: the kubelet set phase Failed, reason DeadlineExceeded, and ${target === 'Error' ? 'killed the container, whose exit now prints over that reason' : 'is still stopping the container'}.`, evidence: yaml.at('deadline') }
        : { text: `${target === 'Completed' ? `It finished ${ended} s after startTime` : `Only ${now} s have passed`}, within the ${deadline} s allowed: no DeadlineExceeded.`, evidence: yaml.at('deadline') },
    });
  },
};

const sidecarInitScan: T = {
  id: 'kubectl-status/sidecar-init-scan',
  targets: ['Init:0/2', 'Init:1/2', 'Init:CrashLoopBackOff', 'PodInitializing', 'Running'],
  build(rng, target) {
    const c = sidecarFirst(cast(rng, service({ sidecars: [1, 1], inits: [1, 1] })));
    const [side, init] = c.inits.map((i) => i.name) as [string, string];
    const app = c.apps[0]!.name;
    const stage = target === 'Init:CrashLoopBackOff' ? pick(rng, ['before', 'after']) : target;
    const pod: Record<string, () => { inits: ContainerSnapshot[]; apps: ContainerSnapshot[] }> = {
      'Init:0/2': () => ({ inits: [running(side, { started: false, ready: false }), waiting(init, 'PodInitializing')], apps: [waiting(app, 'PodInitializing')] }),
      'Init:1/2': () => ({ inits: [running(side, { ready: rng.chance(0.5) }), running(init)], apps: [waiting(app, 'PodInitializing')] }),
      before: () => ({ inits: [crash(rng, side), waiting(init, 'PodInitializing')], apps: [waiting(app, 'PodInitializing')] }),
      after: () => ({ inits: [crash(rng, side), terminated(init, COMPLETED)], apps: [running(app)] }),
      PodInitializing: () => ({ inits: [running(side), terminated(init, COMPLETED)], apps: [waiting(app, 'PodInitializing')] }),
      Running: () => ({ inits: [running(side), terminated(init, COMPLETED)], apps: [running(app)] }),
    };
    const facts = factsOf({ cast: c, restartPolicy: 'Always', ...pod[stage]!() });
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: say(rng, `${who(c)} ${sidecarDoes(side)}, a native sidecar with a startup probe, then runs ${init}.`, `${who(c)} starts ${side} first (a native sidecar with a startup probe) and init container ${init} after it.`),
      columns: ['container', 'state', 'reason', 'started', 'restarts'], tempting: ['Init:1/2', 'Init:0/1', 'CrashLoopBackOff', 'Running'],
      rules: [stage === 'after' ? 'kubectl/init-text-stays' : stage === 'Init:0/2' || stage === 'before' ? 'sidecars/startup-probe-gates' : 'kubectl/started-sidecar-skipped'],
      ...(stage === 'after' ? { extra: { text: `The pod is Initialized and ${app} runs with no reason of its own, so nothing prints over the init text.` } }
        : stage === 'Init:0/2' || stage === 'before' ? {} : { extra: { text: `${side} has started, so kubectl's init scan steps past it: a started sidecar never holds STATUS at Init:….` } }),
    });
  },
};

const jobSidecarStatus: T = {
  id: 'kubectl-status/job-sidecar-status',
  targets: ['Completed', 'NotReady', 'Error', 'Init:CrashLoopBackOff'],
  build(rng, target) {
    const native = target === 'Completed' || target === 'Init:CrashLoopBackOff' ? true : target === 'NotReady' ? false : rng.chance(0.5);
    const base = cast(rng, job());
    const shipper = pick(rng, [{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.1' }, { name: 'vector', image: 'timberio/vector:0.40.0-alpine' }]);
    const c: Cast = native ? { ...base, inits: [{ ...shipper, sidecar: true }] } : { ...base, apps: [...base.apps, shipper] };
    const m = base.apps[0]!.name;
    const main = { Completed: () => terminated(m, COMPLETED), NotReady: () => terminated(m, COMPLETED), Error: () => terminated(m, errorExit(rng)), 'Init:CrashLoopBackOff': () => running(m) }[target]!();
    // The shipper runs on after main, or (Init:CrashLoopBackOff) keeps crashing while main works.
    const ship = target === 'Init:CrashLoopBackOff' ? crash(rng, shipper.name) : running(shipper.name);
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: native ? [ship] : [], apps: native ? [main] : [main, ship] });
    const yaml = yamlView(native
      ? ['spec:', ['  initContainers:', 'where'], `  - name: ${shipper.name}`, ['    restartPolicy: Always', 'where'], '  containers:', `  - name: ${m}`]
      : ['spec:', ['  containers:', 'where'], `  - name: ${m}`, `  - name: ${shipper.name}`]);
    const extra = target === 'Completed' ? `${shipper.name} is a native sidecar: kubectl's check for another running container looks only at app containers.`
      : target === 'NotReady' ? `${shipper.name} is listed in containers, so it counts as a running app container.`
      : target === 'Init:CrashLoopBackOff' ? `${shipper.name} is a native sidecar, so kubectl's init scan stops at it; ${m} runs with no reason to print over that.`
      : undefined;
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: say(rng, `${who(c)} (restartPolicy: Never) ships its logs with ${shipper.name}.`, `${who(c)} (restartPolicy: Never) runs ${shipper.name} next to its main container to ship the logs.`), yaml,
      columns: ['container', 'state', 'reason', 'exit', 'ready'], tempting: ['Completed', 'NotReady', 'Running', 'CrashLoopBackOff'],
      rules: [native ? (target === 'Init:CrashLoopBackOff' ? 'kubectl/init-text-stays' : 'sidecars/job-completes') : 'sidecars/legacy-sidecar'],
      ...(extra ? { extra: { text: extra, evidence: yaml.at('where') } } : {}),
    });
  },
};

/**
 * What a node in trouble leaves in STATUS. Unreachable: the pods keep their last reported status until the default
 * 300 s toleration of the unreachable taint runs out, then they are deleted and show Terminating (never Unknown on a
 * current cluster). Evicted under memory pressure: the container's end prints over Evicted, deleted or not.
 */
const reasonAndDeletion: T = {
  id: 'kubectl-status/reason-and-deletion',
  targets: ['Running', 'CrashLoopBackOff', 'Terminating', 'ContainerStatusUnknown', 'Error'],
  build(rng, target) {
    const c = cast(rng, service());
    const name = c.apps[0]!.name;
    const evicted = target === 'ContainerStatusUnknown' || target === 'Error';
    if (!evicted) {
      const gone = target === 'Terminating';
      const minutes = gone ? rng.int(6, 25) : rng.int(1, 4);
      const last = target === 'CrashLoopBackOff' || (gone && rng.chance(0.4)) ? crash(rng, name) : running(name);
      const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [last], deleting: gone });
      const yaml = yamlView(['spec:', '  nodeName: worker-3', '  tolerations:   # added to every pod by default', ['  - key: node.kubernetes.io/unreachable', 'tol'], '    operator: Exists', '    effect: NoExecute', ['    tolerationSeconds: 300', 'tol']]);
      return kubectlDraft(rng, facts, {
        column: 'STATUS', prompt: `Node worker-3 stopped reporting ${minutes} minute${minutes > 1 ? 's' : ''} ago, and the node controller tainted it unreachable. ${who(c)} ran there; its container as the kubelet last reported it.`,
        yaml, columns: ['container', 'state', 'reason', 'restarts'], tempting: ['Unknown', 'NodeLost', gone ? 'Running' : 'Terminating'],
        rules: ['kubectl/node-unreachable', gone ? 'kubectl/terminating' : last.state === 'waiting' ? 'kubectl/container-reason' : 'kubectl/status-is-phase'],
        docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions',
        extra: gone
          ? { text: 'The taint eviction controller deleted it when the 300 s toleration ran out; its kubelet cannot confirm the stop, so it stays Terminating, never Unknown.', evidence: yaml.at('tol') }
          : { text: `Within the 300 s toleration nothing deletes the pod, and its status is the last the kubelet sent: kubectl shows no Unknown for it.`, evidence: yaml.at('tol') },
      });
    }
    const deleting = rng.chance(0.5);
    const end = target === 'Error' ? terminated(name, { exitCode: 137, reason: 'Error' }, { restartCount: rng.int(0, 3) })
      : terminated(name, { exitCode: 137, reason: 'ContainerStatusUnknown' }, { restartCount: rng.int(1, 4), lastTerminationState: failure(rng) });
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps: [end], deleting, terminal: true, evicted: 'The node was low on resource: memory.' });
    const yaml = yamlView(['metadata:', ...(deleting ? [['  deletionTimestamp: "2025-06-12T10:14:03Z"', 'meta'] as const] : [`  name: ${c.podName}`]),
      'status:', ['  phase: Failed', 'reason'], ['  reason: Evicted', 'reason'], '  message: "The node was low on resource: memory."']);
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `${who(c)} was evicted by its kubelet under memory pressure${deleting ? ', and someone has since run kubectl delete on it' : ''}: its metadata, status and container.`,
      yaml, columns: ['container', 'state', 'reason', 'exit', 'restarts'], tempting: ['Evicted', deleting ? 'Terminating' : 'Failed', 'OOMKilled'],
      rules: ['kubectl/pod-reason', 'kubectl/container-reason', ...(deleting ? ['kubectl/terminating' as const] : [])],
      ...(deleting ? { extra: { text: 'The deletionTimestamp changes nothing here: a pod whose phase is already Failed never prints Terminating.', evidence: yaml.at('meta') } } : {}),
    });
  },
};

const restartsMixed: T = {
  id: 'kubectl-status/restarts-mixed',
  targets: ['1', '2', '3', '4', '5', '6', '7', '8'],
  build(rng, target) {
    const total = Number(target);
    const c = sidecarFirst(cast(rng, service({ sidecars: [1, 1], inits: [1, 1] })));
    const [side, init] = c.inits.map((i) => i.name) as [string, string];
    const initializing = rng.chance(0.4);
    const sideRestarts = rng.int(1, total);
    const rest = total - sideRestarts;
    const last = { lastTerminationState: failure(rng) };
    const pod = initializing
      // Initializing: the init scan sums the sidecar and the retried init container it stops at.
      ? { inits: [running(side, { restartCount: sideRestarts, ...last }), rest > 0 ? waiting(init, 'CrashLoopBackOff', { restartCount: rest, lastTerminationState: initFailure(rng) }) : running(init)], apps: [waiting(c.apps[0]!.name, 'PodInitializing')] }
      : { inits: [running(side, { restartCount: sideRestarts, ...last }), terminated(init, COMPLETED, { restartCount: rng.int(1, 6), lastTerminationState: initFailure(rng) })], apps: [rest > 0 ? running(c.apps[0]!.name, { restartCount: rest, ...last }) : running(c.apps[0]!.name)] };
    const facts = factsOf({ cast: c, restartPolicy: 'Always', ...pod });
    return kubectlDraft(rng, facts, {
      column: 'RESTARTS', prompt: say(rng, `${who(c)} ${sidecarDoes(side)}, a native sidecar, and runs ${init} before its app.`, `${who(c)}: native sidecar ${side} first, then init container ${init}, then the app.`),
      columns: ['container', 'state', 'reason', 'restarts'], rules: ['kubectl/restarts-sidecars'],
    });
  },
};

const readySidecarStartup: T = {
  id: 'kubectl-status/ready-sidecar-startup',
  targets: ['0/2', '1/2', '2/2', '0/3', '1/3', '2/3'],
  build(rng, target) {
    const [ready, total] = target.split('/').map(Number) as [number, number];
    const c = sidecarFirst(cast(rng, service({ sidecars: [1, 1], inits: [1, 1], apps: [total - 1, total - 1] })));
    const side = c.inits[0]!.name;
    const sideReady = ready > 0 && rng.chance(0.5);
    const appsReady = ready - (sideReady ? 1 : 0);
    if (appsReady > c.apps.length) return readySidecarStartup.build(rng, target);
    // A sidecar that is not ready is either still starting (startup probe) or started and failing readiness.
    const sideState = sideReady ? running(side) : rng.chance(0.5) ? running(side, { started: false, ready: false }) : running(side, { ready: false });
    const starting = sideState.started === false;
    const apps = c.apps.map((a, i) => (starting ? waiting(a.name, 'PodInitializing') : i < appsReady ? running(a.name) : running(a.name, { ready: false })));
    if (starting && appsReady > 0) return readySidecarStartup.build(rng, target);
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [sideState, starting ? waiting(c.inits[1]!.name, 'PodInitializing') : terminated(c.inits[1]!.name, COMPLETED)], apps });
    return kubectlDraft(rng, facts, {
      column: 'READY', prompt: say(rng, `${who(c)} ${sidecarDoes(side)}, a native sidecar with startup and readiness probes.`, `${who(c)}: its native sidecar ${side} has a startup probe and a readiness probe.`),
      columns: ['container', 'state', 'started', 'ready'], rules: ['sidecars/readiness-counts'],
    });
  },
};

const initImagePull: T = {
  id: 'kubectl-status/init-image-pull',
  // No PodInitializing target: once the init container has finished, STATUS hangs on the main container's image,
  // which this view does not show (review G, KS-H3), so only the init container's own pull decides here. The stem
  // says the init container has not completed, true of every target, so an init that already ran cannot be read in.
  targets: ['Init:ImagePullBackOff', 'Init:ErrImageNeverPull', 'Init:InvalidImageName', 'Init:0/1'],
  build(rng, target) {
    const c = cast(rng, service({ inits: [1, 1] }));
    const init = c.inits[0]!.name;
    // The init container's own tool image, under the reference variants the question is about.
    const own = c.inits[0]!.image;
    const tool = { repo: own.slice(0, own.lastIndexOf(':')), tag: own.slice(own.lastIndexOf(':') + 1) };
    const variant: Omit<PullFacts, 'registry' | 'backingOff'> = {
      'Init:ImagePullBackOff': () => pick(rng, [{ image: tool.repo, cachedOnNode: true }, { image: `${tool.repo}:latest`, cachedOnNode: true }]),
      'Init:ErrImageNeverPull': () => ({ image: `${tool.repo}:${tool.tag}`, imagePullPolicy: 'Never' as const, cachedOnNode: false }),
      // A capital letter, the typo people make, rather than a second tag nobody writes (review I, probe rvIp-34830adb).
      'Init:InvalidImageName': () => ({ image: `${tool.repo[0]!.toUpperCase()}${tool.repo.slice(1)}:${tool.tag}`, cachedOnNode: false }),
      'Init:0/1': () => ({ image: `${tool.repo}:${tool.tag}`, cachedOnNode: true }),
    }[target]!();
    const out = pullOutcome({ ...variant, registry: 'unreachable', backingOff: true });
    const state = !out.ok ? waiting(init, out.reason) : running(init);
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [state], apps: [waiting(c.apps[0]!.name, 'PodInitializing')] });
    const yaml = yamlView(['spec:', '  initContainers:', `  - name: ${init}`, [`    image: ${variant.image}`, 'image'], ...(variant.imagePullPolicy ? [[`    imagePullPolicy: ${variant.imagePullPolicy}`, 'image'] as const] : [])]);
    const cache = variant.cachedOnNode ? (variant.image === tool.repo ? `${tool.repo}:latest` : variant.image) : `no ${tool.repo} image`;
    const why = !out.ok && out.reason === 'InvalidImageName' ? `${variant.image} is not a valid reference (a repository name must be lowercase; only a tag may use capitals), so the kubelet cannot even parse it.`
      : !out.ok && out.reason === 'ErrImageNeverPull' ? 'imagePullPolicy: Never forbids a pull, and the node does not have the image.'
      : !out.ok ? 'No tag (or :latest) and no imagePullPolicy means Always: the kubelet must reach the registry, cache or not.'
      : 'A pinned tag and no imagePullPolicy means IfNotPresent: the cached copy is used.';
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `${who(c)} has this init container. The registry is unreachable and the node's cache holds ${cache}; where a pull is needed, the kubelet is between attempts. ${init} has not completed yet.`,
      // Both pull-policy outcomes are always offered, so a wrong reading of the default policy picks a wrong option
      // and the stem cannot decide by elimination (review I, KS-H2); distractors() keeps the first two temptations.
      yaml, tempting: ['Init:0/1', 'Init:ImagePullBackOff', 'Init:ErrImagePull', 'ImagePullBackOff', 'Pending'], rules: ['phase/pull-policy-default'], docUrl: !out.ok && out.reason === 'InvalidImageName' ? DOCS.imageNames : DOCS.pullPolicy,
      extra: { text: why, evidence: yaml.at('image') },
    });
  },
};

const firstWinsCompleted: T = {
  id: 'kubectl-status/first-wins-completed',
  targets: ['Completed', 'Error', 'NotReady', 'CrashLoopBackOff', 'OOMKilled'],
  build(rng, target) {
    const c = cast(rng, job({ apps: [2, 2] }));
    const [a, b] = c.apps.map((x) => x.name) as [string, string];
    // Steady pictures only: a failed container stays Terminated under Never; under OnFailure it would be restarted.
    const policy: RestartPolicy = target === 'Error' || target === 'OOMKilled' ? 'Never' : target === 'NotReady' ? pick(rng, ['Never', 'OnFailure'] as const) : 'OnFailure';
    const pair: Record<string, [ContainerSnapshot, ContainerSnapshot]> = {
      Completed: [terminated(a, COMPLETED), jobCrash(rng, b)],
      Error: [terminated(a, COMPLETED), terminated(b, errorExit(rng))],
      NotReady: [terminated(a, COMPLETED), running(b)],
      CrashLoopBackOff: [jobCrash(rng, a), terminated(b, COMPLETED)],
      OOMKilled: [terminated(a, COMPLETED), terminated(b, OOM)],
    };
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: pair[target]! });
    return kubectlDraft(rng, facts, {
      column: 'STATUS', prompt: `The API server runs Kubernetes 1.33. ${who(c)} (restartPolicy: ${policy}) has two containers, listed in spec order.`,
      columns: ['container', 'state', 'reason', 'exit', 'ready'], tempting: ['CrashLoopBackOff', 'Completed', 'NotReady', 'Running'],
      rules: ['kubectl/first-container-wins', 'kubectl/error-over-completed'],
      ...(target === 'Error' || target === 'OOMKilled' ? { extra: { text: 'The error wins over Completed since a 2024 change to the API server; older servers print Completed here.' } }
        : target === 'Completed' ? { extra: { text: `${b} is only waiting to restart, not terminated with an error, so Completed stays.` } } : {}),
    });
  },
};

export const kubectlStatusHard: readonly T[] = [deadlineThenPrint, sidecarInitScan, jobSidecarStatus, reasonAndDeletion, restartsMixed, readySidecarStartup, initImagePull, firstWinsCompleted];
