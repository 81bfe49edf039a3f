// Probe timing questions: probe settings as YAML → seconds until the kubelet acts. Answers come from shared/model/probes.ts.
import type { Rng } from '../random.ts';
import {
  livenessKillSeconds, probeDefaults, probesActiveAfterSeconds, readinessRecoverySeconds, readinessRemovalSeconds,
  readyAfterStartSeconds, startupGiveUpSeconds, withProbeDefaults, type ProbeKind, type ProbeSettings, type ResolvedProbe,
} from '../model/probes.ts';
import type { Difficulty } from './kind.ts';
import { containerYaml, explicitSettings, omitSome, probeYaml, type ProbeTimingPuzzle, type Workload } from './probe-timing-workloads.ts';

const TASK_URL = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';

function defaultsNote(settings: ProbeSettings, fields: (keyof ResolvedProbe)[]): string {
  const missing = fields.filter((f) => settings[f] === undefined).map((f) => `${f} defaults to ${probeDefaults[f]}`);
  if (missing.length === 0) return '';
  return ` Left out of the spec, ${missing.join(' and ')}.`;
}

const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface SingleAsk {
  id: string;
  kind: ProbeKind;
  relevant: (keyof ResolvedProbe)[];
  question(w: Workload): string;
  seconds(s: ProbeSettings): number;
  working(p: ResolvedProbe, total: number): string;
  misses(p: ResolvedProbe): { value: number; note: string }[];
  anchor: string;
}

const singleAsks: readonly SingleAsk[] = [
  {
    id: 'startup-give-up', kind: 'startupProbe', relevant: ['initialDelaySeconds', 'periodSeconds', 'failureThreshold'],
    question: (w) => `The ${w.name} app never finishes starting: its startup check never passes. At most about how many seconds after the container starts does the kubelet give up and kill it?`,
    seconds: startupGiveUpSeconds,
    working: (p, t) => `The startup probe allows initialDelaySeconds + failureThreshold × periodSeconds = ${p.initialDelaySeconds} + ${p.failureThreshold} × ${p.periodSeconds} = ${t} s, then the kubelet kills the container and its restart policy decides what comes next.`,
    misses: (p) => [{ value: p.failureThreshold * p.periodSeconds, note: 'The initialDelaySeconds before the first check counts too.' }],
    anchor: 'define-startup-probes',
  },
  {
    id: 'liveness-kill', kind: 'livenessProbe', relevant: ['periodSeconds', 'failureThreshold'],
    question: (w) => `The ${w.name} app has run fine for hours when it deadlocks: from now on every liveness check fails. At most about how many seconds until the kubelet kills the container?`,
    seconds: livenessKillSeconds,
    working: (p, t) => `It takes failureThreshold consecutive failures, one per period: ${p.failureThreshold} × ${p.periodSeconds} = ${t} s. Then the kubelet kills this container (not the pod) and restarts it per the restart policy.`,
    misses: (p) => [{ value: p.initialDelaySeconds + p.failureThreshold * p.periodSeconds, note: 'initialDelaySeconds only delays the first check after the container starts; it plays no part hours later.' }],
    anchor: 'configure-probes',
  },
  {
    id: 'readiness-removal', kind: 'readinessProbe', relevant: ['periodSeconds', 'failureThreshold'],
    question: (w) => `${capitalized(w.dep)} goes down and ${possessive(w.name)} readiness check starts failing at once. At most about how many seconds until the container is marked not ready and the pod leaves the Service endpoints?`,
    seconds: readinessRemovalSeconds,
    working: (p, t) => `It takes failureThreshold consecutive failures: ${p.failureThreshold} × ${p.periodSeconds} = ${t} s. The container is not restarted; it only stops getting traffic.`,
    misses: (p) => [{ value: p.successThreshold * p.periodSeconds, note: 'successThreshold counts passes on the way back; going not ready takes failureThreshold failures.' }],
    anchor: 'configure-probes',
  },
  {
    id: 'readiness-recovery', kind: 'readinessProbe', relevant: ['periodSeconds', 'successThreshold'],
    question: (w) => `The ${w.name} container went not ready during an outage of ${w.dep}. ${capitalized(w.dep)} is back, and from now on every readiness check passes. At most about how many seconds until the container is ready again?`,
    seconds: readinessRecoverySeconds,
    working: (p, t) => `It needs successThreshold consecutive passes: ${p.successThreshold} × ${p.periodSeconds} = ${t} s. Nothing was restarted meanwhile; the pod simply rejoins the Service endpoints.`,
    misses: (p) => [{ value: p.failureThreshold * p.periodSeconds, note: 'Coming back takes successThreshold passes, not failureThreshold.' }],
    anchor: 'configure-probes',
  },
];

export function singleProbeQuestion(rng: Rng, w: Workload, difficulty: Difficulty): ProbeTimingPuzzle {
  const a = rng.pick(singleAsks);
  const full = explicitSettings(rng, a.kind);
  const shown = difficulty === 'easy' ? full : omitSome(rng, full, a.relevant);
  const p = withProbeDefaults(shown);
  const total = a.seconds(shown);
  return {
    ask: a.id,
    prompt: a.question(w),
    code: { language: 'yaml', text: containerYaml(w, [probeYaml(rng, w, a.kind, shown)]) },
    seconds: total,
    working: a.working(p, total) + defaultsNote(shown, a.relevant),
    misses: a.misses(p),
    approximate: true,
    docUrl: `${TASK_URL}#${a.anchor}`,
  };
}

/** Hard: startup and liveness together; the player must know the startup probe gates liveness. */
export function combinedQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const startup = omitSome(rng, explicitSettings(rng, 'startupProbe'), ['periodSeconds', 'initialDelaySeconds']);
  // No initialDelaySeconds on liveness: docs and kubelet disagree on when it counts after a startup probe.
  const liveness = omitSome(rng, explicitSettings(rng, 'livenessProbe'), ['periodSeconds', 'failureThreshold']);
  delete liveness.initialDelaySeconds;
  const s = withProbeDefaults(startup);
  const l = withProbeDefaults(liveness);
  const code = { language: 'yaml' as const, text: containerYaml(w, [probeYaml(rng, w, 'startupProbe', startup), probeYaml(rng, w, 'livenessProbe', liveness)]) };
  const base = { code, approximate: true, docUrl: `${TASK_URL}#define-startup-probes` };
  const kill = livenessKillSeconds(liveness);
  if (rng.chance(0.5)) {
    const total = startupGiveUpSeconds(startup);
    return {
      ...base, ask: 'combined-startup-give-up', seconds: total,
      prompt: `The ${w.name} app hangs during boot and never answers any check. At most about how many seconds after the container starts does the kubelet kill it?`,
      working: `Until the startup probe succeeds the livenessProbe does not run at all, so only the startup budget counts: ${s.initialDelaySeconds} + ${s.failureThreshold} × ${s.periodSeconds} = ${total} s.${defaultsNote(startup, ['initialDelaySeconds', 'periodSeconds', 'failureThreshold'])}`,
      misses: [
        { value: total + kill, note: 'The liveness checks never start while the startup probe is failing, so their time does not add up.' },
        { value: kill, note: 'The livenessProbe is switched off until the startup probe succeeds; here it never does.' },
      ],
    };
  }
  const passedAt = s.initialDelaySeconds + s.periodSeconds * rng.int(1, Math.max(1, s.failureThreshold - 1));
  const total = probesActiveAfterSeconds(passedAt, liveness) + kill;
  return {
    ...base, ask: 'liveness-after-startup', seconds: total,
    prompt: `The startup check of ${w.name} first passes ${passedAt} s after the container starts; right after that the app hangs for good. At most about how many seconds after the container started does the kubelet kill it?`,
    working: `Liveness checks begin once the startup probe has passed at ${passedAt} s; then ${l.failureThreshold} failures, one every ${l.periodSeconds} s, take ${kill} s more: ${passedAt} + ${kill} = ${total} s.${defaultsNote(liveness, ['periodSeconds', 'failureThreshold'])}`,
    misses: [{ value: kill, note: `The liveness clock only starts after the startup probe passed at ${passedAt} s.` }],
  };
}

/** Hard: readiness right after start, with an initialDelaySeconds shorter than the period (docs/rules/probes.md). */
export function firstReadyQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const shown = omitSome(rng, explicitSettings(rng, 'readinessProbe'), ['periodSeconds', 'successThreshold']);
  shown.initialDelaySeconds = rng.pick([3, 5, 8, 12, 20]);
  const p = withProbeDefaults(shown);
  const total = readyAfterStartSeconds(shown);
  return {
    ask: 'first-ready', seconds: total, approximate: true, docUrl: `${TASK_URL}#configure-probes`,
    code: { language: 'yaml', text: containerYaml(w, [probeYaml(rng, w, 'readinessProbe', shown)]) },
    prompt: `The ${w.name} app is ready to serve the instant its container starts, and every readiness check passes. At most about how many seconds after the start is the container marked ready?`,
    working: `Readiness starts as Failure; the first check waits initialDelaySeconds, then successThreshold passes one period apart: ${p.initialDelaySeconds} + ${p.successThreshold} × ${p.periodSeconds} = ${total} s.${defaultsNote(shown, ['periodSeconds', 'successThreshold'])}`,
    misses: [{ value: p.successThreshold * p.periodSeconds, note: 'initialDelaySeconds is applied even when it is shorter than periodSeconds; the kubelet skips every check until it has passed.' }],
  };
}
