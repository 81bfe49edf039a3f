// The printed table: one block per scenario, Podium beside the floor, their ratio, and the target's verdict.
import type { Figures } from './figures.ts';
import type { Scenario } from './scenario.ts';

type Cell = number | string | null;
interface Row {
  label: string;
  podium: Cell;
  floor: Cell;
  /** Podium/floor ratio; computed from numeric cells when not given. */
  ratio?: boolean;
  target?: string;
}

const show = (c: Cell): string => (c === null ? '-' : typeof c === 'number' ? String(Math.round(c * 10) / 10) : c);

export function ratio(p: Cell, f: Cell): number | null {
  return typeof p === 'number' && typeof f === 'number' && f > 0 ? Math.round((p / f) * 100) / 100 : null;
}

function verdict(ok: boolean | null, text: string): string {
  return ok === null ? text : `${text} ${ok ? 'ok' : 'MISSED'}`;
}

function rows(p: Figures | null, f: Figures | null): Row[] {
  const fan95 = ratio(p?.fanoutMs.p95 ?? null, f?.fanoutMs.p95 ?? null);
  const all = ratio(p?.allProcessedMs ?? null, f?.allProcessedMs ?? null);
  const fair = p?.fairness;
  const late = p?.closing;
  const cell = (get: (x: Figures) => Cell): [Cell, Cell] => [p ? get(p) : null, f ? get(f) : null];
  const row = (label: string, get: (x: Figures) => Cell, target?: string): Row => {
    const [podium, floor] = cell(get);
    return target === undefined ? { label, podium, floor, ratio: true } : { label, podium, floor, ratio: true, target };
  };
  return [
    { label: 'joined / failed / lost', podium: p ? `${p.joined}/${p.failed}/${p.lost}` : null, floor: f ? `${f.joined}/${f.failed}/${f.lost}` : null, target: verdict(p ? p.failed + p.lost === 0 : null, 'none lost') },
    row('answers refused or timed out', (x) => x.answerErrors),
    row('time for everyone to join (s)', (x) => x.joinS),
    row('question fan-out p50 (ms)', (x) => x.fanoutMs.p50),
    row('question fan-out p95 (ms)', (x) => x.fanoutMs.p95, verdict(fan95 === null ? null : fan95 <= 1.25, '<= 1.25x floor')),
    row('question fan-out p99 (ms)', (x) => x.fanoutMs.p99),
    row('  fan-out p95 in a burst round (ms)', (x) => x.burstFanoutMs.p95),
    row('answer ack p50, burst (ms)', (x) => x.ackMs.p50),
    row('answer ack p99, burst (ms)', (x) => x.ackMs.p99),
    row('question out -> all answers (ms)', (x) => x.allProcessedMs, verdict(all === null ? null : all <= 1.5, '<= 1.5x floor')),
    row('server CPU per answer (us)', (x) => x.cpuPerAnswerUs),
    row('  server CPU / wall in the burst', (x) => x.burstCpuShare),
    row('server RSS per player (KiB)', (x) => x.rssPerPlayerKiB, verdict(p ? p.rssPerPlayerKiB <= 40 : null, '<= 40 KiB')),
    row('  ... after the game (KiB)', (x) => x.rssPerPlayerEndKiB),
    row('question message (bytes)', (x) => x.questionBytes),
    { label: 'fair points, correct in 0.1 s: min', podium: fair?.min ?? null, floor: null, target: verdict(fair?.min == null ? null : fair.min >= 950, '>= 950') },
    { label: '  median (answers) [slowest t ms]', podium: fair ? `${show(fair.median)} (${fair.answers}) [${show(fair.slowestTimeMs)}]` : null, floor: null },
    { label: 'round closes after deadline (ms)', podium: late ? `+${show(late.serverLateMaxMs)} / +${show(late.receivedLateMaxMs)}` : null, floor: null, target: verdict(late?.receivedLateMaxMs == null ? null : late.receivedLateMaxMs <= 1000, 'server / host, on time') },
  ];
}

const pad = (s: string, n: number): string => s.padEnd(n);
const padL = (s: string, n: number): string => s.padStart(n);

export function formatBlock(s: Scenario, p: Figures | null, f: Figures | null): string {
  const head = `${pad('figure', 36)}${padL('podium', 16)}${padL('floor', 12)}${padL('ratio', 8)}  target`;
  const lines = rows(p, f).map((r) => {
    const q = r.ratio ? ratio(r.podium, r.floor) : null;
    return `${pad(r.label, 36)}${padL(show(r.podium), 16)}${padL(show(r.floor), 12)}${padL(show(q), 8)}  ${r.target ?? ''}`;
  });
  return [`\n== ${s.title} ==`, head, ...lines].join('\n');
}
