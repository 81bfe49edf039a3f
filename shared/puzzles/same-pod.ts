// One pod or separate pods? Two containers described by what they need from each other; the verdict comes from podDesign.
import { createRng, type Rng } from '../random.ts';
import { applicableReasons, isSplitting, podDesign, type DesignReason, type PairNeeds } from '../model/pod-design.ts';
import type { Difficulty, Grade, PuzzleKind, SingleView } from './kind.ts';
import { metaFromView, oneLineGrade } from './grade.ts';
import { shuffledChoices } from './choice.ts';
import { asOptionId } from './answers.ts';

interface Side { name: string; image: string }
interface Scenario { a: Side; b: Side; needs: PairNeeds; facts: string[] }
type Folklore = 'one-team' | 'chatty' | 'depends' | 'one-container' | 'no-files' | 'own-ip';

interface OptionMeta { id: string; label: string; together: boolean; reason: DesignReason | Folklore | null }

export interface SamePodPuzzle extends Scenario {
  options: OptionMeta[];
}

const REASON_LABEL: Record<DesignReason, string> = {
  'scales-independently': 'Separate pods: each must scale to its own replica count',
  'serves-many': 'Separate pods: one instance must serve every replica',
  'separate-lifecycle': 'Separate pods: each is released or run on its own',
  'network-only': 'Separate pods: they only talk through a Service or queue',
  'shares-localhost': 'One pod: they must reach each other on localhost',
  'shares-volume': 'One pod: they share files through an emptyDir volume',
  'shares-ipc': 'One pod: they exchange data through shared memory',
};

const FOLKLORE: Record<Folklore, { together: boolean; label: string; rebuttal: string }> = {
  'one-team': { together: true, label: 'One pod: the same team builds and ships both', rebuttal: 'who owns the code says nothing about sharing a node and a fate' },
  chatty: { together: true, label: 'One pod: they call each other many times a second', rebuttal: 'frequent calls through a Service are normal between pods' },
  depends: { together: true, label: 'One pod: one cannot do its job without the other', rebuttal: 'depending on another service is what Services are for' },
  'one-container': { together: false, label: 'Separate pods: a pod can run only one container', rebuttal: 'a pod may hold several tightly coupled containers' },
  'no-files': { together: false, label: 'Separate pods: containers in a pod cannot share files', rebuttal: 'containers in a pod share any volume they both mount' },
  'own-ip': { together: false, label: 'Separate pods: each container needs its own IP address', rebuttal: 'containers in a pod share one IP and need only distinct ports' },
};

const CONSEQUENCE: Record<DesignReason, string> = {
  'scales-independently': 'In one pod, scaling one would scale the other with it.',
  'serves-many': 'In one pod, every replica would get its own private copy.',
  'separate-lifecycle': 'In one pod, shipping or finishing one would replace or hold the other.',
  'network-only': 'One pod would tie their scaling and restarts together for no gain.',
  'shares-localhost': 'In separate pods each gets its own IP, and localhost no longer reaches the other.',
  'shares-volume': 'In separate pods they could not mount the same emptyDir.',
  'shares-ipc': 'In separate pods their shared memory could not reach across.',
};

const DOCS = 'https://kubernetes.io/docs/concepts/workloads/pods/';
const DOC_ANCHOR: Record<DesignReason, string> = {
  'scales-independently': '#workload-resources-for-managing-pods',
  'serves-many': '#workload-resources-for-managing-pods',
  'separate-lifecycle': '#how-pods-manage-multiple-containers',
  'network-only': '#how-pods-manage-multiple-containers',
  'shares-localhost': '#pod-networking',
  'shares-volume': '#pod-storage',
  'shares-ipc': '#pod-networking',
};

const SERVICES = ['checkout', 'orders', 'catalog', 'billing', 'search', 'profile', 'cart', 'invoices', 'ledger', 'shipping'];
const tag = (rng: Rng): string => `${rng.int(1, 4)}.${rng.int(0, 12)}.${rng.int(0, 9)}`;
const api = (rng: Rng, svc = rng.pick(SERVICES)): Side => ({ name: `${svc}-api`, image: `ghcr.io/acme/${svc}-api:${tag(rng)}` });
const code = (s: Side): string => `\`${s.name}\``;

type Maker = (rng: Rng) => Scenario;

const TOGETHER: Maker[] = [
  (rng) => {
    const a = api(rng);
    const b = rng.pick([{ name: 'envoy', image: 'envoyproxy/envoy:v1.29' }, { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14' }]);
    const port = rng.pick([15001, 4140, 9901, 10000]);
    return { a, b, needs: { sharesLocalhost: true }, facts: [`${code(a)} sends every outbound call to ${code(b)} on localhost:${port}, which adds mTLS, retries and metrics.`] };
  },
  (rng) => {
    const a = api(rng);
    const b = rng.pick([{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.0' }, { name: 'vector', image: 'timberio/vector:0.37.0-alpine' }, { name: 'promtail', image: 'grafana/promtail:2.9.4' }]);
    const dir = rng.pick(['/var/log/app', '/logs', '/var/log/nginx']);
    return { a, b, needs: { sharesVolume: true }, facts: [`${code(a)} writes its log files to ${dir}, an emptyDir; ${code(b)} tails those files and forwards them to ${rng.pick(['Loki', 'Elasticsearch', 'Datadog'])}.`] };
  },
  (rng) => {
    const a = rng.pick([{ name: 'postgres', image: 'postgres:16' }, { name: 'mysql', image: 'mysql:8.0' }]);
    const b = rng.pick([{ name: 'query-cache', image: 'redis:7.2' }, { name: 'memcached', image: 'memcached:1.6' }]);
    const port = b.name === 'memcached' ? 11211 : 6379;
    return { a, b, needs: { sharesLocalhost: true }, facts: [`${code(b)} is a local cache of this ${a.name} instance's hot rows, reached on localhost:${port} and refilled from it; without that instance it is worthless.`] };
  },
  (rng) => {
    const [a, b, url] = rng.pick([
      [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'exporter', image: 'nginx/nginx-prometheus-exporter:1.1' }, 'http://localhost:8080/stub_status'],
      [{ name: 'postgres', image: 'postgres:16' }, { name: 'exporter', image: 'prometheuscommunity/postgres-exporter:v0.15.0' }, 'localhost:5432'],
      [{ name: 'redis', image: 'redis:7.2' }, { name: 'exporter', image: 'oliver006/redis_exporter:v1.58.0' }, 'localhost:6379'],
    ] as const);
    return { a: { ...a }, b: { ...b }, needs: { sharesLocalhost: true }, facts: [`${code(b)} reads ${a.name}'s internal statistics from ${url} and serves them as Prometheus metrics, one exporter per ${a.name}.`] };
  },
  (rng) => {
    const a = { name: 'nginx', image: `nginx:1.${rng.int(24, 27)}` };
    const b = { name: 'git-sync', image: 'registry.k8s.io/git-sync/git-sync:v4.2.1' };
    return { a, b, needs: { sharesVolume: true }, facts: [`${code(a)} serves static pages from an emptyDir; ${code(b)} pulls the site repository into that same directory every ${rng.pick([30, 60, 120])} s.`] };
  },
  (rng) => {
    const a = { name: 'capture', image: `ghcr.io/acme/frame-capture:${tag(rng)}` };
    const b = { name: 'encoder', image: 'jrottenberg/ffmpeg:6.1-alpine' };
    return { a, b, needs: { sharesIpc: true }, facts: [`${code(a)} writes raw camera frames into a POSIX shared memory segment; ${code(b)} reads them from that segment and encodes ${rng.pick(['H.264', 'VP9', 'AV1'])}.`] };
  },
  (rng) => {
    const a = api(rng);
    const b = { name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.2' };
    return { a, b, needs: { sharesLocalhost: true }, facts: [`${code(a)} connects to its database at 127.0.0.1:5432, where ${code(b)} listens and tunnels to Cloud SQL with IAM auth.`] };
  },
];

const APART: Maker[] = [
  (rng) => {
    const [x, y] = rng.sample(SERVICES, 2) as [string, string];
    const a = api(rng, x);
    const b = api(rng, y);
    return { a, b, needs: { talksOverNetwork: true, separateLifecycle: true }, facts: [`${code(a)} calls ${code(b)} over HTTP through its Service.`, `Each is built by its own team and released on its own schedule.`] };
  },
  (rng) => {
    const a = rng.pick([{ name: 'web', image: `ghcr.io/acme/web:${tag(rng)}` }, { name: 'storefront', image: `ghcr.io/acme/storefront:${tag(rng)}` }]);
    const b = rng.pick([{ name: 'postgres', image: 'postgres:16' }, { name: 'mysql', image: 'mysql:8.0' }]);
    return { a, b, needs: { scalesIndependently: true, talksOverNetwork: true }, facts: [`${code(a)} is the web app and ${code(b)} its database, reached through a Service.`, `The web tier autoscales from ${rng.int(2, 4)} to ${rng.int(10, 30)} replicas; the database must stay one primary with its data on a PersistentVolume.`] };
  },
  (rng) => {
    const queue = rng.pick(['Kafka', 'RabbitMQ', 'NATS', 'SQS']);
    const a = { name: `${rng.pick(['order', 'payment', 'signup', 'upload'])}-events`, image: `ghcr.io/acme/producer:${tag(rng)}` };
    const b = { name: `${rng.pick(['invoice', 'email', 'audit', 'thumbnail'])}-worker`, image: `ghcr.io/acme/worker:${tag(rng)}` };
    return { a, b, needs: { scalesIndependently: true, talksOverNetwork: true }, facts: [`${code(a)} publishes messages to ${queue}; ${code(b)} consumes them.`, `When the queue backs up, more consumers are added; the producer stays at ${rng.int(1, 3)}.`] };
  },
  (rng) => {
    const a = { name: 'frontend', image: `ghcr.io/acme/frontend:${tag(rng)}` };
    const b = api(rng);
    return { a, b, needs: { separateLifecycle: true, talksOverNetwork: true }, facts: [`${code(a)} serves the single-page app and calls ${code(b)} over HTTPS through its Service.`, `The frontend ships ${rng.pick(['daily', 'several times a day'])}; the API ships ${rng.pick(['weekly', 'every other week'])}.`] };
  },
  (rng) => {
    const a = api(rng);
    const b = { name: 'session-store', image: rng.pick(['redis:7.2', 'valkey/valkey:7.2', 'memcached:1.6']) };
    return { a, b, needs: { servesMany: true, talksOverNetwork: true }, facts: [`All ${rng.int(3, 12)} replicas of ${code(a)} keep user sessions in ${code(b)}, reached through a Service, and must all see the same sessions.`] };
  },
  (rng) => {
    const a = api(rng);
    const b = { name: 'nightly-report', image: `ghcr.io/acme/reports:${tag(rng)}` };
    return { a, b, needs: { separateLifecycle: true, talksOverNetwork: true }, facts: [`${code(b)} runs once a night at ${rng.int(0, 4)}:00, reads from ${code(a)}'s API, writes a report and exits; ${code(a)} runs all day.`] };
  },
];

// Hard only: something couples them, but a splitting need wins.
const MIXED: Maker[] = [
  (rng) => {
    const a = api(rng);
    const b = { name: 'redis', image: 'redis:7.2' };
    return { a, b, needs: { sharesLocalhost: true, servesMany: true }, facts: [`In the prototype, ${code(a)} reaches ${code(b)} on localhost:6379.`, `In production all ${rng.int(4, 16)} replicas of ${code(a)} must see the same cached carts.`] };
  },
  (rng) => {
    const a = { name: 'uploader', image: `ghcr.io/acme/uploader:${tag(rng)}` };
    const b = { name: 'transcoder', image: 'jrottenberg/ffmpeg:6.1-alpine' };
    return { a, b, needs: { sharesVolume: true, scalesIndependently: true }, facts: [`Today ${code(a)} drops videos into an emptyDir that ${code(b)} reads.`, `Transcoding must scale from 2 to ${rng.int(20, 60)} workers with the backlog while uploads stay at 2 replicas.`] };
  },
  (rng) => {
    const a = api(rng);
    const b = { name: 'reindex', image: `ghcr.io/acme/reindex:${tag(rng)}` };
    return { a, b, needs: { sharesVolume: true, separateLifecycle: true }, facts: [`${code(b)} rebuilds the search index that ${code(a)} reads from an emptyDir.`, `It must run once an hour, exit when done, and never restart ${code(a)}.`] };
  },
];

function scenarioFor(rng: Rng, difficulty: Difficulty): Scenario {
  if (difficulty === 'hard' && rng.chance(0.35)) return rng.pick(MIXED)(rng);
  return rng.pick(rng.chance(0.5) ? TOGETHER : APART)(rng);
}

function optionLabels(rng: Rng, s: Scenario, difficulty: Difficulty): { label: string; together: boolean; reason: DesignReason | Folklore | null }[] {
  const verdict = podDesign(s.needs);
  if (difficulty === 'easy') return [{ label: 'One pod', together: true, reason: null }, { label: 'Separate pods', together: false, reason: null }];
  // 'chatty' and 'depends' are true of a proxy or a local cache, so they are only offered where they lead to the wrong verdict.
  const trueWhenTogether: readonly Folklore[] = ['chatty', 'depends'];
  const folk = (together: boolean): Folklore => rng.pick((Object.keys(FOLKLORE) as Folklore[])
    .filter((f) => FOLKLORE[f].together === together && !(verdict.together && trueWhenTogether.includes(f))));
  // The opposite verdict's real reason: on mixed scenarios, the coupling that does hold but does not decide.
  const opposite = (Object.keys(REASON_LABEL) as DesignReason[]).filter((r) => isSplitting(r) === verdict.together);
  const held = applicableReasons(s.needs).find((r) => isSplitting(r) === verdict.together);
  const oppositeReason = held ?? rng.pick(opposite);
  const sameFolk = folk(verdict.together);
  const otherFolk = folk(!verdict.together);
  return [
    { label: REASON_LABEL[verdict.reason], together: verdict.together, reason: verdict.reason },
    { label: FOLKLORE[sameFolk].label, together: verdict.together, reason: sameFolk },
    { label: REASON_LABEL[oppositeReason], together: !verdict.together, reason: oppositeReason },
    { label: FOLKLORE[otherFolk].label, together: !verdict.together, reason: otherFolk },
  ];
}

const REASONS = [
  'scales-independently', 'serves-many', 'separate-lifecycle', 'shares-localhost', 'shares-volume', 'shares-ipc', 'network-only',
].map((reason) => `same-pod/${reason}`);

function generate(seed: string, difficulty: Difficulty): SamePodPuzzle {
  const rng = createRng(`same-pod:${difficulty}:${seed}`);
  const s = scenarioFor(rng, difficulty);
  const metas = optionLabels(rng, s, difficulty);
  const choices = shuffledChoices(rng, metas.map((m) => m.label));
  const options = choices.map((c) => ({ ...metas.find((m) => m.label === c.label)!, id: c.id }));
  return { a: s.a, b: s.b, needs: s.needs, facts: s.facts, options };
}

function publicView(p: SamePodPuzzle): SingleView {
  const withReason = p.options.length > 2;
  return {
    kind: 'same-pod',
    format: 'single',
    prompt: `${p.facts.join(' ')} Should ${code(p.a)} and ${code(p.b)} run in one pod or in separate pods${withReason ? ', and why' : ''}?`,
    table: { columns: ['Container', 'Image'], rows: [[p.a.name, p.a.image], [p.b.name, p.b.image]] },
    options: p.options.map((o) => ({ id: o.id, label: o.label })),
  };
}

function isRight(p: SamePodPuzzle, o: OptionMeta): boolean {
  const verdict = podDesign(p.needs);
  return o.together === verdict.together && (o.reason === null || o.reason === verdict.reason);
}

function solve(p: SamePodPuzzle): string {
  return p.options.find((o) => isRight(p, o))?.id ?? '';
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function grade(p: SamePodPuzzle, answer: unknown): Grade {
  const verdict = podDesign(p.needs);
  const docUrl = DOCS + DOC_ANCHOR[verdict.reason];
  const verdictText = verdict.together ? 'one pod' : 'separate pods';
  const why = `${capital(verdict.because)}. The test is whether they must live, die and be scheduled together.`;
  const picked = p.options.find((o) => o.id === asOptionId(answer));
  if (!picked) return oneLineGrade(0, `Pick one option. The answer is ${verdictText}: ${verdict.because}.`, docUrl);
  if (isRight(p, picked)) return oneLineGrade(1, `${capital(verdictText)}. ${why}`, docUrl);
  const folklore = picked.reason !== null && picked.reason in FOLKLORE ? FOLKLORE[picked.reason as Folklore] : null;
  const rebuttal = folklore ? ` Also, ${folklore.rebuttal}.` : '';
  if (picked.together === verdict.together) {
    return oneLineGrade(0.5, `${capital(verdictText)} is right, but not for that reason: ${folklore?.rebuttal ?? 'that is not what decides it'}. The deciding fact: ${verdict.because}.`, docUrl);
  }
  return oneLineGrade(0, `No: ${verdictText}. ${why} ${CONSEQUENCE[verdict.reason]}${rebuttal}`, docUrl);
}

export const samePod = {
  id: 'same-pod',
  concept: 'Pod design',
  title: 'One pod or two?',
  description: 'Decide whether two containers belong in one pod, and why.',
  generate,
  // Interim (issue 9): one template per deciding reason, until the kind is reworked (not split by level yet).
  templates: { easy: REASONS, medium: REASONS, hard: REASONS },
  publicView,
  solve,
  grade,
  meta: (p) => metaFromView(publicView(p), solve(p), `same-pod/${podDesign(p.needs).reason}`),
} satisfies PuzzleKind<SamePodPuzzle>;
