// At most one call per interval; a request inside the interval is deferred to its end, never dropped.
import type { Clock, Scheduler } from './clock.ts';

export interface Throttle {
  request(): void;
  cancel(): void;
}

/** `intervalMs` may be a function, read at each request (an interval that grows with the room). */
export function throttle(fn: () => void, intervalMs: number | (() => number), clock: Clock, scheduler: Scheduler): Throttle {
  const interval = typeof intervalMs === 'number' ? () => intervalMs : intervalMs;
  let last = -Infinity;
  let pending: (() => void) | null = null;
  const run = (): void => {
    pending = null;
    last = clock.now();
    fn();
  };
  return {
    request() {
      if (pending) return;
      const due = last + interval();
      if (clock.now() >= due) run();
      else pending = scheduler.at(due, run);
    },
    cancel() {
      pending?.();
      pending = null;
    },
  };
}
