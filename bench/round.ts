// One measured window on the server, and one round played through it: CPU (/proc/<pid>/stat), GC pauses (the
// preload's PerformanceObserver), peak RSS (VmHWM, reset at the start; sampled too, in case the reset is not
// allowed), and how much of the server's core other processes took meanwhile (a shared machine).
import { join } from 'node:path';
import type { Child } from './children.ts';
import { cores } from './children.ts';
import type { Host, Seen } from './host.ts';
import { askDrivers, gcStats, liveHeapOf, memoryOf, profileServer } from './ipc.ts';
import type { DriverRound, HeapSampling, RoundPlan } from './messages.ts';
import { coreTimes, cpuUs, othersShare, peakRssBytes, resetPeakRss, rssBytes, untilQuiet } from './proc.ts';
import type { RoundKind, Scenario } from './scenarios.ts';
import type { Server } from './servers.ts';

export interface WindowStats {
  cpuUs: number;
  wallMs: number;
  gcMs: number;
  gcCount: number;
  majorGcMs: number;
  /** The longest single GC pause in the window (ms). */
  gcMaxMs: number;
  peakRss: number;
  /** Other processes' share of the server's core during the window (0..1), null without pinning. */
  othersOnServerCore: number | null;
  /** The bench's own clients (drivers, and this process with the hosts) in CPU per wall time (0..1 of the load
   *  core): near 1, the clients set the pace, not the server. */
  clientsBusy: number;
  /** Other processes' share of the load core (0..1), null without pinning. */
  othersOnLoadCore: number | null;
  /** At the end of the window: V8's heap (reserved, used) and memory outside it, bytes. */
  heapTotal: number;
  heapUsed: number;
  external: number;
}

export interface Profiling {
  /** Path prefix for profiles (bench/results/<target>-<scenario>), null: none. */
  prefix: string | null;
  heap: HeapSampling;
  /** Where Podium's SQLite transactions are logged (bench/sqlite-probe.ts), null: not logged. */
  sqliteLog: string | null;
  /** --live-heap-rounds: a forced full collection after each round's window, its heap left in the round's JSON.
   *  Off by default: collecting every round would also trim the next round's peak, which is a figure. */
  liveRounds: boolean;
  /** --from-source: the servers' .ts files under tsx instead of their bundles (profiles then name our files). */
  fromSource: boolean;
}

/** Measures from now until `finish()`; the end waits for the server to go quiet (sends it still had queued). */
export async function openWindow(server: Server, clients: readonly number[], profiling: Profiling, label: string): Promise<() => Promise<WindowStats>> {
  if (profiling.prefix) await profileServer(server.child, 'start', '', profiling.heap);
  const gc0 = await gcStats(server.child);
  const canReset = resetPeakRss(server.pid);
  let sampled = rssBytes(server.pid);
  const sampler = setInterval(() => void (sampled = Math.max(sampled, rssBytes(server.pid))), 20);
  const core0 = cores ? coreTimes(cores.server) : null;
  const load0 = cores ? coreTimes(cores.load) : null;
  const clientsCpu = (): number => clients.reduce((n, pid) => n + cpuUs(pid), 0);
  const clients0 = clientsCpu();
  const cpu0 = cpuUs(server.pid);
  const t0 = performance.now();
  return async () => {
    await untilQuiet(server.pid);
    const cpu = cpuUs(server.pid) - cpu0;
    const wallMs = performance.now() - t0;
    const core1 = cores ? coreTimes(cores.server) : null;
    const load1 = cores ? coreTimes(cores.load) : null;
    const clientsUs = clientsCpu() - clients0;
    clearInterval(sampler);
    const peak = Math.max(sampled, canReset ? peakRssBytes(server.pid) : 0);
    const gc1 = await gcStats(server.child);
    const mem = await memoryOf(server.child);
    if (profiling.prefix) await profileServer(server.child, 'stop', `${profiling.prefix}-${label}`, profiling.heap);
    return {
      cpuUs: cpu, wallMs, gcMs: gc1.ms - gc0.ms, gcCount: gc1.count - gc0.count, majorGcMs: gc1.majorMs - gc0.majorMs, gcMaxMs: gc1.maxMs, peakRss: peak,
      othersOnServerCore: core0 && core1 ? othersShare(core0, core1, cpu) : null,
      clientsBusy: Math.round((clientsUs / 1000 / wallMs) * 100) / 100,
      othersOnLoadCore: load0 && load1 ? othersShare(load0, load1, clientsUs) : null,
      heapTotal: mem.heapTotal, heapUsed: mem.heapUsed, external: mem.external,
    };
  };
}

export interface HostView {
  code: string;
  serverNow: number;
  bytes: number;
}

export interface RoundRaw {
  round: number;
  kind: RoundKind;
  window: WindowStats;
  questions: (HostView & { deadline: number })[];
  reveals: HostView[];
  drivers: DriverRound[];
  /** With --live-heap-rounds: V8's heap used after a full collection forced once the round's window closed. */
  liveHeap: number | null;
}

export function planOf(s: Scenario, round: number): RoundPlan {
  const kind = s.rounds[round - 1]!;
  return { round, thinkMs: kind === 'spread' ? s.spreadMs : [0, 0], silent: kind === 'deadline' };
}

const hostView = (h: Host, seen: Seen): HostView => ({ code: h.code, serverNow: seen.view.serverNow, bytes: seen.bytes });

/** Plans the round on every driver, opens it in every room, and measures until every player has the reveal. */
export async function playRound(server: Server, drivers: Child[], hosts: Host[], s: Scenario, round: number, profiling: Profiling): Promise<RoundRaw> {
  await askDrivers(drivers, { type: 'plan', plan: planOf(s, round) }, 'planned', 10_000);
  const finish = await openWindow(server, clientPids(drivers), profiling, `r${round}`);
  const waitMs = s.secondsPerRound * 1000 + 30_000;
  const opened = await Promise.all(hosts.map(async (h) => {
    const q = await h.open(round);
    const r = await h.reveal(round, waitMs);
    if (q.view.phase !== 'question') throw new Error('expected a question');
    return { question: { ...hostView(h, q), deadline: q.view.question.deadline }, reveal: hostView(h, r) };
  }));
  const reports = await askDrivers(drivers, { type: 'report', round, timeoutMs: 30_000 }, 'reported', 60_000);
  const window = await finish();
  const liveHeap = profiling.liveRounds ? (await liveHeapOf(server.child)).heapUsed : null;
  return {
    round, kind: s.rounds[round - 1]!, window, liveHeap,
    questions: opened.map((o) => o.question), reveals: opened.map((o) => o.reveal), drivers: reports.map((r) => r.report),
  };
}

/** The processes on the load core that are the bench's: the drivers and this one (hosts, orchestrator). */
export const clientPids = (drivers: readonly Child[]): number[] => [process.pid, ...drivers.map((d) => d.proc.pid!)];

export const profilePrefix = (dir: string, target: string, scenario: string): string => join(dir, `${target}-${scenario}`);
