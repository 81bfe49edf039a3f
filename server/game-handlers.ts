// Playing: team choice, answers, and the host's controls. The actor always comes from socket.data; the room's
// owner applies the event and carries the ack (room-host.ts), so no handler writes a room.
import {
  Empty, HostAdmit, HostKick, HostLock, HostNext, HostPause, HostPlayerCap, HostRemoveRecent, HostRename, HostUnban, HostWaitingRoom, PickTeam,
  SubmitAnswer, type Ack, type FinalResults, type PlayerId,
} from '../shared/protocol.ts';
import { finalResults, viewForPlayer, type Actor, type Result, type RoomEvent } from '../shared/room/index.ts';
import type { HandlerContext } from './context.ts';
import type { AckTo } from './outgoing.ts';
import type { RoomHost } from './room-host.ts';
import { ACKED, refuse, type Acked, type EventName, type Routes } from './validated.ts';
import type { GameSocket } from './types.ts';

function roomOf(ctx: HandlerContext, socket: GameSocket): RoomHost | undefined {
  const code = socket.data.roomCode;
  return code === null ? undefined : ctx.rooms.get(code);
}

const nothing = (result: Result): Ack<null> => (result.ok ? { ok: true, data: null } : refuse(result.error));

/** A player's event, applied by the room with its ack. */
function asPlayer<T>(
  ctx: HandlerContext, socket: GameSocket, event: EventName, ack: AckTo<T>,
  make: (playerId: PlayerId, now: number) => RoomEvent, reply: (result: Result, room: RoomHost, playerId: PlayerId, now: number) => Ack<T>,
): Ack<T> | Acked {
  const room = roomOf(ctx, socket);
  const { role, playerId } = socket.data;
  if (!room || role !== 'player' || playerId === null) return refuse('not_joined');
  const now = ctx.clock.now();
  room.dispatch(make(playerId, now), { socketId: socket.id, event, ack, reply: (result, r) => reply(result, r, playerId, now) });
  return ACKED;
}

function hostAction<T>(
  ctx: HandlerContext, socket: GameSocket, event: EventName, ack: AckTo<T>,
  make: (actor: Actor, now: number) => RoomEvent, reply: (result: Result) => Ack<T>,
): Ack<T> | Acked {
  const room = roomOf(ctx, socket);
  if (!room) return refuse('not_joined');
  room.dispatch(make(room.actorOf(socket.id, socket.data), ctx.clock.now()), { socketId: socket.id, event, ack, reply });
  return ACKED;
}

function hostResults(ctx: HandlerContext, socket: GameSocket): Ack<FinalResults> {
  const room = roomOf(ctx, socket);
  if (!room) return refuse('not_joined');
  if (room.actorOf(socket.id, socket.data).role !== 'host') return refuse('not_host');
  if (room.state.phase !== 'finished') return refuse('wrong_phase');
  return { ok: true, data: finalResults(room.state, ctx.clock.now()) };
}

export function registerGameHandlers(ctx: HandlerContext, routes: Routes): void {
  routes.on('team:pick', PickTeam, (p, socket, ack) =>
    asPlayer(ctx, socket, 'team:pick', ack, (playerId, now) => ({ type: 'pickTeam', playerId, team: p.team, now }),
      (result, room, playerId) => (result.ok ? { ok: true, data: viewForPlayer(room.state, playerId)! } : refuse(result.error))),
  );
  routes.on('answer:submit', SubmitAnswer, (p, socket, ack) =>
    asPlayer(ctx, socket, 'answer:submit', ack, (playerId, now) => ({ type: 'answer', playerId, round: p.round, answer: p.answer, now }),
      (result, _room, _playerId, now) => {
        if (!result.ok) return refuse(result.error);
        ctx.metrics.answers.inc();
        return { ok: true, data: { round: p.round, at: now } };
      }),
  );
  routes.on('host:start', Empty, (_, socket, ack) => hostAction(ctx, socket, 'host:start', ack, (actor, now) => ({ type: 'start', actor, now }), nothing));
  routes.on('host:next', HostNext, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:next', ack, (actor, now) => ({ type: 'next', actor, phase: p.phase, round: p.round, now }), nothing),
  );
  routes.on('host:kick', HostKick, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:kick', ack, (actor, now) => ({ type: 'kick', actor, playerId: p.playerId, now }), nothing),
  );
  routes.on('host:lock', HostLock, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:lock', ack, (actor, now) => ({ type: 'lock', actor, locked: p.locked, now }), nothing),
  );
  routes.on('host:pause', HostPause, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:pause', ack, (actor, now) => ({ type: 'pause', actor, paused: p.paused, now }), nothing),
  );
  routes.on('host:unban', HostUnban, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:unban', ack, (actor, now) => ({ type: 'unban', actor, playerId: p.playerId, now }), nothing),
  );
  // Bulk removal answers how many it took out (players and people waiting).
  routes.on('host:remove-recent', HostRemoveRecent, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:remove-recent', ack, (actor, now) => ({ type: 'removeRecent', actor, seconds: p.seconds, now }),
      (result) => (result.ok ? { ok: true, data: { removed: result.effects.filter((e) => e.type === 'removed').length } } : refuse(result.error))),
  );
  routes.on('host:admit', HostAdmit, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:admit', ack, (actor, now) => ({ type: 'admit', actor, playerId: p.playerId, admit: p.admit, now }), nothing),
  );
  routes.on('host:waiting-room', HostWaitingRoom, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:waiting-room', ack, (actor, now) => ({ type: 'waitingRoom', actor, enabled: p.enabled, now }), nothing),
  );
  routes.on('host:player-cap', HostPlayerCap, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:player-cap', ack, (actor, now) => ({ type: 'playerCap', actor, max: p.max, now }), nothing),
  );
  routes.on('host:rename', HostRename, (p, socket, ack) =>
    hostAction(ctx, socket, 'host:rename', ack, (actor, now) => ({ type: 'rename', actor, playerId: p.playerId, name: p.name, now }), nothing),
  );
  routes.on('host:end', Empty, (_, socket, ack) => hostAction(ctx, socket, 'host:end', ack, (actor, now) => ({ type: 'end', actor, now }), nothing));
  routes.on('host:results', Empty, (_, socket) => hostResults(ctx, socket));
}
