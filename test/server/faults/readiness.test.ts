// Readiness that means ready: /readyz is 503 while the database cannot be written (its file and WAL made immutable
// with chattr +i, as root) and 200 again once it can; /healthz stays 200 throughout. Skipped, saying why, where
// chattr cannot run (not root, or a filesystem without the immutable flag).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Created } from '../../../shared/protocol.ts';
import { freePort, isReady, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from './server-process.ts';
import { call, callOk, connect, singleChoiceSettings } from './resilient-client.ts';

const db = tempDatabase();
let server: ServerProcess | undefined;
const frozen: string[] = [];

function chattr(flag: '+i' | '-i', path: string): void {
  execFileSync('chattr', [flag, path], { stdio: 'pipe' });
}

/** Why chattr cannot be used here, or null when it can. */
function chattrUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not root';
  const probe = join(dirname(db.path), 'chattr-probe');
  try {
    writeFileSync(probe, 'x');
    chattr('+i', probe);
    chattr('-i', probe);
    return null;
  } catch (error) {
    return `chattr +i does not work on ${dirname(db.path)}: ${String(error).split('\n')[0]}`;
  }
}

const unavailable = chattrUnavailable();
if (unavailable) console.log(`[faults] readiness under an unwritable database SKIPPED: ${unavailable}`);

afterAll(async () => {
  for (const path of frozen) {
    try {
      chattr('-i', path);
    } catch {
      // already writable
    }
  }
  await stopForGood(server);
  db.remove();
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(ready: boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while ((await isReady(server!.url)) !== ready) {
    if (performance.now() - started > timeoutMs) throw new Error(`/readyz never became ${ready ? 200 : 503}`);
    await sleep(20);
  }
  return performance.now() - started;
}

describe.skipIf(unavailable !== null)('readiness and storage', () => {
  it('is 503 while the database file and its WAL are immutable, and 200 once they are writable again', async () => {
    server = startServerProcess(await freePort(), db.path, { PODIUM_STORAGE_PROBE_MS: '200' });
    await server.ready();
    const host = connect(server.url);
    await callOk<Created>(host, 'room:create', { settings: singleChoiceSettings(2) });
    for (const path of [db.path, `${db.path}-wal`, `${db.path}-journal`].filter((p) => existsSync(p))) {
      chattr('+i', path);
      frozen.push(path);
    }
    const toNotReady = await until(false, 20_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ready: false, reason: 'storage' });
    const other = connect(server.url);
    expect(await call(other, 'room:create', { settings: singleChoiceSettings(2) })).toEqual({ ok: false, error: 'internal_error' });
    for (const path of frozen.splice(0)) chattr('-i', path);
    const toReady = await until(true, 20_000);
    expect(await call(other, 'room:create', { settings: singleChoiceSettings(2) })).toMatchObject({ ok: true });
    console.log(`[faults] readiness: 503 ${Math.round(toNotReady)} ms after chattr +i (probe every 200 ms), 200 ${Math.round(toReady)} ms after chattr -i`);
    host.close();
    other.close();
  }, 60_000);
});
