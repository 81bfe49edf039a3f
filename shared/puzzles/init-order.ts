// Put init containers in the order they must run, from what each one does.
// Dependencies come from what each task needs and provides (initPrecedence); any order that keeps them scores 1.
import { createRng, type Rng } from '../random.ts';
import { initFailureOutcome, initPrecedence, sharedCapability, type InitTask } from '../model/init-sequence.ts';
import type { Difficulty, Grade, OrderView, PuzzleKind, PuzzleMeta } from './kind.ts';
import { brokenPairs, orderScore, shownOrder, topologicalOrder, type Precedence } from './ordering.ts';
import { asPermutation } from './answers.ts';
import { oneLineGrade } from './grade.ts';

type SidecarKind = 'vault' | 'mesh' | 'sqlproxy';

interface Ctx {
  app: string;
  vol: string;
  uid: number;
  db: { host: string; port: number; name: string; engine: 'postgres' | 'mysql'; schema: string };
  sidecar: SidecarKind | null;
  mesh: string;
}

interface TaskCard extends InitTask {
  name: string;
  image: string;
  does: string;
  /** Needs that must be provided inside the pod: the generator adds their provider. */
  requires: readonly string[];
}

export interface InitOrderPuzzle {
  difficulty: Difficulty;
  app: string;
  tasks: TaskCard[];
  /** Capability → what it means, for the explanation. */
  meaning: Record<string, string>;
  /** Item ids in the order shown. */
  shown: string[];
}

const DOC_INIT = 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#understanding-init-containers';
const DOC_SIDECAR = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle';
const APPS = ['orders', 'checkout', 'billing', 'catalog', 'inventory', 'ledger', 'search', 'payments', 'shipping', 'reviews'];
const VOLUMES = ['/data', '/srv/app', '/var/lib/app', '/shared', '/workspace'];
const NET = ['mesh'];
const MESH_IMAGES: Record<string, string> = {
  envoy: 'envoyproxy/envoy:v1.29', 'linkerd-proxy': 'cr.l5d.io/linkerd/proxy:stable-2.14', 'istio-proxy': 'istio/proxyv2:1.21',
};

type Template = (c: Ctx, rng: Rng) => Omit<TaskCard, 'id'>;

// Every regular init container that talks over the network also needs the mesh proxy when there is one.
const TEMPLATES: Record<string, Template> = {
  'wait-for-db': (c) => ({
    name: 'wait-for-db', image: 'busybox:1.36', sidecar: false,
    does: `loops \`until nc -z ${c.db.host} ${c.db.port}; do sleep 2; done\``,
    provides: ['db-reachable'], needs: [...NET, 'db-proxy'], requires: c.sidecar === 'sqlproxy' ? ['db-proxy'] : [],
  }),
  'fix-permissions': (c) => ({
    name: 'fix-permissions', image: 'busybox:1.36', sidecar: false,
    does: `runs as root: \`chown -R ${c.uid}:${c.uid} ${c.vol}\` so the app user can write there`,
    provides: ['volume-writable'], needs: [], requires: [],
  }),
  'fetch-config': (c, rng) => ({
    name: 'fetch-config', ...rng.pick([
      { image: 'amazon/aws-cli:2.15.0', does: `\`aws s3 cp s3://acme-config/${c.app}/app.env ${c.vol}/app.env\`` },
      { image: 'google/cloud-sdk:slim', does: `\`gsutil cp gs://acme-config/${c.app}/app.env ${c.vol}/app.env\`` },
      { image: 'curlimages/curl:8.5.0', does: `downloads https://config.internal/${c.app}/app.env to ${c.vol}/app.env` },
    ]),
    sidecar: false,
    ...(c.sidecar === 'vault' ? { does: `downloads ${c.vol}/app.env from a private bucket with the token in /vault/secrets/token` } : {}),
    provides: ['config'], needs: ['volume-writable', ...NET, 'secrets'], requires: c.sidecar === 'vault' ? ['secrets'] : [],
  }),
  migrate: (c, rng) => ({
    name: 'migrate', sidecar: false, ...rng.pick([
      { image: 'flyway/flyway:10', does: `\`flyway migrate\` against ${c.db.name} with the credentials in ${c.vol}/app.env` },
      { image: 'migrate/migrate:v4.17.0', does: `\`migrate -path /migrations -database "$DATABASE_URL" up\`, URL read from ${c.vol}/app.env` },
      { image: `acme/${c.app}:2.4.1`, does: `\`python manage.py migrate\` using DATABASE_URL from ${c.vol}/app.env` },
    ]),
    provides: ['schema'], needs: ['db-reachable', 'config', 'db-proxy', ...NET],
    requires: ['db-reachable', 'config'],
  }),
  'seed-data': (c) => ({
    name: 'seed-data', sidecar: false,
    // The client must match the engine: psql cannot load rows into MySQL.
    ...(c.db.engine === 'mysql'
      ? { image: 'mysql:8.0', does: `\`mysql -h ${c.db.host} ${c.db.schema} < /seed/reference-data.sql\`, inserting rows into the tables of ${c.db.name}` }
      : { image: 'postgres:16', does: `\`psql "$DATABASE_URL" -f /seed/reference-data.sql\`, inserting rows into the tables of ${c.db.name}` }),
    provides: ['seeded'], needs: ['schema', 'db-proxy', ...NET], requires: ['schema'],
  }),
  'render-templates': (c, rng) => ({
    name: 'render-templates', sidecar: false, ...rng.pick([
      { image: 'hairyhenderson/gomplate:v3.11', does: `\`gomplate -d env=${c.vol}/app.env -f /tpl/nginx.conf.tmpl -o ${c.vol}/nginx.conf\`` },
      { image: 'bhgedigital/envsubst', does: `\`envsubst < /tpl/settings.yaml.tpl > ${c.vol}/settings.yaml\` after sourcing ${c.vol}/app.env` },
    ]),
    provides: ['rendered'], needs: ['config', 'volume-writable'], requires: ['config'],
  }),
  'download-model': (c, rng) => ({
    name: 'download-model', image: 'curlimages/curl:8.5.0', sidecar: false,
    does: `\`curl -fsSLo ${c.vol}/models/${rng.pick(['resnet50', 'bert-base', 'yolov8n', 'whisper-small'])}.onnx https://models.internal/…\``,
    provides: ['model'], needs: ['volume-writable', ...NET], requires: [],
  }),
  'git-sync': (c) => ({
    name: 'clone-content', image: 'alpine/git:2.43.0', sidecar: false,
    does: `\`git clone --depth 1 https://git.internal/${c.app}/site.git ${c.vol}/site\``,
    provides: ['content'], needs: ['volume-writable', ...NET], requires: [],
  }),
  register: (c) => ({
    name: 'register-service', image: 'curlimages/curl:8.5.0', sidecar: false,
    does: `PUTs the service definition from ${c.vol}/app.env to http://consul:8500/v1/agent/service/register`,
    provides: ['registered'], needs: ['config', ...NET], requires: ['config'],
  }),
};

const SIDECARS: Record<SidecarKind, Template> = {
  vault: () => ({
    name: 'vault-agent', image: 'hashicorp/vault:1.15', sidecar: true,
    does: '`vault agent -config=/etc/vault/agent.hcl`: keeps a fresh token in /vault/secrets/token',
    provides: ['secrets'], needs: [], requires: [],
  }),
  mesh: (c) => ({
    name: c.mesh, image: MESH_IMAGES[c.mesh] ?? 'envoyproxy/envoy:v1.29',
    sidecar: true, does: 'the mesh proxy; the mesh policy lets no traffic out of the pod except through it',
    provides: ['mesh'], needs: [], requires: [],
  }),
  sqlproxy: () => ({
    name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.2', sidecar: true,
    does: 'listens on 127.0.0.1:5432 and tunnels to the Cloud SQL instance',
    provides: ['db-proxy'], needs: [], requires: [],
  }),
};

function meanings(c: Ctx): Record<string, string> {
  return {
    'db-reachable': `${c.db.name} accepting connections on ${c.db.host}:${c.db.port}`,
    'volume-writable': `${c.vol} to be writable by uid ${c.uid}`,
    config: `${c.vol}/app.env, which fetch-config downloads`,
    secrets: 'the token vault-agent writes to /vault/secrets/token',
    mesh: `${c.mesh} running, since all outbound traffic must pass through it`,
    'db-proxy': 'cloud-sql-proxy listening on 127.0.0.1:5432',
    schema: 'the tables that migrate creates',
    rendered: 'the rendered configuration',
  };
}

function makeCtx(rng: Rng, difficulty: Difficulty): Ctx {
  const sidecar = difficulty === 'hard' ? rng.pick<SidecarKind>(['vault', 'mesh', 'sqlproxy']) : null;
  const engine = rng.pick([{ port: 5432, kind: 'postgres' as const }, { port: 3306, kind: 'mysql' as const }]);
  const app = rng.pick(APPS);
  const port = sidecar === 'sqlproxy' ? 5432 : engine.port;
  const host = sidecar === 'sqlproxy' ? '127.0.0.1' : `${app}-${engine.kind}`;
  return {
    app, vol: rng.pick(VOLUMES), uid: rng.pick([1000, 1001, 101, 999, 65532]), sidecar,
    db: { host, port, name: `${app}-${sidecar === 'sqlproxy' ? 'cloudsql' : engine.kind}`, engine: sidecar === 'sqlproxy' ? 'postgres' : engine.kind, schema: app },
    mesh: rng.pick(['envoy', 'linkerd-proxy', 'istio-proxy']),
  };
}

/** Add a template and, first, whatever it requires. */
function addWithRequirements(key: string, chosen: Map<string, TaskCard>, cards: Map<string, TaskCard>): void {
  const card = cards.get(key);
  if (!card || chosen.has(key)) return;
  for (const need of card.requires) {
    const provider = [...cards.entries()].find(([, c]) => c.provides.includes(need));
    if (provider) addWithRequirements(provider[0], chosen, cards);
  }
  chosen.set(key, card);
}

const SIZES: Record<Difficulty, [number, number]> = { easy: [3, 3], medium: [4, 5], hard: [5, 6] };
const SIDECAR_USERS: Record<SidecarKind, string[]> = {
  vault: ['fetch-config'], mesh: ['migrate', 'download-model', 'git-sync', 'register'], sqlproxy: ['wait-for-db'],
};

function pickTasks(rng: Rng, c: Ctx, difficulty: Difficulty): TaskCard[] {
  const cards = new Map<string, TaskCard>();
  for (const [key, make] of Object.entries(TEMPLATES)) cards.set(key, { id: '', ...make(c, rng) });
  if (c.sidecar) cards.set('sidecar', { id: '', ...SIDECARS[c.sidecar](c, rng) });
  const [min, max] = SIZES[difficulty];
  const size = rng.int(min, max);
  const chosen = new Map<string, TaskCard>();
  const goals = c.sidecar ? [rng.pick(SIDECAR_USERS[c.sidecar]), 'sidecar'] : [];
  for (const key of [...goals, ...rng.shuffle(Object.keys(TEMPLATES))]) {
    const trial = new Map(chosen);
    addWithRequirements(key, trial, cards);
    if (trial.size <= size) for (const [k, v] of trial) chosen.set(k, v);
    if (chosen.size === size) break;
  }
  return [...chosen.values()].map((t) => ({ ...t, id: t.name }));
}

function generate(seed: string, difficulty: Difficulty): InitOrderPuzzle {
  const rng = createRng(`init-order:${difficulty}:${seed}`);
  for (;;) {
    const c = makeCtx(rng, difficulty);
    const tasks = pickTasks(rng, c, difficulty);
    const pairs = initPrecedence(tasks);
    if (pairs.length < 2) continue;
    const shown = shownOrder(rng, tasks.map((t) => t.id), pairs);
    return { difficulty, app: c.app, tasks, meaning: meanings(c), shown };
  }
}

function itemLabel(t: TaskCard): string {
  const kind = t.sidecar ? ' [restartPolicy: Always]' : '';
  return `${t.name} (${t.image})${kind}: ${t.does}`;
}

function publicView(p: InitOrderPuzzle): OrderView {
  const hasSidecar = p.tasks.some((t) => t.sidecar);
  const byId = new Map(p.tasks.map((t) => [t.id, t]));
  return {
    kind: 'init-order',
    format: 'order',
    prompt:
      `Order the initContainers of pod \`${p.app}\` so each one finds what it needs when it starts.` +
      (hasSidecar ? ' The one marked restartPolicy: Always is a native sidecar.' : ''),
    items: p.shown.map((id) => ({ id, label: itemLabel(byId.get(id)!) })),
  };
}

function solve(p: InitOrderPuzzle): string[] {
  return topologicalOrder(p.tasks.map((t) => t.id), initPrecedence(p.tasks));
}

/** One sentence per provider and need: "envoy comes before a, b and c, which need …", not three copies of it. */
function groupSentence(p: InitOrderPuzzle, a: string, after: string[], cap: string, broken: boolean): string {
  const before = p.tasks.find((t) => t.id === a)!;
  const need = p.meaning[cap] ?? cap;
  const list = after.length > 1 ? `${after.slice(0, -1).join(', ')} and ${after.at(-1)}` : (after[0] ?? '');
  const one = after.length === 1;
  const sidecar = before.sidecar ? ' (a sidecar provides it only to init containers listed after it)' : '';
  return broken
    ? `${list} would start before ${a}, but ${one ? 'it needs' : 'they need'} ${need}${sidecar}`
    : `${a} comes before ${list}, which ${one ? 'needs' : 'need'} ${need}${sidecar}`;
}

const sidecarNote = (p: InitOrderPuzzle): string =>
  p.tasks.some((t) => t.sidecar)
    ? ' A native sidecar starts in its place in initContainers and keeps running; the next init container starts once it is started.'
    : '';

function sentences(p: InitOrderPuzzle, pairs: readonly Precedence[], broken = false): string {
  const groups = new Map<string, { a: string; cap: string; after: string[] }>();
  for (const [a, b] of pairs) {
    const cap = sharedCapability(p.tasks.find((t) => t.id === a)!, p.tasks.find((t) => t.id === b)!) ?? '';
    const g = groups.get(`${a}|${cap}`) ?? { a, cap, after: [] };
    g.after.push(b);
    groups.set(`${a}|${cap}`, g);
  }
  const all = [...groups.values()];
  const shown = all.slice(0, 3).map((g) => groupSentence(p, g.a, g.after, g.cap, broken));
  return shown.join('; ') + (all.length > 3 ? `; and ${all.length - 3} more like these` : '');
}

function grade(p: InitOrderPuzzle, answer: unknown): Grade {
  const ids = p.tasks.map((t) => t.id);
  const pairs = initPrecedence(p.tasks);
  const docUrl = p.tasks.some((t) => t.sidecar) ? DOC_SIDECAR : DOC_INIT;
  const order = asPermutation(answer, ids);
  if (order === null) {
    return oneLineGrade(0, `Place every init container exactly once. One order that works is ${solve(p).join(' → ')}: ${sentences(p, pairs)}.`, docUrl);
  }
  const broken = brokenPairs(pairs, order);
  if (broken.length === 0) {
    return oneLineGrade(1, `Init containers run one at a time, in list order, so ${sentences(p, pairs)}.${sidecarNote(p)}`, docUrl);
  }
  const retry = initFailureOutcome('Always');
  return oneLineGrade(
    orderScore(ids, pairs, p.shown, order),
    `${pairs.length - broken.length} of ${pairs.length} dependencies kept. ${sentences(p, broken, true)}. ` +
      `Started too early, a container fails or waits forever; in a Deployment (restartPolicy: Always) a failed one alone is retried with backoff while the pod stays ${retry.phase}, showing ${retry.kubectlStatuses.join(' then ')}.${sidecarNote(p)}`,
    docUrl,
  );
}

const TEMPLATES_BY_LEVEL = { easy: ['init-order/easy'], medium: ['init-order/medium'], hard: ['init-order/hard'] };

export const initOrder = {
  id: 'init-order',
  concept: 'Init containers',
  title: 'Init container order',
  description: 'Order init containers (and native sidecars) so each finds what it needs.',
  templates: TEMPLATES_BY_LEVEL,
  generate,
  publicView,
  solve,
  grade,
  meta: (p): PuzzleMeta => ({ template: `init-order/${p.difficulty}`, rules: [], answerKey: null }),
} satisfies PuzzleKind<InitOrderPuzzle>;
