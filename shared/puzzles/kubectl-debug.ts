// "Which command?": a debugging need in a concrete pod → the kubectl command that answers it.
// The answer and the wrong options both come from the capability model in shared/model/debugging.ts.
import { createRng, type Rng } from '../random.ts';
import {
  candidateCommands, commandAnswers, commandFor, commandTarget, defaultContainer, renderCommand, whyItAnswers, whyItFails,
  type DebugCommand, type DebugNeed, type DebugPod,
} from '../model/debugging.ts';
import { choiceIdOf, shuffledChoices, singleChoiceScore, type Choice } from './choice.ts';
import type { Difficulty, Grade, PuzzleKind, SingleView } from './kind.ts';
import { metaFromView, oneLineGrade } from './grade.ts';

interface Service { name: string; image: string; base: string; port: number }

const services: readonly Service[] = [
  { name: 'checkout', image: 'ghcr.io/acme/checkout:2.4.1', base: 'node:22-alpine', port: 3000 },
  { name: 'orders', image: 'ghcr.io/acme/orders:1.19.0', base: 'eclipse-temurin:21-jre', port: 8080 },
  { name: 'payments', image: 'ghcr.io/acme/payments:3.2.0', base: 'gcr.io/distroless/static-debian12', port: 8443 },
  { name: 'search', image: 'ghcr.io/acme/search:0.9.4', base: 'python:3.12-slim', port: 8000 },
  { name: 'ledger', image: 'ghcr.io/acme/ledger:5.0.2', base: 'gcr.io/distroless/java21-debian12', port: 8080 },
  { name: 'storefront', image: 'ghcr.io/acme/storefront:7.1.0', base: 'ruby:3.3-slim', port: 3000 },
  { name: 'inventory', image: 'ghcr.io/acme/inventory:2.0.7', base: 'gcr.io/distroless/base-debian12', port: 9000 },
  { name: 'notifications', image: 'ghcr.io/acme/notifications:1.4.3', base: 'golang:1.23-alpine', port: 8080 },
];

interface Sidecar { name: string; image: string; port: number; shell: boolean }

const sidecars: readonly Sidecar[] = [
  { name: 'envoy', image: 'envoyproxy/envoy:v1.31.0', port: 9901, shell: true },
  { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10', port: 4191, shell: false },
  { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', port: 2020, shell: false },
  { name: 'vector', image: 'timberio/vector:0.40.0-alpine', port: 8686, shell: true },
  { name: 'oauth2-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0', port: 4180, shell: false },
];

const hasShell = (base: string): boolean => !base.includes('distroless');

export interface KubectlDebugPuzzle {
  needKind: DebugNeed['kind'];
  prompt: string;
  yaml: string;
  options: Choice[];
  /** Rendered command per option label, so grading can explain any pick. */
  commands: { label: string; command: DebugCommand }[];
  correct: string;
  pod: DebugPod;
  need: DebugNeed;
}

function suffix(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => rng.pick([...'bcdfghjklmnpqrstvwxz2456789'])).join('');
}

function buildPod(rng: Rng, difficulty: Difficulty): { pod: DebugPod; yaml: string; svc: Service } {
  const svc = rng.pick(services);
  const app = rng.chance(0.5) ? 'app' : svc.name;
  const side = rng.sample(sidecars, difficulty === 'easy' ? rng.int(0, 1) : rng.int(1, 2));
  const init = difficulty === 'hard' && rng.chance(0.5) ? ['migrate'] : [];
  const pod: DebugPod = {
    name: `${svc.name}-${suffix(rng, 9)}-${suffix(rng, 5)}`,
    containers: [app, ...side.map((s) => s.name)],
    initContainers: init,
    noShell: [...(hasShell(svc.base) ? [] : [app]), ...side.filter((s) => !s.shell).map((s) => s.name)],
    ports: Object.fromEntries([[app, svc.port], ...side.map((s) => [s.name, s.port])]),
  };
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${pod.name}`, 'spec:'];
  if (init.length) lines.push('  initContainers:', '  - name: migrate', `    image: ${svc.image}`, '    command: ["./migrate", "up"]');
  lines.push('  containers:', `  - name: ${app}`, `    image: ${svc.image}   # FROM ${svc.base}`, '    ports:', `    - containerPort: ${svc.port}`);
  for (const s of side) lines.push(`  - name: ${s.name}`, `    image: ${s.image}`);
  return { pod, yaml: lines.join('\n'), svc };
}

type NeedMaker = (rng: Rng, pod: DebugPod) => { need: DebugNeed; text: string } | null;

const inPod = (c: string, pod: DebugPod): string => `the ${c} container of pod ${pod.name}`;
const nonDefault = (pod: DebugPod): string[] => pod.containers.slice(1);

const needMakers: Record<Difficulty, readonly NeedMaker[]> = {
  easy: [
    (rng, pod) => {
      const c = rng.pick(pod.containers);
      return { need: { kind: 'logs', container: c }, text: `You want to read what ${inPod(c, pod)} has logged so far.` };
    },
    (rng, pod) => {
      const ok = pod.containers.filter((c) => !pod.noShell.includes(c));
      const c = ok.length ? rng.pick(ok) : null;
      return c ? { need: { kind: 'shell', container: c }, text: `You want an interactive shell inside ${inPod(c, pod)} to check the config files it loaded.` } : null;
    },
    (rng, pod) => ({ need: { kind: 'why-pending' }, text: `Pod ${pod.name} has been Pending for ${rng.int(5, 40)} minutes. You want to find out why the scheduler has not placed it.` }),
    (_, pod) => ({ need: { kind: 'node-and-ip' }, text: `You want to know which node pod ${pod.name} landed on and what its pod IP is.` }),
    (_, pod) => ({ need: { kind: 'usage' }, text: `You suspect pod ${pod.name} is close to its memory limit. You want the current CPU and memory use of each of its containers.` }),
    (rng, pod) => {
      const c = defaultContainer(pod);
      return { need: { kind: 'last-termination', container: c }, text: `${capital(inPod(c, pod))} restarted ${rng.int(2, 50)} minutes ago. You want the reason and exit code of that termination: was it OOMKilled?` };
    },
  ],
  medium: [
    (rng, pod) => {
      const c = nonDefault(pod).length ? rng.pick(nonDefault(pod)) : null;
      return c ? { need: { kind: 'logs', container: c }, text: `You want to read what ${inPod(c, pod)} has logged so far.` } : null;
    },
    (rng, pod) => {
      const c = rng.pick(pod.containers);
      return { need: { kind: 'previous-logs', container: c }, text: `${capital(inPod(c, pod))} crashed and is running again (RESTARTS ${rng.int(1, 4)}). You want the last lines it printed before it crashed.` };
    },
    (rng, pod) => {
      const c = rng.pick(pod.containers);
      return { need: { kind: 'follow-logs', container: c }, text: `You are about to replay a failing request against pod ${pod.name} and want to watch the ${c} container's log lines live, as they are written.` };
    },
    (rng, pod) => {
      const c = defaultContainer(pod);
      return { need: { kind: 'probe-failures', container: c }, text: `${capital(inPod(c, pod))} has restarted ${rng.int(4, 12)} times in an hour and you suspect its liveness probe. You want to see the probe failures the kubelet reported.` };
    },
    (rng, pod) => {
      const c = rng.pick(pod.containers);
      const text = rng.chance(0.5)
        ? `Pod ${pod.name} shows ImagePullBackOff: the ${c} image cannot be pulled. You want the registry's exact error (a wrong tag? missing credentials?).`
        : `The ${c} container of pod ${pod.name} is stuck in CreateContainerConfigError. You want the message that names the missing Secret or key.`;
      return { need: { kind: 'why-waiting', container: c }, text };
    },
    (rng, pod) => {
      const c = rng.pick(pod.containers);
      const port = pod.ports[c] ?? 8080;
      const what = c === defaultContainer(pod) ? 'its admin page' : 'its admin interface';
      return { need: { kind: 'port', container: c, port }, text: `${capital(inPod(c, pod))} serves ${what} on port ${port}. You want to open it in your laptop's browser at localhost:${port}.` };
    },
  ],
  hard: [
    (rng, pod) => {
      const c = pod.noShell.length ? rng.pick(pod.noShell) : null;
      return c ? { need: { kind: 'shell', container: c }, text: `${capital(inPod(c, pod))} runs a distroless image: no shell, no ps. You want a shell from which to look at its processes.` } : null;
    },
    (rng, pod) => ({ need: { kind: 'deleted-pod-events' }, text: `Pod ${pod.name} was deleted and replaced by its Deployment ${rng.int(5, 40)} minutes ago. You want to see what happened to it before it went away.` }),
    (_, pod) => ({ need: { kind: 'full-object' }, text: `A maintainer asks for the complete pod ${pod.name}, every field exactly as the API server stores it (defaulted ones included), to attach to a bug report.` }),
    (rng, pod) => pod.initContainers[0]
      ? { need: { kind: 'logs', container: pod.initContainers[0] }, text: `Pod ${pod.name} has shown Init:0/1 for ${rng.int(5, 30)} minutes: the migrate init container is still running. You want to read what it has printed.` }
      : null,
    (rng, pod) => {
      const c = nonDefault(pod).length ? rng.pick(nonDefault(pod)) : null;
      return c ? { need: { kind: 'previous-logs', container: c }, text: `The ${c} container of pod ${pod.name} crashed and was restarted ${rng.int(2, 9)} minutes ago. You want the last lines it wrote before the crash.` } : null;
    },
  ],
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function similarity(pod: DebugPod, a: DebugCommand, b: DebugCommand): number {
  // Same verb, then same container (or both pod-wide) make a near miss.
  return (a.verb === b.verb ? 2 : 0) + (commandTarget(pod, a) === commandTarget(pod, b) ? 1 : 0);
}

/** For a deleted pod, the commands people reach for first (and that fail with NotFound) make the real traps. */
function tempting(need: DebugNeed, cmd: DebugCommand): number {
  if (need.kind !== 'deleted-pod-events') return 0;
  const reachedFor = cmd.verb === 'describe' || (cmd.verb === 'get' && cmd.output === 'yaml')
    || (cmd.verb === 'logs' && cmd.previous === true && cmd.container === undefined);
  return reachedFor ? 1 : 0;
}

/** Wrong options: commands the model says do not answer; near misses for harder puzzles. */
function distractors(rng: Rng, pod: DebugPod, need: DebugNeed, correct: DebugCommand, d: Difficulty): DebugCommand[] {
  const seen = new Set([renderCommand(pod, correct)]);
  const wrong = rng.shuffle(candidateCommands(pod)).filter((c) => {
    const label = renderCommand(pod, c);
    if (seen.has(label) || commandAnswers(pod, c, need)) return false;
    seen.add(label);
    return true;
  });
  const ranked = [...wrong].sort((a, b) => tempting(need, b) - tempting(need, a) || similarity(pod, b, correct) - similarity(pod, a, correct));
  if (d === 'hard') return ranked.slice(0, 3);
  if (d === 'medium') return [...ranked.slice(0, 1), ...rng.sample(ranked.slice(1), 2)];
  const far = wrong.filter((c) => c.verb !== correct.verb);
  return [...ranked.filter((c) => tempting(need, c) > 0), ...far, ...ranked].filter((c, i, all) => all.indexOf(c) === i).slice(0, 3);
}

const NEEDS = ['logs', 'previous-logs', 'follow-logs', 'shell', 'why-waiting', 'last-termination', 'probe-failures', 'port', 'why-pending', 'node-and-ip', 'full-object', 'usage', 'deleted-pod-events'].map((need) => `kubectl-debug/${need}`);

function generate(seed: string, difficulty: Difficulty): KubectlDebugPuzzle {
  const rng = createRng(seed);
  const { pod, yaml } = buildPod(rng, difficulty);
  const made = rng.shuffle(needMakers[difficulty]).map((m) => m(rng, pod)).find((x) => x !== null);
  if (!made) throw new Error('some need always applies');
  const correct = commandFor(pod, made.need);
  const commands = [correct, ...distractors(rng, pod, made.need, correct, difficulty)]
    .map((command) => ({ label: renderCommand(pod, command), command }));
  return {
    needKind: made.need.kind,
    prompt: `${made.text} ${rng.pick(['Which command answers it?', 'Which command do you run?', 'What do you type?'])}`,
    yaml,
    options: shuffledChoices(rng, commands.map((c) => c.label)),
    commands,
    correct: renderCommand(pod, correct),
    pod,
    need: made.need,
  };
}

function grade(p: KubectlDebugPuzzle, answer: unknown): Grade {
  const correctId = choiceIdOf(p.options, p.correct);
  const score = singleChoiceScore(correctId, answer);
  const label = p.options.find((o) => o.id === answer)?.label;
  const picked = p.commands.find((c) => c.label === label)?.command;
  const right = p.commands[0]!.command;
  const { reason, docUrl } = whyItAnswers(p.pod, p.need, right);
  const why = `\`${p.correct}\` answers it. ${reason}`;
  const explanation = score === 1 || !picked ? why : `\`${label}\` does not answer it. ${whyItFails(p.pod, picked, p.need)} ${why}`;
  return oneLineGrade(score, explanation, docUrl);
}

function publicView(p: KubectlDebugPuzzle): SingleView {
  return {
    kind: 'kubectl-debug',
    format: 'single',
    prompt: p.prompt,
    code: { language: 'yaml', text: p.yaml },
    options: p.options.map((o) => ({ id: o.id, label: o.label })),
  };
}

export const kubectlDebug = {
  id: 'kubectl-debug',
  concept: 'kubectl',
  title: 'Which kubectl command?',
  description: 'A debugging need in a real pod: pick the kubectl command that answers it.',
  generate,
  publicView,
  // Interim (issue 9): one template per need, until the kind is reworked (not split by level yet).
  templates: { easy: NEEDS, medium: NEEDS, hard: NEEDS },
  solve: (p) => choiceIdOf(p.options, p.correct),
  grade,
  meta: (p) => metaFromView(publicView(p), choiceIdOf(p.options, p.correct), `kubectl-debug/${p.needKind}`),
} satisfies PuzzleKind<KubectlDebugPuzzle>;
