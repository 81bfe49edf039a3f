// More hard sidecar-lifecycle questions: the kubelet's next step when the pod's restartPolicy and a sidecar's own
// rules pull apart, whether the Service sends traffic while a sidecar is still starting, and how long start-up takes.
import { appStartSeconds } from '../model/sidecars.ts';
import { nextInitStep } from '../model/init-sequence.ts';
import { podConditions, conditionStatus } from '../model/conditions.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import { ruleInfo, type RuleId } from '../model/rules/index.ts';
import { code, helperId, helpers, inits, jobSteps, podYaml, probeFor, probedService, service, type Box } from './sidecar-cast.ts';
import { checked, optionsOf, type Ask, type Template } from './sidecar-ask.ts';
import { STAYS_UP_UNHEALTHY } from './sidecar-templates-hard.ts';

const doc = (rule: RuleId): string => ruleInfo(rule).docUrl;

// ── The next step when policies pull apart ─────────────────────────────────────────────────────

const POLICY_LABELS = {
  'restart-sidecar': (n: { S: string; C: string }) => `Restart ${n.S}`,
  'fail-pod': () => 'Mark the pod Failed; nothing else starts',
  'restart-init': (n: { S: string; C: string }) => `Restart ${n.C} after a back-off; the pod stays Pending`,
  'wait-startup': (n: { S: string; C: string }) => `Wait for ${n.S}'s startupProbe to pass`,
};

export const nextStepPolicy: Template = {
  id: 'next-step-policy', levels: ['hard'],
  keys: () => Object.keys(POLICY_LABELS),
  make(rng, _level, key): Ask {
    const [sidecar] = helpers(rng, 1);
    const [first, broken] = inits(rng, 2);
    const [main] = jobSteps(rng, 1);
    const policy: RestartPolicy = key === 'restart-init' ? 'OnFailure' : key === 'wait-startup' ? rng.pick(['Never', 'OnFailure']) : 'Never';
    const sidecarFirst = key === 'restart-sidecar' || key === 'wait-startup';
    const order: Box[] = sidecarFirst ? [first!, sidecar!, broken!] : [first!, broken!, sidecar!];
    const statusOf = (b: Box): ContainerSnapshot => {
      if (b === sidecar) {
        if (key === 'restart-sidecar') return { name: b.name, restartPolicy: 'Always', state: 'terminated', exitCode: 1, reason: 'Error' };
        if (key === 'wait-startup') return { name: b.name, restartPolicy: 'Always', state: 'running', started: false };
        return { name: b.name, restartPolicy: 'Always', state: 'none' };
      }
      if (b === first) return { name: b.name, state: 'terminated', exitCode: 0, reason: 'Completed' };
      return sidecarFirst ? { name: b.name, state: 'none' } : { name: b.name, state: 'terminated', exitCode: 1, reason: 'Error' };
    };
    const statuses = order.map(statusOf);
    const step = nextInitStep(statuses, policy);
    const at = 'index' in step ? order[step.index]! : order[0]!;
    const got = step.action === 'fail-pod' ? 'fail-pod' : step.action === 'wait' ? 'wait-startup' : step.action === 'restart' ? (at === sidecar ? 'restart-sidecar' : 'restart-init') : 'start';
    checked(key, got, 'next-step-policy');
    const S = code(sidecar!.name);
    const C = code(broken!.name);
    const { options, answerKey } = optionsOf(POLICY_LABELS, { S, C }, { S: '<sidecar>', C: '<init container>' }, key);
    const why = {
      'restart-sidecar': [`${S} is a native sidecar: the kubelet restarts it whenever it exits, even under restartPolicy Never.`, 'Only a regular init container that fails ends a Never pod.'],
      'fail-pod': [`${C} is a regular init container and exited 1 under restartPolicy Never: the kubelet gives up on the pod, which ends Failed.`, 'Nothing listed after it ever starts.'],
      'restart-init': [`${C} exited 1; under restartPolicy OnFailure the kubelet restarts that init container alone, with a growing back-off.`, 'The pod stays Pending until it exits 0.'],
      'wait-startup': [`${S} runs but its startupProbe has not passed: it is not started, so ${C} waits.`, `The restartPolicy (${policy}) plays no part until something exits.`],
    }[key]!;
    const rules: RuleId[] = {
      'restart-sidecar': ['sidecars/always-restarted', 'init/failure-never-fails-pod'],
      'fail-pod': ['init/failure-never-fails-pod', 'init/one-at-a-time'],
      'restart-init': ['init/failure-retried', 'init/one-at-a-time'],
      'wait-startup': ['sidecars/startup-probe-gates', 'sidecars/start-gate'],
    }[key] as RuleId[];
    const detail = (c: ContainerSnapshot): string => (c.state === 'none' ? 'no status yet' : c.state === 'running' ? (c.started === false ? 'running, startupProbe not passed' : 'running') : `exited ${c.exitCode}`);
    return {
      format: 'single', template: 'sidecar-lifecycle/next-step-policy', key, options, answerKey, rules, why, docUrl: doc(rules[0]!),
      prompt: `A Job's pod (restartPolicy: ${policy}) is starting; its init containers stand as in the table. What does the kubelet do next?`,
      yaml: podYaml(policy, [...order.map((b) => (b === sidecar && key === 'wait-startup' ? { ...b, startupProbe: probeFor(helperId(b), 'started') } : b)), main!]),
      table: { columns: ['Init container', 'Kind', 'State'], rows: order.map((b, i) => [b.name, b.place === 'sidecar' ? 'sidecar' : 'init', detail(statuses[i]!)]) },
    };
  },
};

// ── Does the Service send traffic? ─────────────────────────────────────────────────────────────

const TRAFFIC_LABELS = {
  yes: () => 'Yes: the pod is Ready',
  'no-helper': (n: { S: string; A: string }) => `No: ${n.A} is ready, but ${n.S} is not`,
  'no-started': (n: { S: string; A: string }) => `No: ${n.A} has not even started`,
  restarted: (n: { S: string; A: string }) => `No: ${n.S} is restarted until its probes pass`,
};

export const endpointsStartup: Template = {
  id: 'endpoints-startup', levels: ['hard'],
  keys: () => ['yes', 'no-helper', 'no-started'],
  make(rng, _level, key): Ask {
    // A failing sidecar readinessProbe only from a helper whose real check can fail while it runs (not Vector or the
    // OpenTelemetry Collector, which report healthy whenever they run).
    const [h] = key === 'no-helper' ? [helpers(rng, 4).find((x) => STAYS_UP_UNHEALTHY.has(helperId(x)))!] : helpers(rng, 1);
    // The app shows the readinessProbe the prompt says it passes; at "yes" the sidecar has none, so the answer needs
    // the YAML and a second rule (a started sidecar without a readinessProbe counts as ready).
    const app = probedService(rng);
    const legacy = key === 'no-helper' && rng.chance(0.4);
    const withReadiness = key === 'no-helper';
    const withStartup = key === 'no-started' || (!withReadiness && !legacy);
    const sidecar: Box = {
      ...h!, place: legacy ? 'containers' : 'sidecar',
      ...(withStartup ? { startupProbe: probeFor(helperId(h!), 'started') } : {}),
      ...(withReadiness ? { readinessProbe: probeFor(helperId(h!), 'ready') } : {}),
    };
    const started = key !== 'no-started';
    const sidecarStatus: ContainerSnapshot = {
      name: sidecar.name, ...(legacy ? {} : { restartPolicy: 'Always' as const }), state: 'running', started, ready: started && key !== 'no-helper',
    };
    const appStatus: ContainerSnapshot = started ? { name: app.name, state: 'running', started: true, ready: true } : { name: app.name, state: 'none' };
    const pod = legacy
      ? { restartPolicy: 'Always' as const, scheduled: true, sandboxReady: true, initContainers: [], containers: [appStatus, sidecarStatus] }
      : { restartPolicy: 'Always' as const, scheduled: true, sandboxReady: true, initContainers: [sidecarStatus], containers: [appStatus] };
    const ready = conditionStatus(podConditions(pod), 'Ready') === 'True';
    const got = ready ? 'yes' : appStatus.state === 'none' ? 'no-started' : sidecarStatus.ready === false ? 'no-helper' : 'unexplained';
    checked(key, got, 'endpoints-startup');
    const S = code(sidecar.name);
    const A = code(app.name);
    const { options, answerKey } = optionsOf(TRAFFIC_LABELS, { S, A }, { S: '<helper>', A: '<app>' }, key);
    const facts = key === 'no-started'
      ? `${S} has been running for a minute, but its startupProbe has not passed yet.`
      : `${withStartup ? `${S}'s startupProbe has passed. ` : ''}${withReadiness ? `${S}'s readinessProbe ${key === 'no-helper' ? 'fails' : 'passes'}. ` : ''}${A} runs and passes its own readinessProbe.`;
    const why = {
      yes: [withReadiness ? `${S} passes its readinessProbe and ${A} is ready: the pod is Ready.` : `${S} has no readinessProbe, so it counts as ready as soon as it is started; with ${A} ready, the pod is Ready.`],
      'no-helper': [legacy
        ? `${S} is listed in containers: an app container like any other, so its failing readinessProbe keeps the pod out of the Service's endpoints.`
        : `${S} is started, so ${A} could start and is ready; but a sidecar's readiness counts toward the pod's Ready, and ${S}'s readinessProbe fails.`],
      'no-started': [`${S} is not started until its startupProbe passes, so ${A}, listed in containers, has not been started at all: the pod cannot be Ready.`],
    }[key]!;
    const rules: RuleId[] = key === 'no-started' ? ['sidecars/startup-probe-gates', 'sidecars/readiness-counts'] : legacy ? ['sidecars/legacy-sidecar', 'sidecars/readiness-counts'] : ['sidecars/readiness-counts', 'sidecars/start-gate'];
    return {
      format: 'single', template: 'sidecar-lifecycle/endpoints-startup', key, options, answerKey, rules, why, docUrl: doc('sidecars/readiness-counts'),
      prompt: `A Deployment's pod, a minute after it was created. ${facts} Does its Service send it traffic?`,
      yaml: podYaml(null, legacy ? [app, sidecar] : [sidecar, app]),
    };
  },
};

// ── Seconds until the app starts ───────────────────────────────────────────────────────────────

export const appStart: Template = {
  id: 'app-start-seconds', levels: ['hard'],
  keys: () => [''],
  make(rng): Ask {
    const [h] = helpers(rng, 1);
    const probe = rng.chance(0.6);
    const sidecar: Box = { ...h!, ...(probe ? { startupProbe: probeFor(helperId(h!), 'started') } : { readinessProbe: probeFor(helperId(h!), 'ready') }) };
    const regular = inits(rng, 2);
    const order = rng.shuffle([sidecar, ...regular]);
    const passAfter = rng.int(3, 12);
    const runs = regular.map(() => rng.int(2, 25));
    const starting = order.map((b) => (b === sidecar ? { name: b.name, sidecar: true, seconds: probe ? passAfter : null } : { name: b.name, sidecar: false, seconds: runs[regular.indexOf(b)]! }));
    const value = appStartSeconds(starting);
    const app = service(rng);
    const facts = order.map((b) => (b === sidecar ? `${code(b.name)}'s ${probe ? 'startupProbe' : 'readinessProbe'} first passes ${passAfter} s after it starts` : `${code(b.name)} exits 0 after ${runs[regular.indexOf(b)]} s`));
    const why = [
      `Init containers run one at a time: ${order.filter((b) => b !== sidecar).map((b) => `${code(b.name)} ${runs[regular.indexOf(b)]} s`).join(' + ')}.`,
      probe
        ? `${code(sidecar.name)} counts as started only once its startupProbe passes, so its ${passAfter} s count too: ${value} s.`
        : `${code(sidecar.name)} has no startupProbe, so it is started as soon as it runs; readiness holds nothing back: ${value} s.`,
    ];
    const rules: RuleId[] = probe ? ['init/one-at-a-time', 'sidecars/startup-probe-gates'] : ['init/one-at-a-time', 'sidecars/start-gate'];
    let clock = 0;
    const tracks = order.map((b, i) => {
      const at = clock;
      const lasts = starting[i]!.seconds ?? 0;
      clock += lasts;
      if (b !== sidecar) return { label: b.name, marks: [{ at, label: 'starts', tone: 'start' as const }, { at: at + lasts, label: 'exits 0', tone: 'ok' as const }] };
      // Without a startupProbe it starts and counts as started at the same moment: one mark, not two on top of each other.
      if (!probe) return { label: b.name, marks: [{ at, label: 'starts (started)', tone: 'start' as const }, { at: at + passAfter, label: 'ready', tone: 'ready' as const }] };
      return { label: b.name, marks: [{ at, label: 'starts', tone: 'start' as const }, { at: at + passAfter, label: 'started (startupProbe)', tone: 'ok' as const }] };
    });
    const picture = {
      type: 'timeline' as const, unit: 's' as const, end: value + (probe ? 5 : passAfter + 3), answerAt: value,
      tracks: [...tracks, { label: app.name, marks: [{ at: value, label: 'starts', tone: 'start' as const }] }],
    };
    return {
      picture,
      format: 'number', template: 'sidecar-lifecycle/app-start-seconds', value, answerKey: String(value), rules, why, docUrl: doc(rules[1]!),
      prompt: `A new pod: ${facts.join('; ')}. Starting a container takes no time. How many seconds after the first init container starts does ${code(app.name)} start?`,
      yaml: podYaml(null, [...order, app]),
    };
  },
};
