// The kubelet's crash-loop restart backoff (CrashLoopBackOff), as docs/rules/probes.md (Restart back-off) writes it up.
// kubelet.go: initialCrashLoopBackOff = 10s, MaxCrashLoopBackOff = 300s; kuberuntime_manager.go doBackOff counts the
// wait from the exited container's finishedAt; client-go flowcontrol/backoff.go: Next doubles up to the cap,
// hasExpired resets after 2 × max.

export interface BackoffSettings {
  initialSeconds: number;
  maxSeconds: number;
}

export const defaultBackoff: Readonly<BackoffSettings> = { initialSeconds: 10, maxSeconds: 300 };

/** How long the kubelet must see no crash (since the previous one) before backoff starts over: 2 × max. */
export function backoffResetSeconds(settings: BackoffSettings = defaultBackoff): number {
  return 2 * settings.maxSeconds;
}

/**
 * Wait before the nth restart (1-based) of a container that keeps exiting right away:
 * the first restart is immediate (no backoff entry yet), then 10, 20, 40 … capped at 300.
 */
export function backoffDelaySeconds(restartNumber: number, settings: BackoffSettings = defaultBackoff): number {
  if (!Number.isInteger(restartNumber) || restartNumber < 1) throw new Error(`no restart number ${restartNumber}`);
  if (restartNumber === 1) return 0;
  let delay = settings.initialSeconds;
  for (let i = 2; i < restartNumber && delay < settings.maxSeconds; i++) delay *= 2;
  return Math.min(delay, settings.maxSeconds);
}

/** Total backoff across restarts 1..n, not counting the time the container ran. */
export function totalWaitBeforeRestart(n: number, settings: BackoffSettings = defaultBackoff): number {
  let total = 0;
  for (let k = 1; k <= n; k++) total += backoffDelaySeconds(k, settings);
  return total;
}

/** The delays of restarts 1..n, for explanations: [0, 10, 20, 40, …]. */
export function backoffSchedule(n: number, settings: BackoffSettings = defaultBackoff): number[] {
  return Array.from({ length: n }, (_, i) => backoffDelaySeconds(i + 1, settings));
}

/**
 * Wait before the next restart of a container restarted `restartsSoFar` times, that crashed again
 * `secondsSincePreviousCrash` after its previous crash. More than 2 × max since then and the backoff
 * entry has expired: the crash counts as a first one and the restart is immediate.
 */
export function nextRestartDelaySeconds(
  restartsSoFar: number,
  secondsSincePreviousCrash: number,
  settings: BackoffSettings = defaultBackoff,
): number {
  if (secondsSincePreviousCrash > backoffResetSeconds(settings)) return 0;
  return backoffDelaySeconds(restartsSoFar + 1, settings);
}

/**
 * Whether a crash after `runSeconds` of running, which followed a wait of `previousWaitSeconds`, restarts the backoff
 * by both readings: the docs (10 minutes of running) and the kubelet (more than 2 × max since the previous crash).
 * 'depends' where they differ; puzzles never ask there.
 */
export function resetReading(previousWaitSeconds: number, runSeconds: number, settings: BackoffSettings = defaultBackoff): 'reset' | 'kept' | 'depends' {
  const limit = backoffResetSeconds(settings);
  const byCode = previousWaitSeconds + runSeconds > limit;
  const byDocs = runSeconds >= limit;
  if (byCode && byDocs) return 'reset';
  if (!byCode && !byDocs) return 'kept';
  return 'depends';
}

export interface CrashLoopRun {
  /** 1-based start number: 1 is the first start, 2 the first restart. */
  start: number;
  startedAt: number;
  exitedAt: number;
  /** The wait before the next start, counted from this exit. */
  waitAfter: number;
}

/** A container that exits `runSeconds` after every start, from its first start at 0 through its `starts`th start. */
export function crashLoopRuns(runSeconds: number, starts: number, settings: BackoffSettings = defaultBackoff): CrashLoopRun[] {
  const runs: CrashLoopRun[] = [];
  let at = 0;
  for (let start = 1; start <= starts; start++) {
    const waitAfter = backoffDelaySeconds(start, settings);
    runs.push({ start, startedAt: at, exitedAt: at + runSeconds, waitAfter });
    at += runSeconds + waitAfter;
  }
  return runs;
}

/** Seconds from the first start until the `n`th start (n ≥ 2) of a container that exits `runSeconds` after each start. */
export function nthStartSeconds(n: number, runSeconds: number, settings: BackoffSettings = defaultBackoff): number {
  if (!Number.isInteger(n) || n < 2) throw new Error(`no start number ${n}`);
  return (n - 1) * runSeconds + totalWaitBeforeRestart(n - 1, settings);
}

/**
 * The most restarts a container can show `seconds` after its first start when each run lasts `runSeconds`: every
 * restart waits its back-off first, so a crash loop cannot have restarted more often than the back-off allows.
 */
export function restartsWithin(seconds: number, runSeconds = 5, settings: BackoffSettings = defaultBackoff): number {
  let n = 0;
  let at = runSeconds;
  for (;;) {
    const next = at + backoffDelaySeconds(n + 1, settings) + runSeconds;
    if (next > seconds) return n;
    at = next;
    n++;
  }
}
