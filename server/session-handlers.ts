// Who a socket is: create a room (host), join (player), rejoin with a token, leave, and dropping out.
import { CreateRoom, Empty, JoinRoom, RejoinRoom, type Ack, type Created, type ErrorCode, type Joined, type Rejoined, type Waiting } from '../shared/protocol.ts';
import { createRoom, roomCodeFrom, viewForHost, viewForPlayer, viewForRoom, type Result } from '../shared/room/index.ts';
import { kindsOf, planOfQuiz } from '../shared/quiz/index.ts';
import type { HandlerContext } from './context.ts';
import type { AckTo, Step } from './outgoing.ts';
import type { Origin } from './origin.ts';
import { answerOf, whenDone } from './room-calls.ts';
import type { RoomHost } from './room-host.ts';
import { RoomCodeTaken } from './cluster/room-directory.ts';
import { hashToken, protectToken } from './tokens.ts';
import { ACKED, refuse, type Acked, type Routes } from './validated.ts';
import { addressOf, type GameSocket } from './types.ts';

const joinUrlOf = (ctx: HandlerContext, code: string): string => `${ctx.publicUrl}/join/${code}`;

async function freshCode(ctx: HandlerContext): Promise<string | null> {
  for (let i = 0; i < 20; i++) {
    const code = roomCodeFrom(ctx.randomBytes(16));
    if (code !== null && !ctx.assignments.has(code) && !(await ctx.directory.exists(code))) return code;
  }
  return null;
}

async function create(ctx: HandlerContext, socket: GameSocket, p: CreateRoom, ack: AckTo<Created>): Promise<Ack<Created> | Acked> {
  if (socket.data.role !== null) return refuse('already_joined');
  if (ctx.isDraining()) return refuse('server_draining');
  if (!(await ctx.creates.take(addressOf(socket)))) return refuse('rate_limited');
  if (socket.data.role !== null) return refuse('already_joined');
  const code = await freshCode(ctx);
  if (code === null) return refuse('internal_error');
  const now = ctx.clock.now();
  const hostToken = ctx.newId();
  // A room made from a quiz plays exactly its rounds: the settings say so (docs/protocol.md, "Quizzes").
  const quiz = p.quiz ?? null;
  const settings = quiz ? { ...p.settings, kinds: kindsOf(quiz.rounds), rounds: quiz.rounds.length } : p.settings;
  const plan = quiz ? planOfQuiz(quiz.rounds) : [];
  // Listed on the Games page before anyone can join, so the game is never missing from it.
  await ctx.library.recordGame({
    id: ctx.newId(), mode: 'live', code, ownerHash: hashToken(hostToken), quizId: quiz?.id ?? null, quizName: quiz?.name ?? null,
    createdAt: now, opensAt: null, closesAt: null,
  });
  if (socket.data.role !== null) return refuse('already_joined');
  // Saved (in cluster mode: leased, listed and written to Redis) before anyone can join it. A code another node
  // took meanwhile is internal_error, like a taken code always was; a store that refused throws as before.
  let room: RoomHost;
  try {
    room = await ctx.directory.open(createRoom({ code, seed: ctx.newSeed(), hostToken: hashToken(hostToken), settings, now, plan }));
  } catch (error) {
    if (error instanceof RoomCodeTaken) return refuse('internal_error');
    throw error;
  }
  // The socket may have joined a room while this one was being saved (cluster mode awaits Redis here).
  if (socket.data.role !== null) return refuse('already_joined');
  ctx.guesses.know(addressOf(socket), code, now);
  room.attachHost({
    socketId: socket.id, event: 'room:create', ack,
    reply: (_, r) => ({ ok: true, data: { code, hostToken, joinUrl: joinUrlOf(ctx, code), view: viewForRoom(r.state, now) } }),
  });
  return ACKED;
}

const isMiss = (error: ErrorCode): boolean => error === 'room_not_found' || error === 'unknown_token';

/** What a room:join carries to the room: the client's payload, and whether the room's join rate let it through
 *  (counted at the socket's node, where the limits are). */
type JoinCall = JoinRoom & { paced: boolean };

/** Limits first (guessing for a room this address is not in; the room's join rate), then one synchronous step. */
async function join(ctx: HandlerContext, socket: GameSocket, p: JoinRoom, ack: AckTo<Joined | Waiting>): Promise<Ack<Joined | Waiting> | Acked> {
  if (socket.data.role !== null) return refuse('already_joined');
  const address = addressOf(socket);
  const guess = !ctx.guesses.isKnown(address, p.code, ctx.clock.now());
  if (guess && !(await ctx.guesses.take(socket.id, address))) return refuse('too_many_attempts');
  const exists = ctx.calls.exists(p.code);
  const present = exists instanceof Promise ? await exists : exists;
  const paced = present ? await ctx.joinsPerRoom.take(p.code) : true;
  if (socket.data.role !== null) return refuse('already_joined');
  const call: JoinCall = { ...p, paced };
  return whenDone(ctx.calls.call(p.code, 'room:join', ctx.origin(socket), call, ack), async ({ answer, error }) => {
    if (error !== null && error !== 'room_busy' && present) void ctx.joinsPerRoom.refund(p.code).catch(() => {});
    if (error === null || !isMiss(error)) {
      ctx.guesses.know(address, p.code, ctx.clock.now());
      if (guess) await ctx.guesses.refund(socket.id, address);
    }
    return answer;
  });
}

function joinReply(playerToken: string, playerId: string, now: number) {
  return (result: Result, room: RoomHost): Ack<Joined | Waiting> => {
    if (!result.ok) return refuse(result.error, result.suggestion);
    const waiting = room.state.waiting.find((w) => w.id === playerId);
    if (waiting) return { ok: true, data: { waiting: true, playerToken, code: room.code, name: waiting.name } };
    return { ok: true, data: { playerToken, me: viewForPlayer(room.state, playerId)!, view: viewForRoom(room.state, now) } };
  };
}

function joinNow(ctx: HandlerContext, room: RoomHost, origin: Origin, p: JoinCall, ack: AckTo<Joined | Waiting>): Ack<Joined | Waiting> | Step {
  if (!p.paced) return refuse('room_busy');
  const playerId = ctx.newId();
  const playerToken = `${playerId}.${ctx.newId()}`;
  const now = ctx.clock.now();
  const event = { type: 'join', playerId, token: protectToken(playerToken), name: p.name, team: p.team, now } as const;
  return room.dispatch(event, { socketId: origin.socketId, event: 'room:join', ack, reply: joinReply(playerToken, playerId, now) });
}

/** A valid token is never refused by the guessing limits; a miss is charged after the fact, and past the budget
 *  every miss answers too_many_attempts (so the answer no longer tells a wrong code from a wrong token). */
function rejoin(ctx: HandlerContext, socket: GameSocket, p: RejoinRoom, ack: AckTo<Rejoined>): Ack<Rejoined> | Acked | Promise<Ack<Rejoined> | Acked> {
  if (socket.data.role !== null) return refuse('already_joined');
  const address = addressOf(socket);
  return whenDone(ctx.calls.call(p.code, 'room:rejoin', ctx.origin(socket), p, ack), async ({ answer, error }): Promise<Ack<Rejoined> | Acked> => {
    if (error === null || !isMiss(error)) {
      if (error === null) ctx.guesses.know(address, p.code, ctx.clock.now());
      return answer;
    }
    // A miss: the room left the answer to us (rejoinReply), since the guessing budget decides it.
    const miss = refuse(error);
    if (ctx.guesses.isKnown(address, p.code, ctx.clock.now())) return miss;
    return (await ctx.guesses.charge(socket.id, address)) ? miss : refuse('too_many_attempts');
  });
}

function rejoinReply(ctx: HandlerContext, p: RejoinRoom, now: number) {
  return (result: Result, room: RoomHost): Ack<Rejoined> | null => {
    if (!result.ok) return isMiss(result.error) ? null : refuse(result.error);
    const who = result.effects.find((e) => e.type === 'identified');
    if (who?.type === 'identified' && who.role === 'waiting') {
      const name = room.state.waiting.find((w) => w.id === who.playerId)?.name ?? '';
      return { ok: true, data: { role: 'waiting', playerToken: p.token, code: room.code, name } };
    }
    const view = viewForRoom(room.state, now);
    if (who?.type === 'identified' && who.role === 'player') {
      return { ok: true, data: { role: 'player', playerToken: p.token, me: viewForPlayer(room.state, who.playerId)!, view } };
    }
    // The room sends host:results after this ack when the game is over (room-host.ts).
    const status = { ...viewForHost(room.state), roster: room.fullRoster() };
    return { ok: true, data: { role: 'host', hostToken: p.token, joinUrl: joinUrlOf(ctx, room.code), view, status } };
  };
}

function rejoinNow(ctx: HandlerContext, room: RoomHost, origin: Origin, p: RejoinRoom, ack: AckTo<Rejoined>): Step {
  const now = ctx.clock.now();
  return room.dispatch({ type: 'rejoin', token: protectToken(p.token), now }, { socketId: origin.socketId, event: 'room:rejoin', ack, reply: rejoinReply(ctx, p, now) });
}

function leave(ctx: HandlerContext, room: RoomHost, origin: Origin, ack: AckTo<null>): Ack<null> | Step {
  const { role, playerId } = origin.identity;
  if ((role !== 'player' && role !== 'waiting') || playerId === null) return refuse('not_joined');
  return room.dispatch({ type: 'leave', playerId, now: ctx.clock.now() }, {
    socketId: origin.socketId, event: 'room:leave', ack, reply: (result) => (result.ok ? { ok: true, data: null } : refuse(result.error)),
  });
}

const noAck: AckTo = () => {};

/** A dropped socket counts only if it is still the one speaking for its host or player (the room checks); in
 *  cluster mode the owner hears it like any event, and nobody waits for the answer. */
function gone(ctx: HandlerContext, socket: GameSocket): void {
  const { roomCode } = socket.data;
  if (roomCode === null) return;
  const outcome = ctx.calls.call(roomCode, 'room:gone', ctx.origin(socket), null, noAck);
  if (outcome instanceof Promise) outcome.catch((error: unknown) => ctx.log('disconnect handling failed', error));
}

/** The room side of each session event, where the room is (room-calls.ts). */
function defineSessionOps(ctx: HandlerContext): void {
  ctx.calls.define<JoinCall, Joined | Waiting>('room:join', (p) => (ctx.assignments.has(p.code) ? 'assignment_code' : 'room_not_found'),
    (room, origin, p, ack) => joinNow(ctx, room, origin, p, ack));
  ctx.calls.define<RejoinRoom, Rejoined>('room:rejoin', 'room_not_found', (room, origin, p, ack) => rejoinNow(ctx, room, origin, p, ack));
  ctx.calls.define<null, null>('room:leave', 'not_joined', (room, origin, _, ack) => leave(ctx, room, origin, ack));
  ctx.calls.define<null, never>('room:gone', 'not_joined', (room, origin) => room.gone(origin.socketId, origin.identity));
}

/** Registers the session routes; returns the disconnect listener every socket shares (`this` is the socket). */
export function registerSessionHandlers(ctx: HandlerContext, routes: Routes): (this: GameSocket) => void {
  defineSessionOps(ctx);
  routes.on('room:create', CreateRoom, (p, socket, ack) => create(ctx, socket, p, ack));
  routes.on('room:join', JoinRoom, (p, socket, ack) => join(ctx, socket, p, ack));
  routes.on('room:rejoin', RejoinRoom, (p, socket, ack) => rejoin(ctx, socket, p, ack));
  routes.on('room:leave', Empty, (_, socket, ack) => answerOf(ctx.calls.call(socket.data.roomCode, 'room:leave', ctx.origin(socket), null, ack)));
  return function disconnected(this: GameSocket): void {
    ctx.guesses.forgetSocket(this.id);
    try {
      gone(ctx, this);
    } catch (error) {
      ctx.log('disconnect handling failed', error);
    }
  };
}
