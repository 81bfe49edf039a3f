// Redis restarts in the middle of a round (a crash: kill -9, then started again on its append-only file, as
// test/infra/redis.ts runs it: appendonly yes, appendfsync everysec). What docs/operations.md ("Cluster mode")
// promises: nothing a client was told is lost (every answer acknowledged before the crash counts), events during
// the outage are refused with an error and change nothing (the clients try again), and once Redis is back the room
// goes on, finishes with exact scores and is stored once.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { eventually, type Cluster } from '../../infra/cluster.ts';
import { expectedScore, hostRoom, joinPlayer, revealedSolutions, singleChoiceSettings, type FaultPlayer } from '../faults/resilient-client.ts';
import { gamesStored, clusterForThisFile, sleep, within } from './cluster-game.ts';

const ROUNDS = 3;
let cluster: Cluster;
let redis: Redis;
const closers: { close(): void }[] = [];

clusterForThisFile((c, r) => {
  cluster = c;
  redis = r;
}, closers);

describe('a Redis restart mid-game', () => {
  it('keeps every acknowledged answer, and the game goes on once Redis is back', async () => {
    const host = await hostRoom(cluster.url, { ...singleChoiceSettings(ROUNDS), secondsPerRound: 60 });
    closers.push(host.socket);
    const players: FaultPlayer[] = [];
    for (let index = 0; index < 6; index++) {
      const p = await joinPlayer(cluster.url, host.code, { index, hold: (round) => round === 2 && index >= 3 });
      closers.push(p.socket);
      players.push(p);
    }
    await host.start();
    const early = players.slice(0, 3);
    await eventually('three players answered round 2', () => (early.every((p) => p.answers.has(2)) ? true : undefined), 30_000);
    const acked = new Map(early.map((p) => [p.name, p.answers.get(2)!]));
    const scores = new Map(players.map((p) => [p.name, p.me!.score]));

    const down = performance.now();
    await cluster.redis.stop('SIGKILL');
    // One player answers during the outage: refused with an error or taken, never taken and then lost.
    players[3]!.release(2);
    await sleep(1500);
    await cluster.redis.start();
    const upAt = performance.now();
    await eventually('the answer sent during the outage acknowledged', () => (players[3]!.answers.has(2) ? true : undefined), 40_000);
    console.log(`Redis down ${Math.round(upAt - down)} ms; an answer sent during the outage acked ${Math.round(performance.now() - upAt)} ms after Redis was back`);
    for (const p of players.slice(4)) p.release(2);

    const results = await within(host.results, 90_000, 'the game finished');
    await within(Promise.all(players.map((p) => p.finished)), 10_000, 'every player saw the podium');
    const solutions = revealedSolutions(host, players);
    expect(solutions.size).toBe(ROUNDS);
    for (const p of players) {
      expect([...p.answers.keys()].sort(), p.name).toEqual([1, 2, 3]);
      const entry = results.players.find((r) => r.name === p.name)!;
      // Round 1's score and the answers acked before the crash are in the final results.
      expect(entry.rounds.find((r) => r.round === 1)?.points, `${p.name}'s round 1`).toBe(scores.get(p.name));
      if (acked.has(p.name)) expect(entry.rounds.find((r) => r.round === 2)?.answer, `${p.name}'s acked answer`).toBe(acked.get(p.name));
      expect(entry.score, p.name).toBe(expectedScore(p, solutions, entry.rounds));
    }
    await eventually('the game stored', async () => ((await gamesStored(cluster, host.code)) >= 1 ? true : undefined));
    await sleep(1000);
    expect(await gamesStored(cluster, host.code)).toBe(1);
  }, 150_000);
});
