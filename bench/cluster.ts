// npm run bench -- --cluster [--scenario cluster-5k,cluster-100x30]: issue 13's cluster figures. The same players
// and rooms on one node and on three nodes + Redis (bench/cluster-servers.ts), side by side in one run, driven by
// the bench's own drivers and hosts (through nginx for the cluster, so rooms and players spread over the nodes):
// question fan-out p95, question out -> last answer taken, answer ack p99, CPU per answer (the nodes, and Redis +
// nginx), and Redis commands per answer (INFO commandstats before and after each round; a pipelined command
// counts as one). Bounded: the whole run stops after --max-minutes (6).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { defaultSettings, type RoomSettings } from '../shared/protocol.ts';
import { cores, installCleanup, killAll, pinSelf, spawnNode, stopChild, type Child } from './children.ts';
import { Host } from './host.ts';
import { askDrivers, nextMessage } from './ipc.ts';
import type { DriverRound } from './messages.ts';
import { cpuUs, untilQuiet } from './proc.ts';
import { planOf } from './round.ts';
import { joinGroups } from './scenario.ts';
import type { RoundKind, Scenario } from './scenarios.ts';
import { max, middle, percentile, round1 } from './stats.ts';
import { clusterTargets, startClusterTarget, type ClusterTarget, type ClusterTargetName } from './cluster-servers.ts';

const ROUNDS: readonly RoundKind[] = ['warmup', 'spread', 'burst', 'spread', 'burst'];
export const clusterScenarios: readonly Scenario[] = [
  { id: 'cluster-5k', title: 'one room, 5,000 players', rooms: 1, perRoom: 5000, rounds: ROUNDS, secondsPerRound: 10, spreadMs: [2000, 4000], targets: [] },
  { id: 'cluster-100x30', title: '100 rooms of 30 players', rooms: 100, perRoom: 30, rounds: ROUNDS, secondsPerRound: 10, spreadMs: [2000, 4000], targets: [] },
];

interface RoundOut {
  kind: RoundKind;
  answers: number;
  fanoutP95: number | null;
  lastAnswerMs: number | null;
  ackP99: number | null;
  nodeCpuUs: number;
  helperCpuUs: number;
  redisCalls: number | null;
  redisPublishes: number | null;
  /** Calls per command in the round (the JSON's detail behind the per-answer figure). */
  redisByCommand: Record<string, number>;
  errors: number;
}

interface RunOut {
  scenario: string;
  target: ClusterTargetName;
  joined: number;
  failed: number;
  rounds: RoundOut[];
  error?: string;
}

const settingsFor = (s: Scenario): RoomSettings =>
  ({ ...defaultSettings, kinds: ['pod-phase'], difficulty: 'medium', rounds: s.rounds.length, secondsPerRound: s.secondsPerRound, scoring: 'speed', autoAdvance: false });

/** Calls per command since Redis started (INFO commandstats), without our own INFO. */
async function commandStats(redis: Redis | null): Promise<Map<string, number> | null> {
  if (!redis) return null;
  const text = await redis.info('commandstats');
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) if (m[1] !== 'info') out.set(m[1]!, Number(m[2]));
  return out;
}

const delta = (a: Map<string, number> | null, b: Map<string, number> | null, only?: string): number | null => {
  if (!a || !b) return null;
  let n = 0;
  for (const [k, v] of b) if (!only || k === only) n += v - (a.get(k) ?? 0);
  return n;
};

function byCommand(a: Map<string, number> | null, b: Map<string, number> | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of b ?? []) if (v - (a?.get(k) ?? 0) > 0) out[k] = v - (a?.get(k) ?? 0);
  return out;
}

const cpuOf = (pids: readonly number[]): number => pids.reduce((n, pid) => n + cpuUs(pid), 0);

async function playRound(t: ClusterTarget, redis: Redis | null, drivers: Child[], hosts: Host[], s: Scenario, round: number): Promise<RoundOut> {
  await askDrivers(drivers, { type: 'plan', plan: planOf(s, round) }, 'planned', 10_000);
  const [stats0, nodes0, helpers0] = [await commandStats(redis), cpuOf(t.nodes), cpuOf(t.helpers)];
  const opened = await Promise.all(hosts.map(async (h) => {
    const q = await h.open(round);
    await h.reveal(round, s.secondsPerRound * 1000 + 30_000);
    return q.view.serverNow;
  }));
  const reports = (await askDrivers(drivers, { type: 'report', round, timeoutMs: 30_000 }, 'reported', 60_000)).map((r) => r.report);
  for (const pid of t.nodes) await untilQuiet(pid);
  const [stats1, nodes1, helpers1] = [await commandStats(redis), cpuOf(t.nodes), cpuOf(t.helpers)];
  const all = (key: 'fanoutMs' | 'ackMs'): number[] => reports.flatMap((r: DriverRound) => r[key]);
  const answers = reports.reduce((n, r) => n + r.rooms.reduce((m, room) => m + room.answered, 0), 0);
  const lastTaken = max(reports.flatMap((r) => r.rooms.flatMap((room) => (room.lastTakenAt === null ? [] : [room.lastTakenAt]))));
  const errors = reports.reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + b, 0) + r.noQuestion + r.noReveal, 0);
  await Promise.all(hosts.map((h) => h.advance(round, round === s.rounds.length)));
  return {
    kind: s.rounds[round - 1]!, answers, errors,
    fanoutP95: percentile(all('fanoutMs'), 95),
    lastAnswerMs: lastTaken === null ? null : lastTaken - Math.min(...opened),
    ackP99: round1(percentile(all('ackMs'), 99)),
    nodeCpuUs: nodes1 - nodes0,
    helperCpuUs: helpers1 - helpers0,
    redisCalls: delta(stats0, stats1),
    redisPublishes: delta(stats0, stats1, 'publish'),
    redisByCommand: byCommand(stats0, stats1),
  };
}

async function runOne(s: Scenario, name: ClusterTargetName): Promise<RunOut> {
  const out: RunOut = { scenario: s.id, target: name, joined: 0, failed: 0, rounds: [] };
  const t = await startClusterTarget(name);
  const redis = t.redisPort === null ? null : new Redis(t.redisPort, '127.0.0.1', { maxRetriesPerRequest: 1 });
  const players = s.rooms * s.perRoom;
  const drivers = Array.from({ length: Math.min(4, Math.ceil(players / 2500)) }, (_, i) =>
    spawnNode(`driver-${i + 1}`, ['--import', 'tsx', 'bench/driver.ts'], cores?.load ?? null));
  const hosts: Host[] = [];
  try {
    await Promise.all(drivers.map((d) => nextMessage(d, (m: { type: string }) => m.type === 'ready', 30_000)));
    for (let i = 0; i < s.rooms; i++) hosts.push(await Host.create(t.url, settingsFor(s)));
    const groups = joinGroups(hosts.map((h) => h.code), s.perRoom, drivers.length);
    const joined = await Promise.all(drivers.map((d, i) =>
      askDrivers([d], { type: 'join', url: t.url, groups: groups[i]!, concurrency: 50, localAddress: `127.0.0.${10 + i}` }, 'joined', 120_000)));
    for (const [r] of joined) {
      out.joined += r!.joined;
      out.failed += Object.values(r!.failed).reduce((a, b) => a + b, 0);
    }
    for (const pid of t.nodes) await untilQuiet(pid);
    for (let round = 1; round <= s.rounds.length; round++) out.rounds.push(await playRound(t, redis, drivers, hosts, s, round));
  } catch (error) {
    out.error = error instanceof Error ? error.message : String(error);
  } finally {
    for (const h of hosts) h.close();
    for (const d of drivers) if (d.proc.connected) d.proc.send({ type: 'stop' });
    await Promise.all(drivers.map((d) => stopChild(d)));
    redis?.disconnect();
    await t.stop();
  }
  return out;
}

/** The median over the measured rounds of one kind (to `digits` decimals). */
function over(run: RunOut | undefined, kinds: readonly RoundKind[], get: (r: RoundOut) => number | null, digits = 1): number | null {
  if (!run) return null;
  const m = middle(run.rounds.filter((r) => kinds.includes(r.kind)).map(get).filter((x): x is number => x !== null));
  return m === null ? null : Math.round(m * 10 ** digits) / 10 ** digits;
}

const perAnswer = (get: (r: RoundOut) => number | null) => (r: RoundOut): number | null => {
  const v = get(r);
  return v === null || r.answers === 0 ? null : v / r.answers;
};

function table(s: Scenario, runs: RunOut[]): string {
  const [a, b] = clusterTargets.map((name) => runs.find((r) => r.target === name));
  const rows: [string, (r: RunOut | undefined) => number | string | null][] = [
    ['joined / failed; refused, unacked or missed', (r) => (r ? `${r.joined}/${r.failed}; ${r.rounds.filter((x) => x.kind !== 'warmup').reduce((n, x) => n + x.errors, 0)}` : null)],
    ['question fan-out p95, spread rounds (ms)', (r) => over(r, ['spread'], (x) => x.fanoutP95)],
    ['question out -> last answer taken, burst (ms)', (r) => over(r, ['burst'], (x) => x.lastAnswerMs)],
    ['answer ack p99, burst (ms)', (r) => over(r, ['burst'], (x) => x.ackP99)],
    ['CPU per answer, Podium nodes, burst (us)', (r) => over(r, ['burst'], perAnswer((x) => x.nodeCpuUs))],
    ['CPU per answer, Redis + nginx, burst (us)', (r) => over(r, ['burst'], perAnswer((x) => x.helperCpuUs))],
    ['Redis commands per answer, burst', (r) => over(r, ['burst'], perAnswer((x) => x.redisCalls), 2)],
    ['  of them PUBLISH', (r) => over(r, ['burst'], perAnswer((x) => x.redisPublishes), 3)],
    ['Redis commands per answer, spread', (r) => over(r, ['spread'], perAnswer((x) => x.redisCalls), 2)],
    ['  of them PUBLISH', (r) => over(r, ['spread'], perAnswer((x) => x.redisPublishes), 3)],
  ];
  const show = (c: number | string | null): string => (c === null ? '-' : String(c));
  const lines = [`\n${s.id}: ${s.title}`, `| figure | ${clusterTargets.join(' | ')} |`, '|---|---|---|'];
  for (const [label, get] of rows) lines.push(`| ${label} | ${show(get(a))} | ${show(get(b))} |`);
  for (const r of runs) if (r.error) lines.push(`  ${r.target} ERROR: ${r.error}`);
  return lines.join('\n');
}

export async function runCluster(ids: readonly string[] | undefined, maxMinutes: number): Promise<number> {
  installCleanup();
  pinSelf();
  const guard = setTimeout(() => {
    console.error(`bench --cluster: over its ${maxMinutes}-minute budget, stopping`);
    killAll();
    process.exit(1);
  }, maxMinutes * 60_000);
  const chosen = (ids ?? clusterScenarios.map((s) => s.id)).map((id) => {
    const s = clusterScenarios.find((x) => x.id === id);
    if (!s) throw new Error(`unknown cluster scenario ${id}; known: ${clusterScenarios.map((x) => x.id).join(', ')}`);
    return s;
  });
  console.log(`cluster bench: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${cores ? `every server process on cpu ${cores.server}, the load on cpu ${cores.load}` : 'no pinning'}`);
  const all: RunOut[] = [];
  for (const s of chosen) {
    const runs: RunOut[] = [];
    for (const name of clusterTargets) runs.push(await runOne(s, name).catch((e: unknown) => ({ scenario: s.id, target: name, joined: 0, failed: 0, rounds: [], error: String(e) })));
    console.log(table(s, runs));
    all.push(...runs);
  }
  clearTimeout(guard);
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `cluster-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), load: loadavg(), runs: all }, null, 2));
  console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; figures written to ${file}`);
  return all.some((r) => r.error) ? 1 : 0;
}
