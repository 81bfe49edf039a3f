// One probe, one number: probe settings as YAML → seconds until the kubelet acts (easy: every field written;
// medium: some left to their defaults). Answers and the timeline come from shared/model/probes.ts and probe-schedule.ts.
import type { Rng } from '../random.ts';
import type { ProbeRuleId } from '../model/rules/probes.ts';
import { failingTrace, passingTrace, type ProbeTrace } from '../model/probe-schedule.ts';
import {
  delayReadsTheSame, graceAfterProbeKill, livenessKillSeconds, probeDefaults, readinessRecoverySeconds, readinessRemovalSeconds,
  readyAfterStartSeconds, startupGiveUpSeconds, withProbeDefaults, type ProbeKind, type ProbeSettings, type ProbeSpec, type ResolvedProbe,
} from '../model/probes.ts';
import { appName, type ProbeApp } from './probe-apps.ts';
import { appContainer } from './probe-choice-scenes.ts';
import { handlerFor, hangApps, PROBES, readinessApps, timeline, timingApps, traceTrack, type Track, type TimingPuzzle } from './probe-timing-kit.ts';
import { line, linesTagged, podYaml, yamlText } from './probe-yaml.ts';

type Field = keyof ResolvedProbe;
export type Level = 'easy' | 'medium';

interface Ask {
  id: string;
  kind: ProbeKind;
  /** Fields the answer depends on. */
  relevant: Field[];
  /** Fields shown even though the answer does not depend on them (a medium trap). */
  decoys?: Field[];
  apps(): readonly ProbeApp[];
  prompt(name: string): string;
  seconds(s: ProbeSettings): number;
  trace(s: ProbeSettings): ProbeTrace;
  /** Where the axis starts, for the container track. */
  from: { label: string; tone: 'start' | 'fail' };
  working(p: ResolvedProbe, total: number): string;
  misses(p: ResolvedProbe): { value: number; note: string }[];
  rules: ProbeRuleId[];
  docUrl: string;
}

const CONFIGURE = `${PROBES}#configure-probes`;
/** A name at the start of a sentence: 'The orders-api service', 'Keycloak', 'The etcd container'. */
const cap = (s: string): string => (/^[a-z]/.test(s) && !s.startsWith('the ') ? `The ${s} container` : s.charAt(0).toUpperCase() + s.slice(1));

const asks: readonly Ask[] = [
  {
    id: 'startup-give-up', kind: 'startupProbe', relevant: ['initialDelaySeconds', 'periodSeconds', 'failureThreshold'], apps: () => timingApps,
    prompt: (n) => `${cap(n)} never finishes starting: every startup check fails at once. At most about how many seconds after the container starts does the kubelet give up and kill it?`,
    seconds: startupGiveUpSeconds,
    trace: (s) => failingTrace('startupProbe', s, withProbeDefaults(s).initialDelaySeconds),
    from: { label: 'start', tone: 'start' },
    working: (p, t) => `The startupProbe allows initialDelaySeconds + failureThreshold × periodSeconds = ${p.initialDelaySeconds} + ${p.failureThreshold} × ${p.periodSeconds} = ${t} s at most (the first check comes within a period of the delay), then the kubelet kills the container.`,
    misses: (p) => [{ value: p.failureThreshold * p.periodSeconds, note: 'The initialDelaySeconds before the first check count too.' }],
    rules: ['probes/startup-budget'], docUrl: `${PROBES}#when-should-you-use-a-startup-probe`,
  },
  {
    id: 'liveness-kill', kind: 'livenessProbe', relevant: ['periodSeconds', 'failureThreshold'], decoys: ['initialDelaySeconds'], apps: () => timingApps,
    prompt: (n) => `${cap(n)} has run fine for hours when its check starts failing: from now on every liveness check fails at once. At most about how many seconds until the kubelet kills the container?`,
    seconds: livenessKillSeconds,
    trace: (s) => failingTrace('livenessProbe', s, 0),
    from: { label: 'starts failing', tone: 'fail' },
    working: (p, t) => `It takes failureThreshold failures in a row, the first within a period: at most ${p.failureThreshold} × ${p.periodSeconds} = ${t} s; then the kubelet restarts the container.`,
    misses: (p) => [{ value: p.initialDelaySeconds + p.failureThreshold * p.periodSeconds, note: 'initialDelaySeconds only holds back the first check after a start; hours later it plays no part.' }],
    rules: ['probes/failure-threshold'], docUrl: CONFIGURE,
  },
  {
    id: 'liveness-kill-at-start', kind: 'livenessProbe', relevant: ['initialDelaySeconds', 'periodSeconds', 'failureThreshold'], apps: () => timingApps,
    prompt: (n) => `A bad setting breaks ${n} from its first second: the process runs, but every liveness check fails at once. At most about how many seconds after the container starts does the kubelet kill it?`,
    seconds: (s) => withProbeDefaults(s).initialDelaySeconds + livenessKillSeconds(s),
    trace: (s) => failingTrace('livenessProbe', s, withProbeDefaults(s).initialDelaySeconds),
    from: { label: 'start', tone: 'start' },
    working: (p, t) => `No check runs for initialDelaySeconds, the first comes within a period of it, then ${p.failureThreshold - 1} more a period apart: at most ${p.initialDelaySeconds} + ${p.failureThreshold} × ${p.periodSeconds} = ${t} s.`,
    misses: (p) => [
      { value: p.failureThreshold * p.periodSeconds, note: 'Right after a start, initialDelaySeconds holds the first check back.' },
      { value: p.initialDelaySeconds + (p.failureThreshold - 1) * p.periodSeconds, note: 'That is the earliest it can be; the first check after the delay can come up to a period later.' },
    ],
    rules: ['probes/initial-delay', 'probes/failure-threshold'], docUrl: CONFIGURE,
  },
  {
    id: 'readiness-removal', kind: 'readinessProbe', relevant: ['periodSeconds', 'failureThreshold'], decoys: ['successThreshold'], apps: readinessApps,
    prompt: (n) => `${cap(n)} is ready and serving when its readiness check starts failing: from now on every check fails at once. At most about how many seconds until the container is marked not ready and the pod leaves the Service endpoints?`,
    seconds: readinessRemovalSeconds,
    trace: (s) => failingTrace('readinessProbe', s, 0),
    from: { label: 'starts failing', tone: 'fail' },
    working: (p, t) => `It takes failureThreshold failures in a row, the first within a period: at most ${p.failureThreshold} × ${p.periodSeconds} = ${t} s. Nothing restarts.`,
    misses: (p) => [{ value: p.successThreshold * p.periodSeconds, note: 'successThreshold counts passes on the way back; going not ready takes failureThreshold failures.' }],
    rules: ['probes/failure-threshold'], docUrl: CONFIGURE,
  },
  {
    id: 'readiness-recovery', kind: 'readinessProbe', relevant: ['periodSeconds', 'successThreshold'], decoys: ['failureThreshold'], apps: readinessApps,
    prompt: (n) => `${cap(n)} went not ready during an outage. The outage is over, and from now on every readiness check passes. At most about how many seconds until the container is ready again?`,
    seconds: readinessRecoverySeconds,
    trace: (s) => passingTrace('readinessProbe', s, 0),
    from: { label: 'recovers', tone: 'start' },
    working: (p, t) => `It needs successThreshold passes in a row, the first within a period: at most ${p.successThreshold} × ${p.periodSeconds} = ${t} s. Nothing restarts; the pod rejoins the endpoints.`,
    misses: (p) => [{ value: p.failureThreshold * p.periodSeconds, note: 'Coming back takes successThreshold passes, not failureThreshold.' }],
    rules: ['probes/success-threshold'], docUrl: CONFIGURE,
  },
  {
    id: 'first-ready', kind: 'readinessProbe', relevant: ['initialDelaySeconds', 'periodSeconds', 'successThreshold'], apps: readinessApps,
    prompt: (n) => `${cap(n)} can serve the moment its container starts, and every readiness check passes. At most about how many seconds after the start is the container first marked ready?`,
    seconds: readyAfterStartSeconds,
    trace: (s) => passingTrace('readinessProbe', s, withProbeDefaults(s).initialDelaySeconds),
    from: { label: 'start', tone: 'start' },
    working: (p, t) => `Readiness starts as failed. No check runs for initialDelaySeconds; the first comes within a period of it${p.successThreshold > 1 ? `, then ${p.successThreshold - 1} more a period apart` : ''}: at most ${p.initialDelaySeconds} + ${p.successThreshold} × ${p.periodSeconds} = ${t} s.`,
    misses: (p) => [
      { value: p.successThreshold * p.periodSeconds, note: 'No check runs before initialDelaySeconds.' }, { value: 0, note: 'A readinessProbe counts as failed until its first pass.' },
      { value: p.initialDelaySeconds + (p.successThreshold - 1) * p.periodSeconds, note: 'That is the earliest it can be; the first check after the delay can come up to a period later.' },
    ],
    rules: ['probes/initial-state', 'probes/initial-delay', 'probes/success-threshold'], docUrl: CONFIGURE,
  },
];

/** Every field set, with values in realistic ranges for the kind; initialDelaySeconds is 0 or at least a period. */
function explicitSettings(rng: Rng, kind: ProbeKind, level: Level): ResolvedProbe {
  // At medium one field is left to its default: the others avoid the default values, so the answer is not 3 × 10.
  const periodSeconds = rng.pick(level === 'medium' ? [2, 3, 5, 15, 20] : [2, 3, 5, 10, 15, 20]);
  return {
    initialDelaySeconds: rng.chance(0.3) ? 0 : periodSeconds * rng.int(1, 3),
    periodSeconds,
    timeoutSeconds: Math.min(periodSeconds - 1, rng.pick([1, 2, 3, 5])) || 1,
    successThreshold: kind === 'readinessProbe' ? rng.int(level === 'medium' ? 2 : 1, 4) : 1,
    failureThreshold: kind === 'startupProbe' ? rng.int(6, 30) : rng.pick(level === 'medium' ? [2, 4, 5, 6] : [2, 3, 4, 5, 6]),
  };
}

const fieldOrder: readonly Field[] = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'];

/** The fields written in the YAML: easy writes what matters; medium leaves exactly one of those to its default. */
function shownFields(rng: Rng, ask: Ask, level: Level): Field[] {
  if (level === 'easy') return fieldOrder.filter((f) => ask.relevant.includes(f) || (f === 'timeoutSeconds' && rng.chance(0.5)));
  const dropped = rng.pick(ask.relevant);
  return fieldOrder.filter((f) => f !== dropped && (ask.relevant.includes(f) || ((ask.decoys ?? []).includes(f) ? rng.chance(0.6) : rng.chance(0.25))));
}

/** Why a field that is written but not counted plays no part: the misconception a decoy field targets. */
function ignoredNote(ask: Ask, shown: readonly Field[]): string {
  const why: Partial<Record<Field, string>> = {
    initialDelaySeconds: 'initialDelaySeconds applied only after the start, long ago',
    timeoutSeconds: ask.from.tone === 'fail' ? 'timeoutSeconds adds nothing: checks fail at once' : '',
    successThreshold: ask.kind === 'readinessProbe' ? 'successThreshold counts passes, not failures' : 'successThreshold must be 1 here',
    failureThreshold: 'failureThreshold counts failures; none comes',
  };
  // The likeliest wrong sum first (a start delay added hours later); two clauses where the working is short (a
  // bound counted from the moment checks start failing), one elsewhere, to keep the reveal short.
  const order = [...new Set<Field>(['initialDelaySeconds', ...(ask.decoys ?? []), 'timeoutSeconds', 'successThreshold', 'failureThreshold'])];
  const parts = order.filter((f) => shown.includes(f) && !ask.relevant.includes(f)).map((f) => why[f]).filter((w): w is string => !!w);
  const both = shown.includes('initialDelaySeconds') && shown.includes('timeoutSeconds') && ask.from.tone === 'fail';
  const text = both ? 'neither initialDelaySeconds (it only follows a start) nor timeoutSeconds (checks fail at once) counts'
    : parts.slice(0, ask.from.tone === 'fail' ? 2 : 1).join('; ');
  // A field name keeps its case at the start of a sentence, as elsewhere in the reveals.
  return text ? `${both ? 'N' : text.charAt(0)}${text.slice(1)}.` : '';
}

function defaultsNote(shown: ProbeSettings, fields: readonly Field[]): string {
  const missing = fields.filter((f) => shown[f] === undefined).map((f) => `${f} ${probeDefaults[f]}`);
  return missing.length === 0 ? '' : `Defaults used: ${missing.join(', ')}.`;
}

export function singleProbeQuestion(rng: Rng, level: Level, askId: string): TimingPuzzle {
  const ask = asks.find((a) => a.id === askId);
  if (!ask) throw new Error(`no probe-timing ask ${askId}`);
  const app = rng.pick(ask.apps());
  for (;;) {
    const full = explicitSettings(rng, ask.kind, level);
    const fields = shownFields(rng, ask, level);
    const settings: ProbeSettings = {};
    for (const f of fields) settings[f] = full[f];
    if (!delayReadsTheSame(settings)) continue;
    const spec: ProbeSpec = { handler: handlerFor(rng, app, ask.kind), ...settings };
    const yaml = podYaml({ containers: [appContainer(app, { [ask.kind]: spec })] });
    const p = withProbeDefaults(settings);
    const total = ask.seconds(settings);
    const note = defaultsNote(settings, ask.relevant);
    // At medium the written fields include decoys: say why each does not count (the misconception it targets).
    const ignored = level === 'medium' ? ignoredNote(ask, fields) : '';
    const notes = [note, ignored].filter((n) => n !== '').join(' ');
    const trace = ask.trace(settings);
    const container: Track = { label: app.name, marks: [{ at: 0, label: ask.from.label, tone: ask.from.tone }] };
    return {
      template: `probe-timing/${ask.id}${level === 'medium' ? '-defaults' : ''}`,
      prompt: ask.prompt(appName(app)),
      code: { language: 'yaml', text: yamlText(yaml) },
      seconds: total,
      lines: [
        { text: ask.working(p, total), codeLines: linesTagged(yaml, ...ask.relevant.map((f) => `${ask.kind}.${f}`)) },
        ...(notes ? [{ text: notes }] : []),
      ],
      misses: ask.misses(p).filter((m) => m.value !== total),
      approximate: true,
      rules: level === 'medium' && note ? [...ask.rules, 'probes/defaults'] : ask.rules,
      docUrl: ask.docUrl,
      timeline: timeline([container, traceTrack(trace)], total),
    };
  }
}

/** After a liveness kill, how long a container that ignores SIGTERM has before SIGKILL. */
export function probeGraceQuestion(rng: Rng, level: Level): TimingPuzzle {
  const app = rng.pick(hangApps());
  // Medium: a third each of probe-level set, only the pod's set, neither set (the 30 s default).
  const which = level === 'easy' ? 0 : rng.int(0, 2);
  const probeGrace = which === 0 ? rng.pick([5, 10, 15, 20]) : undefined;
  const podGrace = which === 2 ? undefined : level === 'easy' || which === 1 || rng.chance(0.5) ? rng.pick([45, 60, 90, 120]) : undefined;
  const spec: ProbeSpec = { handler: handlerFor(rng, app, 'livenessProbe', true), failureThreshold: 3, ...(probeGrace ? { terminationGracePeriodSeconds: probeGrace } : {}) };
  const yaml = podYaml({
    spec: podGrace ? [line(`terminationGracePeriodSeconds: ${podGrace}`, 'podGrace')] : [line('restartPolicy: Always', 'restartPolicy')],
    containers: [appContainer(app, { livenessProbe: spec })],
  });
  const total = graceAfterProbeKill(probeGrace, podGrace);
  const why = probeGrace !== undefined
    ? `The livenessProbe sets its own terminationGracePeriodSeconds, ${probeGrace}: after a probe kill it wins over the pod’s${podGrace ? ` ${podGrace}` : ''}.`
    : podGrace !== undefined
      ? `The probe sets no grace period of its own, so the pod’s terminationGracePeriodSeconds, ${podGrace}, applies.`
      : 'Neither the probe nor the pod sets terminationGracePeriodSeconds, so the default, 30 s, applies.';
  return {
    template: `probe-timing/probe-grace${level === 'medium' ? '-defaults' : ''}`,
    prompt: `The livenessProbe of ${appName(app)} has just failed for the third time in a row, and its process ignores SIGTERM. The kubelet sends SIGTERM. How many seconds later does SIGKILL come?`,
    code: { language: 'yaml', text: yamlText(yaml) },
    seconds: total,
    lines: [{ text: why, codeLines: linesTagged(yaml, 'livenessProbe.terminationGracePeriodSeconds', 'podGrace') }],
    misses: [
      ...(podGrace !== undefined && probeGrace !== undefined ? [{ value: podGrace, note: 'A probe-level grace period overrides the pod’s after that probe’s kill.' }] : []),
      ...(total !== 30 ? [{ value: 30, note: 'The 30 s default applies only when neither the probe nor the pod sets a grace period.' }] : []),
    ],
    approximate: false,
    rules: level === 'medium' && (probeGrace === undefined || podGrace === undefined) ? ['probes/probe-grace', 'probes/defaults'] : ['probes/probe-grace'],
    docUrl: `${PROBES}#probe-level-terminationgraceperiodseconds`,
    timeline: timeline([{ label: app.name, marks: [{ at: 0, label: 'SIGTERM', tone: 'stop' }, { at: total, label: 'SIGKILL', tone: 'stop' }] }], total),
  };
}

export const askIds: readonly string[] = asks.map((a) => a.id);
