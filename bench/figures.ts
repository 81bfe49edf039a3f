// From raw observations to the figures the table prints. Latencies between processes compare Date.now() at a
// client's arrival with the view's serverNow (one machine, one system clock); "taken" is the ack's `at`.
import type { DriverRound } from './messages.ts';
import type { RoundRaw } from './round.ts';
import type { ScenarioRaw } from './scenario.ts';
import { isMeasured, type RoundKind } from './scenarios.ts';
import { max, middle, percentile, round1 } from './stats.ts';

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

const percentiles = (xs: number[]): Percentiles => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: max(xs) });

/** One round in a few numbers, for the JSON (per-round detail behind the medians). */
export interface RoundFigures {
  round: number;
  kind: RoundKind;
  /** Server clock: the first question out, the last reveal out (epoch ms), to line a round up with other logs. */
  openedAt: number;
  revealedAt: number;
  answers: number;
  fanoutMs: Percentiles;
  revealFanoutP95Ms: number | null;
  lastAnswerMs: number | null;
  lastAckMs: number | null;
  revealLagMs: number | null;
  revealAfterDeadlineMs: number | null;
  acksAfterReveal: number;
  ackP50Ms: number | null;
  ackP99Ms: number | null;
  cpuPerAnswerUs: number | null;
  cpuMs: number;
  gcMs: number;
  majorGcMs: number;
  gcMaxMs: number;
  peakRssMiB: number;
  /** With --live-heap-rounds: V8's heap used after a full collection forced after the round (MiB). */
  liveHeapMiB: number | null;
  /** At the end of the round: V8's heap reserved and used, and memory outside it (MiB). */
  heapTotalMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  othersOnServerCore: number | null;
  clientsBusy: number;
  othersOnLoadCore: number | null;
  errors: Record<string, number>;
  noQuestion: number;
  noReveal: number;
  meStates: number;
}

export interface Figures {
  target: ScenarioRaw['target'];
  players: number;
  joined: number;
  failed: number;
  lost: number;
  /** Why joins failed or players were lost, with counts. */
  failures: Record<string, number>;
  /** Answers refused or never acked in measured rounds, and players missing a question or a reveal. */
  answerErrors: number;
  missedViews: number;
  joinS: number;
  cpuPerJoinUs: number | null;
  /** While joining and in the lobby: lobby room:state and room:presence messages per player (and MiB in all), and what the hosts
   *  received in host:status (the roster rides there), MiB. */
  lobbyMessagesPerPlayer: number;
  lobbyMiB: number;
  hostStatusMiB: number;
  joinGcShare: number | null;
  /** Question fan-out: each spread round's percentiles, then the median over the spread rounds; the other
   *  medians below are over the burst rounds (one per round, so one disturbed round does not decide). */
  fanoutMs: Percentiles;
  burstFanoutP95Ms: number | null;
  lastAnswerMs: number | null;
  /** Burst rounds: question out → the last ack reached its player (what a player waits for). */
  lastAckMs: number | null;
  revealLagMs: number | null;
  revealAfterDeadlineMs: number | null;
  acksAfterReveal: number;
  ackP50Ms: number | null;
  ackP99Ms: number | null;
  cpuPerAnswerUs: number | null;
  rssBaseMiB: number;
  rssJoinedMiB: number;
  rssPerConnectionKiB: number;
  peakRssMiB: number;
  peakOverJoined: number;
  rssEndMiB: number;
  /** V8's heap reserved and used after everyone joined (MiB): the part of the RSS that is JS objects. */
  heapTotalJoinedMiB: number;
  heapUsedJoinedMiB: number;
  gcShare: number | null;
  /** The longest single GC pause in any round (ms). */
  gcMaxMs: number;
  /** V8's heap used after a forced full collection at the end of the game, everyone still in the room (MiB), and
   *  per player over the same with nobody in the rooms yet (KiB): what a player costs alive, apart from GC timing. */
  liveHeapEndMiB: number;
  liveHeapPerPlayerKiB: number;
  /** How long that forced collection held the server (ms): a full, non-incremental collection of the whole heap. */
  liveHeapPauseMs: number;
  questionBytes: number | null;
  revealBytes: number | null;
  othersOnServerCoreMax: number | null;
  /** The bench's clients' CPU per wall time in burst rounds, highest: near 100% means the clients, not the server,
   *  set the pace. And the most other processes took of the load core in a round. */
  clientsBusyMax: number | null;
  othersOnLoadCoreMax: number | null;
  rounds: RoundFigures[];
}

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const round2 = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const merged = (rs: readonly DriverRound[], key: 'fanoutMs' | 'revealFanoutMs' | 'ackMs'): number[] => rs.flatMap((r) => r[key]);

function addErrors(into: Record<string, number>, from: Record<string, number>, prefix = ''): void {
  for (const [why, n] of Object.entries(from)) into[prefix + why] = (into[prefix + why] ?? 0) + n;
}

/** Per room over every driver: the last answer taken. */
function lastTaken(r: RoundRaw): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of r.drivers) for (const room of d.rooms) {
    if (room.lastTakenAt !== null) out.set(room.code, Math.max(out.get(room.code) ?? room.lastTakenAt, room.lastTakenAt));
  }
  return out;
}

function roundFigures(r: RoundRaw, meStates: number): RoundFigures {
  const answers = sum(r.drivers.flatMap((d) => d.rooms.map((room) => room.answered)));
  const taken = lastTaken(r);
  const firstOut = Math.min(...r.questions.map((q) => q.serverNow));
  const last = max([...taken.values()]);
  const lastAck = max(r.drivers.flatMap((d) => d.rooms.flatMap((room) => (room.lastAckAt === null ? [] : [room.lastAckAt]))));
  const lags = r.reveals.flatMap((v) => (taken.has(v.code) ? [v.serverNow - taken.get(v.code)!] : []));
  const deadlines = new Map(r.questions.map((q) => [q.code, q.deadline]));
  const afterDeadline = r.reveals.map((v) => v.serverNow - deadlines.get(v.code)!);
  const acks = merged(r.drivers, 'ackMs');
  const errors: Record<string, number> = {};
  for (const d of r.drivers) addErrors(errors, d.errors);
  const closesOnLastAnswer = r.kind !== 'deadline';
  return {
    round: r.round,
    kind: r.kind,
    openedAt: firstOut,
    revealedAt: Math.max(...r.reveals.map((v) => v.serverNow)),
    answers,
    fanoutMs: percentiles(merged(r.drivers, 'fanoutMs')),
    revealFanoutP95Ms: percentile(merged(r.drivers, 'revealFanoutMs'), 95),
    lastAnswerMs: last === null ? null : last - firstOut,
    lastAckMs: lastAck === null ? null : lastAck - firstOut,
    revealLagMs: closesOnLastAnswer ? max(lags) : null,
    revealAfterDeadlineMs: closesOnLastAnswer ? null : max(afterDeadline),
    acksAfterReveal: sum(r.drivers.map((d) => d.acksAfterReveal)),
    ackP50Ms: round1(percentile(acks, 50)),
    ackP99Ms: round1(percentile(acks, 99)),
    cpuPerAnswerUs: answers > 0 ? round1(r.window.cpuUs / answers) : null,
    cpuMs: Math.round(r.window.cpuUs / 1000),
    gcMs: Math.round(r.window.gcMs),
    majorGcMs: Math.round(r.window.majorGcMs),
    gcMaxMs: round1(r.window.gcMaxMs)!,
    peakRssMiB: mib(r.window.peakRss),
    liveHeapMiB: r.liveHeap === null ? null : mib(r.liveHeap),
    heapTotalMiB: mib(r.window.heapTotal),
    heapUsedMiB: mib(r.window.heapUsed),
    externalMiB: mib(r.window.external),
    othersOnServerCore: round2(r.window.othersOnServerCore),
    clientsBusy: r.window.clientsBusy,
    othersOnLoadCore: round2(r.window.othersOnLoadCore),
    errors,
    noQuestion: sum(r.drivers.map((d) => d.noQuestion)),
    noReveal: sum(r.drivers.map((d) => d.noReveal)),
    meStates,
  };
}

const medianOf = (rounds: readonly RoundFigures[], kinds: readonly RoundKind[], get: (r: RoundFigures) => number | null): number | null =>
  round1(middle(rounds.filter((r) => kinds.includes(r.kind)).map(get).filter((x): x is number => x !== null)));

export function figuresOf(raw: ScenarioRaw): Figures {
  const rounds = raw.rounds.map((r) => roundFigures(r, raw.outcome.meStates[r.round] ?? 0));
  const measured = rounds.filter((r) => isMeasured(r.kind));
  const measuredRaw = raw.rounds.filter((r) => isMeasured(r.kind));
  const failures: Record<string, number> = {};
  addErrors(failures, raw.join.failed, 'join: ');
  addErrors(failures, raw.outcome.lost, 'lost: ');
  const answerErrors = sum(measured.flatMap((r) => Object.values(r.errors)));
  const cpuMs = sum(measuredRaw.map((r) => r.window.cpuUs)) / 1000;
  const peak = Math.max(...raw.rounds.map((r) => r.window.peakRss));
  const firstBurst = raw.rounds.find((r) => r.kind !== 'warmup') ?? raw.rounds[0];
  return {
    target: raw.target,
    players: raw.players,
    joined: raw.join.joined,
    failed: sum(Object.values(raw.join.failed)),
    lost: sum(Object.values(raw.outcome.lost)),
    failures,
    answerErrors,
    missedViews: sum(measured.map((r) => r.noQuestion + r.noReveal)),
    joinS: round2((raw.join.endedAt - raw.join.startedAt) / 1000)!,
    cpuPerJoinUs: raw.join.joined > 0 ? round1(raw.join.window.cpuUs / raw.join.joined) : null,
    lobbyMessagesPerPlayer: round1(raw.outcome.lobby.messages / Math.max(1, raw.join.joined))!,
    lobbyMiB: mib(raw.outcome.lobby.bytes),
    hostStatusMiB: mib(raw.join.hostStatus.bytes),
    joinGcShare: raw.join.window.cpuUs > 0 ? round2(raw.join.window.gcMs / (raw.join.window.cpuUs / 1000)) : null,
    fanoutMs: {
      p50: medianOf(rounds, ['spread'], (r) => r.fanoutMs.p50),
      p95: medianOf(rounds, ['spread'], (r) => r.fanoutMs.p95),
      p99: medianOf(rounds, ['spread'], (r) => r.fanoutMs.p99),
      max: medianOf(rounds, ['spread'], (r) => r.fanoutMs.max),
    },
    burstFanoutP95Ms: medianOf(rounds, ['burst'], (r) => r.fanoutMs.p95),
    lastAnswerMs: medianOf(rounds, ['burst'], (r) => r.lastAnswerMs),
    lastAckMs: medianOf(rounds, ['burst'], (r) => r.lastAckMs),
    revealLagMs: medianOf(rounds, ['burst'], (r) => r.revealLagMs),
    revealAfterDeadlineMs: medianOf(rounds, ['deadline'], (r) => r.revealAfterDeadlineMs),
    acksAfterReveal: sum(measured.map((r) => r.acksAfterReveal)),
    ackP50Ms: medianOf(rounds, ['burst'], (r) => r.ackP50Ms),
    ackP99Ms: medianOf(rounds, ['burst'], (r) => r.ackP99Ms),
    cpuPerAnswerUs: medianOf(rounds, ['burst'], (r) => r.cpuPerAnswerUs),
    rssBaseMiB: mib(raw.rss.base),
    rssJoinedMiB: mib(raw.rss.joined),
    rssPerConnectionKiB: round1((raw.rss.joined - raw.rss.base) / raw.players / 1024)!,
    peakRssMiB: mib(peak),
    peakOverJoined: round2(peak / raw.rss.joined)!,
    rssEndMiB: mib(raw.rss.end),
    heapTotalJoinedMiB: mib(raw.join.window.heapTotal),
    heapUsedJoinedMiB: mib(raw.join.window.heapUsed),
    gcShare: cpuMs > 0 ? round2(sum(measuredRaw.map((r) => r.window.gcMs)) / cpuMs) : null,
    gcMaxMs: round1(Math.max(...raw.rounds.map((r) => r.window.gcMaxMs)))!,
    liveHeapEndMiB: mib(raw.liveHeap.end),
    liveHeapPerPlayerKiB: round1((raw.liveHeap.end - raw.liveHeap.base) / raw.players / 1024)!,
    liveHeapPauseMs: round1(raw.liveHeap.pauseMs)!,
    questionBytes: firstBurst?.questions[0]?.bytes ?? null,
    revealBytes: firstBurst?.reveals[0]?.bytes ?? null,
    othersOnServerCoreMax: round2(max(rounds.map((r) => r.othersOnServerCore).filter((x): x is number => x !== null))),
    clientsBusyMax: max(rounds.filter((r) => r.kind === 'burst').map((r) => r.clientsBusy)),
    othersOnLoadCoreMax: round2(max(rounds.map((r) => r.othersOnLoadCore).filter((x): x is number => x !== null))),
    rounds,
  };
}
