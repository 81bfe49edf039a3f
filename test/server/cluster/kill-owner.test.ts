// kill -9 of a room's owner in the middle of a round (issue 13's failover): another node takes the lease, loads
// the room from Redis and carries on; the clients whose sockets were on the dead node reconnect through nginx to
// another node and rejoin with their tokens; every acknowledged answer, score and streak is intact, the round goes
// on, and the game is stored once. The time until everyone is back is measured and printed; the assertion is only
// functional (back while the round is still open), since CI runs on a busy 2-core machine.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { RoomView } from '../../../shared/protocol.ts';
import { eventually, type Cluster } from '../../infra/cluster.ts';
import { nodeOf } from '../../infra/node-of.ts';
import {
  hostRoom, joinPlayer, singleChoiceSettings, type FaultPlayer, type Return,
} from '../faults/resilient-client.ts';
import { expectedStreak, gamesStored, ownerOf, clusterForThisFile, settled, sleep, within, finishedExactly } from './cluster-game.ts';

const ROUNDS = 3;
let cluster: Cluster;
let redis: Redis;
const closers: { close(): void }[] = [];

clusterForThisFile((c, r) => {
  cluster = c;
  redis = r;
}, closers);

const firstAfter = (returns: readonly Return[], t: number): Return | undefined => returns.find((r) => r.backAt > t);

describe('kill -9 of the owner mid-round', () => {
  it('brings everyone back on the other nodes with every acknowledged answer, score and streak, and stores the game once', async () => {
    // 60 s rounds: the functional bound below is "back while round 2 is still open".
    const host = await hostRoom(cluster.url, { ...singleChoiceSettings(ROUNDS), secondsPerRound: 60 });
    closers.push(host.socket);
    const players: FaultPlayer[] = [];
    for (let index = 0; index < 9; index++) {
      // Odd players hold their round-2 answer until after the kill.
      const p = await joinPlayer(cluster.url, host.code, { index, hold: (round) => round === 2 && index % 2 === 1 });
      closers.push(p.socket);
      players.push(p);
    }
    let revealedTwoAt: number | null = null;
    host.socket.on('room:state', (view: RoomView) => {
      if (view.phase === 'reveal' && view.round === 2) revealedTwoAt ??= performance.now();
    });
    await host.start();
    // Round 2 open, the even players' answers acknowledged.
    const early = players.filter((_, i) => i % 2 === 0);
    await eventually('the even players answered round 2', () => (early.every((p) => p.answers.has(2)) ? true : undefined), 30_000);

    const owner = await ownerOf(cluster, redis, host.code);
    expect(owner).not.toBeNull();
    const onOwner = players.filter((p) => nodeOf(p.socket) === owner!.id);
    const elsewhere = players.filter((p) => nodeOf(p.socket) !== owner!.id);
    const hostOnOwner = nodeOf(host.socket) === owner!.id;
    expect(onOwner.length + (hostOnOwner ? 1 : 0), 'someone is connected to the owner').toBeGreaterThan(0);
    const heldElsewhere = elsewhere.find((p) => !p.answers.has(2));
    expect(heldElsewhere, 'a player on another node still has to answer').toBeDefined();
    const before = new Map(players.map((p) => [p.name, { score: p.me!.score, streak: p.me!.streak, answer: p.answers.get(2) ?? null }]));

    const killedAt = performance.now();
    await owner!.kill();
    // A player on a surviving node answers at once: it is served once the room has its new owner.
    heldElsewhere!.release(2);
    const dropped = [...onOwner.map((p) => ({ name: p.name, returns: p.returns })), ...(hostOnOwner ? [{ name: 'host', returns: host.returns }] : [])];
    await eventually('everyone on the killed node rejoined', () => (dropped.every((d) => firstAfter(d.returns, killedAt)) ? true : undefined), 40_000);
    // Polled every 50 ms: from the kill until that player's answer was acknowledged (after retries, if any).
    const answeredMs = await eventually('the answer from a surviving node acknowledged', () => (heldElsewhere!.answers.has(2) ? performance.now() - killedAt : undefined), 40_000);
    const rejoinedMs = dropped.map((d) => firstAfter(d.returns, killedAt)!.backAt - killedAt);
    const backMs = Math.max(...rejoinedMs);
    console.log(`kill -9 of the owner (${owner!.id}): ${dropped.length} client(s) on it rejoined within ${Math.round(backMs)} ms `
      + `(each: ${rejoinedMs.map((m) => Math.round(m)).join(', ')} ms); an answer sent from another node at the kill acked after ${Math.round(answeredMs)} ms `
      + `(everyone served within ${Math.round(Math.max(backMs, answeredMs))} ms; target 5000 ms)`);

    // The functional bound: everyone was back while round 2 was still open (it had 60 s).
    expect(revealedTwoAt).toBeNull();
    const successor = await ownerOf(cluster, redis, host.code);
    expect(successor?.id).not.toBe(owner!.id);
    expect(successor?.running()).toBe(true);
    // Moved off the dead node, and back with what they had.
    for (const p of onOwner) {
      expect(nodeOf(p.socket), p.name).not.toBe(owner!.id);
      const back = firstAfter(p.returns, killedAt)!;
      const had = before.get(p.name)!;
      expect(back.me?.score, p.name).toBe(had.score);
      expect(back.me?.streak, p.name).toBe(had.streak);
      if (had.answer !== null) expect(back.me?.answer?.answer, `${p.name}'s acked answer`).toBe(had.answer);
    }

    await settled([host, ...players], performance.now());
    for (const p of players) p.release(2);
    const { solutions } = await finishedExactly(host, players, ROUNDS);
    for (const p of players) expect(p.me?.streak, p.name).toBe(expectedStreak(p, solutions, ROUNDS));
    await eventually('the game stored', async () => ((await gamesStored(cluster, host.code)) >= 1 ? true : undefined));
    await sleep(1000);
    expect(await gamesStored(cluster, host.code)).toBe(1);
  }, 150_000);
});
