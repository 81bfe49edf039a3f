// npm run bench -- --faults [--runs 3]: the fault figures (bench/faults.ts).
// npm run bench [-- --only one-200,rooms-100x30] [--scale 0.1] [--rounds 5] [--kind pod-phase] [--seconds 10] [--max-minutes 30] [--cpu-prof]
// Runs each scenario against Podium's production server and against the socket.io floor, prints the table and
// writes the figures to bench/results/. Targets 127.0.0.1 only; every child process is ended on the way out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cores, installCleanup, killAll, pinSelf } from './children.ts';
import { machine } from './machine.ts';
import { runScenario, type RunSettings, type Scenario } from './scenario.ts';
import { scaled, scenarios } from './scenarios.ts';
import { formatBlock } from './table.ts';
import type { Figures } from './figures.ts';
import { isKindId, kindIds } from '../shared/puzzles/index.ts';
import type { TargetName } from './targets.ts';
import { runFaults } from './faults.ts';

const { values: v } = parseArgs({
  options: {
    only: { type: 'string' },
    scale: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '5' },
    kind: { type: 'string', default: 'pod-phase' },
    seconds: { type: 'string', default: '10' },
    targets: { type: 'string', default: 'podium,floor' },
    port: { type: 'string', default: '3417' },
    'max-minutes': { type: 'string', default: '30' },
    'cpu-prof': { type: 'boolean', default: false },
    faults: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});

function bounded(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be from ${min} to ${max}`);
  return n;
}

function chosen(): Scenario[] {
  const ids = v.only?.split(',') ?? scenarios.map((s) => s.id);
  const unknown = ids.filter((id) => !scenarios.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.id).join(', ')}`);
  const scale = bounded('scale', v.scale, 0.001, 1);
  return scenarios.filter((s) => ids.includes(s.id)).map((s) => scaled(s, scale));
}

interface Outcome {
  scenario: Scenario;
  podium: Figures | null;
  floor: Figures | null;
  error?: string;
}

async function runOne(s: Scenario, targets: TargetName[], settings: RunSettings): Promise<Outcome> {
  const out: Outcome = { scenario: s, podium: null, floor: null };
  try {
    for (const t of targets) out[t] = await runScenario(s, t, settings);
  } catch (err) {
    out.error = err instanceof Error ? err.message : String(err);
  }
  console.log(formatBlock(s, out.podium, out.floor));
  for (const f of [out.podium, out.floor]) {
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
  if (!isKindId(v.kind)) throw new Error(`unknown --kind ${v.kind}; known: ${kindIds.join(', ')}`);
  const settings = { kind: v.kind, rounds: bounded('rounds', v.rounds, 1, 10), seconds: bounded('seconds', v.seconds, 10, 120), port: bounded('port', v.port, 1024, 65535), cpuProf: v['cpu-prof'] };
  const targets = v.targets.split(',').filter((t): t is TargetName => t === 'podium' || t === 'floor');
  const before = machine();
  console.log(`machine: ${before.cpus} cpus (${before.cpuModel}), ${before.memGiB} GiB, node ${before.node}, load ${before.load.join(' ')}`);
  console.log(`rooms: ${settings.rounds} rounds of ${settings.seconds} s, kind ${settings.kind} (medium), speed scoring; round 1 warms up, then spread and burst rounds alternate`);
  console.log(cores ? `server pinned to cpu ${cores.server}, load and drivers to cpu ${cores.load}` : 'no pinning (one core or no taskset)');
  const outcomes: Outcome[] = [];
  for (const s of chosen()) outcomes.push(await runOne(s, targets, settings));
  const after = machine();
  console.log(`\nload average after the run: ${after.load.join(' ')}`);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  const file = join(import.meta.dirname, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ machine: { ...before, loadAfter: after.load }, settings, outcomes }, null, 2));
  console.log(`figures written to ${file}`);
  clearTimeout(guard);
  process.exitCode = outcomes.some((o) => o.error) ? 1 : 0;
}

if (v.faults) process.exitCode = runFaults(bounded('runs', v.runs, 1, 10));
else main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  killAll();
  process.exit(1);
});
