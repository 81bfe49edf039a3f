// A player's recap at the end of a live game: their missed and half-right rounds, only once the game is finished.
import { Empty, type Ack, type Recap } from '../shared/protocol.ts';
import { finalResults } from '../shared/room/index.ts';
import { recapFor } from '../shared/report/index.ts';
import type { HandlerContext } from './context.ts';
import { refuse, type Routes } from './validated.ts';
import type { GameSocket } from './types.ts';

function recap(ctx: HandlerContext, socket: GameSocket): Ack<Recap> {
  const { roomCode, role, playerId } = socket.data;
  const room = roomCode === null ? undefined : ctx.rooms.get(roomCode);
  if (!room || role !== 'player' || playerId === null) return refuse('not_joined');
  if (room.state.phase !== 'finished') return refuse('wrong_phase');
  const mine = recapFor(finalResults(room.state, ctx.clock.now()), playerId);
  return mine ? { ok: true, data: mine } : refuse('not_joined');
}

export function registerRecapHandlers(ctx: HandlerContext, routes: Routes): void {
  routes.on('player:recap', Empty, (_, socket) => recap(ctx, socket));
}
