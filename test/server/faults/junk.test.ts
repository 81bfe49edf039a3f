// 50 sockets throw 20,000 junk events at a real server process while an honest game runs beside them.
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../shared/protocol.ts';
import { freePort, isReady, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from './server-process.ts';
import { answersTaken, connect, hostRoom, recordOf, joinPlayer, singleChoiceSettings, type Sock, scoresAsAnswered } from './resilient-client.ts';
import { junkEvents, type Junk } from './junk.ts';

const SOCKETS = 50;
const EVENTS = 20_000;
/** An ack that is not back by then is counted as dropped: long enough for a server busy with 20,000 events on a
 *  machine running other test files beside it (5 s was too short at load 12). Every acked event here is answered. */
const ACK_WAIT_MS = 15_000;

let server: ServerProcess | undefined;
const sockets: Sock[] = [];
const db = tempDatabase();

afterAll(async () => {
  for (const s of sockets) s.close();
  await stopForGood(server);
  db.remove();
});

type Outcome = { error: string } | { ok: true } | 'dropped';

function send(socket: Sock, junk: Junk): Promise<Outcome> {
  const raw = socket as unknown as { emit(...args: unknown[]): void; timeout(ms: number): { emit(...args: unknown[]): void } };
  if (junk.style === 'none') return (raw.emit(junk.event, junk.payload), Promise.resolve('dropped'));
  if (junk.style === 'late') return (raw.emit(junk.event, junk.payload, 'extra', () => {}), Promise.resolve('dropped'));
  return new Promise((resolve) => {
    raw.timeout(ACK_WAIT_MS).emit(junk.event, junk.payload, (err: unknown, ack: { ok: boolean; error?: string }) => {
      if (err) resolve('dropped');
      else resolve(ack.ok ? { ok: true } : { error: String(ack.error) });
    });
  });
}

const expectsAnswer = (j: Junk): boolean => j.kind === 'malformed' || j.kind === 'unauthorised';

/** One socket's share in bursts of 100, each sent at once; the next burst goes when the server has answered this
 *  one (what never gets an answer, unknown events, is left to time out meanwhile). Oversize frames end the
 *  connection, and with it any acks still on the way, so they go last, in a burst of their own. */
async function throwJunk(socket: Sock, share: Junk[]): Promise<{ junk: Junk; outcome: Outcome }[]> {
  const oversize = share.filter((j) => j.kind === 'oversize frame');
  const rest = share.filter((j) => j.kind !== 'oversize frame');
  const bursts = Array.from({ length: Math.ceil(rest.length / 100) }, (_, i) => rest.slice(i * 100, i * 100 + 100));
  const pending: Promise<{ junk: Junk; outcome: Outcome }>[] = [];
  for (const burst of [...bursts, oversize]) {
    const sent = burst.map((junk) => ({ junk, done: send(socket, junk).then((outcome) => ({ junk, outcome })) }));
    pending.push(...sent.map((x) => x.done));
    await Promise.all(sent.filter((x) => expectsAnswer(x.junk)).map((x) => x.done));
  }
  return Promise.all(pending);
}

function tally(outcomes: { junk: Junk; outcome: Outcome }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { outcome } of outcomes) {
    const key = outcome === 'dropped' ? 'dropped' : 'ok' in outcome ? 'ok' : outcome.error;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('junk from 50 sockets', () => {
  it('gets an error or is dropped, event by event, while the server stays up and an honest game scores right', async () => {
    const port = await freePort();
    server = startServerProcess(port, db.path, { PODIUM_RATE_LIMITS: 'off' });
    await server.ready();
    const junk = junkEvents(EVENTS, 6);
    const host = await hostRoom(server.url, singleChoiceSettings(5), 20);
    const players = await Promise.all(Array.from({ length: 10 }, (_, index) => joinPlayer(server!.url, host.code, { index })));
    for (let i = 0; i < SOCKETS; i++) sockets.push(connect(server.url));
    await Promise.all(sockets.map((s) => (s.connected ? null : new Promise((r) => s.once('connect', () => r(null))))));

    await host.start();
    const shares = sockets.map((_, i) => junk.filter((__, j) => j % SOCKETS === i));
    const [outcomes, results] = await Promise.all([Promise.all(sockets.map((s, i) => throwJunk(s, shares[i]!))), host.results]);

    const all = outcomes.flat();
    const counts = tally(all);
    const byKind = new Map<string, number>();
    for (const o of all) byKind.set(o.junk.kind, (byKind.get(o.junk.kind) ?? 0) + 1);
    const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`[faults] junk: ${all.length} events tried from ${SOCKETS} sockets (${kinds}); outcomes: ${JSON.stringify(counts)}`);

    expect(all).toHaveLength(EVENTS);
    expect(counts['ok']).toBeUndefined();
    expect(counts['internal_error']).toBeUndefined();
    const known = new Set<string>([...Object.values(ErrorCodes), 'dropped']);
    expect(Object.keys(counts).filter((k) => !known.has(k))).toEqual([]);
    const answered = all.filter((o) => expectsAnswer(o.junk));
    expect(answered.filter((o) => o.outcome === 'dropped')).toEqual([]);
    expect(all.filter((o) => o.junk.kind === 'malformed').every((o) => (o.outcome as { error: string }).error === 'invalid_payload')).toBe(true);
    expect(all.filter((o) => !answered.includes(o) && o.outcome !== 'dropped')).toEqual([]);
    expect(scoresAsAnswered(results, host, players)).toEqual([]);
    expect(players.map((p) => answersTaken(p, recordOf(results, p)).size)).toEqual(players.map(() => 5));
    expect(await isReady(server.url)).toBe(true);
    expect(server.child.exitCode).toBeNull();
    for (const p of [host.socket, ...players.map((x) => x.socket)]) p.close();
  }, 60_000);
});
