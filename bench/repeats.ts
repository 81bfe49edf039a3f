// Issue 14's targets judged over several runs of one scenario: on a shared VM the same code's figures move by tens
// of percent between quiet runs minutes apart (the floor's as much as Podium's), so one run's ratio passes or fails
// by chance near a target. Each target's measure (Podium / floor in the same run, or Podium's own figure) is listed
// per run, and the verdict is the median's. Printed by `npm run bench -- --repeat N`, or afterwards from saved runs:
//   node --import tsx bench/repeats.ts bench/results/a.json bench/results/b.json bench/results/c.json
import { readFileSync } from 'node:fs';
import type { Figures } from './figures.ts';
import { scenarios, type Scenario } from './scenarios.ts';
import { targets, verdict, withinLimit, type TargetKey } from './targets.ts';

export interface Run {
  podium: Figures | null;
  floor: Figures | null;
}

export interface TargetOverRuns {
  target: TargetKey;
  /** The measure in each run, in run order (null: a figure was missing). */
  values: (number | null)[];
  /** The median of the runs that have the figure (null: none has). */
  median: number | null;
  met: boolean | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function overRuns(s: Scenario, runs: readonly Run[]): TargetOverRuns[] {
  return s.targets.map((target) => {
    const values = runs.map((r) => (r.podium ? targets[target].measure(r.podium, r.floor) : null));
    const m = median(values.filter((v): v is number => v !== null));
    return { target, values, median: m, met: withinLimit(m, targets[target].limit) };
  });
}

const show = (v: number | null): string => (v === null ? '-' : String(Math.round(v * 100) / 100));

/** `judged`: overRuns' answer for the scenario's `count` runs. */
export function formatOverRuns(s: Scenario, judged: readonly TargetOverRuns[], count: number): string {
  const rows = judged.map((t) => ({ t, each: t.values.map(show).join(' / ') }));
  const width = Math.max(10, ...rows.map((r) => r.each.length + 2));
  const lines = rows.map(({ t, each }) =>
    `${t.target.padEnd(20)}${each.padEnd(width)}${show(t.median).padStart(8)}  ${targets[t.target].text}  ${verdict(t.met)}`);
  return [`\n== ${s.title}: ${count} runs, the verdict on the median ==`, `${'target'.padEnd(20)}${'each run'.padEnd(width)}${'median'.padStart(8)}`, ...lines].join('\n');
}

interface Saved {
  outcomes: { scenario: string; podium: Figures | null; floor: Figures | null }[];
}

function fromFiles(files: readonly string[]): string {
  const outcomes = files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as Saved).outcomes);
  return scenarios
    .map((s) => ({ s, runs: outcomes.filter((o) => o.scenario === s.id) }))
    .filter(({ runs }) => runs.length > 0)
    .map(({ s, runs }) => formatOverRuns(s, overRuns(s, runs), runs.length))
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node --import tsx bench/repeats.ts RESULT.json [RESULT.json ...]');
    process.exit(2);
  }
  console.log(fromFiles(files));
}
