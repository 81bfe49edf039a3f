// A real server on port 0 with a fake clock and scheduler, real socket.io-client sockets, and helpers to play.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connectClient, type Socket } from 'socket.io-client';
import { createServer, type PodiumServer, type ServerDeps } from '../../server/app.ts';
import type { Limits } from '../../server/context.ts';
import type { Clock, Scheduler } from '../../server/clock.ts';
import { openStore, type SqliteStore } from '../../server/store.ts';
import { openPostgresTeacherData } from '../../server/postgres/teacher-data.ts';
import type { ClientToServerEvents, ServerToClientEvents, RoomSettings, Ack } from '../../shared/protocol.ts';
import type { Answer } from '../../shared/puzzles/kind.ts';
import { kindById } from '../../shared/puzzles/index.ts';
import { roundPlan } from '../../shared/room/index.ts';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const T0 = 1_800_000_000_000;
export const SEED = 'test-seed';

/** Time moves only when a test says so; due timers run in order. */
export function fakeTime(start = T0) {
  let now = start;
  let timers: { at: number; fn: () => void; live: boolean }[] = [];
  const clock: Clock = { now: () => now };
  const scheduler: Scheduler = {
    at(at, fn) {
      const timer = { at, fn, live: true };
      timers.push(timer);
      return () => { timer.live = false; };
    },
  };
  /** Moves the clock forward, running every timer that falls due on the way. */
  function advance(ms: number): void {
    const target = now + ms;
    for (;;) {
      timers = timers.filter((t) => t.live);
      const due = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      now = Math.max(now, due.at);
      due.fn();
    }
    now = target;
  }
  /** Moves the clock without running timers (a timer that has not fired yet). */
  const jump = (ms: number): void => { now += ms; };
  return { clock, scheduler, advance, jump, now: () => now };
}

export interface TestServer {
  url: string;
  server: PodiumServer;
  store: SqliteStore;
  dbPath: string;
  time: ReturnType<typeof fakeTime>;
  clients: Client[];
  connect(): Promise<Client>;
  close(): Promise<void>;
}

const generous: Partial<Limits> = {
  eventsPerSecond: 100_000, eventBurst: 100_000, createsPerMinute: 100_000, joinsPerRoomPerMinute: 100_000,
  connectionsPerAddress: 100_000, guessesPerSocket: 100_000, guessesPerAddressPerMinute: 100_000,
};

/** `postgresUrl`: the teacher's data in that PostgreSQL (as with PODIUM_DATABASE_URL), else in the SQLite file. */
export async function startServer(limits: Partial<Limits> = generous, extra: Partial<ServerDeps> = {}, postgresUrl: string | null = null): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-test-'));
  const dbPath = join(dir, 'podium.db');
  const store = openStore(dbPath, { finishedGames: postgresUrl ? 'outbox' : 'here' });
  const teacher = postgresUrl ? await openPostgresTeacherData(postgresUrl, { outbox: store.outbox, log: () => {}, pollMs: 20 }) : store.teacher;
  const time = fakeTime();
  const server = createServer({ clock: time.clock, scheduler: time.scheduler, store, teacher, newSeed: () => SEED, limits, log: () => {}, ...extra });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const clients: Client[] = [];
  return {
    url, server, store, dbPath, time, clients,
    async connect() {
      const socket: Client = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      clients.push(socket);
      await waitFor(socket, 'connect');
      return socket;
    },
    async close() {
      for (const c of clients) c.disconnect();
      await server.close();
      await teacher.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Only catches a hang: a busy CI machine (load 10 on 2 cores) has been seen to take over 3 s for one ack. */
const HANG_MS = 15_000;

/** Resolves with the next `event` (that matches `accept`) on this socket. */
export function waitFor<T = unknown>(socket: Client, event: string, accept: (data: T) => boolean = () => true, timeoutMs = HANG_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${event}`)); }, timeoutMs);
    const listener = (data: T): void => {
      if (!accept(data)) return;
      off();
      resolve(data);
    };
    const raw = socket as unknown as { on(e: string, l: (d: T) => void): void; off(e: string, l: (d: T) => void): void };
    const off = (): void => { clearTimeout(timer); raw.off(event, listener); };
    raw.on(event, listener);
  });
}

/** Emits with an ack and returns it. */
export function call<T = unknown>(socket: Client, event: string, payload: unknown): Promise<Ack<T>> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<Ack<T>> } };
  return raw.timeout(HANG_MS).emitWithAck(event, payload);
}

export async function ok<T>(promise: Promise<Ack<T>>): Promise<T> {
  const ack = await promise;
  if (!ack.ok) throw new Error(`refused: ${ack.error}`);
  return ack.data;
}

export function settings(over: Partial<RoomSettings> = {}): RoomSettings {
  return {
    kinds: ['pod-phase', 'same-pod'], difficulty: 'easy', rounds: 2, secondsPerRound: 20, scoring: 'speed',
    teamMode: 'off', teamCount: 2, autoAdvance: false, ...over,
  };
}

/** The solution and a wrong answer of round `round`, regenerated from the seed the server was given. */
export function answersFor(s: RoomSettings, round: number): { solution: Answer; wrong: Answer } {
  const plan = roundPlan(SEED, s, round);
  const kind = kindById(plan.kind);
  const puzzle = kind.generate(plan.seed, plan.difficulty);
  const solution = kind.solve(puzzle);
  const view = kind.publicView(puzzle);
  if (view.format === 'single') return { solution, wrong: view.options.find((o) => o.id !== solution)!.id };
  if (view.format === 'number') return { solution, wrong: (solution as number) * 3 + 100 };
  return { solution, wrong: [...(solution as string[])].reverse() };
}
