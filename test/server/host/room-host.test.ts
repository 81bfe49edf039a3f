// The room's owner and the outbox without sockets: a recording transport and the in-memory store. What is checked
// is what clients would see, in wire order — and what they must not see (a change that is not on disk).
import { describe, expect, it } from 'vitest';
import { createRoom, restoreRoom, timing, viewForPlayer, type Result } from '../../../shared/room/index.ts';
import type { Ack } from '../../../shared/protocol.ts';
import { memoryLiveRooms } from '../../../server/live-store.ts';
import { FLUSH_MS, FULL_TURN, MAX_STEPS, SEND_SLICE } from '../../../server/outbox.ts';
import { isEach, type Outgoing } from '../../../server/outgoing.ts';
import { RETRY_MS, type Request } from '../../../server/room-host.ts';
import { createRooms } from '../../../server/rooms.ts';
import { hashToken, protectToken } from '../../../server/tokens.ts';
import { noIdentity } from '../../../server/types.ts';
import { refuse, type EventName } from '../../../server/validated.ts';
import { answersFor, fakeTime, SEED, settings } from '../harness.ts';
import { recordingTransport } from './recording-transport.ts';

const CODE = 'ABCDEF';
/** Past the outbox's batch window: whatever was queued is committed and sent. The window's timer is armed at the
 *  end of the turn (setImmediate), so this waits for that first: on a busy machine a wait armed earlier could
 *  otherwise fall due before the window's own timer. */
const settle = async (): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, FLUSH_MS + 5));
};
/** Past every timer due now: the outbox flushes what timers made once they have all run (holdForTimers). */
const afterTimers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const okOrRefused = (result: Result): Ack<null> => (result.ok ? { ok: true, data: null } : refuse(result.error));

function setup(s = settings({ rounds: 1 }), flushMs?: number) {
  const time = fakeTime();
  const store = memoryLiveRooms();
  const transport = recordingTransport();
  const logged: string[] = [];
  const rooms = createRooms({ clock: time.clock, scheduler: time.scheduler, store, transport, log: (m) => logged.push(m), ...(flushMs === undefined ? {} : { flushMs }) });
  const room = rooms.open(createRoom({ code: CODE, seed: SEED, hostToken: hashToken('host-token'), settings: s, now: time.now() }));
  const request = (socketId: string, event: EventName): Request<null> => ({ socketId, event, ack: transport.ackFor(socketId, event), reply: okOrRefused });
  room.attachHost(request('host', 'room:create'));
  const join = (id: string, socketId = id) =>
    room.dispatch({ type: 'join', playerId: id, token: protectToken(`${id}.secret`), name: id, now: time.now() }, request(socketId, 'room:join'));
  const start = () => room.dispatch({ type: 'start', actor: { role: 'host' }, now: time.now() }, request('host', 'host:start'));
  const answer = (id: string, right = true) => {
    const { solution, wrong } = answersFor(s, room.state.round);
    return room.dispatch({ type: 'answer', playerId: id, round: room.state.round, answer: right ? solution : wrong, now: time.now() }, request(id, 'answer:submit'));
  };
  /** What went out since the last call, host panels left out (they are throttled, so their timing is not the point). */
  const heard = (): string[] => {
    const lines = transport.lines().filter((l) => !l.includes('host:status'));
    transport.sent.length = 0;
    return lines;
  };
  return { time, store, transport, rooms, room, s, join, start, answer, heard, logged, request };
}

describe('RoomHost and the outbox', () => {
  it("acks every answer of the batch before the reveal, the closing player's included, then each player's result", async () => {
    const t = setup();
    t.join('ana');
    t.join('ben');
    t.start();
    await settle();
    t.heard();
    t.answer('ana');
    const closing = t.answer('ben');
    // The step is data: the reveal, the results (one item for the room, a message per player) and the ack, in the
    // order the room made them.
    const described = (o: Outgoing): string[] => isEach(o)
      ? [`${o.event} each ${o.to.each}`, ...Array.from({ length: o.count }, (_, i) => described(o.message(i)!)).flat()]
      : [`${o.event} ${'ack' in o.to ? 'ack' : 'room' in o.to ? o.to.room : o.to.socket}`];
    expect(closing.out.flatMap(described))
      .toEqual(['room:state ABCDEF', 'me:state each ABCDEF', 'me:state ana', 'me:state ben', 'answer:submit ack']);
    expect(t.transport.sent).toEqual([]);
    await settle();
    expect(t.heard()).toEqual([
      'ack ana answer:submit ok', 'ack ben answer:submit ok', 'broadcast ABCDEF room:state reveal', 'send ana me:state', 'send ben me:state',
    ]);
  });

  it('sends nothing about a change before it is committed, not even a panel', () => {
    const t = setup();
    t.join('ana');
    t.join('ben');
    // Synchronously after the dispatches: only the create's ack, which was committed before (open saves the room).
    expect(t.transport.lines()).toEqual([]);
    expect(t.store.commits).toHaveLength(1);
  });

  it('refuses the whole batch when the commit fails: state back to the saved one, joins unbound, nothing else sent', async () => {
    const t = setup();
    t.join('ana');
    t.join('ben');
    t.start();
    await settle();
    t.heard();
    const before = t.room.state;
    t.store.failing = true;
    t.answer('ana');
    t.answer('ben');
    t.join('cy');
    // Bound at once (the socket's next event sees who it is)…
    expect(t.transport.identityOf('cy')).toMatchObject({ role: 'player', playerId: 'cy' });
    await settle();
    expect(t.heard()).toEqual(['ack ana answer:submit internal_error', 'ack ben answer:submit internal_error', 'ack cy room:join internal_error']);
    expect(t.room.state).toBe(before);
    // …and unbound when its commit failed.
    expect(t.transport.identityOf('cy')).toEqual(noIdentity());
    expect(t.transport.rooms('cy')).toEqual([]);
    expect(t.room.socketOf('cy')).toBeUndefined();
    expect(t.logged).toContain('could not save 1 room(s)');
    t.store.failing = false;
    t.answer('ana');
    await settle();
    expect(t.heard()).toEqual(['ack ana answer:submit ok']);
  });

  it('gives a displaced socket its seat back when the rejoin that replaced it could not be saved', async () => {
    const t = setup();
    t.join('ana');
    await settle();
    t.heard();
    t.store.failing = true;
    t.room.dispatch({ type: 'rejoin', token: protectToken('ana.secret'), now: t.time.now() }, t.request('ana-tab-2', 'room:rejoin'));
    expect(t.transport.identityOf('ana')).toEqual(noIdentity());
    await settle();
    // The old socket was never told it was replaced, and speaks for Ana again.
    expect(t.heard()).toEqual(['ack ana-tab-2 room:rejoin internal_error']);
    expect(t.transport.identityOf('ana')).toEqual({ roomCode: CODE, role: 'player', playerId: 'ana' });
    expect(t.transport.rooms('ana')).toEqual([CODE]);
    expect(t.transport.identityOf('ana-tab-2')).toEqual(noIdentity());
    expect(t.room.socketOf('ana')).toBe('ana');
  });

  it('closes a round at its deadline on the clock, and retries a deadline it could not save', async () => {
    const t = setup(settings({ rounds: 2 }));
    t.join('ana');
    t.join('ben');
    t.start();
    await settle();
    t.answer('ana');
    await settle();
    t.heard();
    t.store.failing = true;
    t.time.advance(t.s.secondsPerRound * 1000);
    // Nothing is told before the timers' batch is flushed, and then nothing either: the save failed.
    expect(t.heard()).toEqual([]);
    await afterTimers();
    expect(t.room.state.phase).toBe('question');
    expect(t.heard()).toEqual([]);
    t.store.failing = false;
    t.time.advance(RETRY_MS);
    await afterTimers();
    expect(t.room.state.phase).toBe('reveal');
    // A tick has no ack to wait for: flushed as soon as the timers due have run.
    expect(t.heard()).toEqual(['broadcast ABCDEF room:state reveal', 'send ana me:state', 'send ben me:state']);
  });

  it(`saves a burst in slices of ${MAX_STEPS} changes, each followed by its own acks`, async () => {
    const t = setup();
    const acksAtCommit: number[] = [];
    const commit = t.store.commit.bind(t.store);
    t.store.commit = (rows) => {
      acksAtCommit.push(t.transport.sent.filter((s) => s.kind === 'ack' && s.event === 'room:join').length);
      commit(rows);
    };
    // One callback per join, as socket.io delivers them: microtasks run between callbacks.
    for (let i = 0; i < MAX_STEPS * 2 + 10; i++) {
      t.join(`p${i}`);
      await Promise.resolve();
    }
    await settle();
    expect(acksAtCommit).toEqual([0, MAX_STEPS, MAX_STEPS * 2]);
    expect(t.transport.sent.filter((s) => s.kind === 'ack' && s.event === 'room:join')).toHaveLength(MAX_STEPS * 2 + 10);
  });

  it(`keeps a batch open for its window (${FLUSH_MS} ms by default), so answers arriving in separate turns share one commit`, async () => {
    // A wide window here: with the real 5 ms one, a busy machine could let it lapse between two turns.
    const WINDOW_MS = 250;
    const t = setup(settings({ rounds: 1 }), WINDOW_MS);
    for (const id of ['ana', 'ben', 'cy']) t.join(id);
    t.start();
    await settle();
    t.heard();
    const commits = t.store.commits.length;
    t.answer('ana');
    await new Promise((resolve) => setImmediate(resolve));
    t.answer('ben');
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.heard()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 50));
    expect(t.store.commits.length).toBe(commits + 1);
    expect(t.heard()).toEqual(['ack ana answer:submit ok', 'ack ben answer:submit ok']);
  });

  it(`commits a turn of ${FULL_TURN} changes or more at its end, without waiting`, async () => {
    const t = setup();
    const commits = t.store.commits.length;
    for (let i = 0; i < FULL_TURN; i++) t.join(`p${i}`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.store.commits.length).toBe(commits + 1);
    expect(t.transport.sent.filter((s) => s.kind === 'ack' && s.event === 'room:join')).toHaveLength(FULL_TURN);
  });

  it('keeps rows a restart restores to the same room', async () => {
    const t = setup();
    t.join('ana');
    t.join('ben');
    t.start();
    t.answer('ana', false);
    await settle();
    const [saved] = t.store.load();
    const restored = restoreRoom(saved!, t.time.now());
    expect(restored.phase).toBe('question');
    expect(restored.playerCount).toBe(2);
    expect(restored.answered).toBe(1);
  });

  it('closes rooms whose deadlines fall together in one commit, every reveal ahead of their per-player results', async () => {
    const t = setup();
    const other = t.rooms.open(createRoom({ code: 'GHIJKL', seed: SEED, hostToken: hashToken('host-2'), settings: t.s, now: t.time.now() }));
    other.attachHost(t.request('host2', 'room:create'));
    for (const id of ['ana', 'ben']) t.join(id);
    for (const id of ['cat', 'dan']) other.dispatch({ type: 'join', playerId: id, token: protectToken(`${id}.secret`), name: id, now: t.time.now() }, t.request(id, 'room:join'));
    t.start();
    other.dispatch({ type: 'start', actor: { role: 'host' }, now: t.time.now() }, t.request('host2', 'host:start'));
    await settle();
    t.heard();
    const commits = t.store.commits.length;
    t.time.advance(t.s.secondsPerRound * 1000);
    await afterTimers();
    expect([t.room.state.phase, other.state.phase]).toEqual(['reveal', 'reveal']);
    expect(t.store.commits.length).toBe(commits + 1);
    expect(t.store.commits.at(-1)!.map((c) => c.code).sort()).toEqual(['ABCDEF', 'GHIJKL']);
    expect(t.heard()).toEqual([
      'broadcast ABCDEF room:state reveal', 'broadcast GHIJKL room:state reveal',
      'send ana me:state', 'send ben me:state', 'send cat me:state', 'send dan me:state',
    ]);
  });

  it('commits questions opened in the same turn together, at its end, without waiting for the window', async () => {
    const t = setup();
    const other = t.rooms.open(createRoom({ code: 'GHIJKL', seed: SEED, hostToken: hashToken('host-2'), settings: t.s, now: t.time.now() }));
    other.attachHost(t.request('host2', 'room:create'));
    t.join('ana');
    other.dispatch({ type: 'join', playerId: 'cat', token: protectToken('cat.secret'), name: 'cat', now: t.time.now() }, t.request('cat', 'room:join'));
    await settle();
    t.heard();
    const commits = t.store.commits.length;
    // Two hosts' messages read in one turn, as socket.io reads sockets that are ready together.
    t.start();
    other.dispatch({ type: 'start', actor: { role: 'host' }, now: t.time.now() }, t.request('host2', 'host:start'));
    await Promise.resolve();
    expect(t.heard()).toEqual([]);
    await afterTimers();
    expect(t.store.commits.length).toBe(commits + 1);
    expect(t.store.commits.at(-1)!.map((c) => c.code).sort()).toEqual(['ABCDEF', 'GHIJKL']);
    expect(t.heard()).toEqual([
      'ack host host:start ok', 'ack host2 host:start ok', 'broadcast ABCDEF room:state question', 'broadcast GHIJKL room:state question',
    ]);
  });

  it(`sends at most ${SEND_SLICE} messages a turn (a reveal's results counted one by one), the rest on the next turns and before anything queued later`, async () => {
    const t = setup(settings({ rounds: 2 }));
    const players = Array.from({ length: SEND_SLICE + 10 }, (_, i) => `p${i}`);
    for (const id of players) t.join(id);
    t.start();
    await settle();
    t.heard();
    // Everyone but the last answers; the last answer closes the round: its ack, the reveal, a result per player.
    for (const id of players.slice(0, -1)) t.answer(id);
    await settle();
    t.heard();
    t.answer(players.at(-1)!);
    t.rooms.flush();
    const revealed = t.room.state;
    const first = t.transport.sent.length;
    const firstLines = t.heard();
    expect(first).toBe(SEND_SLICE);
    expect(firstLines.slice(0, 2)).toEqual([`ack ${players.at(-1)} answer:submit ok`, 'broadcast ABCDEF room:state reveal']);
    // Queued after the backlog (nothing to save): it waits for the rest of the results.
    t.rooms.outbox.reply({ to: { ack: t.transport.ackFor('host', 'host:results') }, event: 'host:results', payload: { ok: false, error: 'wrong_phase' } });
    expect(t.heard()).toEqual([]);
    // The room moves on before the rest is sent: each result still says what the reveal's state says.
    t.room.dispatch({ type: 'next', actor: { role: 'host' }, phase: 'reveal', round: 1, now: t.time.now() }, null);
    expect(t.room.state.phase).toBe('leaderboard');
    await afterTimers();
    for (const m of t.transport.sent) if (m.kind === 'send' && m.event === 'me:state') expect(m.payload).toEqual(viewForPlayer(revealed, m.socket));
    const rest = t.heard().filter((l) => !l.includes('room:state leaderboard'));
    expect(rest).toHaveLength(players.length + 2 - SEND_SLICE + 1);
    expect(rest.at(-1)).toBe('ack host host:results wrong_phase');
    expect(rest.slice(0, -1).every((l) => l.endsWith('me:state'))).toBe(true);
  });

  it('drops an idle room and tells everyone bound to it', async () => {
    const t = setup();
    t.join('ana');
    await settle();
    t.heard();
    t.time.advance(timing.idleMs + 1000);
    expect(t.rooms.has(CODE)).toBe(false);
    expect(t.store.load()).toEqual([]);
    await afterTimers();
    expect(t.heard()).toEqual(['send ana room:closed', 'send host room:closed']);
    expect(t.transport.identityOf('ana')).toEqual(noIdentity());
  });

  it('keeps an idle room that had activity since its timer was armed, and drops it idle from its last activity', async () => {
    const t = setup();
    t.join('ana');
    await settle();
    t.time.advance(timing.idleMs / 2);
    // Joins move the idle deadline later; the timer armed for the earlier one stays and finds nothing due.
    t.join('ben');
    t.join('cy');
    await settle();
    t.heard();
    t.time.advance(timing.idleMs / 2 + 1000);
    expect(t.rooms.has(CODE)).toBe(true);
    await afterTimers();
    expect(t.heard().filter((l) => l.includes('room:closed'))).toEqual([]);
    expect(t.store.load().map((r) => r.players.length)).toEqual([3]);
    t.time.advance(timing.idleMs / 2 - 2000);
    expect(t.rooms.has(CODE)).toBe(true);
    t.time.advance(2000);
    expect(t.rooms.has(CODE)).toBe(false);
    await afterTimers();
    expect(t.heard().sort()).toEqual(['send ana room:closed', 'send ben room:closed', 'send cy room:closed', 'send host room:closed']);
  });
});
