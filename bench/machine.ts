// The machine a run came from, and how busy it was: figures mean little without it.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memGiB: number;
  node: string;
  /** 1, 5 and 15-minute load averages. */
  load: number[];
}

export function machine(): Machine {
  return {
    // cpus(), not availableParallelism(): the orchestrator pins itself to one core.
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
