// Why one init container must come before another, in words, one line per dependency, with the items each line is
// about; and the start sequence as a picture. Every reason comes from the hand-off model (what b needs that a gives).
import { handoffReason } from '../model/init-handoffs.ts';
import type { Precedence } from '../model/precedence.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { ExplanationLine, Picture } from './kind.ts';
import type { Card } from './init-order-cards.ts';

export interface Explained {
  cards: Card[];
  /** The database as the reasons name it, e.g. orders-postgres. */
  db: string;
  uid: number;
  appContainer: string;
}

const code = (name: string): string => `\`${name}\``;

/** `a`, `b` and `c` */
function list(cards: readonly Card[]): string {
  const names = cards.map((c) => code(c.name));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** When the init containers after a sidecar may start: once it runs, or once its startupProbe has passed. */
const startedWhen = (a: Card): string => (!a.sidecar ? '' : a.does.includes('startupProbe') ? ' once its startupProbe has passed' : ' once it is running');

/** The clause that says why every card in `bs` needs `a` for this capability; `pronoun` says "it"/"they" for them. */
export function reasonFor(e: Explained, a: Card, bs: readonly Card[], capability: string, pronoun = false): string {
  const one = bs.length === 1;
  const v = (singular: string, plural: string): string => (one ? singular : plural);
  const A = code(a.name);
  const B = pronoun ? v('it', 'they') : list(bs);
  const started = startedWhen(a);
  if (capability.startsWith('file:')) {
    const [volume, ...rest] = capability.slice('file:'.length).split(':');
    const inside = rest.join(':');
    const named = bs.map((b) => Object.entries(b.readAs ?? {}).find(([path]) => path.endsWith(inside))?.[1]).find((x) => x !== undefined);
    const file = named ?? inside.split('/').filter(Boolean).at(-1) ?? '';
    // A sidecar's startupProbe on that file passes because the file is there: the write comes first.
    const gate = a.sidecar && a.does.includes('startupProbe')
      ? `; its startupProbe passes once ${file} is there, and only then do the init containers after it start` : started;
    return `${B} ${v('reads', 'read')} ${file} from the ${volume} volume, which ${A} writes${gate}`;
  }
  switch (capability) {
    case 'db-up': return `${B} ${v('needs', 'need')} ${e.db} to accept connections; ${A} waits until it does`;
    case 'schema': return `${B} ${v('fills', 'fill')} the tables that ${A} creates`;
    case 'mesh': return `${B} ${v('talks', 'talk')} over the network, which works only through ${A}; init containers listed after it start${started}`;
    case 'mesh-at-stop': return `${B} ${v('ships', 'ship')} logs through ${A}, and sidecars stop in reverse order: listed after ${A}, ${v('it stops', 'they stop')} first, so the last flush still gets out`;
    case 'db-proxy': return `${B} ${v('connects', 'connect')} to 127.0.0.1:5432, where ${A} listens${started}`;
    case 'egress': return `${B} ${v('reaches', 'reach')} the search cluster only through 127.0.0.1:15001, which ${A} serves${started}`;
    case 'search-up': return `${B} ${v('needs', 'need')} the search cluster up; ${A} waits until it is`;
    case 'cache-up': return `${B} ${v('needs', 'need')} Redis to answer PONG; ${A} waits until it does`;
    case 'writable:data': return `${B} ${v('runs', 'run')} as uid ${e.uid} and ${v('writes', 'write')} to the data volume, which only ${A} makes writable`;
    default: return `${B} ${v('needs', 'need')} what ${A} provides`;
  }
}

const byId = (e: Explained, id: string): Card => e.cards.find((c) => c.id === id)!;

/** Dependencies grouped by provider and by what it provides: "`proxy` before `a`, `b` and `c`: …". */
function groups(e: Explained, pairs: readonly Precedence[]): { a: Card; capability: string; bs: Card[] }[] {
  const out = new Map<string, { a: Card; capability: string; bs: Card[] }>();
  for (const [a, b] of pairs) {
    const capability = handoffReason(byId(e, a), byId(e, b)) ?? '';
    const key = `${a}|${capability}`;
    const group = out.get(key) ?? { a: byId(e, a), capability, bs: [] };
    group.bs.push(byId(e, b));
    out.set(key, group);
  }
  return [...out.values()];
}

/** One line per dependency (grouped by what the provider gives): kept ones as facts, broken ones marked ✗. */
export function dependencyLines(e: Explained, pairs: readonly Precedence[], broken: readonly Precedence[]): ExplanationLine[] {
  return groups(e, pairs).map(({ a, capability, bs }) => {
    const brokenHere = bs.filter((b) => broken.some(([x, y]) => x === a.id && y === b.id));
    const text = brokenHere.length > 0
      ? `✗ ${code(a.name)} must come before ${list(brokenHere)}: ${reasonFor(e, a, bs, capability)}.`
      : `${code(a.name)} before ${list(bs)}: ${reasonFor(e, a, bs, capability, true)}.`;
    return { text, evidence: { itemIds: [a.id, ...bs.map((b) => b.id)] } };
  });
}

/** The rules a puzzle exercises, from its dependencies. */
export function rulesOf(e: Explained, pairs: readonly Precedence[]): RuleId[] {
  const rules = new Set<RuleId>(['init/one-at-a-time']);
  for (const [a, b] of pairs) {
    const provider = byId(e, a);
    const capability = handoffReason(provider, byId(e, b)) ?? '';
    if (capability.startsWith('file:')) rules.add('init/volume-handoff');
    if (provider.sidecar) rules.add('sidecars/start-gate');
    if (provider.sidecar && provider.does.includes('startupProbe')) rules.add('sidecars/startup-probe-gates');
    if (capability === 'mesh-at-stop') rules.add('sidecars/termination-order');
  }
  return [...rules];
}

/** Regular init containers one after the other, then the app: the order the kubelet starts them in. */
export function startSequence(e: Explained, order: readonly string[]): Picture {
  const steps = order.map((id) => {
    const c = byId(e, id);
    return { id, label: c.name, note: c.sidecar ? 'started, keeps running' : 'runs, exits 0' };
  });
  return {
    type: 'sequence',
    lanes: [
      { label: 'initContainers, one at a time', steps },
      { label: 'containers', steps: [{ id: e.appContainer, label: e.appContainer, note: 'starts once every init container is done' }] },
    ],
  };
}
