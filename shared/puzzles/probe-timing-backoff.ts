// Crash-loop backoff questions: a crash loop and its kubectl listing → seconds the kubelet waits. Answers and the
// timeline come from shared/model/backoff.ts (docs/rules/probes.md#restart-backoff).
import type { Rng } from '../random.ts';
import type { ProbeRuleId } from '../model/rules/probes.ts';
import {
  backoffDelaySeconds, backoffResetSeconds, backoffSchedule, crashLoopRuns, nthStartSeconds, resetReading, totalWaitBeforeRestart,
} from '../model/backoff.ts';
import { software } from '../model/software.ts';
import { probeApps } from './probe-apps.ts';
import { RESTARTS, timeline, type Mark, type TimingPuzzle } from './probe-timing-kit.ts';

const BACKOFF_URL = `${RESTARTS}#container-restarts`;
const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

function podName(rng: Rng, app: string): string {
  const part = (n: number): string => Array.from({ length: n }, () => rng.pick([...SUFFIX])).join('');
  return `${app}-${part(9)}-${part(5)}`;
}

/** kubectl's short AGE format (duration.HumanDuration) for the ages these puzzles use. */
export function age(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  if (m < 10 && seconds % 60 !== 0) return `${m}m${seconds % 60}s`;
  if (m < 180) return `${m}m`;
  return `${Math.floor(m / 60)}h`;
}

/** `kubectl get pod` right after an exit: RESTARTS shows the count and how long ago the previous exit was. */
function getPod(name: string, status: string, restarts: number, previousExitAgo: number, ageSeconds: number): string {
  const row = [name, '0/1', status, restarts > 0 ? `${restarts} (${age(previousExitAgo)} ago)` : '0', age(ageSeconds)];
  const head = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  const widths = head.map((h, i) => Math.max(h.length, row[i]!.length) + 3);
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('').trimEnd();
  return [`$ kubectl get pod ${name}`, line(head), line(row)].join('\n');
}

/** The crash loop as the reveal draws it: `starts` starts, the exits and waits between them, and no exit after the last. */
function loopTrack(label: string, run: number, starts: number): { label: string; marks: Mark[] } {
  const marks = crashLoopRuns(run, starts).flatMap((r): Mark[] => [
    { at: r.startedAt, label: r.start === 1 ? 'start' : `restart ${r.start - 1}`, tone: r.start === 1 ? 'start' : 'restart' },
    ...(r.start < starts ? [{ at: r.exitedAt, label: 'exit', tone: 'stop' as const }] : []),
    ...(r.start < starts && r.waitAfter > 0 ? [{ at: r.exitedAt, label: `wait ${r.waitAfter} s`, tone: 'wait' as const }] : []),
  ]);
  return { label, marks };
}

/** When the `starts`th start comes, for a container that exits `run` s after each start. */
const startAt = (run: number, starts: number): number => crashLoopRuns(run, starts).at(-1)!.startedAt;

const scheduleText = (n: number): string => backoffSchedule(n).join(' + ');
const capRule = (restart: number): ProbeRuleId[] => (backoffDelaySeconds(restart) === 300 && 10 * 2 ** (restart - 2) > 300 ? ['probes/backoff-cap'] : []);

function waitLine(restart: number, seconds: number): string {
  if (restart === 1) return 'The first restart after an exit is immediate: 0 s, with no back-off wait.';
  return `The first restart is immediate, then the waits are 10, 20, 40 … s, capped at 300 s: restart ${restart} waits ${seconds} s, and the container shows CrashLoopBackOff meanwhile.`;
}

function crashLoop(rng: Rng, restartsSoFar: number) {
  const app = rng.pick(probeApps);
  const run = rng.int(1, 8);
  const name = podName(rng, app.name);
  const runs = crashLoopRuns(run, restartsSoFar + 1);
  const last = runs.at(-1)!;
  const previousExitAgo = restartsSoFar > 0 ? last.exitedAt - runs.at(-2)!.exitedAt : 0;
  const code = getPod(name, 'Error', restartsSoFar, previousExitAgo, last.exitedAt + 3);
  return { app, run, name, code };
}

/** Easy: the restart number is stated. */
export function backoffNth(rng: Rng): TimingPuzzle {
  const restart = rng.int(1, 8);
  const { app, run, name, code } = crashLoop(rng, restart - 1);
  const seconds = backoffDelaySeconds(restart);
  return {
    template: 'probe-timing/backoff-nth', prompt: `The ${app.name} container in pod ${name} exits with an error about ${run} s after every start (restartPolicy Always). It has just exited; the next start will be its restart number ${restart}. How many seconds does the kubelet wait before it?`,
    code: { language: 'shell', text: code }, seconds, approximate: false, docUrl: BACKOFF_URL,
    lines: [{ text: waitLine(restart, seconds) }],
    misses: [
      { value: backoffDelaySeconds(restart + 1), note: 'The first restart is immediate; the 10 s wait comes with the second.' },
      { value: 10 * 2 ** (restart - 2), note: 'The doubling stops at the 300 s cap.' },
    ].filter((m) => m.value !== seconds && Number.isInteger(m.value)),
    rules: ['probes/backoff-schedule', ...capRule(restart)],
    timeline: timeline([loopTrack(app.name, run, restart + 1)], startAt(run, restart + 1)),
  };
}

/** Medium: the restart number is read off RESTARTS. */
export function backoffFromRestarts(rng: Rng): TimingPuzzle {
  const restartsSoFar = rng.int(0, 7);
  const { app, run, name, code } = crashLoop(rng, restartsSoFar);
  const restart = restartsSoFar + 1;
  const seconds = backoffDelaySeconds(restart);
  return {
    template: 'probe-timing/backoff-from-restarts', prompt: `The pod ${name} (restartPolicy Always) exits with an error about ${run} s after every start, and has just exited again (the “ago” under RESTARTS dates the exit before this one). How many seconds does the kubelet wait before restarting it?`,
    code: { language: 'shell', text: code }, seconds, approximate: false, docUrl: BACKOFF_URL,
    lines: [{ text: `RESTARTS shows ${restartsSoFar}, so the next start is restart ${restart}.`, codeLines: [3] }, { text: waitLine(restart, seconds) }],
    misses: [
      { value: backoffDelaySeconds(restart + 1), note: 'RESTARTS counts the restarts already done; this is the next one, and the first was immediate.' },
      { value: restartsSoFar >= 1 ? backoffDelaySeconds(restartsSoFar) : -1, note: `RESTARTS ${restartsSoFar} means the next start is restart ${restart}.` },
    ].filter((m) => m.value !== seconds && m.value >= 0),
    rules: ['probes/backoff-schedule', ...capRule(restart)],
    timeline: timeline([loopTrack(app.name, run, restart + 1)], startAt(run, restart + 1)),
  };
}

function totalQuestion(rng: Rng, n: number, template: string): TimingPuzzle {
  const app = rng.pick(probeApps);
  const name = podName(rng, app.name);
  const seconds = totalWaitBeforeRestart(n);
  // Now: restart n - 1 has just crashed and the kubelet holds restart n back; RESTARTS' "ago" is that crash.
  const ago = rng.int(1, Math.min(30, backoffDelaySeconds(n) - 1));
  const code = getPod(name, 'CrashLoopBackOff', n - 1, ago, totalWaitBeforeRestart(n - 1) + ago + 3);
  const uncapped = Array.from({ length: n - 1 }, (_, i) => 10 * 2 ** i).reduce((a, b) => a + b, 0);
  return {
    template, prompt: `The pod ${name} crashes the moment it starts, every time. Counting only the kubelet’s back-off waits, not the time it runs, how many seconds does it wait in all across restarts 1 to ${n}?`,
    code: { language: 'shell', text: code }, seconds, approximate: false, docUrl: BACKOFF_URL,
    lines: [{ text: `The waits are ${scheduleText(n)} = ${seconds} s: the first restart is immediate, then 10 s doubling each time${n >= 7 ? ', capped at 300 s' : ''}.` }],
    misses: [
      { value: uncapped, note: 'Each wait is capped at 300 s.' },
      { value: totalWaitBeforeRestart(n + 1), note: 'The first restart is immediate; the 10 s wait starts with the second.' },
    ].filter((m) => m.value !== seconds),
    rules: ['probes/backoff-schedule', ...(n >= 7 ? ['probes/backoff-cap' as const] : [])],
    timeline: timeline([loopTrack(app.name, 0, n + 1)], startAt(0, n + 1)),
  };
}

export const backoffTotal = (rng: Rng): TimingPuzzle => totalQuestion(rng, rng.int(3, 6), 'probe-timing/backoff-total');
export const backoffTotalCap = (rng: Rng): TimingPuzzle => totalQuestion(rng, rng.int(7, 10), 'probe-timing/backoff-total-cap');

/** Hard: a long healthy run resets the backoff, a short one does not (only runs where docs and kubelet agree). */
export function backoffReset(rng: Rng): TimingPuzzle {
  const restarts = rng.int(2, 6);
  const previousWait = backoffDelaySeconds(restarts);
  const minutes = rng.chance(0.6) ? rng.int(2, Math.floor((540 - previousWait) / 60)) : rng.int(11, 30);
  const reading = resetReading(previousWait, minutes * 60);
  if (reading === 'depends') return backoffReset(rng);
  const reset = reading === 'reset';
  const seconds = reset ? 0 : backoffDelaySeconds(restarts + 1);
  const app = rng.pick(probeApps);
  const name = podName(rng, app.name);
  const code = getPod(name, 'Error', restarts, previousWait + minutes * 60, totalWaitBeforeRestart(restarts) + minutes * 60 + 40);
  const limit = backoffResetSeconds() / 60;
  return {
    template: 'probe-timing/backoff-reset', prompt: `The pod ${name} crash-looped at first, but after restart ${restarts} it ran fine for ${minutes} minutes; then it crashed again just now. How many seconds does the kubelet wait before restarting it?`,
    code: { language: 'shell', text: code }, seconds, approximate: false, docUrl: BACKOFF_URL,
    lines: [{
      text: reset
        ? `After ${limit} minutes of running without a crash the kubelet resets the back-off: this crash counts as a first one, and the restart is immediate.`
        : `Restart 1 was immediate, and ${restarts === 2 ? 'the wait before restart 2 was' : `the waits before restarts 2 to ${restarts} were`} ${backoffSchedule(restarts).slice(1).join(', ')} s. ${minutes} minutes is short of the ${limit} that reset the back-off, so the doubling goes on: restart ${restarts + 1} waits ${seconds} s.`,
    }],
    misses: reset
      ? [{ value: backoffDelaySeconds(restarts + 1), note: `A run of ${limit} minutes or more resets the back-off.` }, { value: 10, note: 'After a reset the next restart is immediate, like a first one; the 10 s wait comes with the crash after it.' }]
      : [{ value: 0, note: `Only a run of about ${limit} minutes resets the back-off.` }],
    rules: ['probes/backoff-reset', 'probes/backoff-schedule'],
    timeline: timeline([{ label: app.name, marks: [
      { at: 0, label: `restart ${restarts}`, tone: 'restart' }, { at: minutes * 60, label: 'crash', tone: 'stop' },
      ...(reset ? [] : [{ at: minutes * 60, label: `wait ${seconds} s`, tone: 'wait' as const }]),
      { at: minutes * 60 + seconds, label: `restart ${restarts + 1}`, tone: 'restart' },
    ] }], minutes * 60 + seconds),
  };
}

/** Hard: the waits count from each exit, so the run time adds up too. */
export function nthStart(rng: Rng): TimingPuzzle {
  const run = rng.pick([2, 3, 5, 8, 10, 15, 20, 30]);
  const n = rng.int(3, 7);
  const seconds = nthStartSeconds(n, run);
  const waits = backoffSchedule(n - 1);
  const name = rng.pick(['crash-demo', 'crashloop-lab', 'restart-demo']);
  const code = [
    'spec:', '  restartPolicy: Always', '  containers:', `  - name: ${name}`, `    image: ${software('busybox').image}`,
    `    command: [sh, -c, "sleep ${run}; exit 1"]`,
  ].join('\n');
  return {
    template: 'probe-timing/nth-start', prompt: `The container of this demo pod exits with an error ${run} s after every start. From its first start, how many seconds until its restart number ${n - 1}?`,
    code: { language: 'yaml', text: code }, seconds, approximate: false, docUrl: BACKOFF_URL,
    lines: [
      { text: `Each wait counts from the exit, so the ${n - 1} runs before it add up: ${n - 1} × ${run} = ${(n - 1) * run} s.` },
      { text: `The waits before restarts 1 to ${n - 1} are ${waits.join(' + ')} = ${totalWaitBeforeRestart(n - 1)} s: ${seconds} s in all.` },
    ],
    misses: [
      { value: totalWaitBeforeRestart(n - 1), note: 'The container runs before each exit; those seconds count too.' },
      { value: (n - 1) * run + totalWaitBeforeRestart(n), note: 'The first restart is immediate; the 10 s wait starts with the second.' },
    ].filter((m) => m.value !== seconds),
    rules: ['probes/backoff-schedule', 'probes/backoff-from-exit'],
    timeline: timeline([loopTrack(name, run, n)], startAt(run, n)),
  };
}
