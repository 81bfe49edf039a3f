// Countdown arithmetic. The server owns time: the client only displays what is left of an absolute deadline.

/** Milliseconds left, never negative. `serverOffset` is server clock minus client clock. */
export function remainingMs(deadline: number, clientNow: number, serverOffset: number): number {
  return Math.max(0, deadline - (clientNow + serverOffset));
}

/** Whole seconds to show: 0.2 s left still reads "1", so "0" means the time is really up. */
export function displaySeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

/** The milestone (in seconds) crossed between two readings, if any; the smallest wins when several are. */
export function crossedMilestone(beforeMs: number, afterMs: number, milestones: readonly number[]): number | null {
  const crossed = milestones.filter((s) => beforeMs > s * 1000 && afterMs <= s * 1000);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}
