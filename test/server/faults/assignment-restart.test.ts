// An assignment survives kill -9: the server process dies with three students at different points (one finished a
// round, one has a question open, one just joined) and is started again on the same database. Every student's
// progress is intact, the open question keeps its timer, and each resumes with their token.
import { afterAll, describe, expect, it } from 'vitest';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HomeworkJoined, ServerToClientEvents, StudentView } from '../../../shared/protocol.ts';
import type { CreatedAssignment } from '../../../shared/http-api.ts';
import type { AssignmentProgress } from '../../../shared/assignment/index.ts';
import { freePort, startServerProcess, stopForGood, tempDatabase, type ServerProcess } from './server-process.ts';
import { homeworkQuiz, solutionOf } from '../homework.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const KEY = 'fault-test-facilitator-key-0123';
const live: ServerProcess[] = [];
const sockets: Client[] = [];
const db = tempDatabase();
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all(live.map(stopForGood));
  db.remove();
});

function start(port: number): ServerProcess {
  const server = startServerProcess(port, db.path, { PODIUM_FACILITATOR_KEY: KEY });
  live.push(server);
  return server;
}

async function connect(url: string): Promise<Client> {
  const socket: Client = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('connect_error', reject); });
  return socket;
}

async function ask<T>(socket: Client, event: string, payload: unknown): Promise<T> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; data: T; error?: string }> } };
  const ack = await raw.timeout(5000).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error}`);
  return ack.data;
}

const progress = async (url: string, id: string): Promise<AssignmentProgress> =>
  (await (await fetch(`${url}/api/assignments/${id}`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as AssignmentProgress;

describe('the facilitator link at start-up', () => {
  it('is printed once with the key generated into the data directory, and opens the API', async () => {
    const own = tempDatabase();
    const server = startServerProcess(await freePort(), own.path);
    live.push(server);
    try {
      await server.ready();
      const line = server.output.find((l) => l.includes('Facilitator link'));
      const key = decodeURIComponent(/#\/games\?key=([^\s"]+)/.exec(line ?? '')?.[1] ?? '');
      expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await fetch(`${server.url}/api/games`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      expect((await fetch(`${server.url}/api/games`)).status).toBe(401);
    } finally {
      await stopForGood(server);
      own.remove();
    }
  });
});

describe('an assignment and kill -9', () => {
  it('keeps every student’s progress, and each student resumes where they were', async () => {
    const port = await freePort();
    const first = start(port);
    await first.ready();
    const quiz = homeworkQuiz();
    const now = Date.now();
    const res = await fetch(`${first.url}/api/assignments`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ quiz, quizId: null, opensAt: now, closesAt: now + 3600_000, scoring: 'accuracy' }),
    });
    const made = (await res.json()) as CreatedAssignment;
    const tokens: Record<string, string> = {};
    const views: Record<string, StudentView> = {};
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const socket = await connect(first.url);
      const joined = await ask<HomeworkJoined>(socket, 'hw:join', { code: made.code, name });
      tokens[name] = joined.token;
      if (name === 'Ana') {
        await ask(socket, 'hw:open', { round: 1 });
        views[name] = await ask<StudentView>(socket, 'hw:answer', { round: 1, answer: solutionOf(quiz, 1) });
      } else if (name === 'Ben') {
        views[name] = await ask<StudentView>(socket, 'hw:open', { round: 1 });
      } else views[name] = joined.view;
    }
    const before = await progress(first.url, made.id);

    first.kill('SIGKILL');
    await first.exited;
    const second = start(port);
    await second.ready();

    const after = await progress(second.url, made.id);
    const shape = (p: AssignmentProgress) => p.students.map((s) => [s.name, s.done, s.score, s.current, s.scores]);
    expect(shape(after)).toEqual(shape(before));
    expect(shape(after)).toEqual([['Ana', 1, 1000, null, [1, null, null]], ['Ben', 0, 0, 1, [null, null, null]], ['Cy', 0, 0, null, [null, null, null]]]);
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const socket = await connect(second.url);
      const back = await ask<StudentView>(socket, 'hw:rejoin', { code: made.code, token: tokens[name] });
      expect(back.me).toEqual(views[name]!.me);
      expect(back.question).toEqual(views[name]!.question);
      if (name === 'Ben') {
        // His open question: same round, same deadline; he can still answer it.
        const done = await ask<StudentView>(socket, 'hw:answer', { round: 1, answer: solutionOf(quiz, 1) });
        expect(done.me).toMatchObject({ done: 1, score: 1000, next: 2 });
      }
    }
  });
});
