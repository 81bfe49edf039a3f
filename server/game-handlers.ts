// Playing: team choice, answers, and the host's controls. The actor always comes from socket.data; the room's
// owner applies the event and carries the ack (room-host.ts), so no handler writes a room.
import {
  Empty, HostAdmit, HostKick, HostLock, HostNext, HostPause, HostPlayerCap, HostRemoveRecent, HostRename, HostUnban, HostWaitingRoom, PickTeam,
  SubmitAnswer, type Ack, type AnswerAccepted, type FinalResults, type MeView, type PlayerId,
} from '../shared/protocol.ts';
import { finalResults, viewForPlayer, type Actor, type Result, type RoomEvent } from '../shared/room/index.ts';
import type { HandlerContext } from './context.ts';
import type { AckTo, Step } from './outgoing.ts';
import type { RoomHost } from './room-host.ts';
import type { Origin } from './origin.ts';
import { answerOf } from './room-calls.ts';
import { refuse, type EventName, type Routes } from './validated.ts';
import type { GameSocket } from './types.ts';

const nothing = (result: Result): Ack<null> => (result.ok ? { ok: true, data: null } : refuse(result.error));

/** A player's event, applied by the room with its ack. */
function asPlayer<T>(
  ctx: HandlerContext, room: RoomHost, origin: Origin, event: EventName, ack: AckTo<T>,
  make: (playerId: PlayerId, now: number) => RoomEvent, reply: (result: Result, room: RoomHost, playerId: PlayerId, now: number) => Ack<T>,
): Ack<T> | Step {
  const { role, playerId } = origin.identity;
  if (role !== 'player' || playerId === null) return refuse('not_joined');
  const now = ctx.clock.now();
  return room.dispatch(make(playerId, now), { socketId: origin.socketId, event, ack, reply: (result, r) => reply(result, r, playerId, now) });
}

function hostAction<T>(
  ctx: HandlerContext, room: RoomHost, origin: Origin, event: EventName, ack: AckTo<T>,
  make: (actor: Actor, now: number) => RoomEvent, reply: (result: Result) => Ack<T>,
): Step {
  return room.dispatch(make(room.actorOf(origin.socketId, origin.identity), ctx.clock.now()), { socketId: origin.socketId, event, ack, reply });
}

function hostResults(ctx: HandlerContext, room: RoomHost, origin: Origin): Ack<FinalResults> {
  if (room.actorOf(origin.socketId, origin.identity).role !== 'host') return refuse('not_host');
  if (room.state.phase !== 'finished') return refuse('wrong_phase');
  return { ok: true, data: finalResults(room.state, ctx.clock.now()) };
}

/** The host's controls: the event each one makes, answered with nothing but ok (or the refusal). */
const hostEvents = {
  'host:start': (_: null, actor: Actor, now: number): RoomEvent => ({ type: 'start', actor, now }),
  'host:next': (p: HostNext, actor: Actor, now: number): RoomEvent => ({ type: 'next', actor, phase: p.phase, round: p.round, now }),
  'host:kick': (p: HostKick, actor: Actor, now: number): RoomEvent => ({ type: 'kick', actor, playerId: p.playerId, now }),
  'host:lock': (p: HostLock, actor: Actor, now: number): RoomEvent => ({ type: 'lock', actor, locked: p.locked, now }),
  'host:pause': (p: HostPause, actor: Actor, now: number): RoomEvent => ({ type: 'pause', actor, paused: p.paused, now }),
  'host:unban': (p: HostUnban, actor: Actor, now: number): RoomEvent => ({ type: 'unban', actor, playerId: p.playerId, now }),
  'host:admit': (p: HostAdmit, actor: Actor, now: number): RoomEvent => ({ type: 'admit', actor, playerId: p.playerId, admit: p.admit, now }),
  'host:waiting-room': (p: HostWaitingRoom, actor: Actor, now: number): RoomEvent => ({ type: 'waitingRoom', actor, enabled: p.enabled, now }),
  'host:player-cap': (p: HostPlayerCap, actor: Actor, now: number): RoomEvent => ({ type: 'playerCap', actor, max: p.max, now }),
  'host:rename': (p: HostRename, actor: Actor, now: number): RoomEvent => ({ type: 'rename', actor, playerId: p.playerId, name: p.name, now }),
  'host:end': (_: null, actor: Actor, now: number): RoomEvent => ({ type: 'end', actor, now }),
} as const;

/** The room side of each game event, where the room is (room-calls.ts). */
function defineGameOps(ctx: HandlerContext): void {
  ctx.calls.define<PickTeam, MeView>('team:pick', 'not_joined', (room, origin, p, ack) =>
    asPlayer(ctx, room, origin, 'team:pick', ack, (playerId, now) => ({ type: 'pickTeam', playerId, team: p.team, now }),
      (result, r, playerId) => (result.ok ? { ok: true, data: viewForPlayer(r.state, playerId)! } : refuse(result.error))),
  );
  ctx.calls.define<SubmitAnswer, AnswerAccepted>('answer:submit', 'not_joined', (room, origin, p, ack) =>
    asPlayer(ctx, room, origin, 'answer:submit', ack, (playerId, now) => ({ type: 'answer', playerId, round: p.round, answer: p.answer, now }),
      (result, _room, _playerId, now) => {
        if (!result.ok) return refuse(result.error);
        ctx.metrics.answers.inc();
        return { ok: true, data: { round: p.round, at: now } };
      }),
  );
  for (const [event, make] of Object.entries(hostEvents) as [keyof typeof hostEvents, (p: never, actor: Actor, now: number) => RoomEvent][]) {
    ctx.calls.define<never, null>(event, 'not_joined', (room, origin, p, ack) => hostAction(ctx, room, origin, event, ack, (actor, now) => make(p, actor, now), nothing));
  }
  // Bulk removal answers how many it took out (players and people waiting).
  ctx.calls.define<HostRemoveRecent, { removed: number }>('host:remove-recent', 'not_joined', (room, origin, p, ack) =>
    hostAction(ctx, room, origin, 'host:remove-recent', ack, (actor, now) => ({ type: 'removeRecent', actor, seconds: p.seconds, now }),
      (result) => (result.ok ? { ok: true, data: { removed: result.effects.filter((e) => e.type === 'removed').length } } : refuse(result.error))),
  );
  ctx.calls.define<null, FinalResults>('host:results', 'not_joined', (room, origin) => hostResults(ctx, room, origin));
}

/** Every game event goes to the socket's room, wherever it is hosted. */
export function registerGameHandlers(ctx: HandlerContext, routes: Routes): void {
  defineGameOps(ctx);
  const toRoom = <P, T>(event: EventName, p: P, socket: GameSocket, ack: AckTo<T>) =>
    answerOf(ctx.calls.call<P, T>(socket.data.roomCode, event, ctx.origin(socket), p, ack));
  routes.on('team:pick', PickTeam, (p, socket, ack) => toRoom('team:pick', p, socket, ack));
  routes.on('answer:submit', SubmitAnswer, (p, socket, ack) => toRoom('answer:submit', p, socket, ack));
  routes.on('host:start', Empty, (_, socket, ack) => toRoom('host:start', null, socket, ack));
  routes.on('host:next', HostNext, (p, socket, ack) => toRoom('host:next', p, socket, ack));
  routes.on('host:kick', HostKick, (p, socket, ack) => toRoom('host:kick', p, socket, ack));
  routes.on('host:lock', HostLock, (p, socket, ack) => toRoom('host:lock', p, socket, ack));
  routes.on('host:pause', HostPause, (p, socket, ack) => toRoom('host:pause', p, socket, ack));
  routes.on('host:unban', HostUnban, (p, socket, ack) => toRoom('host:unban', p, socket, ack));
  routes.on('host:remove-recent', HostRemoveRecent, (p, socket, ack) => toRoom('host:remove-recent', p, socket, ack));
  routes.on('host:admit', HostAdmit, (p, socket, ack) => toRoom('host:admit', p, socket, ack));
  routes.on('host:waiting-room', HostWaitingRoom, (p, socket, ack) => toRoom('host:waiting-room', p, socket, ack));
  routes.on('host:player-cap', HostPlayerCap, (p, socket, ack) => toRoom('host:player-cap', p, socket, ack));
  routes.on('host:rename', HostRename, (p, socket, ack) => toRoom('host:rename', p, socket, ack));
  routes.on('host:end', Empty, (_, socket, ack) => toRoom('host:end', null, socket, ack));
  routes.on('host:results', Empty, (_, socket, ack) => toRoom('host:results', null, socket, ack));
}
