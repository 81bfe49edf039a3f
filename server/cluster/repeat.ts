// A task run every `everyMs` on the scheduler, each run after the previous one has ended (never two at once), its
// failures logged once per outage rather than every time: the failover sweep (cluster-rooms.ts).
import type { Clock, Scheduler } from '../clock.ts';
import type { Log } from '../types.ts';

export function repeat({ clock, scheduler, everyMs, run, log, what }: {
  clock: Clock;
  scheduler: Scheduler;
  everyMs: number;
  run(): Promise<unknown>;
  log: Log;
  /** Names the task in the log lines. */
  what: string;
}): () => void {
  let stopped = false;
  let failing = false;
  let cancel = (): void => {};
  const next = (): void => {
    cancel = scheduler.at(clock.now() + everyMs, () => {
      if (stopped) return;
      run().then(() => {
        if (failing) log(`${what} works again`);
        failing = false;
      }, (error: unknown) => {
        if (!failing) log(`${what} failed (retried every ${everyMs} ms; logged once until it works again)`, error);
        failing = true;
      }).finally(() => {
        if (!stopped) next();
      });
    });
  };
  next();
  return () => {
    stopped = true;
    cancel();
  };
}
