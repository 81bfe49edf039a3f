// Request/answer over a child's IPC channel, always with a timeout so a stuck child cannot hang the run.
import type { Child } from './children.ts';
import type { FromDriver, GcReply, HeapSampling, LiveReply, MemoryReply, ToDriver } from './messages.ts';

export function nextMessage<T extends { type: string }>(child: Child, match: (m: T) => boolean, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T): void => {
      if (m?.type === 'error') finish(new Error(`${child.name}: ${JSON.stringify(m)}`));
      else if (match(m)) finish(null, m);
    };
    const onExit = (): void => finish(new Error(`${child.name} exited: ${child.tail()}`));
    const timer = setTimeout(() => finish(new Error(`${child.name}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const finish = (err: Error | null, m?: T): void => {
      clearTimeout(timer);
      child.proc.off('message', onMessage);
      child.proc.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    };
    child.proc.on('message', onMessage);
    child.proc.once('exit', onExit);
  });
}

/** Sends to every driver and waits for each one's reply of `type`. */
export function askDrivers<K extends FromDriver['type']>(drivers: readonly Child[], msg: ToDriver, type: K, timeoutMs: number): Promise<Extract<FromDriver, { type: K }>[]> {
  const replies = drivers.map((d) => nextMessage<FromDriver>(d, (m) => m.type === type, timeoutMs));
  for (const d of drivers) d.proc.send(msg);
  return Promise.all(replies) as Promise<Extract<FromDriver, { type: K }>[]>;
}

let requestId = 0;

/** The server's garbage collection so far, from the bench preload inside it. */
export function gcStats(server: Child): Promise<GcReply> {
  const id = ++requestId;
  const reply = nextMessage<GcReply>(server, (m) => m.type === 'gc' && m.id === id, 10_000);
  server.proc.send({ type: 'gc', id });
  return reply;
}

/** The server's heap and external memory now. */
export function memoryOf(server: Child): Promise<MemoryReply> {
  const id = ++requestId;
  const reply = nextMessage<MemoryReply>(server, (m) => m.type === 'memory' && m.id === id, 10_000);
  server.proc.send({ type: 'memory', id });
  return reply;
}

/** Forces a full collection in the server and returns the heap left: never inside a measured window. */
export function liveHeapOf(server: Child): Promise<LiveReply> {
  const id = ++requestId;
  const reply = nextMessage<LiveReply>(server, (m) => m.type === 'live' && m.id === id, 30_000);
  server.proc.send({ type: 'live', id });
  return reply;
}

/** Starts or stops the server's CPU profile (and heap sampling); the stop writes them next to `path`. */
export async function profileServer(server: Child, action: 'start' | 'stop', path: string, heap: HeapSampling): Promise<void> {
  const id = ++requestId;
  const reply = nextMessage<{ type: string; id: number }>(server, (m) => m.type === 'profile' && m.id === id, 60_000);
  server.proc.send({ type: 'profile', id, action, path, heap });
  await reply;
}
