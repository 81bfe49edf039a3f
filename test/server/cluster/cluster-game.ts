// What the cluster scenarios (test/server/cluster/*.test.ts) read besides the clients: who owns a room (its lease
// in Redis, docs/operations.md "Cluster mode"), the room's saved hash, how often a game is stored in PostgreSQL,
// a watch for answer-like data before a reveal, and the streak a player should have.
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import type { FinalResults, RoomView } from '../../../shared/protocol.ts';
import { eventually, startCluster, type Cluster, type ClusterNode } from '../../infra/cluster.ts';
import { expectedScore, revealedSolutions, type FaultHost, type FaultPlayer, type Return, type Sock } from '../faults/resilient-client.ts';

export interface Lease {
  holder: string;
  token: number;
}

export function redisClient(cluster: Cluster): Redis {
  const client = new Redis(cluster.redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200, lazyConnect: false });
  // Redis is restarted on purpose in one scenario.
  client.on('error', () => {});
  return client;
}

/** One cluster for a test file: started before its tests (`ready` gets it and a Redis client), and after them the
 *  sockets in `closers`, the client and the cluster closed, so no process outlives the file. */
export function clusterForThisFile(ready: (cluster: Cluster, redis: Redis) => void, closers: readonly { close(): void }[]): void {
  let cluster: Cluster | undefined;
  let redis: Redis | undefined;
  beforeAll(async () => {
    cluster = await startCluster();
    redis = redisClient(cluster);
    ready(cluster, redis);
  }, 120_000);
  afterAll(async () => {
    for (const c of closers) c.close();
    redis?.disconnect();
    await cluster?.close();
  }, 60_000);
}

/** The room's lease: `podium:lease:{CODE}` = "holder:token". */
export async function leaseOf(redis: Redis, code: string): Promise<Lease | null> {
  const value = await redis.get(`podium:lease:{${code}}`);
  if (value === null) return null;
  const at = value.lastIndexOf(':');
  return { holder: value.slice(0, at), token: Number(value.slice(at + 1)) };
}

/** The node a holder name belongs to (a holder is the node id, possibly with a per-process suffix). */
export function nodeNamed(cluster: Cluster, holder: string): ClusterNode | null {
  const matches = cluster.nodes.filter((n) => holder === n.id || holder.startsWith(`${n.id}-`) || holder.startsWith(`${n.id}:`));
  return matches.sort((a, b) => b.id.length - a.id.length)[0] ?? null;
}

export async function ownerOf(cluster: Cluster, redis: Redis, code: string): Promise<ClusterNode | null> {
  const lease = await leaseOf(redis, code);
  return lease ? nodeNamed(cluster, lease.holder) : null;
}

/** Rows in PostgreSQL's games table for a room code: a game is stored once. */
export async function gamesStored(cluster: Cluster, code: string): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM games WHERE code = $1', [code])).rows[0]!.n;
  } finally {
    await client.end();
  }
}

const ANSWER_LIKE_KEY = /solution|correct|explanation|grade|expected|docUrl|distribution|reveal|points|streakBonus|lastResult/i;

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k, ...keysOf(v));
  return out;
}

/** Every message a socket gets while a question is open; `leaks()` lists those with answer-like keys (the same
 *  rule as test/server/leaks.test.ts), and the events seen per round. */
export function watchForLeaks(sockets: readonly Sock[]): { leaks(): string[]; rounds(): Set<number> } {
  const found: string[] = [];
  const rounds = new Set<number>();
  for (const socket of sockets) {
    let open = 0;
    socket.onAny((event: string, data: unknown) => {
      if (event === 'room:state') open = (data as RoomView).phase === 'question' ? (data as RoomView).round : 0;
      if (open === 0) return;
      rounds.add(open);
      const keys = keysOf(data).filter((k) => ANSWER_LIKE_KEY.test(k));
      if (keys.length) found.push(`${event} in round ${open}: ${keys.join(', ')}`);
    });
  }
  return { leaks: () => found, rounds: () => rounds };
}

/** Accuracy scoring: the run of right answers up to the last revealed round. */
export function expectedStreak(p: FaultPlayer, solutions: ReadonlyMap<number, string>, rounds: number): number {
  let streak = 0;
  for (let r = 1; r <= rounds; r++) streak = p.answers.get(r) !== undefined && p.answers.get(r) === solutions.get(r) ? streak + 1 : 0;
  return streak;
}

/** Waits until every client has rejoined and none has gone away for `quietMs`, counted from `since` at the
 *  earliest: after a takeover the new owner tells the room's sockets on every node to reconnect a moment after its
 *  lease is visible, so a client connected when the test saw the new owner may still be told to go. A round
 *  released before then can close while that client is away (the room closes it once everyone present answered). */
export async function settled(clients: readonly { away(): boolean; returns: readonly Return[] }[], since: number, quietMs = 1500): Promise<void> {
  await eventually('everyone rejoined and settled', () => {
    const now = performance.now();
    if (now < since + quietMs || clients.some((c) => c.away())) return undefined;
    const lastBack = Math.max(-Infinity, ...clients.map((c) => c.returns.at(-1)?.backAt ?? -Infinity));
    return now - lastBack >= quietMs ? true : undefined;
  }, 30_000);
}

/** Waits for the game's end (the host's results, every player's podium) and checks what every cluster scenario
 *  promises: each round revealed, every player's answer to each round acknowledged, each score what its answers
 *  earn. Returns the results and solutions for the scenario's own checks. */
export async function finishedExactly(host: FaultHost, players: readonly FaultPlayer[], rounds: number): Promise<{ results: FinalResults; solutions: Map<number, string> }> {
  const results = await within(host.results, 90_000, `game ${host.code} finished`);
  await within(Promise.all(players.map((p) => p.finished)), 10_000, 'every player saw the podium');
  const solutions = revealedSolutions(host, players);
  expect(solutions.size).toBe(rounds);
  const all = Array.from({ length: rounds }, (_, i) => i + 1);
  for (const p of players) {
    expect([...p.answers.keys()].sort(), `${p.name}: ${JSON.stringify(p.attempts)}; away in ${[...p.interrupted].join(',') || 'none'}`).toEqual(all);
    const entry = results.players.find((r) => r.name === p.name)!;
    expect(entry.score, p.name).toBe(expectedScore(p, solutions, entry.rounds));
  }
  return { results, solutions };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A promise that fails after `ms` with `what`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
