// A paused owner (SIGSTOP: a long GC, a VM migration) past its lease, then woken (SIGCONT): while it sleeps another
// node takes the room and serves the players on the other nodes; once it wakes it cannot write (its fencing token is
// no longer the newest), so the state in Redis stays the successor's, and every answer anyone was told was taken
// counts in the end. The host and one player sit on the paused node (straight to it, not through nginx, so it is
// the owner); the other players on the two other nodes.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { eventually, type Cluster, type ClusterNode } from '../../infra/cluster.ts';
import { expectedScore, hostRoom, joinPlayer, revealedSolutions, singleChoiceSettings, type FaultPlayer } from '../faults/resilient-client.ts';
import { gamesStored, leaseOf, ownerOf, clusterForThisFile, sleep, within } from './cluster-game.ts';

const ROUNDS = 3;
let cluster: Cluster;
let redis: Redis;
const closers: { close(): void }[] = [];

clusterForThisFile((c, r) => {
  cluster = c;
  redis = r;
}, closers);

describe('an owner paused past its lease', () => {
  it('is fenced when it wakes: the successor\'s state stays, and every acknowledged answer counts', async () => {
    const [a, b, c] = cluster.nodes as [ClusterNode, ClusterNode, ClusterNode];
    const host = await hostRoom(a.url, { ...singleChoiceSettings(ROUNDS), secondsPerRound: 60 });
    closers.push(host.socket);
    expect((await ownerOf(cluster, redis, host.code))?.id).toBe(a.id);
    const hold = (round: number): boolean => round === 2;
    const players: FaultPlayer[] = [];
    for (const [index, node] of [b, b, c, c, a].entries()) {
      const p = await joinPlayer(node.url, host.code, { index, hold });
      closers.push(p.socket);
      players.push(p);
    }
    const [sleeper] = players.slice(4);
    const awake = players.slice(0, 4);
    await host.start();
    await eventually('round 2 open', () => (host.views.some((v) => v.phase === 'question' && v.round === 2) ? true : undefined), 30_000);
    const first = (await leaseOf(redis, host.code))!;

    a.pause();
    try {
      // Past the lease: another node holds the room, with a newer token.
      const taken = await eventually('another node took the room', async () => {
        const l = await leaseOf(redis, host.code);
        return l && !l.holder.startsWith(a.id) ? l : undefined;
      }, 30_000);
      expect(taken.token).toBeGreaterThan(first.token);
      // The players on the other nodes are served by the successor meanwhile; the one on the paused node answers
      // too (its event waits in the paused process's socket).
      for (const p of [...awake, sleeper!]) p.release(2);
      await eventually('the awake players\' answers acknowledged', () => (awake.every((p) => p.answers.has(2)) ? true : undefined), 40_000);
      const saved = await redis.hgetall(`podium:room:{${host.code}}`);
      expect(Object.keys(saved).filter((k) => k.startsWith('s:') && k.endsWith(':2'))).toHaveLength(4);
    } finally {
      a.resume();
    }
    // Awake again, with its timers and the paused socket's events: it finds the lease gone and sets the room down
    // (whatever it tried to write was refused by the fence), so the state in Redis is the successor's.
    await eventually('the woken node set the room down', () => (a.output().includes(`room ${host.code} set down on ${a.id}`) ? true : undefined), 15_000);
    await sleep(1000);
    const after = (await leaseOf(redis, host.code))!;
    expect(after.holder.startsWith(a.id), 'the woken node did not take the room back').toBe(false);
    expect(Number(await redis.get(`podium:fence:{${host.code}}`))).toBe(after.token);
    const saved = await redis.hgetall(`podium:room:{${host.code}}`);
    expect(Object.keys(saved).filter((k) => k.startsWith('s:') && k.endsWith(':2')).length).toBeGreaterThanOrEqual(4);

    // The game goes on (the host, still connected to the woken node, is served by the successor) and every answer
    // acknowledged to anyone counts.
    const results = await within(host.results, 90_000, 'the game finished');
    await within(Promise.all(players.map((p) => p.finished)), 15_000, 'every player saw the podium');
    const solutions = revealedSolutions(host, players);
    for (const p of players) {
      const entry = results.players.find((r) => r.name === p.name)!;
      for (const [round, answer] of p.answers) {
        expect(entry.rounds.find((r) => r.round === round)?.answer, `${p.name} round ${round}`).toBe(answer);
      }
      expect(entry.score, p.name).toBe(expectedScore(p, solutions, entry.rounds));
    }
    for (const p of awake) expect([...p.answers.keys()].sort(), p.name).toEqual([1, 2, 3]);
    await eventually('the game stored', async () => ((await gamesStored(cluster, host.code)) >= 1 ? true : undefined));
    await sleep(1000);
    expect(await gamesStored(cluster, host.code)).toBe(1);
  }, 150_000);
});
