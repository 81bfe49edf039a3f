// `npm run bench -- --scenario smoke` end to end (both servers, driver processes, /proc readings, the JSON), small
// enough for every test run so the bench cannot rot. Functional checks only: everyone joined, nobody was lost,
// every answer was acked, every player saw every question and reveal. No timing bound (CI is a busy machine).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../bench/figures.ts';
import { scenarios } from '../../bench/scenarios.ts';

const smoke = scenarios.find((s) => s.id === 'smoke')!;
const players = smoke.rooms * smoke.perRoom;
let dir: string;
let run: { status: number | null; output: string; outcome: { podium: Figures | null; floor: Figures | null; error?: string } };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'podium-bench-smoke-'));
  const out = join(dir, 'smoke.json');
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--scenario', 'smoke', '--max-minutes', '2', '--out', out], { encoding: 'utf8', timeout: 150_000 });
  const output = `${child.stdout}\n${child.stderr}`;
  const json = JSON.parse(readFileSync(out, 'utf8')) as { outcomes: typeof run.outcome[] };
  run = { status: child.status, output, outcome: json.outcomes[0]! };
}, 160_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['podium', 'floor'] as const)('the bench smoke run against %s', (target) => {
  const figures = (): Figures => {
    expect(run.outcome.error, run.output).toBeUndefined();
    return run.outcome[target]!;
  };

  it('joins everyone and loses nobody', () => {
    expect(run.status, run.output).toBe(0);
    const f = figures();
    expect({ joined: f.joined, failed: f.failed, lost: f.lost, failures: f.failures }).toEqual({ joined: players, failed: 0, lost: 0, failures: {} });
  });

  it('gets every answer acked and shows every player every question and reveal', () => {
    const f = figures();
    expect(f.rounds.map((r) => r.kind)).toEqual(smoke.rounds);
    for (const r of f.rounds) expect({ round: r.round, answers: r.answers, errors: r.errors, noQuestion: r.noQuestion, noReveal: r.noReveal }).toEqual({ round: r.round, answers: players, errors: {}, noQuestion: 0, noReveal: 0 });
    expect(f.answerErrors).toBe(0);
  });

  it('reads the server from outside: CPU, memory and GC figures exist', () => {
    const f = figures();
    expect(f.rssJoinedMiB).toBeGreaterThan(10);
    // A round's peak is read from the same process: real, and of the same order as its RSS after the join. Not "at
    // least the RSS before the join": in a 24-player game the two are within a few MiB, and V8 may hand memory
    // back in between (it did: 157.4 against 159.3 MiB).
    expect(f.peakRssMiB).toBeGreaterThan(10);
    expect(f.peakOverJoined).toBeGreaterThan(0.5);
    expect(f.peakOverJoined).toBeLessThan(10);
    expect(f.gcShare).not.toBeNull();
    expect(f.fanoutMs.p95).not.toBeNull();
    expect(f.lastAnswerMs).not.toBeNull();
    // The live heap (after the probe's forced collection) is part of the RSS; a round's longest pause is one of
    // its own pauses (the probe's collection, outside every window, is in none).
    expect(f.liveHeapEndMiB).toBeGreaterThan(1);
    expect(f.liveHeapEndMiB).toBeLessThan(f.rssEndMiB);
    expect(Number.isFinite(f.liveHeapPerPlayerKiB)).toBe(true);
    for (const r of f.rounds) expect(r.gcMaxMs).toBeLessThanOrEqual(r.gcMs + 0.5);
    expect(f.gcMaxMs).toBe(Math.max(...f.rounds.map((r) => r.gcMaxMs)));
  });
});

describe('the bench smoke run against Podium', () => {
  it('has every player told their own result at each reveal', () => {
    const f = run.outcome.podium!;
    expect(f.rounds.map((r) => r.meStates)).toEqual(smoke.rounds.map(() => players));
  });
});
