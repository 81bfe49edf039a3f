// One scenario against one server: start it on the server core, create the rooms, join the players from driver
// processes on the load core, play the rounds while the server is measured from outside, collect the outcome.
import { loadavg } from 'node:os';
import { defaultSettings, type RoomSettings } from '../shared/protocol.ts';
import { cores, spawnNode, stopChild, type Child } from './children.ts';
import { Host } from './host.ts';
import { askDrivers, liveHeapOf, nextMessage } from './ipc.ts';
import type { DriverOutcome, JoinGroup } from './messages.ts';
import { rssBytes, untilQuiet } from './proc.ts';
import { clientPids, openWindow, playRound, type Profiling, type RoundRaw, type WindowStats } from './round.ts';
import type { Scenario } from './scenarios.ts';
import { startServer, type Server, type TargetName } from './servers.ts';

export interface ScenarioRaw {
  target: TargetName;
  scenario: string;
  players: number;
  drivers: number;
  join: { startedAt: number; endedAt: number; joined: number; failed: Record<string, number>; window: WindowStats; hostStatus: { messages: number; bytes: number } };
  /** Server RSS (bytes) with the rooms created and nobody in them, after everyone joined, after the game. */
  rss: { base: number; joined: number; end: number };
  /** V8's heap used after a full collection (bytes) with the rooms created and nobody in them, and after the game
   *  (everyone still in the finished room): live memory, apart from how far V8 let garbage pile up. Each is
   *  taken after the RSS beside it and outside every measured window; the one before the join comes where V8
   *  would soon collect anyway (its first limits are small, and the join grows the heap many times over). */
  liveHeap: { base: number; end: number; pauseMs: number };
  rounds: RoundRaw[];
  outcome: DriverOutcome;
  load: { start: number[]; end: number[] };
  wallS: number;
}

const PER_DRIVER = 2500;
const MAX_DRIVERS = 4;
const JOIN_CONCURRENCY = 50;

/** One kind at one difficulty, so runs compare like with like; the host presses next; no teams. */
const roomSettings = (s: Scenario): RoomSettings =>
  ({ ...defaultSettings, kinds: ['pod-phase'], difficulty: 'medium', rounds: s.rounds.length, secondsPerRound: s.secondsPerRound, scoring: 'speed', autoAdvance: false });

/** Each room's players b1…bN, split over the drivers: whole rooms when there are enough, else slices of one. */
export function joinGroups(codes: readonly string[], perRoom: number, drivers: number): JoinGroup[][] {
  const shares: JoinGroup[][] = Array.from({ length: drivers }, () => []);
  const names = Array.from({ length: perRoom }, (_, i) => `b${i + 1}`);
  codes.forEach((code, i) => {
    if (codes.length >= drivers) return void shares[i % drivers]!.push({ code, names });
    const size = Math.ceil(perRoom / drivers);
    shares.forEach((share, d) => share.push({ code, names: names.slice(d * size, (d + 1) * size) }));
  });
  return shares.map((share) => share.filter((g) => g.names.length > 0));
}

async function joinAll(server: Server, drivers: Child[], hosts: Host[], s: Scenario, profiling: Profiling): Promise<ScenarioRaw['join']> {
  const groups = joinGroups(hosts.map((h) => h.code), s.perRoom, drivers.length);
  const finish = await openWindow(server, clientPids(drivers), profiling, 'join');
  const timeout = 60_000 + s.rooms * s.perRoom * 20;
  // Each driver its own loopback source address: its own range of ephemeral ports.
  const replies = await Promise.all(drivers.map((d, i) =>
    askDrivers([d], { type: 'join', url: server.url, groups: groups[i]!, concurrency: JOIN_CONCURRENCY, localAddress: `127.0.0.${10 + i}` }, 'joined', timeout)));
  const window = await finish();
  const hostStatus = { messages: 0, bytes: 0 };
  for (const h of hosts) {
    hostStatus.messages += h.status.messages;
    hostStatus.bytes += h.status.bytes;
  }
  const flat = replies.flat();
  const failed: Record<string, number> = {};
  for (const r of flat) for (const [why, n] of Object.entries(r.failed)) failed[why] = (failed[why] ?? 0) + n;
  return {
    startedAt: Math.min(...flat.map((r) => r.startedAt)),
    endedAt: Math.max(...flat.map((r) => r.endedAt)),
    joined: flat.reduce((n, r) => n + r.joined, 0),
    failed,
    window,
    hostStatus,
  };
}

function mergeOutcomes(outcomes: DriverOutcome[]): DriverOutcome {
  const lost: Record<string, number> = {};
  for (const o of outcomes) for (const [why, n] of Object.entries(o.lost)) lost[why] = (lost[why] ?? 0) + n;
  const meStates: number[] = [];
  for (const o of outcomes) o.meStates.forEach((n, round) => void (meStates[round] = (meStates[round] ?? 0) + n));
  const lobby = { messages: outcomes.reduce((n, o) => n + o.lobby.messages, 0), bytes: outcomes.reduce((n, o) => n + o.lobby.bytes, 0) };
  return { players: outcomes.reduce((n, o) => n + o.players, 0), finished: outcomes.reduce((n, o) => n + o.finished, 0), lost, meStates: Array.from(meStates, (n) => n ?? 0), lobby };
}

async function play(server: Server, drivers: Child[], s: Scenario, profiling: Profiling): Promise<Omit<ScenarioRaw, 'load' | 'wallS' | 'drivers'>> {
  const hosts: Host[] = [];
  try {
    for (let i = 0; i < s.rooms; i++) hosts.push(await Host.create(server.url, roomSettings(s)));
    await untilQuiet(server.pid);
    const base = rssBytes(server.pid);
    const liveBase = await liveHeapOf(server.child);
    const join = await joinAll(server, drivers, hosts, s, profiling);
    const joined = rssBytes(server.pid);
    const rounds: RoundRaw[] = [];
    for (let round = 1; round <= s.rounds.length; round++) {
      rounds.push(await playRound(server, drivers, hosts, s, round, profiling));
      await Promise.all(hosts.map((h) => h.advance(round, round === s.rounds.length)));
      await untilQuiet(server.pid);
    }
    const outcomes = await askDrivers(drivers, { type: 'finish', timeoutMs: 10_000 }, 'finished', 30_000);
    await hosts[0]?.call('host:results', {});
    await untilQuiet(server.pid);
    const end = rssBytes(server.pid);
    const liveEnd = await liveHeapOf(server.child);
    const liveHeap = { base: liveBase.heapUsed, end: liveEnd.heapUsed, pauseMs: liveEnd.pauseMs };
    return { target: server.target, scenario: s.id, players: s.rooms * s.perRoom, join, rss: { base, joined, end }, liveHeap, rounds, outcome: mergeOutcomes(outcomes.map((o) => o.outcome)) };
  } finally {
    for (const h of hosts) h.close();
  }
}

export async function runScenario(s: Scenario, target: TargetName, profiling: Profiling): Promise<ScenarioRaw> {
  const started = performance.now();
  const load = loadavg();
  const players = s.rooms * s.perRoom;
  const count = Math.min(MAX_DRIVERS, Math.max(1, Math.ceil(players / PER_DRIVER)));
  const server = await startServer(target, profiling.sqliteLog, profiling.fromSource);
  const drivers = Array.from({ length: count }, (_, i) => spawnNode(`driver-${i + 1}`, ['--import', 'tsx', 'bench/driver.ts'], cores?.load ?? null));
  try {
    await Promise.all(drivers.map((d) => nextMessage(d, (m: { type: string }) => m.type === 'ready', 30_000)));
    const raw = await play(server, drivers, s, profiling);
    return { ...raw, drivers: count, load: { start: load, end: loadavg() }, wallS: (performance.now() - started) / 1000 };
  } finally {
    for (const d of drivers) if (d.proc.connected) d.proc.send({ type: 'stop' });
    await Promise.all(drivers.map((d) => stopChild(d)));
    await server.stop();
  }
}
