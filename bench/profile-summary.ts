// Where a server's CPU or allocation went, from the profiles `npm run bench -- --cpu-prof` (and --heap-prof) writes
// to bench/results/ (<target>-<scenario>-<run>-<window>.cpuprofile / .heapprofile, windows: join, r1, r2…):
// self time per function, or with --inclusive the time in a function and everything it called; for a heap
// profile, the bytes allocated (sampled: still live at the end of the window, or with --heap-prof promoted every
// object that outlived the young generation, collected since or not) per function, self or inclusive.
// --modules groups self time (or bytes) by where the code lives: a package under node_modules, a file of ours
// (server/…, shared/…, bench/…), node: internals, or V8's own entries ((garbage collector), (idle), natives).
//   node --import tsx bench/profile-summary.ts bench/results/podium-10k-1-r3.cpuprofile [--inclusive|--modules] [--top 40]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

const fnLabel = (f: CallFrame): string => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;

function moduleLabel(f: CallFrame): string {
  const url = f.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg ${pkg[1]}`;
  const ours = /\/(server|shared|bench|scripts)\/(.+)$/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url === '' ? `${f.functionName || '(native)'}` : url;
}

let label = fnLabel;

/** µs per label; inclusive counts a sample once for every distinct function on its stack. */
function cpuTimes(profile: CpuProfile, inclusive: boolean): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = inclusive ? parent.get(cur) : undefined) {
      const key = label(byId.get(cur)!.callFrame);
      if (!seen.has(key)) totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      seen.add(key);
    }
  });
  return totals;
}

/** Bytes per label; inclusive adds a node's subtree to every distinct function above it. */
function heapBytes(root: HeapNode, inclusive: boolean): Map<string, number> {
  const totals = new Map<string, number>();
  const walk = (node: HeapNode, stack: string[]): number => {
    const key = label(node.callFrame);
    const below = node.children.reduce((n, c) => n + walk(c, [...stack, key]), 0);
    const mine = inclusive ? node.selfSize + below : node.selfSize;
    if (!inclusive || !stack.includes(key)) totals.set(key, (totals.get(key) ?? 0) + mine);
    return node.selfSize + below;
  };
  walk(root, []);
  return totals;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, inclusive: { type: 'boolean', default: false }, modules: { type: 'boolean', default: false } },
});
if (values.modules) label = moduleLabel;
const how = values.modules ? 'self, by module' : values.inclusive ? 'inclusive' : 'self';
for (const file of positionals) {
  const json = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile | { head: HeapNode };
  const heap = 'head' in json;
  const totals = heap ? heapBytes(json.head, values.inclusive) : cpuTimes(json, values.inclusive);
  const all = heap ? heapBytes(json.head, false) : null;
  const whole = all ? [...all.values()].reduce((a, b) => a + b, 0) : (json as CpuProfile).timeDeltas.reduce((a, b) => a + b, 0);
  console.log(`\n${file}: ${heap ? `${(whole / 2 ** 20).toFixed(1)} MiB sampled` : `${(whole / 1000).toFixed(0)} ms sampled`} (${how})`);
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
  for (const [key, n] of top) {
    const amount = heap ? `${(n / 2 ** 20).toFixed(2).padStart(8)} MiB` : `${(n / 1000).toFixed(1).padStart(9)} ms`;
    console.log(`${amount} ${((n / whole) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}
