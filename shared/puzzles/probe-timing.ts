// "How many seconds?": probe settings (as YAML) or a crash loop → seconds until the kubelet acts.
// Every answer is computed by shared/model/probes.ts and shared/model/backoff.ts.
import { createRng, type Rng } from '../random.ts';
import {
  livenessKillSeconds, probeDefaults, probesActiveAfterSeconds, readinessRecoverySeconds, readinessRemovalSeconds,
  readyAfterStartSeconds, startupGiveUpSeconds, withProbeDefaults, type ProbeKind, type ProbeSettings, type ResolvedProbe,
} from '../model/probes.ts';
import {
  backoffDelaySeconds, backoffResetSeconds, backoffSchedule, nextRestartDelaySeconds, totalWaitBeforeRestart,
} from '../model/backoff.ts';
import { asNumber } from './answers.ts';
import type { Difficulty, Grade, PuzzleKind, PuzzleView } from './kind.ts';

export interface ProbeTimingPuzzle {
  /** Which quantity is asked, e.g. 'startup-give-up', 'backoff-total'. */
  ask: string;
  prompt: string;
  code: { language: 'yaml' | 'shell'; text: string };
  seconds: number;
  /** The arithmetic, as a sentence. */
  working: string;
  /** Numbers a typical mistake produces, with what the mistake was. */
  misses: { value: number; note: string }[];
  /** Probe timings are upper bounds on a ticking clock: a near answer earns partial credit. */
  approximate: boolean;
  docUrl: string;
}

const TASK_URL = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';
const CAVEAT = 'Probes tick on the kubelet’s own clock, so the real moment can come up to one period sooner.';

const workloads = [
  { name: 'orders-api', image: 'ghcr.io/acme/orders-api:2.4.1', dep: 'postgres' },
  { name: 'keycloak', image: 'quay.io/keycloak/keycloak:26.0', dep: 'postgres' },
  { name: 'checkout-web', image: 'node:22-alpine', dep: 'redis' },
  { name: 'search', image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', dep: 'the disk' },
  { name: 'billing', image: 'eclipse-temurin:21-jre', dep: 'Kafka' },
  { name: 'recommendations', image: 'python:3.12-slim', dep: 'redis' },
  { name: 'web', image: 'nginx:1.27', dep: 'the upstream API' },
  { name: 'inventory', image: 'golang:1.23-alpine', dep: 'MySQL' },
  { name: 'grafana', image: 'grafana/grafana:11.2.0', dep: 'its database' },
];

type Workload = (typeof workloads)[number];

const mechanisms = [
  ['httpGet:', '  path: /healthz', '  port: 8080'],
  ['httpGet:', '  path: /ready', '  port: http'],
  ['tcpSocket:', '  port: 5432'],
  ['exec:', '  command: ["cat", "/tmp/healthy"]'],
  ['grpc:', '  port: 9090'],
];

const fieldOrder: (keyof ResolvedProbe)[] = [
  'initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold',
];

function probeYaml(rng: Rng, kind: ProbeKind, settings: ProbeSettings): string[] {
  const fields = fieldOrder.filter((f) => settings[f] !== undefined).map((f) => `  ${f}: ${settings[f]}`);
  return [`${kind}:`, ...rng.pick(mechanisms).map((l) => `  ${l}`), ...fields];
}

function containerYaml(w: Workload, probes: string[][]): string {
  const body = probes.flat().map((l) => `    ${l}`);
  return ['containers:', `- name: ${w.name}`, `  image: ${w.image}`, ...body.map((l) => l.slice(2))].join('\n');
}

/** Every field set, with values in realistic ranges for the kind. */
function explicitSettings(rng: Rng, kind: ProbeKind): ResolvedProbe {
  const periodSeconds = rng.pick([2, 3, 5, 10, 15, 20]);
  return {
    initialDelaySeconds: rng.pick([0, 5, 10, 15, 20, 30]),
    periodSeconds,
    timeoutSeconds: Math.min(periodSeconds, rng.pick([1, 2, 3, 5])),
    successThreshold: kind === 'readinessProbe' ? rng.int(1, 4) : 1,
    failureThreshold: kind === 'startupProbe' ? rng.int(6, 40) : rng.int(2, 6),
  };
}

/** Leave out some fields, at least one that the answer depends on, so the defaults matter. */
function omitSome(rng: Rng, s: ResolvedProbe, relevant: (keyof ResolvedProbe)[]): ProbeSettings {
  const must = rng.pick(relevant);
  const out: ProbeSettings = {};
  for (const f of fieldOrder) if (f !== must && rng.chance(0.5)) out[f] = s[f];
  return out;
}

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

function singleProbeQuestion(rng: Rng, w: Workload, difficulty: Difficulty): ProbeTimingPuzzle {
  const a = rng.pick(singleAsks);
  const full = explicitSettings(rng, a.kind);
  const shown = difficulty === 'easy' ? full : omitSome(rng, full, a.relevant);
  const p = withProbeDefaults(shown);
  const total = a.seconds(shown);
  return {
    ask: a.id,
    prompt: a.question(w),
    code: { language: 'yaml', text: containerYaml(w, [probeYaml(rng, a.kind, shown)]) },
    seconds: total,
    working: a.working(p, total) + defaultsNote(shown, a.relevant),
    misses: a.misses(p),
    approximate: true,
    docUrl: `${TASK_URL}#${a.anchor}`,
  };
}

/** Hard: startup and liveness together; the player must know the startup probe gates liveness. */
function combinedQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const startup = omitSome(rng, explicitSettings(rng, 'startupProbe'), ['periodSeconds', 'initialDelaySeconds']);
  // No initialDelaySeconds on liveness: docs and kubelet disagree on when it counts after a startup probe.
  const liveness = omitSome(rng, explicitSettings(rng, 'livenessProbe'), ['periodSeconds', 'failureThreshold']);
  delete liveness.initialDelaySeconds;
  const s = withProbeDefaults(startup);
  const l = withProbeDefaults(liveness);
  const code = { language: 'yaml' as const, text: containerYaml(w, [probeYaml(rng, 'startupProbe', startup), probeYaml(rng, 'livenessProbe', liveness)]) };
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

/** Hard: readiness right after start, with an initialDelaySeconds shorter than the period (§11.7). */
function firstReadyQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const shown = omitSome(rng, explicitSettings(rng, 'readinessProbe'), ['periodSeconds', 'successThreshold']);
  shown.initialDelaySeconds = rng.pick([3, 5, 8, 12, 20]);
  const p = withProbeDefaults(shown);
  const total = readyAfterStartSeconds(shown);
  return {
    ask: 'first-ready', seconds: total, approximate: true, docUrl: `${TASK_URL}#configure-probes`,
    code: { language: 'yaml', text: containerYaml(w, [probeYaml(rng, 'readinessProbe', shown)]) },
    prompt: `The ${w.name} app is ready to serve the instant its container starts, and every readiness check passes. At most about how many seconds after the start is the container marked ready?`,
    working: `Readiness starts as Failure; the first check waits initialDelaySeconds, then successThreshold passes one period apart: ${p.initialDelaySeconds} + ${p.successThreshold} × ${p.periodSeconds} = ${total} s.${defaultsNote(shown, ['periodSeconds', 'successThreshold'])}`,
    misses: [{ value: p.successThreshold * p.periodSeconds, note: 'initialDelaySeconds is applied even when it is shorter than periodSeconds; the kubelet skips every check until it has passed.' }],
  };
}

const BACKOFF_URL = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy';

function podName(rng: Rng, w: Workload): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  const part = (n: number) => Array.from({ length: n }, () => rng.pick([...chars])).join('');
  return `${w.name}-${part(9)}-${part(5)}`;
}

/** kubectl's short AGE format (duration.HumanDuration) for the ages these puzzles use. */
function age(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  if (m < 10 && seconds % 60 !== 0) return `${m}m${seconds % 60}s`;
  return `${m}m`;
}

function getPodOutput(name: string, status: string, restarts: number, lastAgo: number, ageSeconds: number): string {
  const row = [name, '0/1', status, restarts > 0 ? `${restarts} (${age(lastAgo)} ago)` : '0', age(ageSeconds)];
  const head = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  const widths = head.map((h, i) => Math.max(h.length, row[i]!.length) + 3);
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('').trimEnd();
  return [`$ kubectl get pod ${name}`, line(head), line(row)].join('\n');
}

const scheduleText = (n: number): string => backoffSchedule(n).map((d) => `${d}`).join(' + ');

/** Medium: the next delay in a crash loop, read from RESTARTS. */
function backoffDelayQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const restarts = rng.int(0, 9);
  const run = rng.int(1, 5);
  const total = backoffDelaySeconds(restarts + 1);
  const name = podName(rng, w);
  return {
    ask: 'backoff-delay', seconds: total, approximate: false, docUrl: BACKOFF_URL,
    code: { language: 'shell', text: getPodOutput(name, 'Error', restarts, run + 1, totalWaitBeforeRestart(restarts) + (restarts + 1) * run + 4) },
    prompt: `The pod ${name} (restartPolicy: Always) exits with an error ${run} s after every start, and has just exited again. How many seconds does the kubelet wait before restarting it?`,
    working: `This will be restart number ${restarts + 1}. The first restart is immediate, then the waits are 10, 20, 40 … s, capped at 300 s: restart ${restarts + 1} waits ${total} s (the container shows CrashLoopBackOff meanwhile).`,
    misses: [
      { value: restarts === 0 ? 10 : backoffDelaySeconds(restarts + 2), note: 'The first restart is immediate; the 10 s wait starts with the second.' },
      { value: 10 * 2 ** (restarts - 1), note: 'The doubling stops at the 300 s cap.' },
    ],
  };
}

/** Hard: the sum of the waits, across the cap. */
function backoffTotalQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const n = rng.int(4, 10);
  const total = totalWaitBeforeRestart(n);
  const name = podName(rng, w);
  return {
    ask: 'backoff-total', seconds: total, approximate: false, docUrl: BACKOFF_URL,
    code: { language: 'shell', text: getPodOutput(name, 'CrashLoopBackOff', n - 1, 1, total - backoffDelaySeconds(n) + 3) },
    prompt: `The pod ${name} crashes the moment it starts, every time. Counting only the kubelet's backoff waits (not the time it runs), how many seconds in total does it wait across restarts 1 to ${n}?`,
    working: `The waits are ${scheduleText(n)} = ${total} s: the first restart is immediate, then 10 s doubling each time, capped at 300 s.`,
    misses: [
      { value: Array.from({ length: n - 1 }, (_, i) => 10 * 2 ** i).reduce((a, b) => a + b, 0), note: 'Each wait is capped at 300 s.' },
      { value: totalWaitBeforeRestart(n + 1), note: 'The first restart is immediate; the 10 s wait starts with the second.' },
    ],
  };
}

/** Hard: a long healthy run resets the backoff; a short one does not. */
function backoffResetQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const restarts = rng.int(2, 5);
  const minutes = rng.chance(0.5) ? rng.int(2, 5) : rng.int(11, 30);
  const sincePrevious = backoffDelaySeconds(restarts) + minutes * 60;
  const total = nextRestartDelaySeconds(restarts, sincePrevious);
  const name = podName(rng, w);
  const reset = total === 0;
  return {
    ask: 'backoff-reset', seconds: total, approximate: false, docUrl: BACKOFF_URL,
    code: { language: 'shell', text: getPodOutput(name, 'Error', restarts, minutes * 60, totalWaitBeforeRestart(restarts) + minutes * 60 + 30) },
    prompt: `The pod ${name} crash-looped at first, but after restart ${restarts} it ran fine for ${minutes} minutes, then crashed again just now. How many seconds does the kubelet wait before restarting it?`,
    working: reset
      ? `After ${backoffResetSeconds() / 60} minutes without a crash the kubelet forgets the backoff, so this crash counts as a first one and the restart is immediate: 0 s.`
      : `${minutes} minutes is short of the ${backoffResetSeconds() / 60} minutes that reset the backoff, so the doubling goes on: restart ${restarts + 1} waits ${total} s.`,
    misses: [
      { value: reset ? backoffDelaySeconds(restarts + 1) : 0, note: reset ? 'A run of over 10 minutes resets the backoff.' : 'Only a run of about 10 minutes resets the backoff.' },
      ...(reset ? [{ value: 10, note: 'After a reset the next restart is immediate, like a first one; the 10 s wait comes with the crash after that.' }] : []),
    ],
  };
}

const builders: Record<Difficulty, readonly ((rng: Rng, w: Workload, d: Difficulty) => ProbeTimingPuzzle)[]> = {
  easy: [singleProbeQuestion],
  medium: [singleProbeQuestion, singleProbeQuestion, backoffDelayQuestion],
  hard: [combinedQuestion, combinedQuestion, firstReadyQuestion, backoffTotalQuestion, backoffResetQuestion],
};

function generate(seed: string, difficulty: Difficulty): ProbeTimingPuzzle {
  const rng = createRng(seed);
  return rng.pick(builders[difficulty])(rng, rng.pick(workloads), difficulty);
}

function grade(p: ProbeTimingPuzzle, answer: unknown): Grade {
  const x = asNumber(answer);
  const exact = x === p.seconds;
  const near = x !== null && !exact && p.approximate && Math.abs(x - p.seconds) <= Math.max(1, p.seconds * 0.1);
  const score = exact ? 1 : near ? 0.5 : 0;
  const verdict = exact ? `Right: ${p.seconds} s.` : x === null ? `The answer is ${p.seconds} s.`
    : near ? `Close: the bound is ${p.seconds} s, you said ${x}.` : `It is ${p.seconds} s, not ${x}.`;
  const miss = exact ? undefined : p.misses.find((m) => m.value === x && m.value !== p.seconds);
  const parts = [verdict, p.working, miss?.note, p.approximate ? CAVEAT : undefined];
  return { score, correct: exact, explanation: parts.filter(Boolean).join(' '), docUrl: p.docUrl };
}

function publicView(p: ProbeTimingPuzzle): PuzzleView {
  return {
    kind: 'probe-timing',
    format: 'number',
    prompt: p.prompt,
    unit: 'seconds',
    code: { language: p.code.language, text: p.code.text },
  };
}

export const probeTiming = {
  id: 'probe-timing',
  concept: 'Probes',
  title: 'Probe and backoff timing',
  description: 'Read probe settings or a crash loop and work out how many seconds until the kubelet acts.',
  generate,
  publicView,
  solve: (p) => p.seconds,
  grade,
} satisfies PuzzleKind<ProbeTimingPuzzle>;
