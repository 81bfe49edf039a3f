// Hard probe timing: two rules at once. A startupProbe gating liveness or readiness, a hang whose checks time out,
// a kill followed by the grace period. Only the hang template says "hangs" (each check then fails timeoutSeconds after
// it starts); the others say how each check fails at once (failsAtOnce), so no timeout adds to their totals.
// No initialDelaySeconds on a probe behind a startupProbe: the docs and the
// kubelet measure it from different moments (docs/rules/probes.md#initial-delay-after-a-startup-probe).
import type { Rng } from '../random.ts';
import { failingTrace, passingTrace, startupPassingAt } from '../model/probe-schedule.ts';
import {
  graceAfterProbeKill, hangDetectionSeconds, livenessKillSeconds, probeDefaults, probesActiveAfterSeconds, readinessRecoverySeconds,
  startupGiveUpSeconds, withProbeDefaults, type ProbeHandler, type ProbeSettings, type ProbeSpec, type ResolvedProbe,
} from '../model/probes.ts';
import { appName, type ProbeApp } from './probe-apps.ts';
import { appContainer, ordinal } from './probe-choice-scenes.ts';
import { failsAtOnce, handlerFor, hangApps, PROBES, readinessApps, timeline, timingApps, traceTrack, type TimingPuzzle } from './probe-timing-kit.ts';
import { line, linesTagged, podYaml, yamlText, type Yaml } from './probe-yaml.ts';

type Field = keyof ResolvedProbe;
const STARTUP_URL = `${PROBES}#startup-probe`;
const CONFIGURE = `${PROBES}#configure-probes`;
/** A name at the start of a sentence: 'The orders-api service', 'Keycloak', 'The etcd container'. */
const cap = (s: string): string => (/^[a-z]/.test(s) && !s.startsWith('the ') ? `The ${s} container` : s.charAt(0).toUpperCase() + s.slice(1));

/** Keep each of these fields with a fair chance, the rest always; so some defaults have to be known. */
function someLeftOut(rng: Rng, s: ResolvedProbe, optional: readonly Field[], keep: readonly Field[]): ProbeSettings {
  const out: ProbeSettings = {};
  for (const f of keep) out[f] = s[f];
  for (const f of optional) if (rng.chance(0.5)) out[f] = s[f];
  return out;
}

function left(shown: ProbeSettings, fields: readonly Field[], what: string): string {
  const missing = fields.filter((f) => shown[f] === undefined).map((f) => `${f} ${probeDefaults[f]}`);
  return missing.length === 0 ? '' : `Defaults used on the ${what}: ${missing.join(', ')}.`;
}

function startupSettings(rng: Rng): ProbeSettings {
  const full: ResolvedProbe = { initialDelaySeconds: rng.pick([0, 10, 20]), periodSeconds: rng.pick([5, 10, 10, 15]), timeoutSeconds: 1, successThreshold: 1, failureThreshold: rng.int(6, 24) };
  const s = someLeftOut(rng, full, ['periodSeconds', 'initialDelaySeconds'], ['failureThreshold']);
  const p = withProbeDefaults(s);
  return p.initialDelaySeconds === 0 || p.initialDelaySeconds >= p.periodSeconds ? s : { ...s, initialDelaySeconds: 0 };
}

function gatedSettings(rng: Rng, readiness: boolean): ProbeSettings {
  const full: ResolvedProbe = { initialDelaySeconds: 0, periodSeconds: rng.pick([5, 10, 15]), timeoutSeconds: 1, successThreshold: readiness ? rng.int(1, 3) : 1, failureThreshold: rng.int(2, 5) };
  return someLeftOut(rng, full, readiness ? ['periodSeconds', 'successThreshold'] : ['periodSeconds', 'failureThreshold'], readiness ? ['failureThreshold'] : []);
}

/** The pod, and the checks it uses (a template may say how they fail). `failing`: no tcpSocket check, which an
 *  app that still listens would pass. */
function gatedYaml(app: ProbeApp, rng: Rng, startup: ProbeSettings, gated: 'livenessProbe' | 'readinessProbe', settings: ProbeSettings, failing = false): { yaml: Yaml; startupCheck: ProbeHandler; gatedCheck: ProbeHandler } {
  const startupCheck = handlerFor(rng, app, 'startupProbe', failing);
  const gatedCheck = handlerFor(rng, app, gated, failing);
  const yaml = podYaml({ containers: [appContainer(app, {
    startupProbe: { handler: startupCheck, ...startup },
    [gated]: { handler: gatedCheck, ...settings },
  })] });
  return { yaml, startupCheck, gatedCheck };
}

/** The startup check never passes: only its budget counts, liveness never runs. */
export function startupGatesGiveUp(rng: Rng): TimingPuzzle {
  const app = rng.pick(hangApps());
  const startup = startupSettings(rng);
  const liveness = gatedSettings(rng, false);
  const { yaml, startupCheck } = gatedYaml(app, rng, startup, 'livenessProbe', liveness, true);
  const s = withProbeDefaults(startup);
  const total = startupGiveUpSeconds(startup);
  const kill = livenessKillSeconds(liveness);
  const note = left(startup, ['initialDelaySeconds', 'periodSeconds'], 'startupProbe');
  return {
    template: 'probe-timing/startup-gates-give-up',
    prompt: `${cap(appName(app))} never gets through its boot: every check fails at once (${failsAtOnce(startupCheck, true)}). At most about how many seconds after the container starts does the kubelet kill it?`,
    code: { language: 'yaml', text: yamlText(yaml) },
    seconds: total,
    lines: [
      { text: 'Until the startupProbe passes, the livenessProbe does not run at all, so only the startup budget counts:', codeLines: linesTagged(yaml, 'livenessProbe') },
      { text: `${s.initialDelaySeconds} + ${s.failureThreshold} × ${s.periodSeconds} = ${total} s.${note ? ` ${note}` : ''}`, codeLines: linesTagged(yaml, 'startupProbe') },
    ],
    misses: [
      { value: total + kill, note: 'The liveness checks never start while the startup probe is failing, so their time does not add up.' },
      { value: kill, note: 'The livenessProbe is switched off until the startup probe succeeds; here it never does.' },
    ].filter((m) => m.value !== total),
    approximate: true,
    rules: ['probes/startup-gates', 'probes/startup-budget', ...(note ? ['probes/defaults' as const] : [])],
    docUrl: STARTUP_URL,
    timeline: timeline([{ label: app.name, marks: [{ at: 0, label: 'start', tone: 'start' }] }, traceTrack(failingTrace('startupProbe', startup, s.initialDelaySeconds))], total),
  };
}

/** The startup check passes at a stated moment; right after, every check fails at once; liveness counts from then. */
export function livenessAfterStartup(rng: Rng): TimingPuzzle {
  const app = rng.pick(hangApps());
  const startup = startupSettings(rng);
  const liveness = gatedSettings(rng, false);
  const { yaml, gatedCheck } = gatedYaml(app, rng, startup, 'livenessProbe', liveness, true);
  const s = withProbeDefaults(startup);
  const l = withProbeDefaults(liveness);
  const passedAt = s.initialDelaySeconds + s.periodSeconds * rng.int(2, Math.max(2, s.failureThreshold - 1));
  const kill = livenessKillSeconds(liveness);
  const total = probesActiveAfterSeconds(passedAt, liveness) + kill;
  const note = left(liveness, ['periodSeconds', 'failureThreshold'], 'livenessProbe');
  return {
    template: 'probe-timing/liveness-after-startup',
    prompt: `The startup check of ${appName(app)} first passes ${passedAt} s after the container starts; right after that every check fails at once, for good (${failsAtOnce(gatedCheck)}). At most about how many seconds after the container started does the kubelet kill it?`,
    code: { language: 'yaml', text: yamlText(yaml) },
    seconds: total,
    lines: [
      { text: `Liveness checks begin only once the startupProbe has passed, at ${passedAt} s.`, codeLines: linesTagged(yaml, 'startupProbe') },
      { text: `Then ${l.failureThreshold} failures ${l.periodSeconds} s apart, the first within a period, take at most ${kill} s more: ${passedAt} + ${kill} = ${total} s.${note ? ` ${note}` : ''}`, codeLines: linesTagged(yaml, 'livenessProbe') },
    ],
    misses: [{ value: kill, note: `The liveness clock only starts after the startup probe passed at ${passedAt} s.` }, { value: startupGiveUpSeconds(startup), note: 'The startupProbe passed, so its budget no longer matters.' }].filter((m) => m.value !== total),
    approximate: true,
    rules: ['probes/startup-gates', 'probes/failure-threshold', ...(note ? ['probes/defaults' as const] : [])],
    docUrl: STARTUP_URL,
    timeline: timeline([
      { label: app.name, marks: [{ at: 0, label: 'start', tone: 'start' }, { at: passedAt, label: 'fails', tone: 'fail' }] },
      traceTrack(startupPassingAt(startup, passedAt)), traceTrack(failingTrace('livenessProbe', liveness, passedAt)),
    ], total),
  };
}

/** Readiness waits for the startupProbe too, then needs successThreshold passes. */
export function readinessAfterStartup(rng: Rng): TimingPuzzle {
  const app = rng.pick(readinessApps());
  const startup = startupSettings(rng);
  const readiness = gatedSettings(rng, true);
  const { yaml } = gatedYaml(app, rng, startup, 'readinessProbe', readiness);
  const s = withProbeDefaults(startup);
  const r = withProbeDefaults(readiness);
  const passedAt = s.initialDelaySeconds + s.periodSeconds * rng.int(2, Math.max(2, s.failureThreshold - 1));
  const total = probesActiveAfterSeconds(passedAt, readiness) + readinessRecoverySeconds(readiness);
  const note = left(readiness, ['periodSeconds', 'successThreshold'], 'readinessProbe');
  return {
    template: 'probe-timing/readiness-after-startup',
    prompt: `The startup check of ${appName(app)} first passes ${passedAt} s after the container starts, and from then on every readiness check passes. At most about how many seconds after the start does the pod get traffic?`,
    code: { language: 'yaml', text: yamlText(yaml) },
    seconds: total,
    lines: [
      { text: `Readiness checks wait for the startupProbe, which passes at ${passedAt} s; until then the container is not ready.`, codeLines: linesTagged(yaml, 'startupProbe') },
      { text: `Then ${r.successThreshold === 1 ? `one pass, within a period of ${r.periodSeconds} s` : `${r.successThreshold} passes ${r.periodSeconds} s apart`}: ${passedAt} + ${r.successThreshold} × ${r.periodSeconds} = ${total} s.${note ? ` ${note}` : ''}`, codeLines: linesTagged(yaml, 'readinessProbe') },
    ],
    misses: [{ value: passedAt, note: 'A readinessProbe counts as failed until it has passed successThreshold times.' }, { value: r.successThreshold * r.periodSeconds, note: `Readiness only starts checking once the startup probe passed at ${passedAt} s.` }].filter((m) => m.value !== total),
    approximate: true,
    rules: ['probes/startup-gates', 'probes/success-threshold', 'probes/initial-state'],
    docUrl: STARTUP_URL,
    timeline: timeline([
      { label: app.name, marks: [{ at: 0, label: 'start', tone: 'start' }] },
      traceTrack(startupPassingAt(startup, passedAt)), traceTrack(passingTrace('readinessProbe', readiness, passedAt)),
    ], total),
  };
}

/** A hang: every check waits out timeoutSeconds before it counts as failed. */
export function hangTimeout(rng: Rng): TimingPuzzle {
  const app = rng.pick(hangApps());
  const period = rng.pick([5, 10, 10, 15, 20]);
  const full: ResolvedProbe = { initialDelaySeconds: 0, periodSeconds: period, timeoutSeconds: rng.pick([1, 2, 3, 5].filter((t) => t < period)), successThreshold: 1, failureThreshold: rng.int(2, 5) };
  const settings = someLeftOut(rng, full, ['timeoutSeconds', 'periodSeconds', 'failureThreshold'], []);
  const p = withProbeDefaults(settings);
  const spec: ProbeSpec = { handler: handlerFor(rng, app, 'livenessProbe', true), ...settings };
  const yaml = podYaml({ containers: [appContainer(app, { livenessProbe: spec })] });
  const total = hangDetectionSeconds(settings);
  const note = left(settings, ['periodSeconds', 'timeoutSeconds', 'failureThreshold'], 'livenessProbe');
  return {
    template: 'probe-timing/hang-timeout',
    prompt: `${cap(appName(app))} hangs: from now on no check gets any answer, each one waits out its timeout. At most about how many seconds from the hang until the kubelet kills the container?`,
    code: { language: 'yaml', text: yamlText(yaml) },
    seconds: total,
    lines: [
      { text: `A check with no answer fails after timeoutSeconds. Checks still start ${p.periodSeconds} s apart, so the ${ordinal(p.failureThreshold)} failure lands at most ${p.failureThreshold} × ${p.periodSeconds} + ${p.timeoutSeconds} = ${total} s.`, codeLines: linesTagged(yaml, 'livenessProbe') },
      ...(note ? [{ text: note }] : []),
    ],
    misses: [
      { value: p.failureThreshold * p.periodSeconds, note: 'The last check only counts as failed once its timeoutSeconds have passed.' },
      { value: p.failureThreshold * (p.periodSeconds + p.timeoutSeconds), note: 'Checks keep their period; only the last timeout adds to the total.' },
    ].filter((m) => m.value !== total),
    approximate: true,
    rules: ['probes/timeout-fails', 'probes/failure-threshold', ...(note ? ['probes/defaults' as const] : [])],
    docUrl: CONFIGURE,
    timeline: timeline([{ label: app.name, marks: [{ at: 0, label: 'hangs', tone: 'fail' }] }, traceTrack(failingTrace('livenessProbe', settings, 0, true))], total),
  };
}

/** Liveness checks failing at once, then SIGTERM that the process ignores, then SIGKILL after the grace period. */
export function killThenGrace(rng: Rng): TimingPuzzle {
  const app = rng.pick(hangApps());
  const full: ResolvedProbe = { initialDelaySeconds: 0, periodSeconds: rng.pick([5, 10, 15]), timeoutSeconds: 1, successThreshold: 1, failureThreshold: rng.int(2, 5) };
  const settings = someLeftOut(rng, full, ['periodSeconds', 'failureThreshold'], []);
  const probeGrace = rng.chance(0.5) ? rng.pick([5, 10, 20]) : undefined;
  const podGrace = rng.chance(0.6) ? rng.pick([45, 60, 90]) : undefined;
  const check = handlerFor(rng, app, 'livenessProbe', true);
  const spec: ProbeSpec = { handler: check, ...settings, ...(probeGrace ? { terminationGracePeriodSeconds: probeGrace } : {}) };
  const yaml = podYaml({
    spec: podGrace ? [line(`terminationGracePeriodSeconds: ${podGrace}`, 'podGrace')] : [line('restartPolicy: Always', 'restartPolicy')],
    containers: [appContainer(app, { livenessProbe: spec })],
  });
  const p = withProbeDefaults(settings);
  const kill = livenessKillSeconds(settings);
  const grace = graceAfterProbeKill(probeGrace, podGrace);
  const total = kill + grace;
  const whose = probeGrace ? 'the probe’s own terminationGracePeriodSeconds' : podGrace ? 'the pod’s terminationGracePeriodSeconds' : 'the default grace period';
  return {
    template: 'probe-timing/kill-then-grace',
    prompt: `${cap(appName(app))} starts failing every liveness check at once (${failsAtOnce(check)}), and its process ignores SIGTERM. At most about how many seconds from the moment it starts failing until SIGKILL?`,
    code: { language: 'yaml', text: yamlText(yaml) },
    seconds: total,
    lines: [
      { text: `${p.failureThreshold} failures ${p.periodSeconds} s apart: the kubelet sends SIGTERM after at most ${kill} s.`, codeLines: linesTagged(yaml, 'livenessProbe.periodSeconds', 'livenessProbe.failureThreshold') },
      { text: `SIGKILL follows after ${whose}, ${grace} s: ${kill} + ${grace} = ${total} s.`, codeLines: linesTagged(yaml, 'livenessProbe.terminationGracePeriodSeconds', 'podGrace') },
    ],
    misses: [
      { value: kill, note: 'SIGTERM is not the end: a process that does not exit on it gets the grace period before SIGKILL.' },
      ...(probeGrace && podGrace ? [{ value: kill + podGrace, note: 'After a probe kill, the probe’s own grace period wins over the pod’s.' }] : []),
      { value: kill + 30, note: 'The 30 s default applies only when neither the probe nor the pod sets a grace period.' },
    ].filter((m) => m.value !== total),
    approximate: true,
    rules: ['probes/failure-threshold', 'probes/probe-grace', ...(probeGrace && podGrace && settings.periodSeconds && settings.failureThreshold ? [] : ['probes/defaults' as const])],
    docUrl: `${PROBES}#probe-level-terminationgraceperiodseconds`,
    timeline: timeline([
      { label: app.name, marks: [{ at: 0, label: 'starts failing', tone: 'fail' }, { at: kill, label: 'SIGTERM', tone: 'stop' }, { at: total, label: 'SIGKILL', tone: 'stop' }] },
      traceTrack(failingTrace('livenessProbe', settings, 0)),
    ], total),
  };
}
