// "Tick every true statement": what the containers of one concrete pod share (network, IPC, mounted
// volumes, processes with shareProcessNamespace) and what they never share (root filesystem, probes).
// Every statement is judged by canShare in shared/model/sharing.ts.
import { canShare, type Ability, type SharingContainer, type SharingPod } from '../model/sharing.ts';
import { createRng, type Rng } from '../random.ts';
import { multiChoiceScore, shuffledChoices, type Choice } from './choice.ts';
import type { Difficulty, PuzzleKind, MultiView, PuzzleMeta } from './kind.ts';
import { metaFromView, oneLineGrade } from './grade.ts';
import { asIdList } from './answers.ts';

export interface Statement {
  from: string;
  to: string;
  ability: Ability;
  label: string;
}

export interface SharedNamespacesPuzzle {
  difficulty: Difficulty;
  podName: string;
  pod: SharingPod;
  statements: Statement[];
  options: Choice[];
}

interface App { name: string; image: string; port: number; logDir: string; configDir: string; binary: string }
type HelperRole = 'proxy' | 'shipper' | 'reloader' | 'cache' | 'exporter';
interface Helper { role: HelperRole; name: string; image: string; port: number; portName: string }

const APPS: readonly App[] = [
  { name: 'web', image: 'nginx:1.27', port: 80, logDir: '/var/log/nginx', configDir: '/etc/nginx', binary: 'nginx' },
  { name: 'api', image: 'ghcr.io/acme/api:2.4.1', port: 8080, logDir: '/var/log/api', configDir: '/etc/api', binary: 'api' },
  { name: 'grafana', image: 'grafana/grafana:11.1.0', port: 3000, logDir: '/var/log/grafana', configDir: '/etc/grafana', binary: 'grafana' },
  { name: 'checkout', image: 'ghcr.io/acme/checkout:1.9.0', port: 8443, logDir: '/var/log/checkout', configDir: '/etc/checkout', binary: 'checkout' },
  { name: 'httpd', image: 'httpd:2.4', port: 8080, logDir: '/usr/local/apache2/logs', configDir: '/usr/local/apache2/conf', binary: 'httpd' },
];
const HELPERS: readonly Helper[] = [
  { role: 'proxy', name: 'envoy', image: 'envoyproxy/envoy:v1.31.0', port: 9901, portName: 'admin API' },
  { role: 'proxy', name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10', port: 4191, portName: 'admin endpoint' },
  { role: 'shipper', name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', port: 2020, portName: 'monitoring endpoint' },
  { role: 'shipper', name: 'vector', image: 'timberio/vector:0.40.0-alpine', port: 8686, portName: 'API' },
  { role: 'reloader', name: 'config-reloader', image: 'ghcr.io/jimmidyson/configmap-reload:v0.13.1', port: 9533, portName: 'metrics endpoint' },
  { role: 'cache', name: 'redis', image: 'redis:7.2', port: 6379, portName: 'Redis port' },
  { role: 'exporter', name: 'statsd-exporter', image: 'prom/statsd-exporter:v0.27.1', port: 9102, portName: 'metrics endpoint' },
];

const SETTINGS = {
  easy: { helpers: [1, 2], statements: 4, spnChance: 0, shipperMounts: ['same', 'missing'] },
  medium: { helpers: [2, 2], statements: 5, spnChance: 0, shipperMounts: ['same', 'other-path', 'missing'] },
  hard: { helpers: [2, 3], statements: 6, spnChance: 0.5, shipperMounts: ['same', 'other-path', 'missing'] },
} as const;

const DOC_SHARING = 'https://kubernetes.io/docs/concepts/workloads/pods/#resource-sharing-and-communication';
const DOC_PID = 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/#understanding-process-namespace-sharing';

// Building the pod.

/** One helper per role: a pod has one mesh proxy and one log shipper, not two. */
function helpersOf(rng: Rng, count: number): Helper[] {
  const roles = rng.sample([...new Set(HELPERS.map((h) => h.role))], count);
  return roles.map((role) => rng.pick(HELPERS.filter((h) => h.role === role)));
}

function helperContainer(rng: Rng, h: Helper, app: App, shipperMount: string): SharingContainer {
  const declared = h.role === 'proxy' && rng.chance(0.5) ? [] : [h.port];
  const c: SharingContainer = { name: h.name, image: h.image, ports: declared, mounts: [] };
  if (h.role === 'shipper' && shipperMount !== 'missing') c.mounts.push({ volume: 'logs', mountPath: shipperMount === 'same' ? app.logDir : '/logs', readOnly: true });
  if (h.role === 'shipper' && shipperMount === 'missing') c.mounts.push({ volume: 'buffer', mountPath: '/buffer' });
  if (h.role === 'reloader') c.mounts.push({ volume: 'config', mountPath: '/config', readOnly: true });
  if (rng.chance(0.4)) c.sidecar = true;
  return c;
}

function podOf(rng: Rng, difficulty: Difficulty, app: App, helpers: Helper[]): SharingPod {
  const s = SETTINGS[difficulty];
  const shipperMount = rng.pick(s.shipperMounts);
  const main: SharingContainer = { name: app.name, image: app.image, ports: [app.port], mounts: [{ volume: 'logs', mountPath: app.logDir }] };
  if (helpers.some((h) => h.role === 'reloader')) main.mounts.push({ volume: 'config', mountPath: app.configDir, readOnly: true });
  const containers = [main, ...helpers.map((h) => helperContainer(rng, h, app, shipperMount))];
  const used = new Set(containers.flatMap((c) => c.mounts.map((m) => m.volume)));
  const volumes = [...used].map((name) => ({ name, source: name === 'config' ? 'configMap' as const : 'emptyDir' as const }));
  return { shareProcessNamespace: rng.chance(s.spnChance), volumes, containers };
}

// Statements: candidates for this pod, one per ability kind, judged later by canShare.

function candidates(app: App, helpers: Helper[], difficulty: Difficulty): Statement[] {
  const [h, h2] = helpers as [Helper, Helper | undefined];
  const other = h2 ?? h;
  const shipper = helpers.find((x) => x.role === 'shipper');
  const reloader = helpers.find((x) => x.role === 'reloader');
  const procs = app.binary === app.name ? `${app.name}'s processes` : `${app.name}'s ${app.binary} processes`;
  const st = (from: string, to: string, ability: Ability, label: string): Statement => ({ from, to, ability, label });
  const list = [
    st(app.name, h.name, { kind: 'reach-port', port: h.port }, `${app.name} can reach ${h.name}'s ${h.portName} at localhost:${h.port}`),
    st(app.name, other.name, { kind: 'same-ip' }, `${app.name} and ${other.name} have the same pod IP address`),
    st(other.name, app.name, { kind: 'root-filesystem' }, `${other.name} and ${app.name} share one root filesystem`),
    st(h.name, app.name, { kind: 'see-processes' }, `${h.name} sees ${procs} when it runs ps`),
  ];
  if (shipper) list.push(st(shipper.name, app.name, { kind: 'read-file', path: `${app.logDir}/access.log` }, `${shipper.name} can read the log files ${app.name} writes to ${app.logDir}`));
  if (difficulty === 'easy') return list;
  list.push(
    st(app.name, other.name, { kind: 'shared-memory' }, `${app.name} and ${other.name} can share System V shared memory segments`),
    st(other.name, app.name, { kind: 'bind-same-port', port: app.port }, `${other.name} could also listen on port ${app.port}, which ${app.name} uses`),
    st(h.name, app.name, { kind: 'restarted-together' }, `If ${app.name}'s liveness probe fails, the kubelet restarts ${h.name} too`),
  );
  if (difficulty === 'medium') return list;
  list.push(st(other.name, app.name, { kind: 'proc-root' }, `${other.name} can browse ${app.name}'s filesystem under /proc/<pid>/root`));
  if (reloader) list.push(st(reloader.name, app.name, { kind: 'signal' }, `${reloader.name} can send SIGHUP to ${app.name}'s main process`));
  return list;
}

const truthOf = (pod: SharingPod, s: Statement): boolean => canShare(pod, s.from, s.to, s.ability).yes;

/** n statements with at least one true and one false; the read-file one goes when /proc/<pid>/root would muddle it. */
function pickStatements(rng: Rng, pod: SharingPod, pool: Statement[], n: number): Statement[] {
  const usable = pool.filter((s) => !(s.ability.kind === 'read-file' && pod.shareProcessNamespace));
  for (let attempt = 0; attempt < 20; attempt++) {
    const picked = rng.sample(usable, Math.min(n, usable.length));
    const truths = new Set(picked.map((s) => truthOf(pod, s)));
    if (truths.size === 2) return picked;
  }
  const t = usable.find((s) => truthOf(pod, s));
  const f = usable.find((s) => !truthOf(pod, s));
  return [t, f, ...usable.filter((s) => s !== t && s !== f)].filter((s): s is Statement => s !== undefined).slice(0, n);
}

// Showing the pod as YAML.

function containerYaml(c: SharingContainer): string[] {
  const lines = [`  - name: ${c.name}`, `    image: ${c.image}`];
  if (c.sidecar) lines.push('    restartPolicy: Always');
  if (c.ports.length > 0) lines.push('    ports:', ...c.ports.map((p) => `    - containerPort: ${p}`));
  if (c.mounts.length > 0) {
    lines.push('    volumeMounts:');
    for (const m of c.mounts) lines.push(`    - name: ${m.volume}`, `      mountPath: ${m.mountPath}`, ...(m.readOnly ? ['      readOnly: true'] : []));
  }
  return lines;
}

function podYaml(name: string, pod: SharingPod): string {
  const sidecars = pod.containers.filter((c) => c.sidecar);
  const regular = pod.containers.filter((c) => !c.sidecar);
  const volumes = pod.volumes.flatMap((v) => [`  - name: ${v.name}`, v.source === 'configMap' ? `    configMap:\n      name: ${name.replace(/-\d+$/, '')}-config` : '    emptyDir: {}']);
  return [
    'apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:',
    ...(pod.shareProcessNamespace ? ['  shareProcessNamespace: true'] : []),
    ...(sidecars.length > 0 ? ['  initContainers:', ...sidecars.flatMap(containerYaml)] : []),
    '  containers:', ...regular.flatMap(containerYaml),
    ...(volumes.length > 0 ? ['  volumes:', ...volumes] : []),
  ].join('\n');
}

const correctIds = (p: SharedNamespacesPuzzle): string[] =>
  p.options.filter((o) => p.statements.some((s) => s.label === o.label && truthOf(p.pod, s))).map((o) => o.id);

function explain(p: SharedNamespacesPuzzle, score: number, answer: unknown): string {
  const ticked = new Set(asIdList(answer) ?? []);
  const truths = new Set(correctIds(p));
  const right = p.options.filter((o) => ticked.has(o.id) === truths.has(o.id)).length;
  const shown = p.options.flatMap((o) => p.statements.filter((s) => s.label === o.label));
  const lines = shown.map((s) => {
    const v = canShare(p.pod, s.from, s.to, s.ability);
    return `“${s.label}” is ${v.yes ? 'true' : 'false'}: ${v.reason}`;
  });
  const head = score === 1 ? 'Statement by statement:' : `${right} of ${p.statements.length} statements judged right.`;
  return [head, ...lines].join(' ');
}

export const sharedNamespaces = {
  id: 'shared-namespaces',
  concept: 'Namespaces & sharing',
  title: 'What do they share?',
  description: 'Read a multi-container pod and tick every true statement about what its containers share.',
  // Interim (issue 9): one template per level, until the kind is reworked.
  templates: { easy: ['shared-namespaces/easy'], medium: ['shared-namespaces/medium'], hard: ['shared-namespaces/hard'] },

  generate(seed, difficulty) {
    const rng = createRng(`shared-namespaces:${seed}:${difficulty}`);
    const app = rng.pick(APPS);
    const [least, most] = SETTINGS[difficulty].helpers;
    const helpers = helpersOf(rng, rng.int(least, most));
    const pod = podOf(rng, difficulty, app, helpers);
    const statements = pickStatements(rng, pod, candidates(app, helpers, difficulty), SETTINGS[difficulty].statements);
    const podName = `${app.name}-${rng.int(0, 4)}`;
    return { difficulty, podName, pod, statements, options: shuffledChoices(rng, statements.map((s) => s.label)) };
  },

  publicView(p): MultiView {
    return {
      kind: 'shared-namespaces',
      format: 'multi',
      prompt: `The containers of pod ${p.podName} are running. Tick every statement that is true.`,
      options: p.options.map((o) => ({ id: o.id, label: o.label })),
      code: { language: 'yaml', text: podYaml(p.podName, p.pod) },
    };
  },

  solve: (p) => correctIds(p),

  grade(p, answer) {
    const score = multiChoiceScore(p.options, correctIds(p), answer);
    const aboutPids = p.statements.some((s) => ['see-processes', 'signal', 'proc-root'].includes(s.ability.kind)) && p.pod.shareProcessNamespace;
    return oneLineGrade(score, explain(p, score, answer), aboutPids ? DOC_PID : DOC_SHARING);
  },

  meta(p): PuzzleMeta {
    return metaFromView(sharedNamespaces.publicView(p), correctIds(p), `shared-namespaces/${p.difficulty}`);
  },
} satisfies PuzzleKind<SharedNamespacesPuzzle>;
