// SIGTERM of one node of three (a rolling update, a pod deleted): it drains (saves, gives its rooms' leases up,
// tells its clients to reconnect) and exits 0; its players reconnect through nginx to the other nodes and rejoin;
// the room it owned is taken over at once and goes on, as does a room owned elsewhere; both games finish with exact
// scores and are stored once.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { eventually, type Cluster, type ClusterNode } from '../../infra/cluster.ts';
import { nodeOf } from '../../infra/node-of.ts';
import {
  hostRoom, joinPlayer, singleChoiceSettings, type FaultHost, type FaultPlayer,
} from '../faults/resilient-client.ts';
import { gamesStored, ownerOf, clusterForThisFile, settled, sleep, within, finishedExactly } from './cluster-game.ts';

const ROUNDS = 3;
let cluster: Cluster;
let redis: Redis;
const closers: { close(): void }[] = [];

clusterForThisFile((c, r) => {
  cluster = c;
  redis = r;
}, closers);

interface Game {
  host: FaultHost;
  players: FaultPlayer[];
}

async function game(count: number, offset: number): Promise<Game> {
  const host = await hostRoom(cluster.url, { ...singleChoiceSettings(ROUNDS), secondsPerRound: 60 });
  closers.push(host.socket);
  const players: FaultPlayer[] = [];
  for (let index = offset; index < offset + count; index++) {
    // Everyone holds round 2 until the node is gone.
    const p = await joinPlayer(cluster.url, host.code, { index, hold: (round) => round === 2 });
    closers.push(p.socket);
    players.push(p);
  }
  return { host, players };
}

const finishes = (g: Game): Promise<unknown> => finishedExactly(g.host, g.players, ROUNDS);

describe('SIGTERM of one node', () => {
  it('moves its players to the other nodes, hands its room over, and every room goes on', async () => {
    const a = await game(6, 0);
    const owner = (await ownerOf(cluster, redis, a.host.code))!;
    expect(owner).not.toBeNull();
    // A second room owned by another node: make rooms until one is (nginx decides where each host lands).
    let b: Game | null = null;
    for (let tries = 0; tries < 6 && !b; tries++) {
      const g = await game(4, 100 + tries * 10);
      if ((await ownerOf(cluster, redis, g.host.code))?.id !== owner.id) b = g;
    }
    expect(b, 'a room owned by another node').not.toBeNull();
    const games = [a, b!];
    for (const g of games) await g.host.start();
    await eventually('round 2 open in both rooms', () => (games.every((g) => g.host.views.some((v) => v.phase === 'question' && v.round === 2)) ? true : undefined), 30_000);

    const clients = games.flatMap((g) => [g.host.socket, ...g.players.map((p) => p.socket)]);
    const onIt = clients.filter((s) => nodeOf(s) === owner.id);
    expect(onIt.length, 'clients on the node that is stopped').toBeGreaterThan(0);
    const stoppedAt = performance.now();
    const exit = await owner.terminate();
    expect(exit.code).toBe(0);
    expect(owner.output()).toMatch(/drained in \d+ ms/);

    // Every client that was on it is connected elsewhere, and the room it owned has a new owner.
    await eventually('its clients reconnected to the other nodes', () => (onIt.every((s) => s.connected && nodeOf(s) !== owner.id) ? true : undefined), 30_000);
    const successor: ClusterNode | null = await eventually('room A taken over', async () => {
      const o = await ownerOf(cluster, redis, a.host.code);
      return o && o.id !== owner.id ? o : undefined;
    }, 30_000);
    expect(successor!.running()).toBe(true);
    const players = games.flatMap((g) => g.players);
    await settled(games.flatMap((g) => [g.host, ...g.players]), performance.now());
    console.log(`SIGTERM of ${owner.id}: ${onIt.length} client(s) moved; room taken over by ${successor!.id} within ${Math.round(performance.now() - stoppedAt)} ms of the signal`);

    for (const p of players) p.release(2);
    await Promise.all(games.map(finishes));
    for (const g of games) await eventually(`game ${g.host.code} stored`, async () => ((await gamesStored(cluster, g.host.code)) >= 1 ? true : undefined));
    await sleep(1000);
    for (const g of games) expect(await gamesStored(cluster, g.host.code)).toBe(1);
  }, 150_000);
});
