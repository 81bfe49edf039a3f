// The pods kubectl-debug asks about (real base images: distroless ones have no shell and no tar), their YAML, and
// the helper every template uses to turn "this need, this right command, these wrong ones" into a checked draft.
import { answers, render, shape, shortfall, type Cmd, type DebugContainer, type DebugPod, type Need, type PodState } from '../model/debugging.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { Rng } from '../random.ts';
import { ENVOY_IMAGE, houseApp, houseApps, houseImage, houseRuntime, LINKERD_PROXY_IMAGE, software, type HouseApp } from '../model/software.ts';
import { version } from './house.ts';
import type { CodeBlock, TableBlock } from './kind.ts';
import type { SingleDraft } from './single-draft.ts';

interface Service { name: string; app: HouseApp; base: string; port: number; shell: boolean; tools: string[] }

/** Our own services: the base image decides the shell; alpine bases bring busybox wget. */
export const SERVICES: readonly Service[] = ['checkout', 'catalog', 'shipping', 'orders-api', 'payments', 'ledger', 'gateway', 'search-api', 'profile', 'billing', 'inventory']
  .map((name) => {
    const app = houseApp(name);
    const base = software(app.base);
    return { name, app, base: base.image, port: app.port, shell: houseRuntime(app).shell, tools: base.image.includes('alpine') ? ['wget'] : [] };
  });

export const SIDECARS: readonly (DebugContainer & { image: string })[] = [
  { name: 'envoy', image: ENVOY_IMAGE, shell: true, tar: true, port: 9901 },
  { name: 'linkerd-proxy', image: LINKERD_PROXY_IMAGE, shell: false, tar: false, port: 4191 },
  { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', shell: false, tar: false, port: 2020 },
  { name: 'vector', image: 'timberio/vector:0.40.0-alpine', shell: true, tar: true, port: 8686 },
];

const PROXIES = new Set(['envoy', 'linkerd-proxy']);

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
const suffix = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.pick([...SUFFIX])).join('');

export interface Scene {
  pod: DebugPod;
  svc: Service;
  /** Images per container, for the YAML. */
  images: Record<string, string>;
  state: PodState;
  /** A Job's pod says restartPolicy: Never. */
  restartPolicy?: 'Never';
}

export interface SceneWish { shell?: boolean; sidecars?: number; tool?: string }

/** A Deployment's pod: the app container first, then sidecars. */
export function scene(rng: Rng, wish: SceneWish = {}): Scene {
  const pool = SERVICES.filter((s) => (wish.shell === undefined || s.shell === wish.shell) && (!wish.tool || s.tools.includes(wish.tool)));
  const svc = rng.pick(pool);
  const count = wish.sidecars ?? rng.int(0, 1);
  // At most one proxy and one log shipper: a pod never runs two meshes' proxies.
  const proxies = SIDECARS.filter((c) => PROXIES.has(c.name));
  const shippers = SIDECARS.filter((c) => !PROXIES.has(c.name));
  const side = count >= 2 ? rng.shuffle([rng.pick(proxies), rng.pick(shippers)]) : rng.sample(SIDECARS, count);
  const app: DebugContainer = { name: svc.name, shell: svc.shell, tar: svc.shell, port: svc.port };
  const pod: DebugPod = {
    name: `${svc.name}-${suffix(rng, 9)}-${suffix(rng, 5)}`, app: svc.name, node: `node-${rng.int(1, 6)}`,
    containers: [app, ...side.map(({ image: _image, ...c }) => c)],
  };
  return { pod, svc, images: Object.fromEntries([[svc.name, houseImage(svc.app, version(rng))], ...side.map((s) => [s.name, s.image])]), state: { tools: { [svc.name]: svc.tools } } };
}

/** A Job's pod: one of our batch apps, named after its Job (<job>-<5 characters>), restartPolicy: Never, no ports. */
export function jobScene(rng: Rng): Scene {
  const app = rng.pick(houseApps.filter((a) => a.batch));
  const shell = houseRuntime(app).shell;
  const svc: Service = { name: app.name, app, base: software(app.base).image, port: 0, shell, tools: [] };
  const pod: DebugPod = { name: `${app.name}-${suffix(rng, 5)}`, app: app.name, node: `node-${rng.int(1, 6)}`, containers: [{ name: app.name, shell, tar: shell }] };
  return { pod, svc, images: { [app.name]: houseImage(app, version(rng)) }, state: { tools: { [app.name]: [] } }, restartPolicy: 'Never' };
}

/** The READY column: how many of the pod's regular containers are ready, out of how many (init containers excluded). */
export function readyColumn(s: Scene, notReady: number, inits = 0): string {
  const total = s.pod.containers.length - inits;
  return `${Math.max(0, total - notReady)}/${total}`;
}

export interface InitSpec { name: string; image: string; sidecar?: boolean }

export function podYaml(s: Scene, extra: { annotation?: string; spn?: boolean; inits?: InitSpec[] } = {}): CodeBlock {
  const meta = extra.annotation ? `metadata: {name: ${s.pod.name}, annotations: {kubectl.kubernetes.io/default-container: ${extra.annotation}}}` : `metadata: {name: ${s.pod.name}}`;
  const lines = [meta, 'spec:', ...(s.restartPolicy ? [`  restartPolicy: ${s.restartPolicy}`] : []), ...(extra.spn ? ['  shareProcessNamespace: true'] : [])];
  if (extra.inits?.length) {
    lines.push('  initContainers:');
    for (const i of extra.inits) lines.push(`  - name: ${i.name}`, `    image: ${i.image}`, ...(i.sidecar ? ['    restartPolicy: Always'] : []));
  }
  lines.push('  containers:');
  const inits = new Set((extra.inits ?? []).map((i) => i.name));
  for (const c of s.pod.containers.filter((x) => !inits.has(x.name))) {
    const base = c.name === s.svc.name ? `   # FROM ${s.svc.base}` : '';
    lines.push(`  - name: ${c.name}`, `    image: ${s.images[c.name]}${base}`);
    if (c.port) lines.push(`    ports: [{containerPort: ${c.port}}]`);
  }
  return { language: 'yaml', text: lines.join('\n') };
}

export interface Case {
  template: string;
  prompt: string;
  scene: Scene;
  need: Need;
  right: Cmd;
  wrong: Cmd[];
  because: string;
  rules: RuleId[];
  docUrl: string;
  code?: CodeBlock;
  table?: TableBlock;
}

/** Check the case against the model (the right command answers, no wrong one does) and make it a draft. */
export function caseDraft(c: Case): SingleDraft {
  const { pod } = c.scene;
  const miss = shortfall(pod, c.scene.state, c.right, c.need);
  if (miss !== null) throw new Error(`${c.template}: ${render(pod, c.right)} does not answer ${c.need.n}: ${miss}`);
  const bad = c.wrong.find((w) => answers(pod, c.scene.state, w, c.need));
  if (bad) throw new Error(`${c.template}: ${render(pod, bad)} also answers ${c.need.n}`);
  return {
    template: c.template,
    prompt: c.prompt,
    ...(c.code ? { code: c.code } : {}),
    ...(c.table ? { table: c.table } : {}),
    options: [
      { label: render(pod, c.right), correct: true, why: '' },
      ...c.wrong.map((w) => ({ label: render(pod, w), correct: false, why: shortfall(pod, c.scene.state, w, c.need)! })),
    ],
    answerKey: shape(c.right),
    rules: c.rules,
    because: [{ text: c.because }],
    docUrl: c.docUrl,
  };
}

export const code = (s: string): string => `\`${s}\``;
