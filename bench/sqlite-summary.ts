// How Podium's saves grouped each round, from `npm run bench -- --sqlite-log` (bench/results/podium-<scenario>-<run>-
// sqlite.json) and the run's figures (the JSON the bench wrote): per round, the transactions between the question
// going out and the reveal, their statements, the biggest one, and the last one before the reveal (the close).
//   node --import tsx bench/sqlite-summary.ts bench/results/podium-10k-1-sqlite.json bench/results/bench-….json
import { readFileSync } from 'node:fs';
import type { Figures } from './figures.ts';

const [logFile, benchFile, scenario] = process.argv.slice(2);
if (!logFile || !benchFile) throw new Error('usage: sqlite-summary.ts <sqlite log> <bench json> [scenario id]');
const log = JSON.parse(readFileSync(logFile, 'utf8')) as [number, number, number][];
const bench = JSON.parse(readFileSync(benchFile, 'utf8')) as { outcomes: { scenario: string; podium: Figures | null }[] };
const figures = bench.outcomes.find((o) => (scenario === undefined || o.scenario === scenario) && o.podium)?.podium;
if (!figures) throw new Error('no Podium figures in the bench JSON');

const fmt = (tx: [number, number, number] | undefined): string => (tx ? `${tx[2]} statements in ${tx[1].toFixed(1)} ms` : '-');
console.log('round kind      transactions  statements  biggest                         last before the reveal');
for (const r of figures.rounds) {
  const inside = log.filter(([at]) => at >= r.openedAt && at <= r.revealedAt);
  const statements = inside.reduce((n, tx) => n + tx[2], 0);
  const biggest = [...inside].sort((a, b) => b[2] - a[2])[0];
  console.log(`${String(r.round).padStart(5)} ${r.kind.padEnd(9)} ${String(inside.length).padStart(12)} ${String(statements).padStart(11)}  ${fmt(biggest).padEnd(32)}${fmt(inside.at(-1))}`);
}
