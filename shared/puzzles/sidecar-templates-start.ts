// Easy and medium sidecar-lifecycle questions about starting up: when an init container starts, what the kubelet
// does next, the start order, and whether the pod is Ready. Each is built for an answer drawn first, then checked
// against the model (startGate, nextInitStep, podConditions).
import { startGate as gateOf } from '../model/sidecars.ts';
import { nextInitStep } from '../model/init-sequence.ts';
import { podConditions, conditionStatus } from '../model/conditions.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import { containerShouldRestart } from '../model/restart-policy.ts';
import { ruleInfo, type RuleId } from '../model/rules/index.ts';
import type { Rng } from '../random.ts';
import type { Difficulty } from './kind.ts';
import { code, helperId, helpers, inits, podYaml, probeFor, probedService, service, type Box } from './sidecar-cast.ts';
import { checked, optionsOf, type Ask, type Template } from './sidecar-ask.ts';

const spec = (b: Box) => (b.place === 'sidecar' ? { name: b.name, restartPolicy: 'Always' as const } : { name: b.name });
const doc = (rules: readonly RuleId[]): string => ruleInfo(rules[rules.length - 1]!).docUrl;

/** `size` init containers: `target` at `at`, `prev` just before it, the others from `pool`, at least one sidecar. */
function initList(size: number, at: number, prev: Box | null, target: Box, pool: Box[]): Box[] {
  const fillers = pool.filter((b) => b.name !== prev?.name && b.name !== target.name);
  const list = Array.from({ length: size }, (_, i) => (i === at ? target : i === at - 1 && prev ? prev : fillers.shift()!));
  if (!list.some((b) => b.place === 'sidecar')) {
    const free = list.findIndex((b, i) => i !== at && i !== at - 1);
    const sidecar = fillers.find((b) => b.place === 'sidecar');
    if (free >= 0 && sidecar) list[free] = sidecar;
  }
  return list;
}

// ── When does X start? ─────────────────────────────────────────────────────────────────────────

const GATE_LABELS = {
  first: () => 'Right away, as soon as the pod\'s volumes are ready',
  'exit-0': () => 'Once the init container listed before it has exited with code 0',
  running: () => 'Once the init container listed before it is running',
  startup: () => 'Once the one listed before it is running and its startupProbe has passed',
};
const EASY_GATE = { ...GATE_LABELS, startup: () => 'Once the init container listed before it passes its readinessProbe' };
// Medium never asks about the first container; its fourth answer is an earlier init container failing for good.
const { first: _first, ...MEDIUM_BASE } = GATE_LABELS;
const MEDIUM_GATE = { ...MEDIUM_BASE, never: () => 'Never: the pod fails before it gets there' };

export const startGate: Template = {
  id: 'start-gate', levels: ['easy', 'medium'],
  // Medium never asks about the first container: its lesson is the container after a sidecar (and its startupProbe).
  keys: (level) => (level === 'easy' ? ['first', 'exit-0', 'running'] : ['exit-0', 'running', 'startup', 'never']),
  make(rng, level, key): Ask {
    const size = level === 'easy' ? 3 : 4;
    const [sidecar, ...otherHelpers] = helpers(rng, 3);
    const [regular, target, ...otherInits] = inits(rng, 5);
    // At medium the regular init container before the asked one may fail once: restartPolicy decides what follows.
    const fails = key === 'never' || (level === 'medium' && key === 'exit-0' && rng.chance(0.5));
    const policy: RestartPolicy | null = key === 'never' ? 'Never' : fails ? rng.pick(['Always', 'OnFailure'] as const) : level === 'medium' && rng.chance(0.3) ? 'Never' : null;
    const prev = key === 'first' ? null : key === 'exit-0' || key === 'never' ? regular! : { ...sidecar!, ...(key === 'startup' ? { startupProbe: probeFor(helperId(sidecar!), 'started') } : {}) };
    const at = key === 'first' ? 0 : rng.int(1, size - 1);
    const pool = rng.shuffle([...otherHelpers, ...otherInits, ...(key === 'exit-0' || key === 'never' ? [sidecar!] : [regular!])]);
    let list = initList(size, at, prev, target!, pool);
    if (level === 'medium') list = list.map((b) => (b.place === 'sidecar' && b !== prev && rng.chance(0.5) ? { ...b, startupProbe: probeFor(helperId(b), 'started') } : b));
    const index = list.findIndex((b) => b.name === target!.name);
    const before = list[index - 1];
    const gate = gateOf(list.map(spec), index);
    const retried = !fails || containerShouldRestart({ name: before!.name, state: 'terminated', exitCode: 1 }, policy ?? 'Always', 1);
    const got = gate === 'first' ? 'first' : gate === 'previous-exit-0' ? (retried ? 'exit-0' : 'never') : before?.startupProbe ? 'startup' : 'running';
    checked(key, got, 'start-gate');
    const P = before ? code(before.name) : '';
    const why = {
      first: `${code(target!.name)} is the first init container: the kubelet starts it as soon as the pod's sandbox and volumes are ready.`,
      'exit-0': `${P} is a regular init container: they run one at a time, and the next starts only once it has exited with code 0${fails ? ` (restartPolicy ${policy} retries a failed init container with a back-off until it does)` : ''}.`,
      never: `${P} is a regular init container, and under restartPolicy Never a failed init container is not retried: the pod is Failed and ${code(target!.name)} never starts.`,
      running: `${P} is a native sidecar (restartPolicy: Always) without a startupProbe: it never exits, so the next init container starts as soon as it is running.`,
      startup: `${P} is a native sidecar with a startupProbe: it counts as started, and lets ${code(target!.name)} start, only once that probe passes. Readiness plays no part.`,
    }[key]!;
    const rules: RuleId[] = key === 'startup' ? ['sidecars/start-gate', 'sidecars/startup-probe-gates'] : key === 'running' ? ['sidecars/start-gate']
      : key === 'never' ? ['init/one-at-a-time', 'init/failure-never-fails-pod'] : fails ? ['init/one-at-a-time', 'init/failure-retried'] : ['init/one-at-a-time'];
    const { options, answerKey } = optionsOf(level === 'easy' ? EASY_GATE : MEDIUM_GATE, {}, {}, key);
    return {
      format: 'single', template: 'sidecar-lifecycle/start-gate', key, options, answerKey, rules, why: [why], docUrl: doc(rules),
      prompt: `The kubelet is starting this pod${fails ? `; ${P} exits with code 1 the first time it runs` : ''}. When does the init container ${code(target!.name)} start?`,
      yaml: podYaml(policy, [...list, service(rng)]),
    };
  },
};

// ── What does the kubelet do next? ─────────────────────────────────────────────────────────────

type Row = { box: Box; status: ContainerSnapshot; detail: string };
const done = (b: Box): Row => (b.place === 'sidecar'
  ? { box: b, status: { name: b.name, restartPolicy: 'Always', state: 'running', started: true, ready: true }, detail: 'started' }
  : { box: b, status: { name: b.name, state: 'terminated', exitCode: 0, reason: 'Completed' }, detail: 'exit 0' });

const NEXT_LABELS = {
  start: (n: { C: string }) => `Start ${n.C}`,
  'wait-exit': (n: { C: string }) => `Wait for ${n.C} to exit`,
  'wait-started': (n: { C: string }) => `Wait for ${n.C}'s startupProbe to pass`,
  restart: (n: { C: string }) => `Restart ${n.C} after a back-off`,
  'start-apps': () => 'Start the app containers',
};

function currentRow(key: string, b: Box): Row {
  const base = { name: b.name, ...(b.place === 'sidecar' ? { restartPolicy: 'Always' as const } : {}) };
  switch (key) {
    case 'start': return { box: b, status: { ...base, state: 'none' }, detail: 'no status yet' };
    case 'wait-exit': return { box: b, status: { ...base, state: 'running' }, detail: 'running' };
    case 'wait-started': return { box: b, status: { ...base, state: 'running', started: false, ready: false }, detail: 'startupProbe not passed yet' };
    default: return { box: b, status: { ...base, state: 'terminated', exitCode: 1, reason: 'Error', restartCount: 2 }, detail: 'exit 1 (2 restarts)' };
  }
}

export const nextStep: Template = {
  id: 'next-step', levels: ['easy', 'medium'],
  keys: (level) => (level === 'easy' ? ['start', 'wait-exit', 'restart', 'start-apps'] : ['start', 'wait-exit', 'wait-started', 'restart', 'start-apps']),
  make(rng, level, key): Ask {
    const list = rng.shuffle([...helpers(rng, 1), ...inits(rng, level === 'easy' ? 2 : 3)]);
    const sidecarAt = list.findIndex((b) => b.place === 'sidecar');
    const at = key === 'start-apps' ? list.length : key === 'wait-started' ? sidecarAt
      : rng.pick(list.map((b, i) => i).filter((i) => list[i]!.place === 'init' || key === 'start'));
    const rows: Row[] = list.map((b, i) => (i < at ? done(b) : i === at ? currentRow(key, b) : { box: b, status: { name: b.name, ...(b.place === 'sidecar' ? { restartPolicy: 'Always' as const } : {}), state: 'none' }, detail: 'no status yet' }));
    const step = nextInitStep(rows.map((r) => r.status), 'Always');
    const got = step.action === 'start-regular-containers' ? 'start-apps' : step.action === 'start' ? 'start'
      : step.action === 'restart' ? 'restart' : step.action === 'wait' ? (step.until === 'started' ? 'wait-started' : 'wait-exit') : 'fail-pod';
    checked(key, got, 'next-step');
    const current = list[Math.min(at, list.length - 1)]!;
    const C = code(current.name);
    const labels = Object.fromEntries(
      // A startupProbe wait is offered only about a sidecar: regular init containers cannot have probes.
      rng.shuffle(Object.keys(NEXT_LABELS).filter((k) => k !== key && (k !== 'wait-started' || (level !== 'easy' && current.place === 'sidecar')))).slice(0, 3).concat(key)
        .map((k) => [k, NEXT_LABELS[k as keyof typeof NEXT_LABELS]]),
    ) as Record<string, (n: { C: string }) => string>;
    const { options, answerKey } = optionsOf(labels, { C }, { C: '<container>' }, key);
    const why = {
      start: `Every init container before ${C} is done (exited 0, or started for a sidecar), so the kubelet starts ${C}.`,
      'wait-exit': `${C} is a regular init container still running: the next one starts only once it exits with code 0.`,
      'wait-started': `${C} is a native sidecar whose startupProbe has not passed: it is not started yet, so nothing after it starts.`,
      restart: `${C} exited 1 and restartPolicy is Always: the kubelet restarts that init container alone, with a growing back-off, and the pod stays Pending.`,
      'start-apps': 'Every regular init container has exited 0 and every sidecar is started: the kubelet starts the app containers.',
    }[key]!;
    const rules: RuleId[] = {
      start: ['init/one-at-a-time'], 'wait-exit': ['init/one-at-a-time'], 'wait-started': ['sidecars/startup-probe-gates'],
      restart: ['init/failure-retried'], 'start-apps': ['init/before-app-containers'],
    }[key] as RuleId[];
    return {
      format: 'single', template: 'sidecar-lifecycle/next-step', key, options, answerKey, rules, why: [why], docUrl: doc(rules),
      prompt: 'A Deployment\'s pod (restartPolicy: Always) is starting; its init containers stand as in the table. What does the kubelet do next?',
      yaml: podYaml(null, [...list.map((b) => (b.place === 'sidecar' && key === 'wait-started' ? { ...b, startupProbe: probeFor(helperId(b), 'started') } : b)), service(rng)]),
      table: { columns: ['Init container', 'Kind', 'State'], rows: rows.map((r) => [r.box.name, r.box.place === 'sidecar' ? 'sidecar' : 'init', r.detail]) },
    };
  },
};

// ── Is the pod Ready? ──────────────────────────────────────────────────────────────────────────

const READY_LABELS = {
  ready: () => 'Yes: the pod is Ready',
  // Each "No" names the one situation it fits, so exactly one option is true: a sidecar not started leaves the app
  // unstarted too, and "X is not ready" alone would then be true of both.
  sidecar: (n: { S: string; A: string }) => `No: ${n.A} is ready, but ${n.S} is not`,
  app: (n: { S: string; A: string }) => `No: ${n.S} is ready, but ${n.A} is not`,
  initializing: (n: { S: string; A: string }) => `No: ${n.A} has not even started`,
};

export const podReady: Template = {
  id: 'pod-ready', levels: ['easy', 'medium'],
  keys: (level) => (level === 'easy' ? ['ready', 'sidecar', 'app'] : ['ready', 'sidecar', 'app', 'initializing']),
  make(rng, level, key): Ask {
    const [s] = helpers(rng, 1);
    const sidecar: Box = { ...s!, readinessProbe: probeFor(helperId(s!), 'ready'), ...(key === 'initializing' ? { startupProbe: probeFor(helperId(s!), 'started') } : {}) };
    const [drawn] = inits(rng, 1);
    // Easy shows a finished regular init container (it does not count toward Ready); medium leaves it out, so the
    // spec, the table and four two-name options still fit a 1280×720 projector beside the reveal.
    const init = level === 'easy' ? drawn : undefined;
    // The app always has its readinessProbe: shown not ready without one would be a state no cluster produces.
    const app = probedService(rng);
    const sidecarStatus: ContainerSnapshot = key === 'initializing'
      ? { name: sidecar.name, restartPolicy: 'Always', state: 'running', started: false, ready: false }
      : { name: sidecar.name, restartPolicy: 'Always', state: 'running', started: true, ready: key !== 'sidecar' };
    const appStatus: ContainerSnapshot = key === 'initializing' ? { name: app.name, state: 'none' } : { name: app.name, state: 'running', started: true, ready: key !== 'app' };
    const initStatus: ContainerSnapshot[] = init ? [{ name: init.name, state: 'terminated', exitCode: 0, reason: 'Completed' }] : [];
    const conditions = podConditions({ restartPolicy: 'Always', scheduled: true, sandboxReady: true, initContainers: [...initStatus, sidecarStatus], containers: [appStatus] });
    const readyNow = conditionStatus(conditions, 'Ready') === 'True';
    const got = readyNow ? 'ready' : key === 'initializing' && appStatus.state === 'none' ? 'initializing' : sidecarStatus.ready === false ? 'sidecar' : 'app';
    checked(key, got, 'pod-ready');
    const S = code(sidecar.name);
    const A = code(app.name);
    const { options, answerKey } = optionsOf(READY_LABELS, { S, A }, { S: '<sidecar>', A: '<app>' }, key);
    const why = {
      ready: init
        ? `Ready needs every app container and every sidecar ready; ${code(init.name)}, a regular init container that exited 0, does not count. All of them are ready.`
        : `Ready needs every app container and every sidecar ready, and both ${A} and ${S} are.`,
      sidecar: `A sidecar's readiness counts toward the pod's Ready like an app container's: ${S} is not ready, so the pod leaves the Service's endpoints.`,
      app: `${A}'s readinessProbe is not passing: ${A} is not ready, so ContainersReady and Ready are False and the Service sends the pod no traffic. Nothing is restarted for that.`,
      initializing: `${S} has not passed its startupProbe, so initialization is not over and ${A} has not even started: neither is ready, and the pod is not Ready.`,
    }[key]!;
    // An app container not ready → no traffic is the probes page's claim (its IP leaves the EndpointSlices), not the
    // sidecar page's, which covers a sidecar's readiness.
    const rules: RuleId[] = key === 'initializing' ? ['sidecars/startup-probe-gates'] : key === 'app' ? ['probes/readiness-endpoints'] : ['sidecars/readiness-counts'];
    const row = (name: string, kind: string, st: ContainerSnapshot): string[] => [
      name, kind, st.state === 'none' ? 'no status yet' : st.state === 'terminated' ? `Terminated (exit ${st.exitCode})` : 'Running',
      st.state === 'running' ? (st.started === false ? 'no' : 'yes') : '—', kind === 'init' || st.state !== 'running' ? '—' : st.ready ? 'yes' : 'no',
    ];
    return {
      format: 'single', template: 'sidecar-lifecycle/pod-ready', key, options, answerKey, rules, why: [why], docUrl: doc(rules),
      prompt: `A Deployment's pod, as the table shows it now. Does its Service send it traffic?`,
      yaml: podYaml(null, [...(init ? [init] : []), sidecar, app]),
      table: {
        columns: ['Container', 'Kind', 'State', 'Started', 'Ready'],
        rows: [...(init ? [row(init.name, 'init', initStatus[0]!)] : []), row(sidecar.name, 'sidecar', sidecarStatus), row(app.name, 'app', appStatus)],
      },
    };
  },
};

// ── Start order ────────────────────────────────────────────────────────────────────────────────

export const startOrder: Template = {
  id: 'start-order', levels: ['easy', 'medium'],
  keys: () => [''],
  make(rng, level): Ask {
    const list = rng.shuffle([...helpers(rng, 1), ...inits(rng, level === 'easy' ? 1 : 2)]);
    const app = service(rng);
    // A helper in containers half the time at medium, not always: the list decides, so a named sidecar image must not
    // read as "the trap" by habit.
    const legacy = level === 'medium' && rng.chance(0.5) ? [{ ...helpers(rng, 1)[0]!, place: 'containers' as const }].filter((b) => !list.some((x) => x.name === b.name)) : [];
    const stages = [...list.map((b) => [b.name]), [app.name, ...legacy.map((b) => b.name)]];
    const notes = list.map((b, i) => (i === 0 ? `${code(b.name)} is listed first` : list[i - 1]!.place === 'sidecar'
      ? `${code(b.name)} starts once the sidecar ${code(list[i - 1]!.name)}, listed before it, is started` : `${code(b.name)} starts once ${code(list[i - 1]!.name)}, listed before it, has exited 0`));
    notes.push(`${[app, ...legacy].map((b) => code(b.name)).join(' and ')} ${legacy.length ? 'start' : 'starts'} once every init container is done${legacy.length ? `; ${code(legacy[0]!.name)} is in containers, not a native sidecar` : ''}`);
    const rules: RuleId[] = ['init/one-at-a-time', 'sidecars/start-gate', ...(legacy.length ? ['sidecars/legacy-sidecar' as const] : [])];
    return {
      format: 'order', template: 'sidecar-lifecycle/start-order', rules, docUrl: doc(['sidecars/start-gate']),
      prompt: 'The pod is created. Put its containers in the order they start, first to last (containers started together may go in either order).',
      yaml: podYaml(null, [...list, app, ...legacy]),
      stages, labels: Object.fromEntries([...list, app, ...legacy].map((b) => [b.name, b.name])), stageNotes: notes,
      why: ['Init containers start one at a time in list order: a regular one after the one before it exits 0, a sidecar once it is started; the containers start after all of them.'],
    };
  },
};
