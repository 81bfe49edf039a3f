// SIGTERM with clients that never answer: a raw WebSocket that stopped reading and a SIGSTOPped client process.
// The drain must end by itself (exit 0, not the watchdog's 1), release the database, and a new server must start
// on the same file right after. Times are printed; `npm run bench -- --faults` reports them.
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Created } from '../../../shared/protocol.ts';
import { freePort, isReady, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from './server-process.ts';
import { callOk, connect, singleChoiceSettings } from './resilient-client.ts';
import { frozenWebSocket } from './raw-websocket.ts';

const live: ServerProcess[] = [];
const children: ChildProcess[] = [];
const raw: Socket[] = [];
const db = tempDatabase();

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const s of raw) s.destroy();
  await Promise.all(live.map(stopForGood));
  db.remove();
});

function frozenProcess(url: string, code: string): Promise<ChildProcess> {
  const child = fork('test/server/faults/frozen-client.ts', [url, code, 'Sleepy'], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', (m) => (m === 'joined' ? resolve(child) : reject(new Error(String(m)))));
    child.once('exit', () => reject(new Error('frozen client exited')));
  });
}

describe('SIGTERM with frozen clients', () => {
  it('tells clients at once, exits 0 by itself, and a new server starts on the same file right after', async () => {
    const port = await freePort();
    const first = startServerProcess(port, db.path);
    live.push(first);
    await first.ready();
    const host = connect(first.url);
    const created = await callOk<Created>(host, 'room:create', { settings: singleChoiceSettings(3) });
    const sleeper = await frozenProcess(first.url, created.code);
    raw.push(await frozenWebSocket(port));
    sleeper.kill('SIGSTOP');

    let toldAt: number | null = null;
    let droppedAt: number | null = null;
    host.on('server:restarting', () => void (toldAt ??= performance.now()));
    host.on('disconnect', () => void (droppedAt ??= performance.now()));
    host.io.reconnection(false);
    const signalledAt = performance.now();
    first.kill('SIGTERM');
    const notReady = (async () => {
      for (;;) {
        const ready = await isReady(first.url);
        if (ready !== true) return ready === false ? performance.now() : null;
      }
    })();
    const exit = await first.exited;
    const second = startServerProcess(port, db.path);
    live.push(second);
    await second.ready();
    const readyAgainAt = performance.now();
    const flip = await notReady;
    const ms = (x: number | null): string => (x === null ? 'never' : `${Math.round(x - signalledAt)} ms`);
    console.log(`[faults] drain with a frozen WebSocket and a SIGSTOPped client: exit ${exit.code} after ${ms(exit.at)}, /readyz 503 after ${ms(flip)}, server:restarting after ${ms(toldAt)}, host dropped after ${ms(droppedAt)}, new server ready after ${ms(readyAgainAt)}; log: ${first.output.filter((l) => l.includes('drained')).join(' ')}`);

    expect(exit.code).toBe(0);
    expect(first.output.join('\n')).not.toMatch(/did not finish in time/);
    // At once: the client heard it while its connection was still open, before the grace ended.
    expect(toldAt).not.toBeNull();
    expect(droppedAt).not.toBeNull();
    expect(toldAt!).toBeLessThan(droppedAt!);
    expect(flip).not.toBeNull();
    // The lock was released and the room was saved: the host's token works on the new server.
    const back = connect(second.url);
    expect(await callOk<{ role: string }>(back, 'room:rejoin', { code: created.code, token: created.hostToken })).toMatchObject({ role: 'host' });
    back.close();
    host.close();
  }, 60_000);
});
