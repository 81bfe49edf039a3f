// Bench-only preload (node --import tsx --import ./bench/server-probe.ts <server>): answers the benchmark's IPC
// "probe" with the process's CPU time and memory, and can CPU-profile a window (the answer burst) through the
// in-process inspector, so the server itself needs no bench hook.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import type { ProbeReply, ProbeRequest, ProfileRequest } from './messages.ts';

const gc = (globalThis as { gc?: () => void }).gc;
let session: Session | null = null;

function reply(req: ProbeRequest): ProbeReply {
  if (req.gc) gc?.();
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { type: 'probe', id: req.id, cpuUs: cpu.user + cpu.system, rss: mem.rss, heapUsed: mem.heapUsed, elu: performance.eventLoopUtilization().utilization };
}

function post(method: string): Promise<unknown> {
  return new Promise((resolve, reject) => session?.post(method, (err, result) => (err ? reject(err) : resolve(result))));
}

async function profile(req: ProfileRequest): Promise<void> {
  if (req.action === 'start') {
    session ??= new Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  } else {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(req.path, JSON.stringify(profile));
    session?.disconnect();
  }
  process.send?.({ type: 'profile', id: req.id });
}

if (process.send) {
  process.on('message', (msg: ProbeRequest | ProfileRequest) => {
    if (msg?.type === 'probe') process.send?.(reply(msg));
    else if (msg?.type === 'profile') void profile(msg);
  });
  // The IPC channel must not keep the server alive on its own.
  process.channel?.unref();
}
