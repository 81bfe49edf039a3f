// Three nodes in cluster mode behind nginx (deploy/nginx/podium.conf): the balancer spreads the host and the
// players over the nodes, and a whole game plays as on one node. Answers from players on other nodes reach the
// room's owner and are acknowledged, every broadcast reaches every player wherever their socket is, the scores and
// streaks are exact, no message carries an answer before the reveal, and the game is stored once in PostgreSQL.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { RoomView } from '../../../shared/protocol.ts';
import { eventually, type Cluster } from '../../infra/cluster.ts';
import { nodeOf } from '../../infra/node-of.ts';
import { hostRoom, joinPlayer, singleChoiceSettings, type FaultPlayer } from '../faults/resilient-client.ts';
import { expectedStreak, gamesStored, ownerOf, clusterForThisFile, sleep, watchForLeaks, finishedExactly } from './cluster-game.ts';

const ROUNDS = 3;
let cluster: Cluster;
let redis: Redis;
const closers: { close(): void }[] = [];

clusterForThisFile((c, r) => {
  cluster = c;
  redis = r;
}, closers);

describe('a game across three nodes', () => {
  it('plays with the host and the players on different nodes: forwarded answers, every broadcast to all, exact scores, nothing leaked', async () => {
    const host = await hostRoom(cluster.url, singleChoiceSettings(ROUNDS));
    closers.push(host.socket);
    const players: FaultPlayer[] = [];
    // One after another, so least_conn sees each connection and spreads them.
    for (let index = 0; index < 8; index++) {
      const p = await joinPlayer(cluster.url, host.code, { index });
      closers.push(p.socket);
      players.push(p);
    }
    const questions = new Map<string, Map<number, string>>();
    for (const p of [...players.map((x) => ({ name: x.name, socket: x.socket })), { name: 'host', socket: host.socket }]) {
      const seen = new Map<number, string>();
      questions.set(p.name, seen);
      p.socket.on('room:state', (view: RoomView) => {
        if (view.phase === 'question') seen.set(view.round, JSON.stringify(view.question));
      });
    }
    const watch = watchForLeaks(players.map((p) => p.socket));

    // Where everyone is: every node has someone, and most players are not on the room's owner.
    const owner = await ownerOf(cluster, redis, host.code);
    expect(owner, 'the room has an owner in Redis').not.toBeNull();
    const nodes = [nodeOf(host.socket), ...players.map((p) => nodeOf(p.socket))];
    expect(nodes.every((n) => typeof n === 'string' && n.startsWith('node-'))).toBe(true);
    expect(new Set(nodes).size).toBe(3);
    const remote = players.filter((p) => nodeOf(p.socket) !== owner!.id);
    expect(remote.length).toBeGreaterThanOrEqual(4);

    await host.start();
    // Every answer acknowledged, from the owner's node and from the others alike, and every score exact.
    const { results, solutions } = await finishedExactly(host, players, ROUNDS);
    for (const p of players) {
      expect(p.me?.score, p.name).toBe(results.players.find((r) => r.name === p.name)!.score);
      expect(p.me?.streak, p.name).toBe(expectedStreak(p, solutions, ROUNDS));
      // Each player saw every question, and the same question as the host (one broadcast, wherever they are).
      for (let r = 1; r <= ROUNDS; r++) expect(questions.get(p.name)!.get(r), `${p.name} round ${r}`).toBe(questions.get('host')!.get(r));
      expect(p.solutions.size, p.name).toBe(ROUNDS);
    }
    expect(results.players).toHaveLength(players.length);
    expect(watch.rounds()).toEqual(new Set([1, 2, 3]));
    expect(watch.leaks()).toEqual([]);
    // Nobody moved: the answers really crossed nodes.
    expect(remote.every((p) => p.returns.length === 0)).toBe(true);

    // Stored once in PostgreSQL, and not again a moment later.
    await eventually('the game stored', async () => ((await gamesStored(cluster, host.code)) >= 1 ? true : undefined));
    await sleep(1000);
    expect(await gamesStored(cluster, host.code)).toBe(1);
  }, 150_000);
});
