// Crash-loop backoff questions: a kubectl listing → seconds the kubelet waits. Answers come from shared/model/backoff.ts.
import type { Rng } from '../random.ts';
import {
  backoffDelaySeconds, backoffResetSeconds, backoffSchedule, nextRestartDelaySeconds, totalWaitBeforeRestart,
} from '../model/backoff.ts';
import type { ProbeTimingPuzzle, Workload } from './probe-timing-workloads.ts';

const BACKOFF_URL = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy';

function podName(rng: Rng, w: Workload): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  const part = (n: number) => Array.from({ length: n }, () => rng.pick([...chars])).join('');
  return `${w.name}-${part(9)}-${part(5)}`;
}

/** kubectl's short AGE format (duration.HumanDuration) for the ages these puzzles use. */
function age(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  if (m < 10 && seconds % 60 !== 0) return `${m}m${seconds % 60}s`;
  return `${m}m`;
}

function getPodOutput(name: string, status: string, restarts: number, lastAgo: number, ageSeconds: number): string {
  const row = [name, '0/1', status, restarts > 0 ? `${restarts} (${age(lastAgo)} ago)` : '0', age(ageSeconds)];
  const head = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  const widths = head.map((h, i) => Math.max(h.length, row[i]!.length) + 3);
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('').trimEnd();
  return [`$ kubectl get pod ${name}`, line(head), line(row)].join('\n');
}

const scheduleText = (n: number): string => backoffSchedule(n).map((d) => `${d}`).join(' + ');

/** Medium: the next delay in a crash loop, read from RESTARTS. */
export function backoffDelayQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const restarts = rng.int(0, 9);
  const run = rng.int(1, 5);
  const total = backoffDelaySeconds(restarts + 1);
  const name = podName(rng, w);
  return {
    ask: 'backoff-delay', seconds: total, approximate: false, docUrl: BACKOFF_URL,
    code: { language: 'shell', text: getPodOutput(name, 'Error', restarts, run + 1, totalWaitBeforeRestart(restarts) + (restarts + 1) * run + 4) },
    prompt: `The pod ${name} (restartPolicy: Always) exits with an error ${run} s after every start, and has just exited again. How many seconds does the kubelet wait before restarting it?`,
    working: `This will be restart number ${restarts + 1}. The first restart is immediate, then the waits are 10, 20, 40 … s, capped at 300 s: restart ${restarts + 1} waits ${total} s (the container shows CrashLoopBackOff meanwhile).`,
    misses: [
      { value: restarts === 0 ? 10 : backoffDelaySeconds(restarts + 2), note: 'The first restart is immediate; the 10 s wait starts with the second.' },
      { value: 10 * 2 ** (restarts - 1), note: 'The doubling stops at the 300 s cap.' },
    ],
  };
}

/** Hard: the sum of the waits, across the cap. */
export function backoffTotalQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const n = rng.int(4, 10);
  const total = totalWaitBeforeRestart(n);
  const name = podName(rng, w);
  return {
    ask: 'backoff-total', seconds: total, approximate: false, docUrl: BACKOFF_URL,
    code: { language: 'shell', text: getPodOutput(name, 'CrashLoopBackOff', n - 1, 1, total - backoffDelaySeconds(n) + 3) },
    prompt: `The pod ${name} crashes the moment it starts, every time. Counting only the kubelet's backoff waits (not the time it runs), how many seconds in total does it wait across restarts 1 to ${n}?`,
    working: `The waits are ${scheduleText(n)} = ${total} s: the first restart is immediate, then 10 s doubling each time, capped at 300 s.`,
    misses: [
      { value: Array.from({ length: n - 1 }, (_, i) => 10 * 2 ** i).reduce((a, b) => a + b, 0), note: 'Each wait is capped at 300 s.' },
      { value: totalWaitBeforeRestart(n + 1), note: 'The first restart is immediate; the 10 s wait starts with the second.' },
    ],
  };
}

/** Hard: a long healthy run resets the backoff; a short one does not. */
export function backoffResetQuestion(rng: Rng, w: Workload): ProbeTimingPuzzle {
  const restarts = rng.int(2, 5);
  const minutes = rng.chance(0.5) ? rng.int(2, 5) : rng.int(11, 30);
  const sincePrevious = backoffDelaySeconds(restarts) + minutes * 60;
  const total = nextRestartDelaySeconds(restarts, sincePrevious);
  const name = podName(rng, w);
  const reset = total === 0;
  return {
    ask: 'backoff-reset', seconds: total, approximate: false, docUrl: BACKOFF_URL,
    code: { language: 'shell', text: getPodOutput(name, 'Error', restarts, minutes * 60, totalWaitBeforeRestart(restarts) + minutes * 60 + 30) },
    prompt: `The pod ${name} crash-looped at first, but after restart ${restarts} it ran fine for ${minutes} minutes, then crashed again just now. How many seconds does the kubelet wait before restarting it?`,
    working: reset
      ? `After ${backoffResetSeconds() / 60} minutes without a crash the kubelet forgets the backoff, so this crash counts as a first one and the restart is immediate: 0 s.`
      : `${minutes} minutes is short of the ${backoffResetSeconds() / 60} minutes that reset the backoff, so the doubling goes on: restart ${restarts + 1} waits ${total} s.`,
    misses: [
      { value: reset ? backoffDelaySeconds(restarts + 1) : 0, note: reset ? 'A run of over 10 minutes resets the backoff.' : 'Only a run of about 10 minutes resets the backoff.' },
      ...(reset ? [{ value: 10, note: 'After a reset the next restart is immediate, like a first one; the 10 s wait comes with the crash after that.' }] : []),
    ],
  };
}
