// npm run bench -- --faults [--runs 3]: the fault figures (bench/faults.ts).
// npm run bench -- --cluster [--scenario cluster-5k,cluster-100x30]: one node vs three + Redis (bench/cluster.ts).
// npm run bench [-- --scenario 5k,10k,100x30|smoke] [--targets podium,floor] [--repeat 1] [--max-minutes 30]
//                  [--cpu-prof] [--heap-prof allocated|live|promoted] [--sqlite-log] [--live-heap-rounds] [--from-source] [--out FILE]
// Runs each scenario against Podium (server/main.ts as npm start runs it) and, in the same run, the socket.io
// floor, both driven by the same bench client (bench/wire); prints Podium | floor | ratio | target and writes the
// figures to bench/results/. 127.0.0.1 only; every child process is ended on the way out, and the whole run is
// stopped if it goes over its time budget.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { cores, installCleanup, killAll, pinSelf } from './children.ts';
import { machine } from './machine.ts';
import { runScenario } from './scenario.ts';
import { defaultScenarios, scenarios, type Scenario } from './scenarios.ts';
import { formatBlock } from './table.ts';
import { figuresOf, type Figures } from './figures.ts';
import { profilePrefix, type Profiling } from './round.ts';
import { targets, type TargetKey } from './targets.ts';
import { formatOverRuns, overRuns, type TargetOverRuns } from './repeats.ts';
import { targetNames, type TargetName } from './servers.ts';
import type { HeapSampling } from './messages.ts';
import { runFaults } from './faults.ts';
import { runCluster } from './cluster.ts';

const { values: v } = parseArgs({
  options: {
    scenario: { type: 'string' },
    targets: { type: 'string', default: targetNames.join(',') },
    repeat: { type: 'string', default: '1' },
    'max-minutes': { type: 'string', default: '30' },
    'cpu-prof': { type: 'boolean', default: false },
    'heap-prof': { type: 'string' },
    'sqlite-log': { type: 'boolean', default: false },
    'live-heap-rounds': { type: 'boolean', default: false },
    'from-source': { type: 'boolean', default: false },
    out: { type: 'string' },
    faults: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    cluster: { type: 'boolean', default: false },
  },
});

const resultsDir = join(import.meta.dirname, 'results');

function bounded(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function chosen(): Scenario[] {
  const ids = v.scenario?.split(',') ?? defaultScenarios;
  const unknown = ids.filter((id) => !scenarios.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.id).join(', ')}`);
  return ids.map((id) => scenarios.find((s) => s.id === id)!);
}

function chosenTargets(): TargetName[] {
  const names = v.targets.split(',');
  const unknown = names.filter((t) => !targetNames.includes(t as TargetName));
  if (unknown.length) throw new Error(`unknown target ${unknown.join(', ')}; known: ${targetNames.join(', ')}`);
  return names as TargetName[];
}

interface Outcome {
  scenario: string;
  run: number;
  load: { start: number[]; end: number[] };
  wallS: number;
  podium: Figures | null;
  floor: Figures | null;
  verdicts: Partial<Record<TargetKey, boolean | null>>;
  error?: string;
}

const loads = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

interface ProfileOptions {
  on: boolean;
  heap: HeapSampling;
  sqlite: boolean;
  liveRounds: boolean;
  fromSource: boolean;
}

async function runOne(s: Scenario, run: number, names: TargetName[], profile: ProfileOptions): Promise<Outcome> {
  const started = performance.now();
  const out: Outcome = { scenario: s.id, run, load: { start: loadavg(), end: [] }, wallS: 0, podium: null, floor: null, verdicts: {} };
  const loadBefore = loads();
  try {
    for (const t of names) {
      const base = profilePrefix(resultsDir, t, `${s.id}-${run}`);
      const profiling: Profiling = { prefix: profile.on ? base : null, heap: profile.heap, sqliteLog: profile.sqlite ? `${base}-sqlite.json` : null, liveRounds: profile.liveRounds, fromSource: profile.fromSource };
      out[t] = figuresOf(await runScenario(s, t, profiling));
    }
  } catch (err) {
    out.error = err instanceof Error ? err.message : String(err);
  }
  out.load.end = loadavg();
  out.wallS = Math.round((performance.now() - started) / 100) / 10;
  const p = out.podium;
  for (const key of s.targets) out.verdicts[key] = p ? targets[key].check(p, out.floor) : null;
  console.log(formatBlock(s, p, out.floor, `${loadBefore} -> ${loads()}; ${out.wallS} s`));
  for (const f of [p, out.floor]) {
    const why = Object.entries(f?.failures ?? {}).map(([k, n]) => `${k} x${n}`).join('; ');
    if (f && why) console.log(`  ${f.target} failures: ${why}`);
  }
  if (out.error) console.log(`  ERROR: ${out.error}`);
  return out;
}

async function main(): Promise<void> {
  installCleanup();
  pinSelf();
  const budget = bounded('max-minutes', v['max-minutes'], 1, 120) * 60_000;
  const guard = setTimeout(() => {
    console.error(`bench: over its ${budget / 60_000}-minute budget, stopping`);
    killAll();
    process.exit(1);
  }, budget);
  const chosenScenarios = chosen();
  const names = chosenTargets();
  const repeat = bounded('repeat', v.repeat, 1, 5);
  const heap = (v['heap-prof'] ?? 'none') as HeapSampling;
  if (!['none', 'allocated', 'live', 'promoted'].includes(heap)) throw new Error('--heap-prof must be allocated, live or promoted');
  mkdirSync(resultsDir, { recursive: true });
  const before = machine();
  console.log(`machine: ${before.cpus} cpus (${before.cpuModel}), ${before.memGiB} GiB, node ${before.node}, load average ${before.load.join(' ')}`);
  console.log(cores ? `server pinned to cpu ${cores.server}; drivers, hosts and this process to cpu ${cores.load}` : 'no pinning (one core or no taskset): figures are not comparable');
  console.log('rooms: pod-phase (medium), 10 s rounds, speed scoring; round 1 warms up, then spread (answers after 2-4 s), burst (answers on arrival, the last closes the round) and deadline (one silent player per room) rounds');
  const outcomes: Outcome[] = [];
  const medians: Record<string, TargetOverRuns[]> = {};
  for (const s of chosenScenarios) {
    const profile = { on: v['cpu-prof'] || heap !== 'none', heap, sqlite: v['sqlite-log'], liveRounds: v['live-heap-rounds'], fromSource: v['from-source'] };
    const runs: Outcome[] = [];
    for (let run = 1; run <= repeat; run++) runs.push(await runOne(s, run, names, profile));
    outcomes.push(...runs);
    if (repeat > 1) {
      medians[s.id] = overRuns(s, runs);
      console.log(formatOverRuns(s, medians[s.id]!, runs.length));
    }
  }
  const after = machine();
  console.log(`\nload average after the run: ${after.load.join(' ')}`);
  const file = v.out ?? join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ machine: { ...before, loadAfter: after.load }, date: new Date().toISOString(), outcomes, ...(repeat > 1 ? { medians } : {}) }, null, 2));
  console.log(`figures written to ${file}`);
  clearTimeout(guard);
  process.exitCode = outcomes.some((o) => o.error) ? 1 : 0;
}

if (v.faults) process.exitCode = runFaults(bounded('runs', v.runs, 1, 10));
else if (v.cluster) void runCluster(v.scenario?.split(','), Math.min(6, bounded('max-minutes', v['max-minutes'], 1, 120))).then((code) => process.exit(code));
else main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  killAll();
  process.exit(1);
});
