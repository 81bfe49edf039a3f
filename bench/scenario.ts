// One scenario against one target: start the server, create the rooms, join the players from driver processes,
// play the rounds while sampling the server's CPU and memory, then collect every bot's records.
import { createHostedRoom, type HostBot } from '../scripts/bots/host-bot.ts';
import { defaultSettings, type RoomSettings } from '../shared/protocol.ts';
import type { KindId } from '../shared/puzzles/index.ts';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cores, spawnNode, stopChild, type Child } from './children.ts';
import { askDrivers, probe, profileServer } from './ipc.ts';
import type { BotReport, JoinGroup } from './messages.ts';
import { figuresOf, type Figures, type RoundWindow, type ScenarioRaw } from './figures.ts';
import { roomControl, type Closing, type RoomControl } from './room-control.ts';
import { startServer, type Server, type TargetName } from './targets.ts';

export interface Scenario {
  id: string;
  title: string;
  rooms: number;
  perRoom: number;
}

export interface RunSettings {
  /** One kind at one difficulty, so runs compare like with like (a room's seed, hence its puzzles, is random). */
  kind: KindId;
  rounds: number;
  seconds: number;
  port: number;
  /** Write a CPU profile of each server's answer windows (question out → all answers) to bench/results/. */
  cpuProf: boolean;
}

const PER_DRIVER = 1250;

/** Speed scoring, no teams, the host presses next; one kind at medium difficulty. */
const roomSettings = (s: RunSettings): RoomSettings =>
  ({ ...defaultSettings, kinds: [s.kind], difficulty: 'medium', rounds: s.rounds, secondsPerRound: s.seconds, scoring: 'speed' });

/** Ten hosts per loopback address: the server lets one address create 10 rooms a minute, and 100 teachers
 *  would come from 100 machines. Every connection still goes to 127.0.0.1. */
const hostAddress = (i: number): string => `127.0.0.${2 + Math.floor(i / 10)}`;
const silentName = 'b1';

/** Each room's players named b1…bN (b1 never answers), spread over the drivers. */
function joinGroups(codes: readonly string[], perRoom: number, drivers: number): JoinGroup[][] {
  const shares: JoinGroup[][] = Array.from({ length: drivers }, () => []);
  const names = Array.from({ length: perRoom }, (_, i) => `b${i + 1}`);
  codes.forEach((code, i) => {
    if (codes.length >= drivers) return void shares[i % drivers]!.push({ code, names, silent: [silentName] });
    const size = Math.ceil(perRoom / drivers);
    shares.forEach((share, d) => {
      const part = names.slice(d * size, (d + 1) * size);
      share.push({ code, names: part, silent: part.filter((n) => n === silentName) });
    });
  });
  return shares;
}

async function joinAll(drivers: Child[], url: string, groups: JoinGroup[][], players: number): Promise<ScenarioRaw['join']> {
  const timeout = 60_000 + players * 20;
  const replies = await Promise.all(drivers.map((d, i) =>
    askDrivers([d], { type: 'join', url, groups: groups[i]!, concurrency: 50 }, 'joined', timeout)));
  const flat = replies.flat();
  const reasons: Record<string, number> = {};
  for (const f of flat.flatMap((r) => r.failed)) reasons[f.error] = (reasons[f.error] ?? 0) + 1;
  return {
    startedAt: Math.min(...flat.map((r) => r.startedAt)),
    endedAt: Math.max(...flat.map((r) => r.endedAt)),
    failed: flat.reduce((n, r) => n + r.failed.length, 0),
    reasons,
  };
}

/** Round 1 warms up both servers and the drivers (the floor sends nothing before it, Podium sends lobby
 *  updates) and is not measured. Then spread rounds (answers after a think time) measure the question's fan-out
 *  without answer traffic on the load core, and burst rounds (answers the moment the question arrives) measure
 *  fairness, acks and the time until every answer is in. */
export const roundKind = (round: number): RoundWindow['kind'] => (round === 1 ? 'warmup' : round % 2 === 0 ? 'spread' : 'burst');
const SPREAD_MS: [number, number] = [2000, 4000];

async function playRound(server: Server, drivers: Child[], controls: RoomControl[], round: number, s: RunSettings, profileAs: string | null): Promise<{ window: RoundWindow; closings: Closing[] }> {
  const kind = roundKind(round);
  await askDrivers(drivers, { type: 'think', thinkMs: kind === 'burst' ? [0, 0] : SPREAD_MS }, 'think-set', 10_000);
  if (profileAs) await profileServer(server.child, 'start');
  const started = performance.now();
  const before = await probe(server.child, false);
  const questions = await Promise.all(controls.map((c) => c.open(round)));
  await askDrivers(drivers, { type: 'await-answers', round }, 'answered', s.seconds * 1000 + 60_000);
  const after = await probe(server.child, false);
  const wallUs = (performance.now() - started) * 1000;
  if (profileAs) await profileServer(server.child, 'stop', `${profileAs}-r${round}.cpuprofile`);
  const closings = await Promise.all(controls.map((c) => c.close(round, round === s.rounds)));
  const window = { round, kind, cpuUs: after.cpuUs - before.cpuUs, wallUs, answers: 0, questions };
  return { window, closings: closings.filter((c): c is Closing => c !== null) };
}

/** The answers actually taken in each window, now that the records are in. */
function countAnswers(windows: RoundWindow[], reports: BotReport[]): void {
  for (const w of windows) w.answers = reports.reduce((n, b) => n + b.records.filter((r) => r.round === w.round && r.takenAt !== null).length, 0);
}

async function play(target: TargetName, s: Scenario, settings: RunSettings, server: Server, hosts: HostBot[], drivers: Child[]): Promise<ScenarioRaw> {
  const players = s.rooms * s.perRoom;
  const controls = hosts.map((h) => roomControl(target, h, Math.max(300, players / 4)));
  const base = await probe(server.child, true);
  const profileAs = settings.cpuProf ? join(import.meta.dirname, 'results', `${target}-${s.id}`) : null;
  if (profileAs) await profileServer(server.child, 'start');
  const joining = await joinAll(drivers, server.url, joinGroups(hosts.map((h) => h.code), s.perRoom, drivers.length), players);
  if (profileAs) await profileServer(server.child, 'stop', `${profileAs}-join.cpuprofile`);
  const joined = await probe(server.child, true);
  const windows: RoundWindow[] = [];
  const closings: Closing[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const played = await playRound(server, drivers, controls, round, settings, profileAs);
    windows.push(played.window);
    closings.push(...played.closings);
  }
  await controls[0]?.results();
  const end = await probe(server.child, true);
  const reports = (await askDrivers(drivers, { type: 'collect' }, 'collected', 60_000)).flatMap((r) => r.bots);
  countAnswers(windows, reports);
  return { target, players, join: joining, rss: { base: base.rss, joined: joined.rss, end: end.rss }, windows, closings, reports };
}

export async function runScenario(s: Scenario, target: TargetName, settings: RunSettings): Promise<Figures> {
  const server = await startServer(target, settings.port);
  const hosts: HostBot[] = [];
  const count = Math.min(4, Math.ceil((s.rooms * s.perRoom) / PER_DRIVER));
  const drivers = Array.from({ length: count }, (_, i) => spawnNode(`driver-${i + 1}`, ['--import', 'tsx', 'bench/driver.ts'], cores?.load ?? null));
  try {
    for (let i = 0; i < s.rooms; i++) hosts.push(await createHostedRoom(server.url, roomSettings(settings), hostAddress(i)));
    return figuresOf(await play(target, s, settings, server, hosts, drivers));
  } finally {
    for (const d of drivers) if (d.proc.connected) d.proc.send({ type: 'stop' });
    for (const h of hosts) h.socket.close();
    await Promise.all(drivers.map((d) => stopChild(d)));
    await server.stop();
  }
}
