// A server's CPU time and memory read from /proc by the orchestrator, so the measured process does no work to be
// measured: /proc/<pid>/stat (utime + stime, all threads, in clock ticks), /proc/<pid>/status (VmRSS, and VmHWM,
// the peak, which writing 5 to /proc/<pid>/clear_refs resets), and /proc/stat for how busy each core was.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const ticksPerSecond = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Process CPU time, user + system, in µs (resolution: one clock tick, 10 ms at 100 Hz). */
export function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis): state is
  // field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond;
}

function statusKiB(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${key} in /proc/${pid}/status`);
  return Number(match[1]);
}

export const rssBytes = (pid: number): number => statusKiB(pid, 'VmRSS') * 1024;
export const peakRssBytes = (pid: number): number => statusKiB(pid, 'VmHWM') * 1024;

/** Restarts the peak (VmHWM) from the current RSS; false when the kernel does not allow it. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface CoreTimes {
  busy: number;
  total: number;
}

/** Jiffies a core spent busy (everything but idle and iowait) and in total, since boot. */
export function coreTimes(cpu: number): CoreTimes {
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith(`cpu${cpu} `));
  if (!line) return { busy: 0, total: 0 };
  const n = line.trim().split(/\s+/).slice(1).map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - (n[3] ?? 0) - (n[4] ?? 0), total };
}

/** The share of `cpu` that processes other than `pid` used between two readings, from 0 to 1. */
export function othersShare(before: CoreTimes, after: CoreTimes, serverCpuUs: number): number | null {
  const total = after.total - before.total;
  if (total <= 0) return null;
  const busyUs = ((after.busy - before.busy) * 1e6) / ticksPerSecond;
  const totalUs = (total * 1e6) / ticksPerSecond;
  return Math.max(0, Math.min(1, (busyUs - serverCpuUs) / totalUs));
}

/** Polls until the process has used less than `share` of a core for `quietMs`, or `maxMs` passed: the end of
 *  the sends a step queued (socket writes continue after the last client saw its message). */
export async function untilQuiet(pid: number, quietMs = 200, share = 0.1, maxMs = 3000): Promise<void> {
  const until = Date.now() + maxMs;
  let last = cpuUs(pid);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = cpuUs(pid);
    if (now - last <= quietMs * 1000 * share) return;
    last = now;
  }
}
