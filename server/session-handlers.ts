// Who a socket is: create a room (host), join (player), rejoin with a token, leave, and dropping out.
import { CreateRoom, Empty, JoinRoom, RejoinRoom, type Ack, type Created, type ErrorCode, type Joined, type Rejoined, type Waiting } from '../shared/protocol.ts';
import { createRoom, roomCodeFrom, viewForHost, viewForPlayer, viewForRoom, finalResults } from '../shared/room/index.ts';
import { kindsOf, planOfQuiz } from '../shared/quiz/index.ts';
import type { HandlerContext } from './context.ts';
import type { LiveRoom } from './live-room.ts';
import { bindHost, bindPlayer } from './bind.ts';
import { hashToken, protectToken } from './tokens.ts';
import { refuse, type Routes } from './validated.ts';
import { addressOf, type GameSocket } from './types.ts';

const joinUrlOf = (ctx: HandlerContext, code: string): string => `${ctx.publicUrl}/join/${code}`;

function freshCode(ctx: HandlerContext): string | null {
  for (let i = 0; i < 20; i++) {
    const code = roomCodeFrom(ctx.randomBytes(16));
    if (code !== null && !ctx.rooms.has(code) && !ctx.assignments.has(code)) return code;
  }
  return null;
}

async function create(ctx: HandlerContext, socket: GameSocket, p: CreateRoom): Promise<Ack<Created>> {
  if (socket.data.role !== null) return refuse('already_joined');
  if (ctx.isDraining()) return refuse('server_draining');
  if (!(await ctx.creates.take(addressOf(socket)))) return refuse('rate_limited');
  if (socket.data.role !== null) return refuse('already_joined');
  const code = freshCode(ctx);
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
  if (socket.data.role !== null || ctx.rooms.has(code)) return refuse(socket.data.role !== null ? 'already_joined' : 'internal_error');
  const room = ctx.rooms.open(createRoom({ code, seed: ctx.newSeed(), hostToken: hashToken(hostToken), settings, now, plan }));
  bindHost(ctx, socket, room);
  ctx.guesses.know(addressOf(socket), code, now);
  return { ok: true, data: { code, hostToken, joinUrl: joinUrlOf(ctx, code), view: viewForRoom(room.state, now) } };
}

/** A lookup that found nothing, or a token the room does not have: what a guesser gets. */
const isMiss = (error: ErrorCode): boolean => error === 'room_not_found' || error === 'unknown_token';

/** Limits first (guessing for a room this address is not in; the room's join rate), then one synchronous step. */
async function join(ctx: HandlerContext, socket: GameSocket, p: JoinRoom): Promise<Ack<Joined | Waiting>> {
  if (socket.data.role !== null) return refuse('already_joined');
  const address = addressOf(socket);
  const guess = !ctx.guesses.isKnown(address, p.code, ctx.clock.now());
  if (guess && !(await ctx.guesses.take(socket.id, address))) return refuse('too_many_attempts');
  const room = ctx.rooms.get(p.code);
  const paced = room ? await ctx.joinsPerRoom.take(p.code) : true;
  const result = joinNow(ctx, socket, p, paced);
  if (!result.ok && result.error !== 'room_busy' && room) void ctx.joinsPerRoom.refund(p.code).catch(() => {});
  if (result.ok || !isMiss(result.error)) {
    ctx.guesses.know(address, p.code, ctx.clock.now());
    if (guess) await ctx.guesses.refund(socket.id, address);
  }
  return result;
}

function joinNow(ctx: HandlerContext, socket: GameSocket, p: JoinRoom, paced: boolean): Ack<Joined | Waiting> {
  if (socket.data.role !== null) return refuse('already_joined');
  const room = ctx.rooms.get(p.code);
  if (!room) return refuse(ctx.assignments.has(p.code) ? 'assignment_code' : 'room_not_found');
  if (!paced) return refuse('room_busy');
  const playerId = ctx.newId();
  const playerToken = `${playerId}.${ctx.newId()}`;
  const now = ctx.clock.now();
  const result = ctx.rooms.dispatch(room, { type: 'join', playerId, token: protectToken(playerToken), name: p.name, team: p.team, now });
  if (!result.ok) return refuse(result.error, result.suggestion);
  const waiting = room.state.waiting.find((w) => w.id === playerId);
  if (waiting) {
    bindPlayer(ctx, socket, room, playerId, 'waiting');
    return { ok: true, data: { waiting: true, playerToken, code: room.code, name: waiting.name } };
  }
  bindPlayer(ctx, socket, room, playerId);
  return { ok: true, data: { playerToken, me: viewForPlayer(room.state, playerId)!, view: viewForRoom(room.state, now) } };
}

/** A valid token is never refused by the guessing limits; a miss is charged after the fact, and past the budget
 *  every miss answers too_many_attempts (so the answer no longer tells a wrong code from a wrong token). */
async function rejoin(ctx: HandlerContext, socket: GameSocket, p: RejoinRoom): Promise<Ack<Rejoined>> {
  const result = rejoinNow(ctx, socket, p);
  const address = addressOf(socket);
  if (result.ok || !isMiss(result.error)) {
    if (result.ok) ctx.guesses.know(address, p.code, ctx.clock.now());
    return result;
  }
  if (ctx.guesses.isKnown(address, p.code, ctx.clock.now())) return result;
  return (await ctx.guesses.charge(socket.id, address)) ? result : refuse('too_many_attempts');
}

function rejoinNow(ctx: HandlerContext, socket: GameSocket, p: RejoinRoom): Ack<Rejoined> {
  if (socket.data.role !== null) return refuse('already_joined');
  const room = ctx.rooms.get(p.code);
  if (!room) return refuse('room_not_found');
  const now = ctx.clock.now();
  const result = ctx.rooms.dispatch(room, { type: 'rejoin', token: protectToken(p.token), now });
  if (!result.ok) return refuse(result.error);
  const who = result.effects.find((e) => e.type === 'identified');
  if (who?.type === 'identified' && who.role === 'waiting') {
    bindPlayer(ctx, socket, room, who.playerId, 'waiting');
    const name = room.state.waiting.find((w) => w.id === who.playerId)?.name ?? '';
    return { ok: true, data: { role: 'waiting', playerToken: p.token, code: room.code, name } };
  }
  const view = viewForRoom(room.state, now);
  if (who?.type === 'identified' && who.role === 'player') {
    bindPlayer(ctx, socket, room, who.playerId);
    return { ok: true, data: { role: 'player', playerToken: p.token, me: viewForPlayer(room.state, who.playerId)!, view } };
  }
  bindHost(ctx, socket, room);
  if (room.state.phase === 'finished') {
    const results = finalResults(room.state, now);
    // After the ack (queued next, behind this), so the client knows its role first.
    ctx.rooms.afterSave(() => queueMicrotask(() => socket.emit('host:results', results)));
  }
  const status = { ...viewForHost(room.state), roster: room.roster.full(room.state) };
  return { ok: true, data: { role: 'host', hostToken: p.token, joinUrl: joinUrlOf(ctx, room.code), view, status } };
}

function leave(ctx: HandlerContext, socket: GameSocket): Ack<null> {
  const { roomCode, role, playerId } = socket.data;
  const room = roomCode === null ? undefined : ctx.rooms.get(roomCode);
  if (!room || (role !== 'player' && role !== 'waiting') || playerId === null) return refuse('not_joined');
  const result = ctx.rooms.dispatch(room, { type: 'leave', playerId, now: ctx.clock.now() });
  return result.ok ? { ok: true, data: null } : refuse(result.error);
}

/** A dropped socket counts only if it is still the one speaking for its host or player. */
function gone(ctx: HandlerContext, socket: GameSocket): void {
  const { roomCode, role, playerId } = socket.data;
  const room = roomCode === null ? undefined : ctx.rooms.get(roomCode);
  if (!room) return;
  const now = ctx.clock.now();
  if (role === 'host' && room.hostSocket === socket.id) {
    room.hostSocket = null;
    ctx.rooms.dispatch(room, { type: 'disconnect', actor: { role: 'host' }, now });
  } else if (role === 'waiting' && playerId !== null && room.sockets.get(playerId) === socket.id) {
    room.sockets.delete(playerId);
  } else if (role === 'player' && playerId !== null && room.sockets.get(playerId) === socket.id) {
    room.sockets.delete(playerId);
    ctx.rooms.dispatch(room, { type: 'disconnect', actor: { role: 'player', playerId }, now });
  }
}

/** Registers the session routes; returns the disconnect listener every socket shares (`this` is the socket). */
export function registerSessionHandlers(ctx: HandlerContext, routes: Routes): (this: GameSocket) => void {
  routes.on('room:create', CreateRoom, (p, socket) => create(ctx, socket, p));
  routes.on('room:join', JoinRoom, (p, socket) => join(ctx, socket, p));
  routes.on('room:rejoin', RejoinRoom, (p, socket) => rejoin(ctx, socket, p));
  routes.on('room:leave', Empty, (_, socket) => leave(ctx, socket));
  return function disconnected(this: GameSocket): void {
    ctx.guesses.forgetSocket(this.id);
    try {
      gone(ctx, this);
    } catch (error) {
      ctx.log('disconnect handling failed', error);
    }
  };
}
