// A student's phone reconnecting while someone else on the same network was cut off for flooding: the phone brings
// its assignment token in the handshake (auth { code, token }, as the live players' phones do), so the address's
// slowdown of tokenless connections does not hold the student, and the progress is there when it rejoins.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import type { CreatedAssignment } from '../../shared/http-api.ts';
import type { HomeworkJoined, StudentView } from '../../shared/protocol.ts';
import { call, ok, startServer, T0, waitFor, type Client, type TestServer } from './harness.ts';
import { homeworkQuiz, solutionOf } from './homework.ts';

const KEY = 'test-facilitator-key-0123456789';
let t: TestServer;
const extra: Client[] = [];
beforeEach(async () => {
  // A polite rate of 5 events a second, so a flood is cut off after 15 (the clock is fake: the bucket never refills).
  t = await startServer({ eventsPerSecond: 5, eventBurst: 5, connectionsPerAddress: 1000, createsPerMinute: 1000, guessesPerSocket: 1000, guessesPerAddressPerMinute: 1000 }, { facilitatorKey: KEY });
});
afterEach(async () => {
  for (const c of extra.splice(0)) c.disconnect();
  await t.close();
});

/** A socket that may be refused at the handshake: resolves 'connected' or the refusal's message. */
function open(auth: object): Promise<{ socket: Client; outcome: string }> {
  const socket: Client = connectClient(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  extra.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket, outcome: 'connected' }));
    socket.once('connect_error', (e) => resolve({ socket, outcome: e.message }));
  });
}

describe('a homework student who reconnects', () => {
  it('passes the flood cooldown with the token and finds the progress intact', async () => {
    const quiz = homeworkQuiz();
    const res = await fetch(`${t.url}/api/assignments`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quiz, quizId: null, opensAt: T0, closesAt: T0 + 3600_000, scoring: 'accuracy' }),
    });
    const { code } = (await res.json()) as CreatedAssignment;
    const first = await t.connect();
    const { token } = await ok<HomeworkJoined>(call(first, 'hw:join', { code, name: 'Ana' }));
    await ok(call(first, 'hw:open', { round: 1 }));
    await ok(call(first, 'hw:answer', { round: 1, answer: solutionOf(quiz, 1) }));
    first.disconnect();

    // Someone on the same address floods and is cut off: the address now opens tokenless connections once a second.
    const flooder = await t.connect();
    const cut = waitFor(flooder, 'disconnect');
    const raw = flooder as unknown as { emit(event: string, payload: unknown): void };
    for (let i = 0; i < 40; i++) raw.emit('hw:recap', {});
    await cut;
    const outcomes = [(await open({})).outcome, (await open({})).outcome];
    expect(outcomes).toContain('rate_limited');
    // A wrong token is no token.
    expect((await open({ code, token: `${token.split('.')[0]}.forged` })).outcome).toBe('rate_limited');

    // The student's phone, with its token, is let in at once and picks up where it was.
    const back = await open({ code, token });
    expect(back.outcome).toBe('connected');
    const view = await ok<StudentView>(call(back.socket, 'hw:rejoin', { code, token }));
    expect(view.me).toMatchObject({ done: 1, next: 2, score: 1000 });
  });
});
