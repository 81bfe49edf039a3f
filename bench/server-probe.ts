// Bench-only preload (node --import tsx --import ./bench/server-probe.ts <server>): answers the benchmark's
// IPC "probe" with the process's CPU time and memory, so the server itself needs no bench hook.
import { performance } from 'node:perf_hooks';
import type { ProbeReply, ProbeRequest } from './messages.ts';

const gc = (globalThis as { gc?: () => void }).gc;

function reply(req: ProbeRequest): ProbeReply {
  if (req.gc) gc?.();
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { type: 'probe', id: req.id, cpuUs: cpu.user + cpu.system, rss: mem.rss, heapUsed: mem.heapUsed, elu: performance.eventLoopUtilization().utilization };
}

if (process.send) {
  process.on('message', (msg: ProbeRequest) => {
    if (msg?.type === 'probe') process.send?.(reply(msg));
  });
  // The IPC channel must not keep the server alive on its own.
  process.channel?.unref();
}
