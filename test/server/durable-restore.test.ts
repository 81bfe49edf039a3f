// Restarts in one process: a server on a fake clock is abandoned mid-game (its database closed first, as a crash
// would leave it) and a new one opens the same file. Real sockets rejoin with their tokens.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { io as connectClient } from 'socket.io-client';
import { createServer, type PodiumServer } from '../../server/app.ts';
import { openStore, type Store } from '../../server/store.ts';
import type { Created, FinalResults, Joined, Rejoined, RoomView } from '../../shared/protocol.ts';
import { answersFor, call, fakeTime, ok, settings, SEED, waitFor, type Client } from './harness.ts';

/** Past every timer due now: what the timers made is committed once they have all run (outbox.ts holdForTimers). */
const afterTimers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Booted {
  server: PodiumServer;
  store: Store;
  url: string;
}

let dir: string;
let dbPath: string;
let time: ReturnType<typeof fakeTime>;
const running: Booted[] = [];
const sockets: Client[] = [];

async function boot(wrap: (s: Store) => Store = (s) => s): Promise<Booted> {
  const store = openStore(dbPath);
  const server = createServer({ clock: time.clock, scheduler: time.scheduler, store: wrap(store), teacher: store.teacher, newSeed: () => SEED, log: () => {} });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const booted = { server, store, url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}` };
  running.push(booted);
  return booted;
}

/** What kill -9 leaves: nothing more reaches the database, and every socket drops without a goodbye. */
async function crash(b: Booted): Promise<void> {
  b.store.close();
  b.server.rooms.closeAll();
  await b.server.io.close();
}

async function connect(b: Booted): Promise<Client> {
  const socket: Client = connectClient(b.url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  await waitFor(socket, 'connect');
  return socket;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'podium-durable-'));
  dbPath = join(dir, 'podium.db');
  time = fakeTime();
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const b of running.splice(0)) {
    if (b.store.ready()) await b.server.close().catch(() => {});
    b.store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

interface Setup {
  code: string;
  hostToken: string;
  players: Joined[];
}

/** Host + Ana, Ben, Cy; round 1 played (Ana right, Ben wrong, Cy silent); round 2 open, Ana answered right. */
async function midGame(b: Booted, s = settings({ rounds: 2 })): Promise<Setup> {
  const host = await connect(b);
  const created = await ok<Created>(call(host, 'room:create', { settings: s }));
  const players: Joined[] = [];
  const socketsOf: Client[] = [];
  for (const name of ['Ana', 'Ben', 'Cy']) {
    const socket = await connect(b);
    socketsOf.push(socket);
    players.push(await ok<Joined>(call(socket, 'room:join', { code: created.code, name })));
  }
  await ok(call(host, 'host:start', {}));
  const r1 = answersFor(s, 1);
  await ok(call(socketsOf[0]!, 'answer:submit', { round: 1, answer: r1.solution }));
  await ok(call(socketsOf[1]!, 'answer:submit', { round: 1, answer: r1.wrong }));
  time.advance(s.secondsPerRound * 1000);
  await ok(call(host, 'host:next', { phase: 'reveal', round: 1 }));
  await ok(call(host, 'host:next', { phase: 'leaderboard', round: 1 }));
  await ok(call(socketsOf[0]!, 'answer:submit', { round: 2, answer: answersFor(s, 2).solution }));
  return { code: created.code, hostToken: created.hostToken, players };
}

async function rejoin(b: Booted, code: string, token: string): Promise<{ socket: Client; back: Rejoined }> {
  const socket = await connect(b);
  return { socket, back: await ok<Rejoined>(call(socket, 'room:rejoin', { code, token })) };
}

function gamesIn(code: string): number {
  const db = new Database(dbPath, { readonly: true });
  const row = db.prepare('SELECT COUNT(*) AS n FROM games WHERE code = ?').get(code) as { n: number };
  db.close();
  return row.n;
}

describe('a room across a crash', () => {
  it('comes back with every player\'s score, streak and this round\'s answer, and the host in charge', async () => {
    const first = await boot();
    const game = await midGame(first);
    await crash(first);
    const second = await boot();
    expect(second.server.restored).toBe(1);
    const ana = await rejoin(second, game.code, game.players[0]!.playerToken);
    const ben = await rejoin(second, game.code, game.players[1]!.playerToken);
    const s = settings({ rounds: 2 });
    expect(ana.back).toMatchObject({ role: 'player', me: { name: 'Ana', score: 1000, streak: 1, rank: 1, answer: { round: 2, answer: answersFor(s, 2).solution } }, view: { phase: 'question', round: 2 } });
    expect(ben.back).toMatchObject({ role: 'player', me: { name: 'Ben', score: 0, streak: 0, rank: 2, answer: null } });
    expect(await call(ana.socket, 'answer:submit', { round: 2, answer: answersFor(s, 2).solution })).toEqual({ ok: false, error: 'already_answered' });
    const host = await rejoin(second, game.code, game.hostToken);
    expect(host.back).toMatchObject({ role: 'host', view: { phase: 'question', round: 2 } });
    await ok(call(ben.socket, 'answer:submit', { round: 2, answer: answersFor(s, 2).wrong }));
    time.advance(20_000);
    const results = waitFor<FinalResults>(host.socket, 'host:results');
    await ok(call(host.socket, 'host:next', { phase: 'reveal', round: 2 }));
    expect((await results).players.map((p) => [p.name, p.score])).toEqual([['Ana', 2100], ['Ben', 0], ['Cy', 0]]);
    expect(gamesIn(game.code)).toBe(1);
  });

  it('keeps the round\'s absolute deadline: still open before it, closed and revealed at once after it', async () => {
    const first = await boot();
    const game = await midGame(first);
    const deadline = first.server.rooms.get(game.code)!.state.question!.deadline;
    await crash(first);
    time.jump(deadline - time.now() - 5000);
    const second = await boot();
    time.advance(0);
    expect(second.server.rooms.get(game.code)!.state.phase).toBe('question');
    time.advance(5000);
    // The deadline's close is committed once the timers due have run (the outbox's timer batch).
    await afterTimers();
    expect(second.server.rooms.get(game.code)!.state.phase).toBe('reveal');
    await crash(second);
    const third = await boot();
    expect(third.server.rooms.get(game.code)!.state.phase).toBe('reveal');
    const ana = await rejoin(third, game.code, game.players[0]!.playerToken);
    expect(ana.back).toMatchObject({ me: { score: 2100, streak: 2, lastResult: { round: 2, correct: true } }, view: { phase: 'reveal', round: 2 } });
  });

  it('closes a round whose deadline passed while the server was down as soon as it starts', async () => {
    const first = await boot();
    const game = await midGame(first);
    await crash(first);
    time.jump(60_000);
    const second = await boot();
    time.advance(0);
    expect(second.server.rooms.get(game.code)!.state).toMatchObject({ phase: 'reveal', round: 2 });
  });

  it('treats players who are not back within the grace as away, so the round waits only for those present', async () => {
    const first = await boot();
    const game = await midGame(first);
    await crash(first);
    const second = await boot();
    const room = (): { connectedCount: number; pending: number; host: { connected: boolean } } => second.server.rooms.get(game.code)!.state;
    expect(room()).toMatchObject({ connectedCount: 3, pending: 2 });
    const ben = await rejoin(second, game.code, game.players[1]!.playerToken);
    time.advance(10_000);
    expect(room()).toMatchObject({ connectedCount: 1, pending: 1, host: { connected: false } });
    const reveal = waitFor<RoomView>(ben.socket, 'room:state', (v) => v.phase === 'reveal');
    await ok(call(ben.socket, 'answer:submit', { round: 2, answer: answersFor(settings({ rounds: 2 }), 2).wrong }));
    expect(await reveal).toMatchObject({ holding: true });
  });

  it('stores a finished game once, however many times the server restarts', async () => {
    const first = await boot();
    const game = await midGame(first);
    const host = await rejoin(first, game.code, game.hostToken);
    await ok(call(host.socket, 'host:end', {}));
    await crash(first);
    for (let i = 0; i < 2; i++) await crash(await boot());
    const last = await boot();
    expect(last.server.rooms.get(game.code)!.state.phase).toBe('finished');
    const again = await rejoin(last, game.code, game.hostToken);
    expect(again.back).toMatchObject({ role: 'host', view: { phase: 'finished' } });
    expect(gamesIn(game.code)).toBe(1);
    const csv = await fetch(`${last.url}/api/rooms/${game.code}/results.csv`, { headers: { authorization: `Bearer ${game.hostToken}` } });
    expect(csv.status).toBe(200);
  });

  it('forgets a finished room once it has been idle for 30 minutes', async () => {
    const first = await boot();
    const game = await midGame(first);
    const host = await rejoin(first, game.code, game.hostToken);
    await ok(call(host.socket, 'host:end', {}));
    await crash(first);
    time.jump(31 * 60_000);
    const second = await boot();
    expect(second.server.restored).toBe(0);
    expect(gamesIn(game.code)).toBe(1);
  });
});

describe('saving', () => {
  it('never writes a token in the clear', async () => {
    const first = await boot();
    const game = await midGame(first);
    await crash(first);
    const bytes = ['', '-wal'].map((suffix) => { try { return readFileSync(dbPath + suffix).toString('latin1'); } catch { return ''; } }).join('');
    expect(bytes).toContain(game.code);
    for (const token of [game.hostToken, ...game.players.map((p) => p.playerToken)]) {
      expect(bytes).not.toContain(token);
      expect(bytes).not.toContain(token.split('.').at(-1));
    }
  });

  it('refuses an answer it could not save and leaves the room as it was', async () => {
    let failing = false;
    const first = await boot((store) => ({
      ...store,
      saveRoom: (prev, next, results) => {
        if (failing) throw new Error('disk full');
        store.saveRoom(prev, next, results);
      },
    }));
    const host = await connect(first);
    const created = await ok<Created>(call(host, 'room:create', { settings: settings() }));
    const ana = await connect(first);
    await ok<Joined>(call(ana, 'room:join', { code: created.code, name: 'Ana' }));
    await ok(call(host, 'host:start', {}));
    failing = true;
    const before = first.server.rooms.get(created.code)!.state;
    expect(await call(ana, 'answer:submit', { round: 1, answer: answersFor(settings(), 1).solution })).toEqual({ ok: false, error: 'internal_error' });
    expect(first.server.rooms.get(created.code)!.state).toBe(before);
    failing = false;
    expect(await call(ana, 'answer:submit', { round: 1, answer: answersFor(settings(), 1).solution })).toMatchObject({ ok: true });
  });

  it('retries a deadline it could not save instead of skipping it', async () => {
    let failing = false;
    const first = await boot((store) => ({ ...store, saveRoom: (p, n, r) => (failing ? (() => { throw new Error('busy'); })() : store.saveRoom(p, n, r)) }));
    const host = await connect(first);
    const created = await ok<Created>(call(host, 'room:create', { settings: settings() }));
    const ana = await connect(first);
    await ok<Joined>(call(ana, 'room:join', { code: created.code, name: 'Ana' }));
    await ok(call(host, 'host:start', {}));
    failing = true;
    time.advance(20_000);
    await afterTimers();
    expect(first.server.rooms.get(created.code)!.state.phase).toBe('question');
    failing = false;
    time.advance(1000);
    await afterTimers();
    expect(first.server.rooms.get(created.code)!.state.phase).toBe('reveal');
  });
});
