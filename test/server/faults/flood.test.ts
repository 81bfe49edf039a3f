// One socket floods the server as fast as it can while an honest game runs. Rounds alternate, flood off and on,
// so both figures come from the same seconds on a shared machine and its other load falls on both alike.
import { fork, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from './server-process.ts';
import { expectedScore, hostRoom, joinPlayer, singleChoiceSettings } from './resilient-client.ts';

const ROUNDS = 50;
const PLAYERS = 12;

let server: ServerProcess | undefined;
let flooder: ChildProcess | undefined;
const db = tempDatabase();

afterAll(async () => {
  flooder?.kill('SIGKILL');
  await stopForGood(server);
  db.remove();
});

interface FloodCounts {
  sent: number;
  refused: number;
  acked: number;
  disconnects: number;
  refusedConnections: number;
}

function startFlooder(url: string): Promise<ChildProcess> {
  const child = fork('test/server/faults/flooder.ts', [url], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => (m === 'connected' ? resolve(child) : reject(new Error(String(m)))));
    child.once('exit', () => reject(new Error('flooder exited')));
  });
}

const report = (child: ChildProcess): Promise<FloodCounts> =>
  new Promise((resolve) => {
    const listener = (m: unknown): void => {
      if (typeof m !== 'object') return;
      child.off('message', listener);
      resolve(m as FloodCounts);
    };
    child.on('message', listener);
    child.send('report');
  });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Odd rounds quiet, even rounds flooded. */
const flooded = (round: number): boolean => round % 2 === 0;

describe('a flooding socket', () => {
  it('is refused or cut off, and the honest players\' answers stay about as fast', async () => {
    const port = await freePort();
    server = startServerProcess(port, db.path);
    await server.ready();
    const child = (flooder = await startFlooder(server.url));
    const host = await hostRoom(server.url, singleChoiceSettings(ROUNDS), 5);
    const players = await Promise.all(Array.from({ length: PLAYERS }, (_, index) => joinPlayer(server!.url, host.code, { index })));
    // The flood for round r+1 is switched at round r's reveal, so it is running before the question opens.
    host.socket.on('room:state', (view) => {
      if (view.phase === 'reveal') child.send(flooded(view.round + 1) ? 'start' : 'stop');
    });
    await host.start();
    const results = await host.results;
    child.send('stop');
    const counts = await report(child);

    const samples = players.flatMap((p) => p.latencies);
    const quiet = samples.filter((s) => !flooded(s.round)).map((s) => s.ms);
    const loud = samples.filter((s) => flooded(s.round)).map((s) => s.ms);
    // Each flooded round against the quiet round just before it, then the median of those ratios: a burst of
    // other load on this shared machine skews one pair, not the figure.
    const pairRatios = Array.from({ length: ROUNDS / 2 }, (_, k) => {
      const inRound = (r: number) => samples.filter((s) => s.round === r).map((s) => s.ms);
      const [q, l] = [inRound(2 * k + 1), inRound(2 * k + 2)];
      return q.length && l.length ? median(l) / median(q) : null;
    }).filter((r): r is number => r !== null);
    const ratio = median(pairRatios);
    console.log(
      `[faults] flood: ${counts.sent} events sent by one socket, ${counts.refused} refused with rate_limited, ` +
        `${counts.disconnects} disconnects, ${counts.refusedConnections} reconnections refused; honest answer ack median ${median(quiet).toFixed(2)} ms unloaded vs ` +
        `${median(loud).toFixed(2)} ms under flood (${quiet.length} + ${loud.length} answers): ratio of medians ${(median(loud) / median(quiet)).toFixed(2)}, ` +
        `median of ${pairRatios.length} round-pair ratios ${ratio.toFixed(2)}`,
    );
    expect(counts.sent).toBeGreaterThan(1000);
    expect(counts.refused + counts.disconnects).toBeGreaterThan(0);
    expect(counts.acked).toBeLessThan(counts.sent / 2);
    expect(results.players.map((p) => [p.name, p.score]).sort()).toEqual(players.map((p) => [p.name, expectedScore(p)]).sort());
    expect(quiet.length).toBeGreaterThanOrEqual(ROUNDS * PLAYERS * 0.4);
    expect(ratio).toBeLessThanOrEqual(1.2);
    for (const p of [host.socket, ...players.map((x) => x.socket)]) p.close();
  }, 60_000);
});
