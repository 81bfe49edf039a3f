// Time for the server, injected so tests can run a game on a fake clock.

export interface Clock {
  now(): number;
}

/** Runs `fn` at the absolute time `at` (epoch ms); returns a cancel function. */
export interface Scheduler {
  at(at: number, fn: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

/** setTimeout caps delays at 2^31−1 ms; longer waits re-arm. */
const MAX_DELAY = 2 ** 31 - 1;

export function systemScheduler(clock: Clock = systemClock): Scheduler {
  return {
    at(at, fn) {
      let timer: NodeJS.Timeout;
      const arm = (): void => {
        const delay = at - clock.now();
        timer = setTimeout(delay > MAX_DELAY ? arm : fn, Math.min(Math.max(delay, 0), MAX_DELAY));
        timer.unref();
      };
      arm();
      return () => clearTimeout(timer);
    },
  };
}
