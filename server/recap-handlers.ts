// A player's recap at the end of a live game: their missed and half-right rounds, only once the game is finished.
import { Empty, type Ack, type Recap } from '../shared/protocol.ts';
import { finalResults } from '../shared/room/index.ts';
import { recapFor } from '../shared/report/index.ts';
import type { HandlerContext } from './context.ts';
import type { Origin } from './origin.ts';
import { answerOf } from './room-calls.ts';
import type { RoomHost } from './room-host.ts';
import { refuse, type Routes } from './validated.ts';

function recap(ctx: HandlerContext, room: RoomHost, origin: Origin): Ack<Recap> {
  const { role, playerId } = origin.identity;
  if (role !== 'player' || playerId === null) return refuse('not_joined');
  if (room.state.phase !== 'finished') return refuse('wrong_phase');
  const mine = recapFor(finalResults(room.state, ctx.clock.now()), playerId);
  return mine ? { ok: true, data: mine } : refuse('not_joined');
}

export function registerRecapHandlers(ctx: HandlerContext, routes: Routes): void {
  ctx.calls.define<null, Recap>('player:recap', 'not_joined', (room, origin) => recap(ctx, room, origin));
  routes.on('player:recap', Empty, (_, socket, ack) => answerOf(ctx.calls.call(socket.data.roomCode, 'player:recap', ctx.origin(socket), null, ack)));
}
