// A student's socket: join an assignment by code, rejoin with the token (another day, after closing the tab),
// open the next question, answer it, and the recap at the end. The student's identity lives in socket.data.
import {
  Empty, HomeworkJoin, HomeworkRejoin, HomeworkRound, SubmitAnswer, type Ack, type HomeworkJoined, type Recap, type StudentView,
} from '../../shared/protocol.ts';
import { assignmentResults, isClosed, isDone, studentOf, viewForStudent, type AssignmentEvent } from '../../shared/assignment/index.ts';
import { recapFor } from '../../shared/report/index.ts';
import type { HandlerContext } from '../context.ts';
import { protectToken } from '../tokens.ts';
import { refuse, type Routes } from '../validated.ts';
import { addressOf, noIdentity, type GameSocket } from '../types.ts';
import type { AssignmentHost, LiveAssignment } from './assignment-host.ts';

/** The newest socket speaks for the student; an older one is told it was replaced. */
function bind(ctx: HandlerContext, socket: GameSocket, a: LiveAssignment, playerId: string): void {
  const old = a.sockets.get(playerId);
  if (old !== undefined && old !== socket.id) {
    const previous = ctx.io.sockets.sockets.get(old);
    previous?.emit('room:closed', { reason: 'replaced' });
    if (previous) previous.data = noIdentity();
  }
  a.sockets.set(playerId, socket.id);
  socket.data = { roomCode: a.code, role: 'student', playerId };
}

/** The socket went away (or joined elsewhere) while its join was being saved: the student it made counts as away. */
function gone(ctx: HandlerContext, assignments: AssignmentHost, socket: GameSocket, a: LiveAssignment, playerId: string): boolean {
  if (socket.connected && socket.data.role === null) return false;
  assignments.dispatch(a, { type: 'disconnect', playerId, now: ctx.clock.now() }).catch((error: unknown) => ctx.log('homework disconnect failed', error));
  return true;
}

/** Looking up a code this address has not reached yet is a guess, limited like a room join (server/guesses.ts). */
async function find(ctx: HandlerContext, assignments: AssignmentHost, socket: GameSocket, code: string): Promise<LiveAssignment | 'limited' | null> {
  const address = addressOf(socket);
  const known = ctx.guesses.isKnown(address, code, ctx.clock.now());
  if (!known && !(await ctx.guesses.take(socket.id, address))) return 'limited';
  // Cluster mode: an assignment another node opened is loaded from PostgreSQL.
  const a = (await assignments.find(code)) ?? null;
  if (a) {
    ctx.guesses.know(address, code, ctx.clock.now());
    if (!known) await ctx.guesses.refund(socket.id, address);
  }
  return a;
}

function viewOf(ctx: HandlerContext, a: LiveAssignment, playerId: string): Ack<StudentView> {
  const view = viewForStudent(a.state, playerId, ctx.clock.now());
  return view ? { ok: true, data: view } : refuse('not_joined');
}

function mine(assignments: AssignmentHost, socket: GameSocket): { a: LiveAssignment; playerId: string } | null {
  const { roomCode, role, playerId } = socket.data;
  const a = roomCode === null ? undefined : assignments.get(roomCode);
  return a && role === 'student' && playerId !== null && a.sockets.get(playerId) === socket.id ? { a, playerId } : null;
}

async function act(ctx: HandlerContext, assignments: AssignmentHost, socket: GameSocket, event: (playerId: string, now: number) => AssignmentEvent): Promise<Ack<StudentView>> {
  const me = mine(assignments, socket);
  if (!me) return refuse('not_joined');
  const result = await assignments.dispatch(me.a, event(me.playerId, ctx.clock.now()));
  return result.ok ? viewOf(ctx, me.a, me.playerId) : refuse(result.error);
}

/** Registers the homework routes; returns the disconnect listener every socket shares (`this` is the socket). */
export function registerHomeworkHandlers(ctx: HandlerContext, assignments: AssignmentHost, routes: Routes): (this: GameSocket) => void {
  routes.on('hw:join', HomeworkJoin, async (p, socket): Promise<Ack<HomeworkJoined>> => {
    if (socket.data.role !== null) return refuse('already_joined');
    const a = await find(ctx, assignments, socket, p.code);
    if (a === 'limited') return refuse('too_many_attempts');
    if (!a) return refuse('room_not_found');
    const playerId = ctx.newId();
    const token = `${playerId}.${ctx.newId()}`;
    const result = await assignments.dispatch(a, { type: 'join', playerId, token: protectToken(token), name: p.name, now: ctx.clock.now() });
    if (!result.ok) return refuse(result.error, result.suggestion);
    if (gone(ctx, assignments, socket, a, playerId)) return refuse('already_joined');
    bind(ctx, socket, a, playerId);
    return { ok: true, data: { token, view: viewForStudent(a.state, playerId, ctx.clock.now())! } };
  });
  routes.on('hw:rejoin', HomeworkRejoin, async (p, socket) => {
    if (socket.data.role !== null) return refuse('already_joined');
    const a = await find(ctx, assignments, socket, p.code);
    if (a === 'limited') return refuse('too_many_attempts');
    if (!a) return refuse('room_not_found');
    const result = await assignments.dispatch(a, { type: 'rejoin', token: protectToken(p.token), now: ctx.clock.now() });
    if (!result.ok) return refuse(result.error);
    const who = result.effects.find((e) => e.type === 'identified');
    if (who?.type !== 'identified') return refuse('unknown_token');
    if (gone(ctx, assignments, socket, a, who.playerId)) return refuse('already_joined');
    bind(ctx, socket, a, who.playerId);
    return viewOf(ctx, a, who.playerId);
  });
  routes.on('hw:open', HomeworkRound, (p, socket) => act(ctx, assignments, socket, (playerId, now) => ({ type: 'open', playerId, round: p.round, now })));
  routes.on('hw:answer', SubmitAnswer, (p, socket) =>
    act(ctx, assignments, socket, (playerId, now) => ({ type: 'answer', playerId, round: p.round, answer: p.answer, now })),
  );
  routes.on('hw:recap', Empty, (_, socket): Ack<Recap> => {
    const me = mine(assignments, socket);
    if (!me) return refuse('not_joined');
    const s = studentOf(me.a.state, me.playerId)!;
    if (!isDone(me.a.state, s) && !isClosed(me.a.state)) return refuse('wrong_phase');
    const recap = recapFor(assignmentResults(me.a.state, ctx.clock.now()), me.playerId);
    return recap ? { ok: true, data: recap } : refuse('not_joined');
  });
  return function disconnected(this: GameSocket): void {
    const me = mine(assignments, this);
    if (!me) return;
    me.a.sockets.delete(me.playerId);
    assignments.dispatch(me.a, { type: 'disconnect', playerId: me.playerId, now: ctx.clock.now() }).catch((error: unknown) => {
      ctx.log('homework disconnect failed', error);
    });
  };
}
