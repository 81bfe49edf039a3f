// From raw observations to the figures the table prints. Every latency is measured in the bots' processes:
// fan-out = Date.now() at arrival − the view's serverNow (the same system clock: all processes share one machine).
import type { BotReport } from './messages.ts';
import type { Closing, QuestionOut } from './room-control.ts';
import type { TargetName } from './targets.ts';
import { max, median, middle, percentile, round1 } from './stats.ts';

export interface RoundWindow {
  round: number;
  /** warmup: not measured; spread: answers after a 2–4 s think (clean fan-out); burst: answers on arrival. */
  kind: 'warmup' | 'spread' | 'burst';
  /** Server CPU (user + system) from just before the question went out until every answer was acked. */
  cpuUs: number;
  /** Wall time of the same window: cpuUs / wallUs is the share of a core the server got (or needed). */
  wallUs: number;
  answers: number;
  questions: QuestionOut[];
}

export interface ScenarioRaw {
  target: TargetName;
  players: number;
  join: { startedAt: number; endedAt: number; failed: number; reasons?: Record<string, number> };
  /** Server RSS (bytes, after a GC) before anyone joined, after everyone joined, after the game. */
  rss: { base: number; joined: number; end: number };
  windows: RoundWindow[];
  closings: Closing[];
  reports: BotReport[];
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

const percentiles = (xs: number[]): Percentiles => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: max(xs) });

export interface Figures {
  target: TargetName;
  players: number;
  joined: number;
  failed: number;
  /** Why joins failed, and how the lost players' connections ended, with counts. */
  failures: Record<string, number>;
  lost: number;
  answerErrors: number;
  joinS: number;
  rssPerPlayerKiB: number;
  rssPerPlayerEndKiB: number;
  /** Question fan-out in spread rounds (no answer traffic yet), and in burst rounds (answers racing it). */
  fanoutMs: Percentiles;
  burstFanoutMs: Percentiles;
  ackMs: { p50: number | null; p99: number | null };
  /** Burst rounds, median: last answer taken (server clock) − question built. */
  allProcessedMs: number | null;
  allProcessedMsByRound: (number | null)[];
  cpuPerAnswerUs: number | null;
  /** Server CPU time / wall time in burst windows: near 1 means the server was the bottleneck and had its core;
   *  well below 1 means it waited on the clients or other processes took its core (a busy machine). */
  burstCpuShare: number | null;
  /** Correct answers sent within 0.1 s of the question arriving: their points without the streak bonus. */
  fairness: { answers: number; min: number | null; median: number | null; slowestTimeMs: number | null } | null;
  closing: { serverLateMaxMs: number | null; receivedLateMaxMs: number | null } | null;
  questionBytes: number | null;
}

function allProcessed(w: RoundWindow, reports: readonly BotReport[]): number | null {
  const taken = reports.flatMap((b) => b.records.filter((r) => r.round === w.round && r.takenAt !== null).map((r) => r.takenAt!));
  const out = Math.min(...w.questions.map((q) => q.serverNow));
  const last = max(taken);
  return last === null ? null : last - out;
}

function fairness(raw: ScenarioRaw, measured: ReadonlySet<number>): Figures['fairness'] {
  if (raw.target !== 'podium') return null;
  const early = raw.reports.flatMap((b) => b.records).filter((r) => measured.has(r.round) && r.result?.correct && r.sentAfterMs !== null && r.sentAfterMs <= 100);
  const points = early.map((r) => r.result!.points - r.result!.streakBonus);
  return { answers: points.length, min: points.length ? Math.min(...points) : null, median: median(points), slowestTimeMs: max(early.map((r) => r.result!.timeMs ?? 0)) };
}

function closing(raw: ScenarioRaw): Figures['closing'] {
  if (raw.target !== 'podium') return null;
  return { serverLateMaxMs: max(raw.closings.map((c) => c.serverLateMs)), receivedLateMaxMs: max(raw.closings.map((c) => c.receivedLateMs)) };
}

function failures(raw: ScenarioRaw): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (why: string, n = 1): void => void (out[why] = (out[why] ?? 0) + n);
  for (const [why, n] of Object.entries(raw.join.reasons ?? {})) add(`join: ${why}`, n);
  for (const b of raw.reports) if (b.status !== 'finished') add(`${b.status}: ${b.detail}`);
  return out;
}

const round2 = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

export function figuresOf(raw: ScenarioRaw): Figures {
  const measured = raw.windows.filter((w) => w.kind !== 'warmup');
  const kindOf = new Map(measured.map((w) => [w.round, w.kind]));
  const records = raw.reports.flatMap((b) => b.records).filter((r) => kindOf.has(r.round));
  const bursts = measured.filter((w) => w.kind === 'burst');
  const fan = (kind: RoundWindow['kind']): number[] => records.filter((r) => kindOf.get(r.round) === kind).map((r) => r.receivedAt - r.serverNow);
  const acks = records.flatMap((r) => (r.ackMs === null || kindOf.get(r.round) !== 'burst' ? [] : [r.ackMs]));
  const processed = bursts.map((w) => allProcessed(w, raw.reports));
  const cpu = measured.filter((w) => w.answers > 0).map((w) => w.cpuUs / w.answers);
  const kib = (bytes: number): number => round1(bytes / raw.players / 1024)!;
  return {
    target: raw.target,
    players: raw.players,
    joined: raw.reports.length,
    failed: raw.join.failed,
    failures: failures(raw),
    lost: raw.reports.filter((b) => b.status !== 'finished').length,
    answerErrors: records.filter((r) => r.error !== null).length,
    joinS: round1((raw.join.endedAt - raw.join.startedAt) / 1000)!,
    rssPerPlayerKiB: kib(raw.rss.joined - raw.rss.base),
    rssPerPlayerEndKiB: kib(raw.rss.end - raw.rss.base),
    fanoutMs: percentiles(fan('spread')),
    burstFanoutMs: percentiles(fan('burst')),
    ackMs: { p50: round1(percentile(acks, 50)), p99: round1(percentile(acks, 99)) },
    allProcessedMs: middle(processed.filter((p): p is number => p !== null)),
    allProcessedMsByRound: processed,
    cpuPerAnswerUs: round1(middle(cpu)),
    burstCpuShare: round2(middle(bursts.map((w) => w.cpuUs / w.wallUs))),
    fairness: fairness(raw, new Set(kindOf.keys())),
    closing: closing(raw),
    questionBytes: measured[0]?.questions[0]?.bytes ?? null,
  };
}
