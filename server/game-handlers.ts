// Playing: team choice, answers, and the host's controls. The actor always comes from socket.data.
import {
  Empty, HostAdmit, HostKick, HostLock, HostNext, HostPause, HostPlayerCap, HostRemoveRecent, HostRename, HostUnban, HostWaitingRoom, PickTeam,
  SubmitAnswer, type Ack, type FinalResults, type PlayerId, type Removed,
} from '../shared/protocol.ts';
import { finalResults, viewForPlayer, type Actor, type RoomEvent } from '../shared/room/index.ts';
import type { HandlerContext } from './context.ts';
import type { LiveRoom } from './live-room.ts';
import { refuse, type Routes } from './validated.ts';
import type { GameSocket } from './types.ts';

function roomOf(ctx: HandlerContext, socket: GameSocket): LiveRoom | undefined {
  const code = socket.data.roomCode;
  return code === null ? undefined : ctx.rooms.get(code);
}

/** Host only when this socket is the room's current host socket. */
function actorOf(socket: GameSocket, room: LiveRoom): Actor {
  if (socket.data.role === 'host' && room.hostSocket === socket.id) return { role: 'host' };
  return { role: 'player', playerId: socket.data.playerId ?? '' };
}

function asPlayer<T>(ctx: HandlerContext, socket: GameSocket, act: (room: LiveRoom, playerId: PlayerId) => Ack<T>): Ack<T> {
  const room = roomOf(ctx, socket);
  const { role, playerId } = socket.data;
  if (!room || role !== 'player' || playerId === null) return refuse('not_joined');
  return act(room, playerId);
}

function hostAction(ctx: HandlerContext, socket: GameSocket, event: (actor: Actor, now: number) => RoomEvent): Ack<null> {
  const room = roomOf(ctx, socket);
  if (!room) return refuse('not_joined');
  const result = ctx.rooms.dispatch(room, event(actorOf(socket, room), ctx.clock.now()));
  return result.ok ? { ok: true, data: null } : refuse(result.error);
}

/** Bulk removal answers how many it took out (players and people waiting). */
function removeRecent(ctx: HandlerContext, socket: GameSocket, seconds: number): Ack<Removed> {
  const room = roomOf(ctx, socket);
  if (!room) return refuse('not_joined');
  const result = ctx.rooms.dispatch(room, { type: 'removeRecent', actor: actorOf(socket, room), seconds, now: ctx.clock.now() });
  if (!result.ok) return refuse(result.error);
  return { ok: true, data: { removed: result.effects.filter((e) => e.type === 'removed').length } };
}

function hostResults(ctx: HandlerContext, socket: GameSocket): Ack<FinalResults> {
  const room = roomOf(ctx, socket);
  if (!room) return refuse('not_joined');
  if (actorOf(socket, room).role !== 'host') return refuse('not_host');
  if (room.state.phase !== 'finished') return refuse('wrong_phase');
  return { ok: true, data: finalResults(room.state, ctx.clock.now()) };
}

export function registerGameHandlers(ctx: HandlerContext, routes: Routes): void {
  routes.on('team:pick', PickTeam, (p, socket) =>
    asPlayer(ctx, socket, (room, playerId) => {
      const result = ctx.rooms.dispatch(room, { type: 'pickTeam', playerId, team: p.team, now: ctx.clock.now() });
      return result.ok ? { ok: true, data: viewForPlayer(room.state, playerId)! } : refuse(result.error);
    }),
  );
  routes.on('answer:submit', SubmitAnswer, (p, socket) =>
    asPlayer(ctx, socket, (room, playerId) => {
      const now = ctx.clock.now();
      const result = ctx.rooms.dispatch(room, { type: 'answer', playerId, round: p.round, answer: p.answer, now });
      if (!result.ok) return refuse(result.error);
      ctx.metrics.answers.inc();
      return { ok: true, data: { round: p.round, at: now } };
    }),
  );
  routes.on('host:start', Empty, (_, socket) => hostAction(ctx, socket, (actor, now) => ({ type: 'start', actor, now })));
  routes.on('host:next', HostNext, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'next', actor, phase: p.phase, round: p.round, now })),
  );
  routes.on('host:kick', HostKick, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'kick', actor, playerId: p.playerId, now })),
  );
  routes.on('host:lock', HostLock, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'lock', actor, locked: p.locked, now })),
  );
  routes.on('host:pause', HostPause, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'pause', actor, paused: p.paused, now })),
  );
  routes.on('host:unban', HostUnban, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'unban', actor, playerId: p.playerId, now })),
  );
  routes.on('host:remove-recent', HostRemoveRecent, (p, socket) => removeRecent(ctx, socket, p.seconds));
  routes.on('host:admit', HostAdmit, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'admit', actor, playerId: p.playerId, admit: p.admit, now })),
  );
  routes.on('host:waiting-room', HostWaitingRoom, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'waitingRoom', actor, enabled: p.enabled, now })),
  );
  routes.on('host:player-cap', HostPlayerCap, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'playerCap', actor, max: p.max, now })),
  );
  routes.on('host:rename', HostRename, (p, socket) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'rename', actor, playerId: p.playerId, name: p.name, now })),
  );
  routes.on('host:end', Empty, (_, socket) => hostAction(ctx, socket, (actor, now) => ({ type: 'end', actor, now })));
  routes.on('host:results', Empty, (_, socket) => hostResults(ctx, socket));
}
