// The kubelet's crash-loop restart backoff (CrashLoopBackOff). See docs/rules/phase.md, "Crash-loop back-off".
// kubelet.go: initialCrashLoopBackOff = 10s, MaxCrashLoopBackOff = 300s;
// client-go flowcontrol/backoff.go: Next doubles up to the cap, hasExpired resets after 2 × max.

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
