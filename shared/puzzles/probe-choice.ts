// "Which probe?": a situation in a real app → startupProbe, livenessProbe or readinessProbe.
// The answer comes from probeForSituation (what each probe's failure does); the scenarios only describe.
import { createRng, type Rng } from '../random.ts';
import { probeEffects, probeForSituation, probeKinds, type ProbeKind, type ProbeSituation } from '../model/probes.ts';
import { choiceIdOf, shuffledChoices, singleChoiceScore, type Choice } from './choice.ts';
import type { Difficulty, Grade, PuzzleKind, SingleView } from './kind.ts';
import { metaFromView, oneLineGrade } from './grade.ts';

type Runtime = 'jvm' | 'node' | 'python' | 'go' | 'ruby';

interface App {
  name: string;
  image: string;
  runtime: Runtime;
}

const apps: readonly App[] = [
  { name: 'billing-service', image: 'eclipse-temurin:21-jre', runtime: 'jvm' },
  { name: 'keycloak', image: 'quay.io/keycloak/keycloak:26.0', runtime: 'jvm' },
  { name: 'search-indexer', image: 'eclipse-temurin:17-jre', runtime: 'jvm' },
  { name: 'ledger', image: 'amazoncorretto:21', runtime: 'jvm' },
  { name: 'jenkins', image: 'jenkins/jenkins:lts-jdk17', runtime: 'jvm' },
  { name: 'checkout-web', image: 'node:22-alpine', runtime: 'node' },
  { name: 'graphql-gateway', image: 'node:20-slim', runtime: 'node' },
  { name: 'notifications', image: 'node:22-slim', runtime: 'node' },
  { name: 'recommendations', image: 'python:3.12-slim', runtime: 'python' },
  { name: 'reporting-api', image: 'python:3.11-slim', runtime: 'python' },
  { name: 'payments-api', image: 'gcr.io/distroless/static-debian12', runtime: 'go' },
  { name: 'inventory', image: 'golang:1.23-alpine', runtime: 'go' },
  { name: 'storefront', image: 'ruby:3.3-slim', runtime: 'ruby' },
  { name: 'orders-api', image: 'ruby:3.2-alpine', runtime: 'ruby' },
];

const dependencies = ['postgres', 'MySQL', 'redis', 'Kafka', 'Elasticsearch', 'MongoDB', 'RabbitMQ'];

interface Ctx {
  app: App;
  dep: string;
  /** A duration in seconds, scenario-specific range. */
  n: number;
  /** A second number: minutes, gigabytes, threshold… */
  m: number;
}

interface Scenario {
  id: string;
  levels: readonly Difficulty[];
  situation: ProbeSituation;
  runtimes?: readonly Runtime[];
  text(c: Ctx): string;
  /** The trouble in a few words, for the explanation. */
  problem(c: Ctx): string;
  /** Why the tempting wrong probe is wrong, when there is a classic trap. */
  trap?(c: Ctx): string;
  /** Why not a startupProbe, when the trouble comes right after start (the generic reason would not hold). */
  notStartup?: string;
  yaml?(c: Ctx): string;
}

const warmUpNotStartup =
  'A startupProbe stops after its first success and kills the container if the warm-up ever overruns its budget; for an app still loading its data, the docs recommend a readinessProbe, which also covers later cold spells.';

const starting: ProbeSituation = { phase: 'starting', restartFixesIt: false };
const stuck: ProbeSituation = { phase: 'running', restartFixesIt: true };
const unavailable: ProbeSituation = { phase: 'running', restartFixesIt: false };

const scenarios: readonly Scenario[] = [
  {
    id: 'explicit-startup', levels: ['easy'], situation: starting,
    text: (c) => `You want the kubelet to hold off the liveness and readiness checks of ${c.app.name} until its slow start has finished, and to kill it if it has not started within ${c.n} seconds.`,
    problem: () => 'a slow start that the other probes must wait for',
  },
  {
    id: 'explicit-liveness', levels: ['easy'], situation: stuck,
    text: (c) => `You want the kubelet to kill and restart the ${c.app.name} container when its /healthz endpoint has stopped answering for about ${c.n} seconds.`,
    problem: () => 'a container that has stopped answering',
  },
  {
    id: 'explicit-readiness', levels: ['easy'], situation: unavailable,
    text: (c) => `While the /ready endpoint of ${c.app.name} returns 503, you want the pod taken out of its Service's endpoints, without the container being restarted.`,
    problem: () => 'a replica that is temporarily unable to serve',
  },
  {
    id: 'slow-jvm', levels: ['medium'], situation: starting, runtimes: ['jvm'],
    text: (c) => `The ${c.app.name} app (${c.app.image}) needs ${c.n} to ${c.n + 10 * c.m} seconds to boot. Its livenessProbe (periodSeconds 10, failureThreshold 3) kills it before it finishes starting, yet you want that quick hang detection once it is up.`,
    problem: (c) => `a ${c.n + 10 * c.m}-second boot that the liveness probe keeps interrupting`,
  },
  {
    id: 'migrations', levels: ['medium'], situation: starting,
    text: (c) => `The ${c.app.name} app runs its database migrations in-process at boot, which can take ${c.m} minutes on large tenants; until they finish, /healthz does not answer. Its livenessProbe must not kill it halfway through.`,
    problem: () => 'migrations at boot that the liveness probe keeps interrupting',
  },
  {
    id: 'deadlock', levels: ['medium'], situation: stuck,
    text: (c) => `Every few days ${c.app.name} deadlocks: the process stays up and port 8080 stays open, but no request completes until the container is restarted.`,
    problem: () => 'a deadlock that only a restart clears',
  },
  {
    id: 'event-loop', levels: ['medium'], situation: stuck, runtimes: ['node'],
    text: (c) => `A memory leak in ${c.app.name} (${c.app.image}) wedges its event loop after about ${c.m} hours: the process never exits, it just stops answering. Only a restart clears it.`,
    problem: () => 'a wedged event loop that only a restart clears',
  },
  {
    id: 'stuck-workers', levels: ['medium'], situation: stuck,
    text: (c) => `The worker pool of ${c.app.name} occasionally gets stuck on a lock that is never released; the container keeps running but serves nothing until it is restarted.`,
    problem: () => 'a stuck worker pool that only a restart clears',
  },
  {
    id: 'cache-warmup', levels: ['medium'], situation: unavailable,
    text: (c) => `Right after it starts, ${c.app.name} spends about ${c.n} seconds loading a ${c.m} GB cache. The process answers at once, but requests before the cache is warm time out, so a cold replica should get no traffic.`,
    problem: () => 'a replica that is up but not warm yet',
    notStartup: warmUpNotStartup,
  },
  {
    id: 'backpressure', levels: ['medium'], situation: unavailable,
    text: (c) => `Under a traffic burst the internal queue of ${c.app.name} fills up. The replica should get no new requests until the queue drains (usually within ${c.n} seconds), without losing the work already queued.`,
    problem: () => 'a replica that is busy for a while but healthy',
  },
  {
    id: 'downstream-outage', levels: ['hard'], situation: unavailable,
    text: (c) => `During last night's ${c.dep} failover (about ${c.n} seconds), every ${c.app.name} replica was restarted at once and the outage lasted longer than the failover. The /health/deps check below fails whenever ${c.dep} is unreachable. Which probe should run that check?`,
    yaml: (c) => `containers:\n- name: ${c.app.name}\n  image: ${c.app.image}\n  livenessProbe:\n    httpGet:\n      path: /health/deps   # fails while ${c.dep} is unreachable\n      port: 8080\n    periodSeconds: 10\n    failureThreshold: 3`,
    problem: (c) => `an outage of ${c.dep}`,
    trap: (c) => `A dependency check in a livenessProbe fails on every replica at the same moment, so the kubelet restarts them all: a restart storm that adds load on the recovering ${c.dep} and fixes nothing.`,
  },
  {
    id: 'legacy-boot', levels: ['hard'], situation: starting,
    text: (c) => `The legacy ${c.app.name} service needs up to ${c.m} minutes to boot. To survive that, someone set initialDelaySeconds: ${c.m * 60} on its livenessProbe, and now a hang right after a restart goes unnoticed for ${c.m} minutes. Which probe should cover the boot instead?`,
    yaml: (c) => `containers:\n- name: ${c.app.name}\n  image: ${c.app.image}\n  livenessProbe:\n    httpGet:\n      path: /healthz\n      port: 8080\n    initialDelaySeconds: ${c.m * 60}`,
    problem: (c) => `a ${c.m}-minute boot that should not blind the liveness probe`,
    trap: () => 'A long initialDelaySeconds on the livenessProbe delays hang detection on every start, even when the app would have come up in seconds; a startupProbe ends as soon as the app answers, and only then does liveness begin.',
  },
  {
    id: 'readiness-never-recovers', levels: ['hard'], situation: stuck,
    text: (c) => `The ${c.app.name} app wedged overnight: its readinessProbe failed, the pod left the Service endpoints, and it stayed out for ${c.m} hours until someone deleted the pod by hand. Which probe would have brought it back on its own?`,
    yaml: (c) => `containers:\n- name: ${c.app.name}\n  image: ${c.app.image}\n  readinessProbe:\n    httpGet:\n      path: /ready\n      port: 8080\n    periodSeconds: 10`,
    problem: () => 'a wedged process that a readiness probe only hides',
    trap: () => 'A readinessProbe never restarts anything: a wedged replica just stays out of the endpoints forever.',
  },
  {
    id: 'startup-with-readiness', levels: ['hard'], situation: starting,
    text: (c) => `The ${c.app.name} app takes up to ${c.n + 10 * c.m} seconds to boot, and its livenessProbe (default settings: 3 failures, 10 s apart) kills it long before that. A readinessProbe is already configured, so no traffic reaches it while it boots. What should you add?`,
    problem: () => 'a slow boot that the liveness probe keeps interrupting',
    trap: () => 'The readinessProbe already keeps traffic away during boot, but it never stops the livenessProbe: only a startupProbe switches liveness off until the app has started.',
  },
  {
    id: 'liveness-on-ready', levels: ['hard'], situation: unavailable,
    text: (c) => `The /ready endpoint of ${c.app.name} returns 503 for about ${c.n} seconds after each start while it loads a ${c.m} GB cache. A teammate proposes pointing a livenessProbe at /ready "so broken replicas get fixed". Which probe should check /ready?`,
    problem: () => 'a replica that is still warming up',
    notStartup: warmUpNotStartup,
    trap: (c) => `A livenessProbe on /ready would kill the container before its ${c.m} GB cache has loaded, and then again after every restart: it could never come up.`,
  },
  {
    id: 'maintenance', levels: ['hard'], situation: unavailable,
    text: (c) => `Once a night ${c.app.name} rebuilds its search index for about ${c.m} minutes and answers 503 on /ready on purpose. It must take no traffic then, and nothing should restart it mid-rebuild.`,
    problem: () => 'a planned maintenance window',
    trap: () => 'A livenessProbe failing for minutes would kill the rebuild halfway and start it over.',
  },
];

const questions = ['Which probe fits?', 'Which probe should you configure?', 'Which probe is the right tool?'];

export interface ProbeChoicePuzzle {
  scenarioId: string;
  prompt: string;
  yaml: string | null;
  options: Choice[];
  probe: ProbeKind;
  problem: string;
  trap: string | null;
  notStartup: string | null;
}

function makeContext(rng: Rng, s: Scenario): Ctx {
  const pool = apps.filter((a) => !s.runtimes || s.runtimes.includes(a.runtime));
  return { app: rng.pick(pool), dep: rng.pick(dependencies), n: 10 * rng.int(3, 18), m: rng.int(2, 9) };
}

const templatesAt = (d: Difficulty): string[] => scenarios.filter((s) => s.levels.includes(d)).map((s) => `probe-choice/${s.id}`);

function generate(seed: string, difficulty: Difficulty): ProbeChoicePuzzle {
  const rng = createRng(seed);
  const s = rng.pick(scenarios.filter((x) => x.levels.includes(difficulty)));
  const c = makeContext(rng, s);
  const text = s.text(c);
  const prompt = text.endsWith('?') ? text : `${text} ${rng.pick(questions)}`;
  return {
    scenarioId: s.id,
    prompt,
    yaml: s.yaml ? s.yaml(c) : null,
    options: shuffledChoices(rng, probeKinds),
    probe: probeForSituation(s.situation),
    problem: s.problem(c),
    trap: s.trap ? s.trap(c) : null,
    notStartup: s.notStartup ?? null,
  };
}

const docAnchors: Record<ProbeKind, string> = {
  startupProbe: 'when-should-you-use-a-startup-probe',
  livenessProbe: 'when-should-you-use-a-liveness-probe',
  readinessProbe: 'when-should-you-use-a-readiness-probe',
};

/** What the picked probe would do here, when it is the wrong one. */
function whyNot(picked: ProbeKind, p: ProbeChoicePuzzle): string {
  if (picked === 'startupProbe') {
    if (p.notStartup) return p.notStartup;
    return `A startupProbe only runs until the container has started; it is long gone by the time of ${p.problem}.`;
  }
  if (picked === 'readinessProbe' && p.probe === 'startupProbe') {
    return 'A readinessProbe keeps traffic away but never gates the livenessProbe, which would go on killing the app mid-boot.';
  }
  if (picked === 'readinessProbe') {
    return `A readinessProbe only takes the replica out of the endpoints and never restarts it, so ${p.problem} would stay as it is.`;
  }
  if (p.probe === 'startupProbe') {
    return 'A livenessProbe runs from the start and would kill the app mid-boot; stretching its initialDelaySeconds to avoid that would also slow hang detection after every restart.';
  }
  return `A livenessProbe would kill and restart the container, and a restart does nothing for ${p.problem}.`;
}

function grade(p: ProbeChoicePuzzle, answer: unknown): Grade {
  const correctId = choiceIdOf(p.options, p.probe);
  const score = singleChoiceScore(correctId, answer);
  const picked = p.options.find((o) => o.id === answer)?.label as ProbeKind | undefined;
  const right = `The ${p.probe} fits: ${probeEffects[p.probe].onFailure}.`;
  const parts = score === 1 || picked === undefined ? [right] : [whyNot(picked, p), right];
  if (p.trap) parts.push(p.trap);
  return oneLineGrade(score, parts.join(' '), `https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#${docAnchors[p.probe]}`);
}

function publicView(p: ProbeChoicePuzzle): SingleView {
  const view: SingleView = {
    kind: 'probe-choice',
    format: 'single',
    prompt: p.prompt,
    options: p.options.map((o) => ({ id: o.id, label: o.label })),
  };
  if (p.yaml !== null) view.code = { language: 'yaml', text: p.yaml };
  return view;
}

export const probeChoice = {
  id: 'probe-choice',
  concept: 'Probes',
  title: 'Which probe?',
  description: 'A real app misbehaves: pick the startup, liveness or readiness probe that handles it.',
  generate,
  publicView,
  // Interim (issue 9): one template per scenario, until the kind is reworked.
  templates: {
    easy: templatesAt('easy'),
    medium: templatesAt('medium'),
    hard: templatesAt('hard'),
  },
  solve: (p) => choiceIdOf(p.options, p.probe),
  grade,
  meta: (p) => metaFromView(publicView(p), choiceIdOf(p.options, p.probe), `probe-choice/${p.scenarioId}`),
} satisfies PuzzleKind<ProbeChoicePuzzle>;
