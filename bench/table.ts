// The printed table: one block per scenario, Podium beside the floor, their ratio, and the target with
// PASS/MISS where it applies to the scenario.
import type { Figures } from './figures.ts';
import type { Scenario } from './scenarios.ts';
import { targets, verdict, type TargetKey } from './targets.ts';

type Cell = number | string | null;
interface Row {
  label: string;
  podium: Cell;
  floor: Cell;
  target?: TargetKey;
}

const show = (c: Cell): string => (c === null ? '-' : typeof c === 'number' ? String(Math.round(c * 10) / 10) : c);

export function ratio(p: Cell, f: Cell): number | null {
  return typeof p === 'number' && typeof f === 'number' && f > 0 ? Math.round((p / f) * 100) / 100 : null;
}

const pct = (x: number | null): string | null => (x === null ? null : `${Math.round(x * 100)}%`);

function rows(p: Figures | null, f: Figures | null): Row[] {
  const both = (get: (x: Figures) => Cell): { podium: Cell; floor: Cell } => ({ podium: p ? get(p) : null, floor: f ? get(f) : null });
  return [
    { label: 'joined / failed / lost', ...both((x) => `${x.joined}/${x.failed}/${x.lost}`), target: 'noneLost' },
    { label: 'answers refused or unacked; views missed', ...both((x) => `${x.answerErrors}; ${x.missedViews}`) },
    { label: 'connect and join everyone (s)', ...both((x) => x.joinS), target: 'join' },
    { label: 'server CPU per join (us)', ...both((x) => x.cpuPerJoinUs) },
    { label: '  lobby views per player; MiB to players', ...both((x) => `${show(x.lobbyMessagesPerPlayer)}; ${show(x.lobbyMiB)}`) },
    { label: '  host:status to the host while joining (MiB)', ...both((x) => x.hostStatusMiB) },
    { label: 'question fan-out p50 (ms)', ...both((x) => x.fanoutMs.p50) },
    { label: 'question fan-out p95 (ms)', ...both((x) => x.fanoutMs.p95), target: 'fanoutP95' },
    { label: 'question fan-out p99 (ms)', ...both((x) => x.fanoutMs.p99) },
    { label: '  fan-out p95 in a burst round (ms)', ...both((x) => x.burstFanoutP95Ms) },
    { label: 'question out -> last answer taken (ms)', ...both((x) => x.lastAnswerMs), target: 'lastAnswer' },
    { label: '  question out -> last ack received (ms)', ...both((x) => x.lastAckMs) },
    { label: 'reveal out after the last answer (ms)', ...both((x) => x.revealLagMs), target: 'revealLag' },
    { label: 'reveal out after the deadline (ms)', ...both((x) => x.revealAfterDeadlineMs), target: 'revealAfterDeadline' },
    { label: 'acks arriving after the reveal', ...both((x) => x.acksAfterReveal), target: 'acksAfterReveal' },
    { label: 'answer ack p50 / p99, burst (ms)', ...both((x) => `${show(x.ackP50Ms)} / ${show(x.ackP99Ms)}`) },
    { label: 'server CPU per answer (us)', ...both((x) => x.cpuPerAnswerUs), target: 'cpuPerAnswer' },
    { label: 'RSS after join (MiB)', ...both((x) => x.rssJoinedMiB) },
    { label: '  V8 heap used / reserved after join (MiB)', ...both((x) => `${show(x.heapUsedJoinedMiB)} / ${show(x.heapTotalJoinedMiB)}`) },
    { label: 'RSS per connection after join (KiB)', ...both((x) => x.rssPerConnectionKiB), target: 'rssPerConnection' },
    { label: 'peak RSS in a round (MiB)', ...both((x) => x.peakRssMiB) },
    { label: '  peak / after join', ...both((x) => x.peakOverJoined), target: 'peakRss' },
    { label: '  V8 heap live after the game (MiB)', ...both((x) => x.liveHeapEndMiB) },
    { label: '  live heap per player (KiB)', ...both((x) => x.liveHeapPerPlayerKiB) },
    { label: 'GC pauses / server CPU in rounds', ...both((x) => pct(x.gcShare)) },
    { label: '  longest GC pause in a round (ms)', ...both((x) => x.gcMaxMs) },
    { label: '  ... while joining', ...both((x) => pct(x.joinGcShare)) },
    { label: 'question / reveal message (bytes)', ...both((x) => `${show(x.questionBytes)} / ${show(x.revealBytes)}`) },
    { label: 'others on the server core, max', ...both((x) => pct(x.othersOnServerCoreMax)) },
    { label: 'others on the load core, max', ...both((x) => pct(x.othersOnLoadCoreMax)) },
    { label: 'bench clients busy in a burst, max', ...both((x) => pct(x.clientsBusyMax)) },
  ];
}

const pad = (s: string, n: number): string => s.padEnd(n);
const padL = (s: string, n: number): string => s.padStart(n);

export function formatBlock(s: Scenario, p: Figures | null, f: Figures | null, load: string): string {
  const head = `${pad('figure', 42)}${padL('podium', 14)}${padL('floor', 14)}${padL('ratio', 7)}  target`;
  const lines = rows(p, f).map((r) => {
    const applies = r.target !== undefined && s.targets.includes(r.target);
    const goal = applies && p ? `${targets[r.target!].text}  ${verdict(targets[r.target!].check(p, f))}` : '';
    return `${pad(r.label, 42)}${padL(show(r.podium), 14)}${padL(show(r.floor), 14)}${padL(show(ratio(r.podium, r.floor)), 7)}  ${goal}`;
  });
  return [`\n== ${s.title} ==  (load average ${load})`, head, ...lines].join('\n');
}
