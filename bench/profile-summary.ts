// Where a server's CPU went, from a .cpuprofile written by `npm run bench -- --cpu-prof` (bench/results/):
// self time per function, or with --inclusive the time spent in a function and everything it called.
//   node --import tsx bench/profile-summary.ts bench/results/podium-one-5000-r3.cpuprofile [--inclusive] [--top 40]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}`;

/** µs per label; inclusive counts a sample once for every distinct function on its stack. */
function times(profile: Profile, inclusive: boolean): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = inclusive ? parent.get(cur) : undefined) {
      const key = label(byId.get(cur)!);
      if (!seen.has(key)) totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      seen.add(key);
    }
  });
  return totals;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' }, inclusive: { type: 'boolean', default: false } } });
for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const all = profile.timeDeltas.reduce((a, b) => a + b, 0);
  console.log(`\n${file}: ${(all / 1000).toFixed(0)} ms sampled (${values.inclusive ? 'inclusive' : 'self'} time)`);
  const top = [...times(profile, values.inclusive).entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
  for (const [key, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((us / all) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
