// npm run bench -- --faults [--runs 3]: the fault figures that npm test no longer asserts as times. Runs the fault
// scenarios (real server processes, real clients) --runs times and prints what each measured, then a summary:
// honest join success under guessing, reconnect time under flood, drain time with frozen clients, readiness flips,
// restart times and the cost of durability.
import { spawnSync } from 'node:child_process';

const FILES = [
  'test/server/guessing.test.ts',
  'test/server/faults/flood.test.ts',
  'test/server/faults/drain.test.ts',
  'test/server/faults/readiness.test.ts',
  'test/server/faults/restart.test.ts',
  'test/server/durable-cost.test.ts',
];

const FIGURES: [string, RegExp][] = [
  ['students joined under guessing (of 30)', /students: (\d+)\/30 joined/],
  ['reloads back under guessing (of 10)', /(\d+)\/10 reloads back/],
  ['guesses refused too_many_attempts', /"too_many_attempts":(\d+)/],
  ['flood: honest drops back, median ms', /drops back after median (\d+) ms/],
  ['flood: honest drops back, max ms', /drops back after median \d+ ms, max (\d+) ms/],
  ['flood: honest answer ack median ms', /honest answer ack median ([\d.]+) ms/],
  ['drain with frozen clients: exit after ms', /frozen WebSocket and a SIGSTOPped client: exit 0 after (\d+) ms/],
  ['drain: /readyz 503 after ms', /SIGSTOPped client: .*\/readyz 503 after (\d+) ms/],
  ['drain: server:restarting after ms', /server:restarting after (\d+) ms/],
  ['drain: new server ready after ms', /new server ready after (\d+) ms; log/],
  ['readiness: 503 after chattr +i, ms', /readiness: 503 (\d+) ms after chattr/],
  ['readiness: 200 after chattr -i, ms', /200 (\d+) ms after chattr -i/],
  ['kill -9: players back after the kill, max ms', /SIGKILL: .*players back after the signal: median \d+ ms, max (\d+) ms/],
  ['SIGTERM: players back after the signal, max ms', /SIGTERM: old.*players back after the signal: median \d+ ms, max (\d+) ms/],
  ['durability: extra µs per answer (5,000 players)', /\(\+([\d.]+) µs;/],
];

export function runFaults(runs: number): number {
  const lines: string[][] = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`\n── faults run ${run} of ${runs} ──`);
    const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', ...FILES], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const output = `${result.stdout}\n${result.stderr}`;
    const figures = output.split('\n').filter((l) => /\[(faults|guessing|durable)\]/.test(l)).map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim());
    for (const line of figures) console.log(line);
    const summary = /Tests\s+(.*)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
    console.log(`tests: ${summary?.[1] ?? 'no summary'}${result.status === 0 ? '' : ' (FAILED)'}`);
    lines.push(figures);
  }
  console.log('\n── summary (one value per run) ──');
  for (const [name, re] of FIGURES) {
    const values = lines.map((run) => run.map((l) => re.exec(l)?.[1]).find((v) => v !== undefined) ?? '–');
    console.log(`${name.padEnd(52)} ${values.join('  ')}`);
  }
  return 0;
}
