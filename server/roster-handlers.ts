// host:roster: the whole roster again, for a host whose copy missed an update (docs/protocol.md, "The host's
// roster"). The deltas that follow in host:status build on the version this one carries.
import { Empty, type Ack, type RosterFull } from '../shared/protocol.ts';
import type { HandlerContext } from './context.ts';
import { refuse, type Routes } from './validated.ts';
import type { GameSocket } from './types.ts';

function roster(ctx: HandlerContext, socket: GameSocket): Ack<RosterFull> {
  const { roomCode, role } = socket.data;
  const room = roomCode === null ? undefined : ctx.rooms.get(roomCode);
  if (!room) return refuse('not_joined');
  if (role !== 'host' || room.hostSocket !== socket.id) return refuse('not_host');
  return { ok: true, data: room.fullRoster() };
}

export function registerRosterHandlers(ctx: HandlerContext, routes: Routes): void {
  routes.on('host:roster', Empty, (_, socket) => roster(ctx, socket));
}
