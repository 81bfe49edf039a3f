// The server runs with V8's heap growing factor fixed (server/heap-growth.ts, docs/operations.md "Memory"): parsed
// from PODIUM_HEAP_GROWING_PERCENT, and in effect in the server as `npm start` runs it, which V8 itself reports
// when it sets the next full collection's limit (--trace-gc-verbose) after a collection asked for from outside.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from '../../server/heap-growth.ts';
import { freePort, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from './faults/server-process.ts';

describe('PODIUM_HEAP_GROWING_PERCENT', () => {
  it('defaults to 30, turns off with "off", takes a whole number from 10 to 300', () => {
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(30);
    expect(heapGrowingPercent(undefined)).toBe(30);
    expect(heapGrowingPercent(' ')).toBe(30);
    expect(heapGrowingPercent('off')).toBeNull();
    expect(heapGrowingPercent('10')).toBe(10);
    expect(heapGrowingPercent('300')).toBe(300);
  });

  it.each(['9', '301', '1.5', '-20', 'fifty', '50%'])('refuses %j with a message naming the setting', (raw) => {
    expect(() => heapGrowingPercent(raw)).toThrow(/^PODIUM_HEAP_GROWING_PERCENT must be a whole number from 10 to 300, or off/);
  });
});

/** The growing factor V8 used for the old generation's last limit: Node 20's V8 prints it after the limit
 *  ("Limit: old size: … KB, new limit: … KB (1.5)"), later ones on their "factor 1.5 based on mu=…" line. */
function lastFactor(lines: readonly string[]): number | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.includes('[HeapController]')) continue;
    const limit = /Limit: old size: \d+ KB, new limit: \d+ KB \(([\d.]+)\)/.exec(line);
    if (limit) return Number(limit[1]);
    const factor = /factor ([\d.]+) based on/.exec(line);
    if (factor) return Number(factor[1]);
  }
  return null;
}

/** A full collection in the server, through its inspector (the server has no hook for it). */
async function collectGarbage(server: ServerProcess): Promise<void> {
  const url = server.output.map((l) => /Debugger listening on (ws:\/\/\S+)/.exec(l)?.[1]).find(Boolean);
  if (!url) throw new Error(`no inspector address in:\n${server.output.join('\n')}`);
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const done = new Promise((resolve) => ws.on('message', (data) => (JSON.parse(String(data)) as { id?: number }).id === 1 && resolve(null)));
  ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
  await done;
  ws.close();
}

async function factorAfterCollection(env: Record<string, string>): Promise<number | null> {
  const db = tempDatabase();
  let server: ServerProcess | undefined;
  try {
    server = startServerProcess(await freePort(), db.path, { HOST: '127.0.0.1', ...env }, ['--trace-gc-verbose', '--inspect=127.0.0.1:0']);
    await server.ready();
    const before = server.output.length;
    await collectGarbage(server);
    const until = Date.now() + 5000;
    while (lastFactor(server.output.slice(before)) === null && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return lastFactor(server.output.slice(before));
  } finally {
    await stopForGood(server);
    db.remove();
  }
}

describe('the started server', () => {
  let server: ServerProcess | undefined;
  afterEach(() => stopForGood(server));

  it('sets the next full collection at 1.3x what the last one left, and leaves V8 its own choice when off', async () => {
    expect(await factorAfterCollection({})).toBe(1.3);
    expect(await factorAfterCollection({ PODIUM_HEAP_GROWING_PERCENT: '50' })).toBe(1.5);
    // Off: V8's own factor, which is neither (4.0 after a normal collection on a machine with memory to spare,
    // 1.1 after this one, which asks V8 to shrink the heap).
    const own = await factorAfterCollection({ PODIUM_HEAP_GROWING_PERCENT: 'off' });
    expect(own).not.toBeNull();
    expect([1.3, 1.5]).not.toContain(own);
  }, 90_000);

  it('refuses to start on a setting it cannot use', async () => {
    const db = tempDatabase();
    try {
      server = startServerProcess(await freePort(), db.path, { HOST: '127.0.0.1', PODIUM_HEAP_GROWING_PERCENT: 'lots' });
      const exit = await server.exited;
      expect(exit.code).toBe(2);
      expect(server.output).toContainEqual(expect.stringMatching(/^podium: PODIUM_HEAP_GROWING_PERCENT must be a whole number/));
    } finally {
      db.remove();
    }
  }, 30_000);
});
