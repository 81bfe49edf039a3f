// Turning a room's effects into messages: common state broadcast once per room, per-player messages only
// where they differ (results at the reveal), the host's panel throttled.
import type { RoomEffect } from '../shared/room/events.ts';
import { finalResults, presenceOf, viewForHost, viewForPlayer, viewForRoom, type RoomState } from '../shared/room/index.ts';
import type { CloseReason, PlayerId } from '../shared/protocol.ts';
import type { LiveRoom } from './live-room.ts';
import { noIdentity, type GameServer, type Log } from './types.ts';
import { presenceDue, presenceTold } from './presence-feed.ts';

export interface FanoutDeps {
  io: GameServer;
  now(): number;
  log: Log;
}

/** `state`: the one a step produced, which may be older than room.state when the send waited for a save. */
export function broadcastState(deps: FanoutDeps, room: LiveRoom, state: RoomState): void {
  const now = deps.now();
  presenceTold(room, state, now);
  deps.io.to(room.code).emit('room:state', viewForRoom(state, now));
}

/** Arrivals and departures: the counts and team sizes only (the phones merge them into the view on screen), when
 *  enough changed to be worth a message to everyone (presence-feed.ts); else the throttle checks again. */
export function broadcastPresence(deps: FanoutDeps, room: LiveRoom): void {
  const now = deps.now();
  const due = presenceDue(room, room.state, now);
  if (due === 'wait') return room.presence.request();
  if (due === 'none') return;
  presenceTold(room, room.state, now);
  deps.io.to(room.code).emit('room:presence', presenceOf(room.state));
}

/** The counters, and the roster's changes since the last status (roster-feed.ts); without a host, the next one
 *  gets the whole roster. */
export function sendHostStatus(deps: FanoutDeps, room: LiveRoom): void {
  const socket = room.hostSocket === null ? undefined : deps.io.sockets.sockets.get(room.hostSocket);
  if (!socket) return room.roster.reset();
  const status = viewForHost(room.state);
  const roster = room.roster.next(room.state);
  socket.emit('host:status', roster ? { ...status, roster } : status);
}

function sendResults(deps: FanoutDeps, room: LiveRoom, state: RoomState): void {
  for (const [playerId, socketId] of room.sockets) {
    const me = viewForPlayer(state, playerId);
    if (me) deps.io.sockets.sockets.get(socketId)?.emit('me:state', me);
  }
}

/** The results were saved with the finishing step (room-host); the host hears them now. */
function sendFinalResults(deps: FanoutDeps, room: LiveRoom, state: RoomState): void {
  const results = finalResults(state, deps.now());
  const host = room.hostSocket === null ? undefined : deps.io.sockets.sockets.get(room.hostSocket);
  host?.emit('host:results', results);
}

/** Forgets who a socket was, without telling it (its ack says why). */
export function forgetSocket(deps: FanoutDeps, room: LiveRoom, socketId: string): void {
  const socket = deps.io.sockets.sockets.get(socketId);
  if (!socket) return;
  socket.leave(room.code);
  socket.data = noIdentity();
}

/** Tells a socket it is out of the room and forgets who it was. */
export function release(deps: FanoutDeps, room: LiveRoom, socketId: string, reason: CloseReason): void {
  deps.io.sockets.sockets.get(socketId)?.emit('room:closed', { reason });
  forgetSocket(deps, room, socketId);
}

/** A waiting joiner let in: the socket becomes the player, joins the room's broadcasts and hears its seat. */
function admitted(deps: FanoutDeps, room: LiveRoom, state: RoomState, playerId: PlayerId): void {
  const socket = deps.io.sockets.sockets.get(room.sockets.get(playerId) ?? '');
  const me = viewForPlayer(state, playerId);
  if (!socket || !me) return;
  socket.data = { roomCode: room.code, role: 'player', playerId };
  socket.join(room.code);
  socket.emit('room:admitted', { me, view: viewForRoom(state, deps.now()) });
}

function sendMe(deps: FanoutDeps, room: LiveRoom, state: RoomState, playerId: PlayerId): void {
  const me = viewForPlayer(state, playerId);
  if (me) deps.io.sockets.sockets.get(room.sockets.get(playerId) ?? '')?.emit('me:state', me);
}

function removed(deps: FanoutDeps, room: LiveRoom, playerId: PlayerId, reason: 'kicked' | 'left' | 'refused'): void {
  const socketId = room.sockets.get(playerId);
  room.sockets.delete(playerId);
  if (socketId !== undefined) release(deps, room, socketId, reason);
}

/** A full broadcast carries the latest state, so a presence re-broadcast still pending (or asked for in the same
 *  step) would only repeat it later, and a client could take that copy for a new phase. */
export function applyEffects(deps: FanoutDeps, room: LiveRoom, state: RoomState, effects: readonly RoomEffect[]): void {
  const broadcasts = effects.some((e) => e.type === 'broadcast');
  if (broadcasts) room.presence.cancel();
  for (const effect of effects) {
    if (effect.type === 'broadcast') broadcastState(deps, room, state);
    else if (effect.type === 'presence' && !broadcasts) room.presence.request();
    else if (effect.type === 'roster' || effect.type === 'answered') room.status.request();
    else if (effect.type === 'results') sendResults(deps, room, state);
    else if (effect.type === 'finished') sendFinalResults(deps, room, state);
    else if (effect.type === 'removed') removed(deps, room, effect.playerId, effect.reason);
    else if (effect.type === 'admitted') admitted(deps, room, state, effect.playerId);
    else if (effect.type === 'me') sendMe(deps, room, state, effect.playerId);
  }
}
