// pod-phase, medium: one rule the player must find (what a restart policy makes of an exit, CrashLoopBackOff versus
// an image back-off, an init failure, the deadline arithmetic) or a default to apply (the image pull policy).
import { COMPLETED, crashLoop, failure, running, terminated, waiting, type Last } from '../model/container-states.ts';
import { effectivePullPolicy, pullOutcome, type PullFacts } from '../model/image-pulls.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import type { Rng } from '../random.ts';
import { JOB_MAX_RESTARTS, cast, factsOf, houseCast, initFailure, initsDone, job, killed, service, sidecarDoes, who, type Cast } from './pod-build.ts';
import { phaseDraft, type PhaseQuestion } from './pod-phase-draft.ts';
import { DOCS } from './phase-why.ts';
import { yamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<PhaseQuestion>;
const TABLE = ['container', 'state', 'reason', 'exit', 'restarts'] as const;
const OOM: Last = { exitCode: 137, reason: 'OOMKilled' };
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);

const justExited: T = {
  id: 'pod-phase/just-exited',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    // Each answer needs a rule beyond the exit code (review J, PP-M2: "Never, one container Error" was an easy read):
    // Pending and Failed are an init container's exit (0: the next step starts; non-zero: retried under Always, the
    // end of the pod under Never), Running an app container that the policy restarts, Succeeded an exit 0 under
    // OnFailure, which restarts only failures.
    const initSide = target === 'Pending' || target === 'Failed';
    const policy: RestartPolicy = target === 'Running' ? pick(rng, ['Always', 'OnFailure'] as const) : target === 'Failed' ? 'Never' : target === 'Pending' ? pick(rng, ['Always', 'Never'] as const) : 'OnFailure';
    const c = cast(rng, (policy === 'Always' ? service : job)({ inits: initSide ? [1, 1] : [0, 0] }));
    if (initSide) {
      const init = c.inits[0]!.name;
      const exit = target === 'Failed' || (policy === 'Always' && rng.chance(0.5)) ? initFailure(rng) : COMPLETED;
      const facts = factsOf({ cast: c, restartPolicy: policy, inits: [terminated(init, exit, { restartCount: exit === COMPLETED || policy === 'Never' ? 0 : rng.int(0, 2) })], apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')) });
      return phaseDraft(facts, { prompt: `${who(c)} has restartPolicy: ${policy}. A container has just exited. What is its status.phase?`, columns: TABLE });
    }
    const exit = target === 'Succeeded' || (policy === 'Always' && rng.chance(0.5)) ? COMPLETED : failure(rng);
    const name = c.apps[0]!.name;
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [terminated(name, exit, { restartCount: rng.int(0, 3) })] });
    return phaseDraft(facts, { prompt: `${who(c)} has restartPolicy: ${policy}. A container has just exited. What is its status.phase?`, columns: TABLE });
  },
};

const backoffReasons: T = {
  id: 'pod-phase/backoff-reasons',
  // No Failed: a Never container that exited non-zero is the easy rule in view (review G PP-M2, review J PP-M2). Under
  // Never the item is an image back-off, where the folklore "Never + an error = Failed" is the wrong reading.
  targets: ['Pending', 'Running', 'Succeeded'],
  build(rng, target) {
    const c = cast(rng, target === 'Succeeded' || rng.chance(0.4) ? job() : service());
    const policy: RestartPolicy = c.owner !== 'Job' ? 'Always' : target === 'Pending' ? pick(rng, ['Never', 'OnFailure'] as const) : 'OnFailure';
    const name = c.apps[0]!.name;
    const state = {
      Pending: () => waiting(name, pick(rng, ['ImagePullBackOff', 'ErrImagePull'])),
      Running: () => (c.owner === 'Job' ? waiting(name, 'CrashLoopBackOff', { restartCount: rng.int(2, JOB_MAX_RESTARTS), lastTerminationState: failure(rng) }) : crashLoop(rng, name)),
      Succeeded: () => terminated(name, COMPLETED, { restartCount: rng.int(2, JOB_MAX_RESTARTS), lastTerminationState: failure(rng) }),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    // The stem names no failure: the table shows whether the back-off is a pull or a crash.
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}): the on-call engineer pasted its container status. What is its status.phase?`, columns: TABLE });
  },
};

/** Init container `at` in `state`; earlier ones done, later ones and the apps wait. */
function initStuck(c: Cast, at: number, state: (n: string) => ContainerSnapshot): { inits: ContainerSnapshot[]; apps: ContainerSnapshot[] } {
  return {
    inits: c.inits.map((i, k) => (k < at ? terminated(i.name, COMPLETED) : k === at ? state(i.name) : waiting(i.name, 'PodInitializing'))),
    apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')),
  };
}

const initFailurePolicy: T = {
  id: 'pod-phase/init-failure-policy',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    const batch = target === 'Succeeded' || target === 'Failed' || rng.chance(0.4);
    const c = cast(rng, batch ? job({ inits: [1, 2] }) : service({ inits: [1, 2] }));
    // Never is drawn for Succeeded too (a clean run: Never retries nothing), so the policy alone does not give Failed.
    const policy: RestartPolicy = !batch ? 'Always' : target === 'Failed' ? 'Never' : target === 'Succeeded' ? pick(rng, ['Never', 'OnFailure'] as const) : 'OnFailure';
    const at = rng.int(0, c.inits.length - 1);
    const retried = (n: string) => (policy === 'Never' ? terminated(n, COMPLETED) : terminated(n, COMPLETED, { restartCount: rng.int(1, 4), lastTerminationState: initFailure(rng) }));
    const pod = {
      Pending: () => initStuck(c, at, (n) => waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(2, batch ? JOB_MAX_RESTARTS : 20), lastTerminationState: initFailure(rng) })),
      Failed: () => initStuck(c, at, (n) => terminated(n, initFailure(rng))),
      Running: () => ({ inits: c.inits.map((i, k) => (k === at ? retried(i.name) : terminated(i.name, COMPLETED))), apps: c.apps.map((a) => running(a.name)) }),
      Succeeded: () => ({ inits: c.inits.map((i, k) => (k === at ? retried(i.name) : terminated(i.name, COMPLETED))), apps: c.apps.map((a) => terminated(a.name, COMPLETED)) }),
    }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, ...pod });
    const init = c.inits[at]!.name;
    const retriedLine = (target === 'Running' || target === 'Succeeded') && policy !== 'Never'
      ? { extra: { text: `${init} failed and was retried, as restartPolicy ${policy} allows for init containers, until it exited 0.` } } : {};
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) runs init containers ahead of its app; these are its statuses. What is its status.phase?`, columns: TABLE, ...retriedLine });
  },
};

const oomKilled: T = {
  id: 'pod-phase/oom-killed',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    // Failed is the memory-hungry init container under Never (an init failure ends the pod), not the main container
    // OOMKilled under Never, which is the easy rule in view (review G, PP-M3).
    const migrating = target === 'Pending' || target === 'Failed';
    const c = target === 'Pending' ? houseCast(rng, service({ inits: [1, 1] })) : cast(rng, target === 'Running' ? service() : target === 'Succeeded' ? job({ sidecars: [1, 1] }) : job());
    // Never is drawn for Succeeded too (the limit held on the only run), so the policy alone does not give Failed.
    const policy: RestartPolicy = target === 'Pending' || target === 'Running' ? 'Always' : target === 'Failed' ? 'Never' : pick(rng, ['Never', 'OnFailure'] as const);
    const restarts = rng.int(1, 6);
    // In back-off between tries, as it stays for seconds to minutes (right after an exit it shows Terminated for a moment).
    const looping = (n: string) => waiting(n, 'CrashLoopBackOff', { restartCount: restarts, lastTerminationState: OOM });
    const main = c.apps[0]!.name;
    const pod = {
      // A database migration that loads too much: a memory-hungry init container, run from the app's own image.
      Pending: () => ({ inits: [looping('migrate')], apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')) }),
      Running: () => ({ inits: [], apps: [looping(main)] }),
      Failed: () => ({ inits: [terminated('migrate', OOM)], apps: c.apps.map((a) => waiting(a.name, 'PodInitializing')) }),
      // Succeeded always has something the limit killed, so the premise comes into play (review L3, PP-M1): under
      // OnFailure the main container's retry; under Never the native sidecar, which is restarted whatever the pod's
      // policy, does not count toward the phase, and was stopped by the kubelet once the main container had exited 0.
      Succeeded: () => ({
        inits: [terminated(c.inits[0]!.name, pick(rng, [{ exitCode: 143, reason: 'Error' }, { exitCode: 0, reason: 'Completed' }]), { restartCount: policy === 'Never' ? rng.int(1, 4) : 0, ...(policy === 'Never' ? { lastTerminationState: OOM } : {}) })],
        apps: [policy === 'Never' ? terminated(main, COMPLETED) : terminated(main, COMPLETED, { restartCount: 1, lastTerminationState: OOM })],
      }),
    }[target]!();
    const facts = factsOf({ cast: migrating ? { ...c, inits: [{ name: 'migrate', image: c.apps[0]!.image, sidecar: false }] } : c, restartPolicy: policy, ...pod });
    // The stem names the tight limit, not its outcome: the table shows whether the kernel killed anything.
    const side = target === 'Succeeded' && policy === 'Never' ? pod.inits[0]! : undefined;
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) runs with a memory limit close to what it needs. What is its status.phase?`, columns: TABLE,
      ...(side ? { line: { text: `Succeeded: ${main} exited 0. Sidecar ${side.name}'s ${side.restartCount} restarts do not change that: a sidecar is restarted whatever the pod's restartPolicy, it exited ${side.exitCode} when the kubelet stopped it, and a sidecar never counts toward the phase.` } } : {}) });
  },
};

// The node caches one image; the registry is down. What the pull policy (written or defaulted) makes of that.
const PULL_IMAGES = [
  { repo: 'nginx', tag: '1.27', batch: false }, { repo: 'redis', tag: '7.2', batch: false }, { repo: 'grafana/grafana', tag: '11.1.0', batch: false },
  { repo: 'postgres', tag: '16', batch: true, name: 'pg-dump' }, { repo: 'amazon/aws-cli', tag: '2.17.0', batch: true, name: 's3-sync' },
] as const;
type PullVariant = { tag: 'pinned' | 'latest' | 'none'; policy?: 'Always' | 'IfNotPresent' | 'Never'; cached: boolean };
const WORKS: readonly PullVariant[] = [{ tag: 'pinned', cached: true }, { tag: 'latest', policy: 'IfNotPresent', cached: true }, { tag: 'pinned', policy: 'Never', cached: true }];
const BLOCKED: readonly PullVariant[] = [{ tag: 'latest', cached: true }, { tag: 'none', cached: true }, { tag: 'pinned', policy: 'Always', cached: true }, { tag: 'pinned', policy: 'Never', cached: false }];

const pullPolicyDefaults: T = {
  id: 'pod-phase/pull-policy-defaults',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    const batch = target === 'Succeeded' || target === 'Failed' ? true : target === 'Running' ? false : rng.chance(0.5);
    // What the Job's task does once it runs: the prompt says it whatever the image does.
    const fails = target === 'Failed' || (target === 'Pending' && rng.chance(0.5));
    const img = pick(rng, PULL_IMAGES.filter((i) => i.batch === batch));
    const v = pick(rng, target === 'Pending' ? BLOCKED : WORKS);
    const ref = v.tag === 'none' ? img.repo : `${img.repo}:${v.tag === 'latest' ? 'latest' : img.tag}`;
    const pull: PullFacts = { image: ref, ...(v.policy ? { imagePullPolicy: v.policy } : {}), cachedOnNode: v.cached, registry: 'unreachable', backingOff: rng.chance(0.7) };
    const out = pullOutcome(pull);
    const name = 'name' in img ? img.name : img.repo.split('/').pop()!;
    const c: Cast = { owner: img.batch ? 'Job' : 'Deployment', podName: `${name}-${img.batch ? '29034115-x7k2p' : '6d9f8c7b5d-q2w8n'}`, inits: [], apps: [{ name, image: ref }] };
    const state = !out.ok ? waiting(name, out.reason) : img.batch ? terminated(name, fails ? { exitCode: 1, reason: 'Error' } : COMPLETED) : running(name);
    const policy: RestartPolicy = img.batch ? 'Never' : 'Always';
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state] });
    const cachedRef = v.tag === 'none' ? `${img.repo}:latest` : ref;
    const yaml = yamlView(['spec:', `  restartPolicy: ${policy}`, '  containers:', `  - name: ${name}`, [`    image: ${ref}`, 'image'],
      ...(v.policy ? [[`    imagePullPolicy: ${v.policy}`, 'image'] as const] : [])]);
    const effective = effectivePullPolicy(pull);
    const written = v.policy ? `imagePullPolicy: ${v.policy}` : `no imagePullPolicy and ${v.tag === 'pinned' ? `the pinned tag ${img.tag}` : v.tag === 'latest' ? 'the tag latest' : 'no tag'}, so the API server set ${effective}`;
    const use = effective === 'IfNotPresent' ? 'the kubelet uses the cached copy' : effective === 'Never' ? (v.cached ? 'the kubelet uses the cached copy' : 'the kubelet may not pull it') : 'the kubelet must ask the registry';
    return phaseDraft(facts, {
      prompt: `The registry is unreachable for the next hour. The node ${v.cached ? `already has ${cachedRef} in its image cache` : `has no copy of ${ref}`}. ${img.batch ? (fails ? 'This Job pod runs a 20-second task that exits 1: its input file is missing.' : 'This Job pod runs a 20-second task that succeeds.') : 'This pod serves traffic once started.'} Five minutes later, what is its status.phase?`,
      yaml,
      rules: ['phase/pull-policy-default'],
      extra: { text: `It has ${written}: ${use}.`, evidence: yaml.at('image') },
      docUrl: v.policy === 'Never' ? DOCS.pullNever : DOCS.pullPolicy,
    });
  },
};

const sidecarStartup: T = {
  id: 'pod-phase/sidecar-startup',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    const batch = target === 'Failed' || target === 'Succeeded' || rng.chance(target === 'Running' ? 0.7 : 0.3);
    const c = cast(rng, (batch ? job : service)({ sidecars: [1, 1], inits: [target === 'Failed' ? 1 : 0, 1] }));
    const policy: RestartPolicy = batch ? 'Never' : 'Always';
    const stage = target === 'Running' || target === 'Succeeded' ? 'done' : target === 'Failed' ? 'init-failed' : rng.chance(0.5) || !c.inits.some((i) => !i.sidecar) ? 'sidecar-starting' : 'init-running';
    // An init container that runs or fails after a sidecar started: put the sidecar first.
    const sidecarFirst = stage === 'init-running' || stage === 'init-failed';
    const ordered: Cast = { ...c, inits: sidecarFirst ? [...c.inits].sort((a, b) => Number(b.sidecar) - Number(a.sidecar)) : c.inits };
    const inits = ordered.inits.map((i, k): ContainerSnapshot => {
      const sidecarPos = ordered.inits.findIndex((x) => x.sidecar);
      // Once the pod has failed or succeeded, the kubelet stops the sidecar: it is never still Running beside a
      // failed init container under Never (fix-g's note); it started first, so the failed init could run at all.
      if (i.sidecar) return stage === 'sidecar-starting' ? running(i.name, { started: false, ready: false }) : target === 'Succeeded' || target === 'Failed' ? terminated(i.name, pick(rng, [COMPLETED, { exitCode: 143, reason: 'Error' }]))
        // Running: the sidecar crashed once and was restarted, so the startup-and-restart rule decides (review L3, PP-M1).
        : target === 'Running' ? running(i.name, { restartCount: 1, lastTerminationState: failure(rng) }) : running(i.name);
      if (stage === 'sidecar-starting' && k > sidecarPos) return waiting(i.name, 'PodInitializing');
      if (stage === 'init-running') return running(i.name);
      if (stage === 'init-failed') return terminated(i.name, initFailure(rng));
      return terminated(i.name, COMPLETED);
    });
    const apps = c.apps.map((a) => (target === 'Succeeded' ? terminated(a.name, COMPLETED) : stage === 'done' ? running(a.name) : waiting(a.name, 'PodInitializing')));
    const facts = factsOf({ cast: ordered, restartPolicy: policy, inits, apps });
    const sidecar = ordered.inits.find((i) => i.sidecar)!.name;
    const failedInit = ordered.inits.find((i) => !i.sidecar)?.name;
    const startedLine = target === 'Running' ? { extra: { text: `${sidecar} crashed once and was restarted: a sidecar is restarted whatever the pod's restartPolicy${policy === 'Never' ? ' (here Never)' : ''}. It has started again, and a sidecar's crash never fails the pod.` } }
      : target === 'Failed' ? { extra: { text: `${sidecar} started first, so ${failedInit} could run; once ${failedInit} failed under restartPolicy Never, the pod failed and the kubelet stopped ${sidecar}.` } } : {};
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}) ${sidecarDoes(sidecar)}, a native sidecar with a startup probe. What is its status.phase?`, columns: ['container', 'state', 'reason', 'started', 'exit'], ...startedLine });
  },
};

const two = (n: number) => String(n).padStart(2, '0');
const clock = (s: number) => `${two(10 + Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;


const activeDeadline: T = {
  id: 'pod-phase/active-deadline',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  // The deadline fires in about 40 % of draws, so the clock is never a distractor to ignore (review K3).
  weights: [1, 1, 1, 2],
  build(rng, target) {
    const toolbox = target !== 'Succeeded' && rng.chance(0.3);
    const c: Cast = toolbox ? { owner: 'Deployment', podName: 'toolbox', inits: [], apps: [{ name: 'toolbox', image: 'busybox:1.36' }] } : cast(rng, job());
    const policy: RestartPolicy = toolbox ? 'Always' : pick(rng, ['Never', 'OnFailure'] as const);
    const deadline = pick(rng, [300, 600, 900, 1800]);
    // Failed: either the first seconds after the deadline, while the kubelet is still stopping the container, or after.
    const stopping = target === 'Failed' && rng.chance(0.4);
    const now = target === 'Failed' ? deadline + (stopping ? rng.int(0, 15) : rng.int(40, 600)) : target === 'Succeeded' ? deadline + rng.int(-120, 600) : deadline - rng.int(20, Math.min(240, deadline - 60));
    const ended = Math.min(now, deadline) - rng.int(30, 200);
    const name = c.apps[0]!.name;
    const state = { Pending: () => waiting(name, pick(rng, ['ContainerCreating', 'ImagePullBackOff'])), Running: () => running(name), Failed: () => (stopping ? running(name, { ready: false }) : killed(rng, running(name))), Succeeded: () => terminated(name, COMPLETED) }[target]!();
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [], apps: [state], deadline: { activeDeadlineSeconds: deadline, secondsSinceStart: now, ...(target === 'Succeeded' ? { endedAtSeconds: ended } : {}) } });
    const yaml = yamlView(['spec:', [`  activeDeadlineSeconds: ${deadline}`, 'deadline'], `  restartPolicy: ${policy}`, 'status:', [`  startTime: "2025-06-12T10:00:00Z"`, 'deadline']]);
    return phaseDraft(facts, {
      prompt: `${toolbox ? 'A toolbox pod someone started with a self-destruct timer' : who(c)}. It is now ${clock(now)} UTC${target === 'Succeeded' ? ` (its container finished at ${clock(ended)})` : ''}. What is its status.phase?`,
      // The API reference states activeDeadlineSeconds and that it counts from startTime (review L3, PP-M3).
      yaml, columns: ['container', 'state', 'reason', 'exit'], rules: target === 'Failed' ? [] : ['phase/deadline-not-reached'], docUrl: DOCS.deadline,
      extra: target === 'Failed' ? { text: `${clock(now)} is ${now} s after startTime, at least the ${deadline} s allowed${stopping ? '; the phase changes at once, while the container gets its grace period to stop' : ''}.`, evidence: yaml.at('deadline') }
        : target === 'Succeeded' ? { text: `It finished ${ended} s after startTime, before the ${deadline} s deadline, and a finished pod stays as it ended.`, evidence: yaml.at('deadline') }
        : { text: `Only ${now} s of the ${deadline} s allowed have passed since startTime, so the deadline has not fired yet.`, evidence: yaml.at('deadline') },
    });
  },
};

const initOrAppCrash: T = {
  id: 'pod-phase/init-or-app-crash',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    const batch = target === 'Failed' || target === 'Succeeded' || rng.chance(target === 'Running' ? 0.7 : 0.3);
    const c = cast(rng, (batch ? job : service)({ inits: [1, 2] }));
    // Never is drawn for Succeeded too (nothing crashed on the only run), so the policy alone does not give Failed.
    const policy: RestartPolicy = !batch ? 'Always' : target === 'Failed' ? 'Never' : target === 'Succeeded' ? pick(rng, ['Never', 'OnFailure'] as const) : 'OnFailure';
    // Failed is always an init container's failure under Never: an app container's failure under Never is the easy
    // rule in view (review J, PP-M2).
    const initSide = target === 'Pending' || target === 'Failed';
    // Succeeded: the app container crashed before, then completed on a later try.
    const exit = initSide ? initFailure(rng) : failure(rng);
    const broken = (n: string) => (target === 'Failed' ? terminated(n, exit)
      : target === 'Succeeded' ? (policy === 'Never' ? terminated(n, COMPLETED) : terminated(n, COMPLETED, { restartCount: rng.int(2, 5), lastTerminationState: exit }))
      : waiting(n, 'CrashLoopBackOff', { restartCount: rng.int(3, batch ? JOB_MAX_RESTARTS : 30), lastTerminationState: exit }));
    const pod = initSide ? initStuck(c, rng.int(0, c.inits.length - 1), broken) : { inits: initsDone(c), apps: c.apps.map((a, k) => (k === 0 ? broken(a.name) : running(a.name))) };
    const facts = factsOf({ cast: c, restartPolicy: policy, ...pod });
    return phaseDraft(facts, { prompt: `${who(c)} (restartPolicy: ${policy}): these are its container statuses, init containers first. What is its status.phase?`, columns: TABLE });
  },
};

export const podPhaseMedium: readonly T[] = [justExited, backoffReasons, initFailurePolicy, oomKilled, pullPolicyDefaults, sidecarStartup, activeDeadline, initOrAppCrash];
