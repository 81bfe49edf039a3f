// Playing: team choice, answers, and the host's controls. The actor always comes from socket.data.
import {
  Empty, HostAdmit, HostKick, HostLock, HostNext, HostPause, HostPlayerCap, HostRemoveRecent, HostRename, HostUnban, HostWaitingRoom, PickTeam,
  SubmitAnswer, type Ack, type FinalResults, type PlayerId, type Removed,
} from '../shared/protocol.ts';
import { finalResults, viewForPlayer, type Actor, type RoomEvent } from '../shared/room/index.ts';
import type { HandlerContext } from './context.ts';
import type { LiveRoom } from './live-room.ts';
import { refuse, validated, type Guard } from './validated.ts';
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

export function registerGameHandlers(ctx: HandlerContext, socket: GameSocket, guard: Guard): void {
  validated(socket, guard, 'team:pick', PickTeam, (p) =>
    asPlayer(ctx, socket, (room, playerId) => {
      const result = ctx.rooms.dispatch(room, { type: 'pickTeam', playerId, team: p.team, now: ctx.clock.now() });
      return result.ok ? { ok: true, data: viewForPlayer(room.state, playerId)! } : refuse(result.error);
    }),
  );
  validated(socket, guard, 'answer:submit', SubmitAnswer, (p) =>
    asPlayer(ctx, socket, (room, playerId) => {
      const now = ctx.clock.now();
      const result = ctx.rooms.dispatch(room, { type: 'answer', playerId, round: p.round, answer: p.answer, now });
      if (!result.ok) return refuse(result.error);
      ctx.metrics.answers.inc();
      return { ok: true, data: { round: p.round, at: now } };
    }),
  );
  validated(socket, guard, 'host:start', Empty, () => hostAction(ctx, socket, (actor, now) => ({ type: 'start', actor, now })));
  validated(socket, guard, 'host:next', HostNext, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'next', actor, phase: p.phase, round: p.round, now })),
  );
  validated(socket, guard, 'host:kick', HostKick, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'kick', actor, playerId: p.playerId, now })),
  );
  validated(socket, guard, 'host:lock', HostLock, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'lock', actor, locked: p.locked, now })),
  );
  validated(socket, guard, 'host:pause', HostPause, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'pause', actor, paused: p.paused, now })),
  );
  validated(socket, guard, 'host:unban', HostUnban, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'unban', actor, playerId: p.playerId, now })),
  );
  validated(socket, guard, 'host:remove-recent', HostRemoveRecent, (p) => removeRecent(ctx, socket, p.seconds));
  validated(socket, guard, 'host:admit', HostAdmit, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'admit', actor, playerId: p.playerId, admit: p.admit, now })),
  );
  validated(socket, guard, 'host:waiting-room', HostWaitingRoom, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'waitingRoom', actor, enabled: p.enabled, now })),
  );
  validated(socket, guard, 'host:player-cap', HostPlayerCap, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'playerCap', actor, max: p.max, now })),
  );
  validated(socket, guard, 'host:rename', HostRename, (p) =>
    hostAction(ctx, socket, (actor, now) => ({ type: 'rename', actor, playerId: p.playerId, name: p.name, now })),
  );
  validated(socket, guard, 'host:end', Empty, () => hostAction(ctx, socket, (actor, now) => ({ type: 'end', actor, now })));
  validated(socket, guard, 'host:results', Empty, () => hostResults(ctx, socket));
}
