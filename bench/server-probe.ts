// Bench-only preload for both servers (node --import <its bundle> <server bundle>: bench/server-build.ts), so neither
// server carries a bench hook and Podium runs exactly as server/main.ts starts it:
// - every listen() is bound to 127.0.0.1 (main.ts listens on 0.0.0.0), and the port the OS picked is reported
//   over IPC ({ type: 'listening', port });
// - garbage collection is counted with a PerformanceObserver on 'gc' entries (no --expose-gc, no --trace-gc:
//   the heap behaves as in production) and reported on request ({ type: 'gc' });
// - V8's heap and the memory outside it are reported on request ({ type: 'memory' }), to tell which one an RSS
//   peak is made of;
// - on request ({ type: 'live' }) a full collection is forced and the heap left after it reported: live memory
//   apart from when V8 chose to collect. The orchestrator asks only outside measured windows (after the rooms
//   are made, after the game), so the forced pause is in no round's figures;
// - a window can be CPU-profiled or heap-sampled through the in-process inspector ({ type: 'profile' }).
// CPU time and memory are read from /proc by the orchestrator, not here.
import { writeFileSync } from 'node:fs';
import { Server } from 'node:net';
import { Session } from 'node:inspector';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { GcReply, LiveReply, MemoryReply, ProbeRequest } from './messages.ts';

const gc = { count: 0, ms: 0, majorCount: 0, majorMs: 0, maxMs: 0 };
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.ms += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
    const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.majorCount++;
      gc.majorMs += entry.duration;
    }
  }
});
observer.observe({ entryTypes: ['gc'] });

const listen = Server.prototype.listen;
Server.prototype.listen = function loopbackOnly(this: Server, ...args: unknown[]): Server {
  if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    const callback = args.find((a) => typeof a === 'function');
    this.once('listening', () => {
      const address = this.address();
      if (address && typeof address === 'object') process.send?.({ type: 'listening', port: address.port });
    });
    return (listen as (...a: unknown[]) => Server).call(this, Number(args[0]), '127.0.0.1', ...(callback ? [callback] : []));
  }
  return (listen as (...a: unknown[]) => Server).apply(this, args);
} as typeof Server.prototype.listen;

/** V8's gc(), without starting the server with --expose-gc: a context created after the flag is set has it. */
let collect: (() => void) | null = null;

function live(id: number): LiveReply {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  const t0 = performance.now();
  collect();
  const pauseMs = performance.now() - t0;
  return { type: 'live', id, heapUsed: process.memoryUsage().heapUsed, pauseMs };
}

let session: Session | null = null;

function post(method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => session?.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
}

async function profile(req: Extract<ProbeRequest, { type: 'profile' }>): Promise<void> {
  if (req.action === 'start') {
    session ??= new Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    // 'allocated' counts collected objects too (how much a step churns); 'live' only what it kept; 'promoted' what
    // outlived the young generation, collected later or not (what makes the old space, and the peak RSS, grow).
    const major = req.heap === 'allocated' || req.heap === 'promoted';
    const minor = req.heap === 'allocated';
    if (req.heap !== 'none') await post('HeapProfiler.startSampling', { samplingInterval: 32_768, includeObjectsCollectedByMajorGC: major, includeObjectsCollectedByMinorGC: minor });
  } else {
    const { profile: cpu } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(`${req.path}.cpuprofile`, JSON.stringify(cpu));
    if (req.heap !== 'none') {
      const { profile: heap } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
      writeFileSync(`${req.path}.heapprofile`, JSON.stringify(heap));
    }
    session?.disconnect();
  }
  process.send?.({ type: 'profile', id: req.id });
}

if (process.send) {
  process.on('message', (msg: ProbeRequest) => {
    if (msg?.type === 'gc') {
      process.send?.({ type: 'gc', id: msg.id, ...gc } satisfies GcReply);
      gc.maxMs = 0;
    }
    else if (msg?.type === 'live') process.send?.(live(msg.id));
    else if (msg?.type === 'memory') {
      const { heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
      process.send?.({ type: 'memory', id: msg.id, heapTotal, heapUsed, external, arrayBuffers } satisfies MemoryReply);
    }
    else if (msg?.type === 'profile') profile(msg).catch((e: unknown) => process.send?.({ type: 'error', message: `profile: ${String(e)}` }));
  });
  // The IPC channel must not keep the server alive on its own.
  process.channel?.unref();
}
