// Put a pod's init containers in the order they must be listed, from what each one reads, writes and waits for.
// Dependencies come from the hand-off model (shared/model/init-handoffs.ts): a file passes only through a volume both
// containers mount, a service only once its provider is up, a sidecar serves only the containers listed after it.
// Any order that keeps every dependency scores 1; partial credit counts what the player fixed (ordering.ts).
import { handoffPrecedence, unmetFiles, type Mount } from '../model/init-handoffs.ts';
import { houseApps, houseImage, houseRuntime, software, type HouseApp } from '../model/software.ts';
import { ruleInfo, type RuleId } from '../model/rules/index.ts';
import { createRng, type Rng } from '../random.ts';
import type { Difficulty, Grade, OrderView, Picture, PuzzleKind, PuzzleMeta } from './kind.ts';
import { brokenPairs, orderScore, shownOrder, topologicalOrder } from './ordering.ts';
import { asPermutation } from './answers.ts';
import { gradeOf } from './grade.ts';
import { STATIC_VOLUMES, type Card, type Ctx } from './init-order-cards.ts';
import { meshStories, mysqlStories, sqlProxyStories, stories, type Scene, type Story, type VolumeKind } from './init-order-stories.ts';
import { dependencyLines, rulesOf, startSequence, type Explained } from './init-order-explain.ts';

export interface InitOrderPuzzle extends Explained {
  difficulty: Difficulty;
  story: string;
  podName: string;
  appImage: string;
  appMounts: Mount[];
  volumes: { name: string; kind: VolumeKind }[];
  premises: string[];
  /** Item ids in the order shown. */
  shown: string[];
}

const levelStories = (d: Difficulty): Story[] => stories.filter((s) => s.hard === (d === 'hard'));
const templateOf = (story: string): string => `init-order/${story}`;
const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
const suffix = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.pick([...SUFFIX])).join('');

function contextFor(rng: Rng, story: Story): { c: Ctx; app: HouseApp } {
  const app = rng.pick(houseApps.filter((a) => !a.batch && (!story.apps || story.apps.includes(a.name))));
  const short = app.name.replace(/-api$/, '');
  const engine = mysqlStories.has(story.id) ? rng.pick(['postgres', 'mysql'] as const) : 'postgres';
  const behindProxy = sqlProxyStories.has(story.id);
  const uid = houseRuntime(app).uid || rng.pick([1000, 1001, 10001]);
  return {
    app,
    c: {
      rng, app: short, appImage: houseImage(app, `${rng.int(1, 4)}.${rng.int(0, 12)}.${rng.int(0, 9)}`), uid,
      db: { engine, host: behindProxy ? '127.0.0.1' : `${short}-${engine}`, port: engine === 'postgres' ? 5432 : 3306, name: short },
      mesh: meshStories.has(story.id) ? rng.pick(['istio-proxy', 'linkerd-proxy']) : null,
    },
  };
}

/** Every volume the app or a card mounts, declared once: a ConfigMap or Secret a card names, a kind the story sets
 *  (a PersistentVolumeClaim), an emptyDir otherwise. The app's volumes come first. */
function volumesOf(scene: Scene): InitOrderPuzzle['volumes'] {
  const names = [...new Set([...scene.appMounts, ...scene.cards.flatMap((card) => card.mounts)].map((m) => m.volume))];
  return names.map((name) => ({ name, kind: scene.volumeKinds?.[name] ?? STATIC_VOLUMES[name] ?? 'emptyDir' }));
}

function generate(seed: string, difficulty: Difficulty): InitOrderPuzzle {
  const rng = createRng(`init-order:${difficulty}:${seed}`);
  const story = rng.pick(levelStories(difficulty));
  const { c } = contextFor(rng, story);
  const scene = story.build(c, difficulty);
  const pairs = handoffPrecedence(scene.cards);
  if (unmetFiles(scene.cards).length > 0) throw new Error(`${story.id}: a card reads a file nobody writes`);
  const appContainer = scene.app === 'nginx' ? 'nginx' : c.app;
  return {
    difficulty, story: story.id, podName: `${c.app}-${suffix(rng, 9)}-${suffix(rng, 5)}`,
    cards: scene.cards, db: c.db.host === '127.0.0.1' ? `Cloud SQL (${c.db.name})` : c.db.host, uid: c.uid, appContainer,
    appImage: scene.app === 'nginx' ? software('nginx').image : c.appImage,
    appMounts: scene.appMounts, volumes: volumesOf(scene), premises: scene.premises,
    shown: shownOrder(rng, scene.cards.map((card) => card.id), pairs),
  };
}

const mountText = (m: Mount): string => `${m.volume} at ${m.path}${m.readOnly ? ' (read-only)' : ''}`;

function itemLabel(card: Card): string {
  const kind = card.sidecar ? ' [restartPolicy: Always]' : '';
  const mounts = card.mounts.length > 0 ? ` · mounts ${card.mounts.map(mountText).join(', ')}` : '';
  return `${card.name} (${card.image})${kind}: ${card.does}${mounts}`;
}

/** The app container and the pod's volumes: what the init containers prepare, at most 16 lines. */
function podYaml(p: InitOrderPuzzle): string {
  const lines = ['containers:', `- name: ${p.appContainer}`, `  image: ${p.appImage}`];
  if (p.appMounts.length > 0) {
    lines.push('  volumeMounts:');
    for (const m of p.appMounts) lines.push(`  - { name: ${m.volume}, mountPath: ${m.path}${m.readOnly ? ', readOnly: true' : ''} }`);
  }
  if (p.volumes.length > 0) {
    lines.push('volumes:');
    for (const v of p.volumes) {
      const owner = p.podName.split('-').slice(0, -2).join('-');
      const source = {
        emptyDir: 'emptyDir: {}',
        persistentVolumeClaim: `persistentVolumeClaim: { claimName: ${owner}-${v.name} }`,
        configMap: `configMap: { name: ${owner}-${v.name} }`,
        secret: `secret: { secretName: ${v.name} }`,
      }[v.kind];
      lines.push(`- { name: ${v.name}, ${source} }`);
    }
  }
  return lines.join('\n');
}

function publicView(p: InitOrderPuzzle): OrderView {
  const byId = new Map(p.cards.map((card) => [card.id, card]));
  const sidecars = p.cards.some((card) => card.sidecar) ? ' Those marked restartPolicy: Always are native sidecars.' : '';
  return {
    kind: 'init-order',
    format: 'order',
    prompt:
      `Order the initContainers of this \`${p.appContainer}\` pod so each finds what it needs when it starts.` +
      `${sidecars}${p.premises.length > 0 ? ` ${p.premises.join(' ')}` : ''}`,
    code: { language: 'yaml', text: podYaml(p) },
    items: p.shown.map((id) => ({ id, label: itemLabel(byId.get(id)!) })),
  };
}

const pairsOf = (p: InitOrderPuzzle) => handoffPrecedence(p.cards);
const solve = (p: InitOrderPuzzle): string[] => topologicalOrder(p.cards.map((card) => card.id), pairsOf(p));

/** The rule the docs link backs: the most specific one the puzzle exercises. */
const PRIORITY: readonly RuleId[] = ['sidecars/startup-probe-gates', 'sidecars/start-gate', 'init/one-at-a-time'];
const mainRule = (p: InitOrderPuzzle): RuleId => {
  const rules = rulesOf(p, pairsOf(p));
  return PRIORITY.find((r) => rules.includes(r)) ?? 'init/one-at-a-time';
};

function grade(p: InitOrderPuzzle, answer: unknown): Grade {
  const ids = p.cards.map((card) => card.id);
  const pairs = pairsOf(p);
  const docUrl = ruleInfo(mainRule(p)).docUrl;
  const order = asPermutation(answer, ids);
  const broken = order === null ? pairs : brokenPairs(pairs, order);
  const score = orderScore(ids, pairs, p.shown, answer);
  const lead = order === null
    ? [{ text: 'Place every init container exactly once.' }]
    : broken.length > 0 ? [{ text: `${pairs.length - broken.length} of ${pairs.length} dependencies kept.` }] : [];
  const closing = p.cards.some((card) => card.sidecar)
    ? [{ text: 'A native sidecar keeps running from its place in the list; the init container after it starts once it is started: running, and past its startupProbe if it has one.' }]
    : [{ text: `Init containers run one at a time, in list order; ${p.appContainer} starts after the last one.` }];
  // A card no dependency touches is still explained (review M1-IO-M3): the player asks where it goes and why.
  const free = p.cards.filter((card) => !pairs.some(([a, b]) => a === card.id || b === card.id));
  const freeLines = free.map((card) => ({ text: `\`${card.name}\` depends on nothing here and nothing here needs it: any place is right.`, evidence: { itemIds: [card.id] } }));
  return gradeOf(score, [...lead, ...dependencyLines(p, pairs, broken), ...freeLines, ...closing], docUrl);
}

function meta(p: InitOrderPuzzle): PuzzleMeta {
  return { template: templateOf(p.story), rules: rulesOf(p, pairsOf(p)), answerKey: null };
}

const picture = (p: InitOrderPuzzle): Picture => startSequence(p, solve(p));

export const initOrder = {
  id: 'init-order',
  concept: 'Init containers',
  title: 'Init container order',
  description: 'Order a pod\'s init containers (and native sidecars) so each finds the files and services it needs.',
  templates: {
    easy: levelStories('easy').map((s) => templateOf(s.id)),
    medium: levelStories('medium').map((s) => templateOf(s.id)),
    hard: levelStories('hard').map((s) => templateOf(s.id)),
  },
  generate,
  publicView,
  solve,
  grade,
  meta,
  picture,
} satisfies PuzzleKind<InitOrderPuzzle>;
