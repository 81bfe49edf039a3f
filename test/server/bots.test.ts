// The bots (npm run bots) against a real server (in-process, real clock), small enough for every test run, so they
// cannot rot. The server's seed is injected, which is what lets the oracle bots know solutions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type PodiumServer } from '../../server/app.ts';
import { systemClock, systemScheduler } from '../../server/clock.ts';
import { openStore, type SqliteStore } from '../../server/store.ts';
import type { FinalResults } from '../../shared/protocol.ts';
import { botSettings, createHostedRoom, runGame } from '../../scripts/bots/host-bot.ts';
import { seedOracle } from '../../scripts/bots/oracle.ts';
import { seatsIn, startSwarm, type Swarm } from '../../scripts/bots/swarm.ts';
import type { BotOutcome } from '../../scripts/bots/player-bot.ts';

const SEED = 'bench-smoke';
let dir: string;
let store: SqliteStore;
let server: PodiumServer;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'podium-smoke-'));
  store = openStore(join(dir, 'smoke.db'));
  server = createServer({ clock: systemClock, scheduler: systemScheduler(), store, teacher: store.teacher, newSeed: () => SEED, log: () => {} });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Played {
  swarms: Swarm[];
  outcomes: BotOutcome[];
  results: FinalResults;
}

/** 25 bots that know each solution (oracle, accuracy 1) and 25 that always answer wrong, two short rounds. */
async function playSmokeGame(): Promise<Played> {
  const host = await createHostedRoom(url, botSettings(2, 10));
  const common = { url, thinkMs: [0, 200] as const, rand: Math.random, oracle: seedOracle(() => SEED), concurrency: 25 };
  const swarms = [
    await startSwarm({ ...common, seats: seatsIn(host.code, 'sure-', 25), accuracy: 1 }),
    await startSwarm({ ...common, seats: seatsIn(host.code, 'wrong-', 25), accuracy: 0 }),
  ];
  const results = await runGame(host, { pauseMs: 50, phaseTimeoutMs: 15_000 });
  const outcomes = await Promise.all(swarms.flatMap((s) => s.bots.map((b) => b.outcome)));
  host.socket.close();
  return { swarms, outcomes, results };
}

describe('bots against a live server', () => {
  let played: Played;
  beforeAll(async () => {
    played = await playSmokeGame();
  }, 20_000);

  it('joins 50 players and plays the game to the end with none lost', () => {
    expect(played.swarms.flatMap((s) => s.failed)).toEqual([]);
    expect(played.outcomes.filter((o) => o.status !== 'finished')).toEqual([]);
    expect(played.results.players).toHaveLength(50);
    expect(played.results.rounds).toHaveLength(2);
  });

  it('has every answer accepted in its round', () => {
    const records = played.swarms.flatMap((s) => s.bots.flatMap((b) => b.records));
    expect(records).toHaveLength(100);
    expect(records.filter((r) => r.takenAt === null || r.error !== null)).toEqual([]);
  });

  it('gets every round right with the oracle and never with accuracy 0', () => {
    const correct = (prefix: string): number[] => played.results.players.filter((p) => p.name.startsWith(prefix)).map((p) => p.correct);
    expect(correct('sure-')).toEqual(Array.from({ length: 25 }, () => 2));
    expect(correct('wrong-').reduce((a, b) => a + b, 0)).toBeLessThan(10);
  });
});
