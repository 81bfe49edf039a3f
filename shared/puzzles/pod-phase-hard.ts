// pod-phase, hard: two rules that interact. A sidecar next to a Job's exit codes, a retried init container
// beside a running or stopped sidecar, a crash loop under a deadline, a deletion under restartPolicy Always, a container's own
// restartPolicy against the pod's, a deadline that only starts once a kubelet has the pod.
import { COMPLETED, failure, loopRestarts, running, terminated, waiting, type Last } from '../model/container-states.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import type { RuleId } from '../model/rules/index.ts';
import { reasonText } from '../model/scheduling.ts';
import { HOUSE_REGISTRY } from '../model/software.ts';
import type { Rng } from '../random.ts';
import { JOB_MAX_RESTARTS, cast, factsOf, initFailure, initsDone, job, killed, service, sidecarDoes, who, type Cast } from './pod-build.ts';
import { phaseDraft, type PhaseQuestion } from './pod-phase-draft.ts';
import { DOCS } from './phase-why.ts';
import type { ExplanationLine } from './kind.ts';
import { yamlView, type YamlView } from './pod-view.ts';
import type { StateTemplate } from './state-kind.ts';

type T = StateTemplate<PhaseQuestion>;
const TABLE = ['container', 'state', 'reason', 'exit'] as const;
const pick = <V>(rng: Rng, items: readonly V[]): V => rng.pick(items);
// How the kubelet's stop leaves a sidecar: 143 if it dies of SIGTERM (cloud-sql-proxy v2 by default), 137 after the grace period.
const STOPPED_SIDECAR: readonly Last[] = [{ exitCode: 143, reason: 'Error' }, { exitCode: 137, reason: 'Error' }];
const sidecarOf = (c: Cast): string => c.inits.find((i) => i.sidecar)!.name;

/** The spec lines that tell a native sidecar from a regular init container (marked 'where'), in the cast's order. */
function sidecarSpec(c: Cast, policy: RestartPolicy): YamlView {
  return yamlView(['spec:', `  restartPolicy: ${policy}`, '  initContainers:',
    ...c.inits.flatMap((i) => [`  - name: ${i.name}`, `    image: ${i.image}`, ...(i.sidecar ? [['    restartPolicy: Always', 'where'] as const] : [])]),
    '  containers:', ...c.apps.map((a) => `  - name: ${a.name}`)]);
}
const nativeLine = (side: string, yaml: YamlView): ExplanationLine => ({ text: `${side} is a native sidecar: the YAML lists it in initContainers with restartPolicy: Always.`, evidence: yaml.at('where') });

const jobSidecarEnd: T = {
  id: 'pod-phase/job-with-sidecar',
  // No Failed: a main container that failed under Never fails the pod whatever the sidecar did, so the sidecar
  // rule would be decoration (review E, PP-H1). Succeeded is the trap: the sidecar's non-zero exit does not count.
  targets: ['Pending', 'Running', 'Succeeded'],
  build(rng, target) {
    const c = cast(rng, job({ sidecars: [1, 1], inits: [0, 1] }));
    if (target === 'Pending') {
      // The start, two ways: the sidecar runs but its startup probe has not passed; or it has started and a regular
      // init container after it is still running. The Started column shows which. No image-pull stage: with nothing
      // run yet, "a pull error never fails a pod" decides it alone, one fact (review J, PP-H3).
      const side = sidecarOf(c);
      const ordered: Cast = { ...c, inits: [...c.inits].sort((a, b) => Number(b.sidecar) - Number(a.sidecar)) };
      const hasInit = ordered.inits.length > 1;
      const stage = pick(rng, hasInit ? ['probe', 'init'] as const : ['probe'] as const);
      const inits = ordered.inits.map((i) => (i.sidecar
        ? (stage === 'probe' ? running(i.name, { started: false, ready: false }) : running(i.name))
        : stage === 'init' ? running(i.name) : waiting(i.name, 'PodInitializing')));
      const facts = factsOf({ cast: ordered, restartPolicy: 'Never', inits, apps: ordered.apps.map((a) => waiting(a.name, 'PodInitializing')) });
      const yaml = sidecarSpec(ordered, 'Never');
      return phaseDraft(facts, {
        prompt: `${who(c)} ${sidecarDoes(side)}, which has a startup probe. What is its status.phase?`, yaml, sidecarAsInit: true,
        columns: ['container', 'state', 'reason', 'started', 'exit'], rules: [stage === 'init' ? 'sidecars/start-gate' : 'phase/waiting-pending'], withUnknown: true, extra: nativeLine(side, yaml),
      });
    }
    const policy: RestartPolicy = rng.chance(0.6) ? 'Never' : 'OnFailure';
    const mainExit = target === 'Succeeded' || policy === 'OnFailure' || rng.chance(0.6) ? COMPLETED : failure(rng);
    const sidecar = (n: string) => (target === 'Running' ? running(n) : terminated(n, pick(rng, STOPPED_SIDECAR)));
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: initsDone(c, sidecar), apps: c.apps.map((a) => terminated(a.name, mainExit)) });
    const second = target === 'Running' ? 'phase/decided-when-all-stopped' : 'sidecars/exit-ignored';
    // The table calls the sidecar "(init)": the player finds it in the YAML, then applies the exit rule (review G, PP-H1/H2).
    const yaml = sidecarSpec(c, policy);
    return phaseDraft(facts, {
      prompt: `${who(c)} ${sidecarDoes(sidecarOf(c))}. What is its status.phase?`, yaml, sidecarAsInit: true,
      columns: TABLE, rules: [second], withUnknown: true, extra: nativeLine(sidecarOf(c), yaml),
    });
  },
};

const initFailureWithSidecar: T = {
  id: 'pod-phase/init-failure-with-sidecar',
  // No Failed: an init container failed under Never is the medium rule, and the stopped sidecar beside it cannot
  // change the answer (review E, PP-H3). Running is never a running app container, which decides it alone (review I,
  // PP-H2): the Job's container has exited 0 but the sidecar still runs, so the pod has not finished. Pending turns on
  // the running sidecar, Succeeded on its non-zero exit.
  targets: ['Pending', 'Running', 'Succeeded'],
  build(rng, target) {
    const batch = target !== 'Pending' || rng.chance(0.4);
    const raw = cast(rng, (batch ? job : service)({ sidecars: [1, 1], inits: [1, 1] }));
    const c: Cast = { ...raw, inits: [...raw.inits].sort((a, b) => Number(b.sidecar) - Number(a.sidecar)) };
    const policy: RestartPolicy = batch ? 'OnFailure' : 'Always';
    const regular = c.inits[1]!.name;
    const initState = {
      Pending: () => waiting(regular, 'CrashLoopBackOff', { restartCount: rng.int(2, batch ? JOB_MAX_RESTARTS : 12), lastTerminationState: initFailure(rng) }),
      Running: () => terminated(regular, COMPLETED, { restartCount: rng.int(1, 4), lastTerminationState: initFailure(rng) }),
      Succeeded: () => terminated(regular, COMPLETED, { restartCount: rng.int(1, 4), lastTerminationState: initFailure(rng) }),
    }[target]!();
    const apps = c.apps.map((a) => (target === 'Pending' ? waiting(a.name, 'PodInitializing') : terminated(a.name, COMPLETED)));
    // Once the pod has succeeded, the kubelet has stopped the sidecar, which often leaves it a non-zero exit.
    const side = target === 'Succeeded' ? terminated(sidecarOf(c), pick(rng, STOPPED_SIDECAR)) : running(sidecarOf(c));
    const facts = factsOf({ cast: c, restartPolicy: policy, inits: [side, initState], apps });
    const retried = target !== 'Pending';
    const second = target === 'Running' ? 'phase/decided-when-all-stopped' : retried ? 'init/failure-retried' : 'phase/running-sidecar-not-enough';
    return phaseDraft(facts, {
      prompt: `${who(c)} (restartPolicy: ${policy}) starts ${sidecarOf(c)} as a native sidecar, then runs ${regular}. What is its status.phase?`,
      columns: ['container', 'state', 'reason', 'exit', 'restarts'], rules: [second, ...(target === 'Succeeded' ? ['sidecars/exit-ignored' as const] : target === 'Running' ? ['init/failure-retried' as const] : [])], withUnknown: true,
      extra: retried
        ? { text: `${regular} failed ${initState.restartCount} time${initState.restartCount === 1 ? '' : 's'} and was retried, as restartPolicy ${policy} allows, before it exited 0.` }
        : { text: `${sidecarOf(c)} runs, but a running sidecar does not make a pod Running while an init container has not exited 0.` },
    });
  },
};

const two = (n: number) => String(n).padStart(2, '0');
const clock = (s: number) => `${two(10 + Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;

const deadlineCrashloop: T = {
  id: 'pod-phase/deadline-crashloop',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  // The deadline fires in about 40 % of draws, so the clock is never a distractor to ignore (review K3).
  weights: [1, 1, 1, 2],
  build(rng, target) {
    const c = cast(rng, job());
    const deadline = pick(rng, [600, 900, 1200]);
    const late = target === 'Failed';
    // Past the deadline the kill is over: what was waiting is recorded Terminated, ContainerStatusUnknown, 137.
    const now = late ? deadline + rng.int(40, 300) : deadline - rng.int(60, 300);
    const name = c.apps[0]!.name;
    const stuck = target === 'Pending' || (late && rng.chance(0.4));
    const done = target === 'Succeeded';
    const ended = now - rng.int(30, 120);
    const before = done ? terminated(name, COMPLETED, { restartCount: rng.int(2, 5), lastTerminationState: failure(rng) })
      : stuck ? waiting(name, pick(rng, ['ImagePullBackOff', 'ErrImagePull'])) : waiting(name, 'CrashLoopBackOff', { restartCount: loopRestarts(rng, 2, JOB_MAX_RESTARTS, Math.min(now, deadline)), lastTerminationState: failure(rng) });
    const state = late ? killed(rng, before) : before;
    const facts = factsOf({ cast: c, restartPolicy: 'OnFailure', inits: [], apps: [state], deadline: { activeDeadlineSeconds: deadline, secondsSinceStart: now, ...(done ? { endedAtSeconds: ended } : {}) } });
    const yaml = yamlView(['spec:', [`  activeDeadlineSeconds: ${deadline}`, 'deadline'], '  restartPolicy: OnFailure', 'status:', ['  startTime: "2025-06-12T10:00:00Z"', 'deadline']]);
    const other: RuleId = stuck ? 'phase/image-pull-pending' : done ? 'phase/onfailure-restarts' : 'phase/crashloop-running';
    return phaseDraft(facts, {
      prompt: `${who(c)}. It is now ${clock(now)} UTC${done ? ` (its container finished at ${clock(ended)})` : ''}. What is its status.phase?`,
      yaml, columns: ['container', 'state', 'reason', 'exit', 'restarts'], withUnknown: true,
      rules: late ? [other] : ['phase/deadline-not-reached', ...(done ? [other] : [])],
      extra: late
        ? { text: `${now} s since startTime, past the ${deadline} s allowed: the time spent ${stuck ? 'waiting for the image' : 'crash-looping'} counts. ContainerStatusUnknown is what the kill leaves of a container that was not running.`, evidence: yaml.at('deadline') }
        : { text: `Only ${now} s of the ${deadline} s allowed have passed since startTime, so the deadline has not fired.`, evidence: yaml.at('deadline') },
    });
  },
};

const deletedOrEvicted: T = {
  id: 'pod-phase/deleted-or-evicted',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    // Running always has two containers, one of which exited 0 on the SIGTERM and is not restarted: a single running
    // container would make "deletion does not change the phase" the only fact (review J, PP-H1).
    // Pending likewise: one container exited 0 on the SIGTERM while the other was never created, so "deleted and a
    // container has stopped" tempts Succeeded, and the waiting one keeps the pod Pending.
    const c = cast(rng, service({ apps: target === 'Running' || target === 'Pending' ? [2, 2] : [1, 2] }));
    const evicted = target === 'Failed' && rng.chance(0.4);
    // A stopped container fails with 143 only if it ignores SIGTERM, which our own services may; redis, nginx and the
    // other catalogue servers stop cleanly on it, so for them the failure is the SIGKILL after the grace period (137).
    const ownCode = (n: string) => c.apps.find((a) => a.name === n)?.image.startsWith(HOUSE_REGISTRY) === true;
    const gone = (n: string, ok: boolean) => terminated(n, ok ? COMPLETED : evicted ? { exitCode: 137, reason: 'ContainerStatusUnknown' } : ownCode(n) ? pick(rng, [{ exitCode: 143, reason: 'Error' }, { exitCode: 137, reason: 'Error' }]) : { exitCode: 137, reason: 'Error' });
    const loser = rng.int(0, c.apps.length - 1);
    const stillUp = rng.int(0, c.apps.length - 1);
    // Pending: deleted while one container was never created; the kubelet is still tearing it down.
    const apps = c.apps.map((a, k) => (target === 'Pending' ? (k === stillUp ? waiting(a.name, pick(rng, ['ContainerCreating', 'ImagePullBackOff'])) : terminated(a.name, COMPLETED))
      : target === 'Running' ? (k === stillUp ? running(a.name, { ready: false }) : terminated(a.name, COMPLETED)) : gone(a.name, target === 'Succeeded' || (k !== loser && !evicted))));
    const stopping = target === 'Running' || target === 'Pending';
    const facts = factsOf({ cast: c, restartPolicy: 'Always', inits: [], apps, terminal: !stopping, deleting: !evicted, ...(evicted ? { evicted: 'The node was low on resource: memory.' } : {}), sandboxReady: target === 'Running' });
    const yaml = yamlView(evicted
      ? ['status:', ['  reason: Evicted', 'gone'], '  message: "The node was low on resource: memory."']
      : ['metadata:', ['  deletionTimestamp: "2025-06-12T10:14:03Z"', 'gone'], 'spec:', '  restartPolicy: Always']);
    return phaseDraft(facts, {
      prompt: `${who(c)} (restartPolicy: Always) ${evicted ? 'was evicted by its kubelet' : 'was deleted a few seconds ago'}. What is its status.phase?`,
      yaml, columns: TABLE, withUnknown: true,
      rules: [target === 'Running' ? 'phase/running' : target === 'Pending' ? 'phase/terminal-exit-codes' : 'phase/always-restarts'],
      ...(target === 'Running' ? { extra: { text: `${c.apps[1 - stillUp]!.name} exited 0 and is not restarted, because the pod is being deleted.`, evidence: yaml.at('gone') } } : target === 'Pending' ? { extra: { text: `${c.apps[1 - stillUp]!.name} exited 0 on the SIGTERM, but ${c.apps[stillUp]!.name} was never created and still waits, which keeps the pod Pending: deletion alone does not change the phase.`, evidence: yaml.at('gone') } }
        : { extra: { text: `Without the ${evicted ? 'eviction' : 'deletion'}, restartPolicy Always would have restarted them and kept the pod Running.`, evidence: yaml.at('gone') } }),
    });
  },
};

// Bare pods (no controller), which may use any restartPolicy, as a CI runner or a one-off tool would.
const BARE = [
  { pod: 'load-test', init: 'fetch-config', app: 'k6' }, { pod: 'db-migration', init: 'wait-for-db', app: 'migrate' },
  { pod: 'ci-runner', init: 'git-clone', app: 'build' }, { pod: 'model-eval', init: 'download-model', app: 'evaluate' },
] as const;

const restartOverride: T = {
  id: 'pod-phase/container-restart-override',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    const bare = pick(rng, BARE);
    const c: Cast = { owner: 'Job', podName: bare.pod, inits: [{ name: bare.init, image: 'busybox:1.36', sidecar: false }], apps: [{ name: bare.app, image: 'busybox:1.36' }] };
    const { init, app } = bare;
    const setup = {
      Failed: { pod: 'Always', on: init, own: 'Never', init: terminated(init, initFailure(rng)), app: waiting(app, 'PodInitializing') },
      Pending: { pod: 'Never', on: init, own: 'OnFailure', init: waiting(init, 'CrashLoopBackOff', { restartCount: rng.int(1, 6), lastTerminationState: initFailure(rng) }), app: waiting(app, 'PodInitializing') },
      Running: { pod: 'Never', on: app, own: pick(rng, ['OnFailure', 'Always'] as const), init: terminated(init, COMPLETED), app: waiting(app, 'CrashLoopBackOff', { restartCount: rng.int(1, 4), lastTerminationState: failure(rng) }) },
      Succeeded: { pod: 'Always', on: app, own: pick(rng, ['OnFailure', 'Never'] as const), init: terminated(init, COMPLETED), app: terminated(app, COMPLETED) },
    }[target]!;
    const own = setup.own as RestartPolicy;
    const withOwn = (s: ContainerSnapshot): ContainerSnapshot => (s.name === setup.on ? { ...s, restartPolicy: own } : s);
    const facts = factsOf({ cast: c, restartPolicy: setup.pod as RestartPolicy, inits: [withOwn(setup.init)], apps: [withOwn(setup.app)] });
    const ownLine = (name: string) => (name === setup.on ? [[`    restartPolicy: ${own}`, 'own'] as const] : []);
    const yaml = yamlView(['spec:', [`  restartPolicy: ${setup.pod}`, 'pod'], '  initContainers:', `  - name: ${init}`, ...ownLine(init), '  containers:', `  - name: ${app}`, ...ownLine(app)]);
    return phaseDraft(facts, {
      prompt: `Bare pod ${bare.pod} runs on Kubernetes 1.35, where a container may set its own restartPolicy (ContainerRestartRules, beta, on by default). What is its status.phase?`,
      yaml, columns: ['container', 'state', 'reason', 'exit', 'restarts'], withUnknown: true,
      rules: ['phase/container-restart-policy'], docUrl: DOCS.restartRules,
      ...(target === 'Failed' ? {} : { extra: { text: `${setup.on}'s own restartPolicy: ${own} wins over the pod's ${setup.pod}.`, evidence: yaml.at('own', 'pod') } }),
    });
  },
};

const sidecarCrashStage: T = {
  id: 'pod-phase/sidecar-crash-stage',
  // No Failed: a main container that failed under Never fails the pod whatever the sidecar did, so the folklore "a
  // crash-looping sidecar fails the pod" reached the key too (review I, PP-H3). Every draw is a Job pod under Never,
  // where that folklore says Failed: the sidecar's own restartPolicy Always restarts it whatever the pod's policy, and
  // at each stage a second rule decides (the start gate, the running main container, the ignored exit).
  targets: ['Pending', 'Running', 'Succeeded'],
  build(rng, target) {
    const c = cast(rng, job({ sidecars: [1, 1], inits: [0, 0] }));
    const name = sidecarOf(c);
    // Restarts stay modest: a loop in a Job pod is noticed long before dozens of tries.
    const looping = waiting(name, 'CrashLoopBackOff', { restartCount: rng.int(3, 9), lastTerminationState: failure(rng) });
    // Once the pod has finished, the kill is over: the crash-looping sidecar is recorded Terminated, ContainerStatusUnknown.
    const side = target === 'Succeeded' ? killed(rng, looping) : looping;
    const apps = c.apps.map((a) => ({
      Pending: () => waiting(a.name, 'PodInitializing'),
      Running: () => running(a.name),
      Succeeded: () => terminated(a.name, COMPLETED),
    })[target]!());
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: [side], apps });
    const SECOND: Record<string, RuleId> = { Pending: 'sidecars/start-gate', Running: 'sidecars/always-restarted', Succeeded: 'sidecars/exit-ignored' };
    const main = c.apps[0]!.name;
    const line: ExplanationLine | undefined = target === 'Pending'
      ? { text: `Pending: ${name} has crashed each time before its startup probe passed, so it has never counted as started (its restarts are those crashes). Initialization cannot go past it: ${main} still waits with PodInitializing.` }
      : undefined;
    const extra: ExplanationLine = target === 'Succeeded'
      ? { text: `The kubelet stopped ${name} once ${main} had exited 0; a sidecar's exit never counts toward Succeeded or Failed.` }
      : { text: `${name} has its own restartPolicy: Always, so the kubelet restarts it even though the pod's policy is Never, and none of its crashes fails the pod.` };
    // The spec shows both policies the item turns on: the pod's Never and the sidecar's own Always.
    const yaml = sidecarSpec(c, 'Never');
    return phaseDraft(facts, {
      prompt: `${who(c)}: its native sidecar ${name}, which has a startup probe, has crashed over and over. What is its status.phase?`,
      yaml, columns: ['container', 'state', 'reason', 'exit', 'restarts'], rules: [SECOND[target]!], withUnknown: true,
      extra: target === 'Succeeded' ? extra : { ...extra, evidence: yaml.at('where') },
      ...(line ? { line } : {}),
    });
  },
};
const deadlineUnscheduled: T = {
  id: 'pod-phase/deadline-from-start',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  // The deadline fires in about 40 % of draws, so the clock is never a distractor to ignore (review K3).
  weights: [1, 1, 1, 2],
  build(rng, target) {
    const c = cast(rng, job());
    const deadline = pick(rng, [600, 900]);
    const created = deadline + rng.int(600, 1800);
    const waited = target === 'Failed' ? rng.int(60, created - deadline - 30) : created - rng.int(120, deadline - 60);
    const sinceStart = created - waited;
    const name = c.apps[0]!.name;
    const bound = target !== 'Pending';
    const ended = sinceStart - rng.int(20, 90);
    // Failed is always OnFailure, where a killed container would be restarted: only the deadline makes it Failed, so
    // the trap can change the answer (under Never the 137 alone would say Failed; review L3, PP-H2). The other answers
    // draw either policy, so the policy does not give Failed away.
    const policy: RestartPolicy = target === 'Failed' ? 'OnFailure' : pick(rng, ['Never', 'OnFailure'] as const);
    const state = { Pending: () => ({ name, state: 'none' as const }), Running: () => running(name), Succeeded: () => terminated(name, COMPLETED), Failed: () => killed(rng, running(name)) }[target]!();
    const facts = factsOf({
      cast: c, restartPolicy: policy, inits: [], apps: [state],
      placement: bound ? { bound: true } : { bound: false, reason: 'Unschedulable', message: `0/3 nodes are available: 3 ${reasonText.memory}.` },
      deadline: { activeDeadlineSeconds: deadline, ...(bound ? { secondsSinceStart: sinceStart } : {}), ...(target === 'Succeeded' ? { endedAtSeconds: ended } : {}) },
    });
    // restartPolicy is shown because the Succeeded explanation cites it (review I, PP-H1).
    const yaml = yamlView(['spec:', [`  activeDeadlineSeconds: ${deadline}`, 'deadline'], [`  restartPolicy: ${policy}`, 'policy'], 'status:',
      ...(bound ? [[`  startTime: "2025-06-12T${clock(waited)}Z"`, 'start'] as const] : ['  conditions:', ['  - type: PodScheduled', 'start'] as const, ['    status: "False"', 'start'] as const])]);
    return phaseDraft(facts, {
      prompt: `${who(c)} was created at 10:00:00 and waited for a node. It is now ${clock(created)}${target === 'Succeeded' ? ` (its container finished at ${clock(waited + ended)})` : ''}. What is its status.phase?`,
      yaml, columns: TABLE, rules: ['phase/deadline-from-start'], withUnknown: true, docUrl: DOCS.deadline,
      extra: { text: bound ? `The deadline counts from startTime (${clock(waited)}), when a kubelet took the pod: ${sinceStart} s of ${deadline}.${target === 'Failed' ? ' Without it, OnFailure would have restarted the killed container.' : ''}` : 'The deadline counts from startTime, which a pod gets only once a kubelet accepts it: this one has none.', evidence: yaml.at('deadline', 'start') },
    });
  },
};

const legacyOrNative: T = {
  id: 'pod-phase/legacy-or-native-sidecar',
  targets: ['Pending', 'Running', 'Succeeded', 'Failed'],
  build(rng, target) {
    const native = target === 'Succeeded' ? true : target === 'Running' ? false : rng.chance(target === 'Pending' ? 0.5 : 0.3);
    const base = cast(rng, job());
    const shipper = pick(rng, [{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.1' }, { name: 'vector', image: 'timberio/vector:0.40.0-alpine' }]);
    const c: Cast = native ? { ...base, inits: [{ ...shipper, sidecar: true }] } : { ...base, apps: [...base.apps, shipper] };
    const main = c.apps[0]!.name;
    const mainExit = target === 'Failed' && native ? failure(rng) : COMPLETED;
    // Nothing stops a legacy sidecar for the Job, so a legacy one that ended failed on its own (a crash, the OOM killer).
    const stopped = target === 'Failed' && !native ? failure(rng) : pick(rng, [COMPLETED, ...STOPPED_SIDECAR]);
    // Pending: the shipper's image cannot be pulled; a native sidecar holds main back, a legacy one does not.
    const pending = target === 'Pending';
    const ship = pending ? waiting(shipper.name, pick(rng, ['ImagePullBackOff', 'ErrImagePull'])) : target === 'Running' ? running(shipper.name) : terminated(shipper.name, stopped);
    const mainState = pending ? (native ? waiting(main, 'PodInitializing') : running(main)) : terminated(main, mainExit);
    const facts = factsOf({ cast: c, restartPolicy: 'Never', inits: native ? [ship] : [], apps: native ? [mainState] : [mainState, ship] });
    const yaml = yamlView(native
      ? ['spec:', '  restartPolicy: Never', ['  initContainers:', 'where'], `  - name: ${shipper.name}`, `    image: ${shipper.image}`, ['    restartPolicy: Always', 'where'], '  containers:', `  - name: ${main}`]
      : ['spec:', '  restartPolicy: Never', ['  containers:', 'where'], `  - name: ${main}`, `  - name: ${shipper.name}`, `    image: ${shipper.image}`]);
    return phaseDraft(facts, {
      prompt: `${who(c)} runs ${shipper.name} next to its main container. What is its status.phase?`,
      yaml, columns: TABLE, withUnknown: true, rules: [native ? (pending ? 'sidecars/start-gate' : 'sidecars/exit-ignored') : 'sidecars/legacy-sidecar'],
      extra: native
        ? { text: pending ? `${shipper.name} is a native sidecar: ${main} starts only once it has started.` : `${shipper.name} is a native sidecar: the YAML lists it in initContainers with restartPolicy: Always.`, evidence: yaml.at('where') }
        : { text: `${shipper.name} is listed in containers, so it is a regular container: it counts like ${main}${target === 'Running' ? ', and nothing stops it when the Job is done' : target === 'Failed' ? ', so its failed exit fails the pod' : ''}.`, evidence: yaml.at('where') },
    });
  },
};

export const podPhaseHard: readonly T[] = [jobSidecarEnd, initFailureWithSidecar, deadlineCrashloop, deletedOrEvicted, restartOverride, sidecarCrashStage, deadlineUnscheduled, legacyOrNative];
