// host:roster: the whole roster again, for a host whose copy missed an update (docs/protocol.md, "The host's
// roster"). The deltas that follow in host:status build on the version this one carries.
import { Empty, type Ack, type RosterFull } from '../shared/protocol.ts';
import type { HandlerContext } from './context.ts';
import type { Origin } from './origin.ts';
import { answerOf } from './room-calls.ts';
import type { RoomHost } from './room-host.ts';
import { refuse, type Routes } from './validated.ts';

function roster(room: RoomHost, origin: Origin): Ack<RosterFull> {
  if (origin.identity.role !== 'host' || room.hostSocket !== origin.socketId) return refuse('not_host');
  return { ok: true, data: room.fullRoster() };
}

export function registerRosterHandlers(ctx: HandlerContext, routes: Routes): void {
  ctx.calls.define<null, RosterFull>('host:roster', 'not_joined', (room, origin) => roster(room, origin));
  routes.on('host:roster', Empty, (_, socket, ack) => answerOf(ctx.calls.call(socket.data.roomCode, 'host:roster', ctx.origin(socket), null, ack)));
}
