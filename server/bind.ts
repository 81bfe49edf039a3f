// Binding a socket to an identity. The newest socket wins: a reload or second tab replaces the old one.
import type { PlayerId } from '../shared/protocol.ts';
import type { LiveRoom } from './live-room.ts';
import type { HandlerContext } from './context.ts';
import type { GameSocket } from './types.ts';
import { noIdentity } from './types.ts';

function displace(ctx: HandlerContext, room: LiveRoom, oldSocketId: string | undefined | null, socket: GameSocket): void {
  if (oldSocketId === undefined || oldSocketId === null || oldSocketId === socket.id) return;
  const old = ctx.io.sockets.sockets.get(oldSocketId);
  if (!old) return;
  old.emit('room:closed', { reason: 'replaced' });
  old.leave(room.code);
  old.data = noIdentity();
}

export function bindHost(ctx: HandlerContext, socket: GameSocket, room: LiveRoom): void {
  displace(ctx, room, room.hostSocket, socket);
  room.hostSocket = socket.id;
  room.roster.reset();
  socket.data = { roomCode: room.code, role: 'host', playerId: null };
  socket.join(room.code);
}

/** A player joins the room's broadcasts; someone in the waiting room does not, until admitted (fanout.ts). */
export function bindPlayer(ctx: HandlerContext, socket: GameSocket, room: LiveRoom, playerId: PlayerId, role: 'player' | 'waiting' = 'player'): void {
  displace(ctx, room, room.sockets.get(playerId), socket);
  room.sockets.set(playerId, socket.id);
  socket.data = { roomCode: room.code, role, playerId };
  if (role === 'player') socket.join(room.code);
}
