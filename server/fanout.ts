// The messages a room's changes make, as data (outgoing.ts): the common view broadcast once per room, per-player
// messages only where they differ (results at the reveal), the host's panel. Nothing is sent here: the room's owner
// (room-host.ts) puts these in its step and the outbox sends them once the change is on disk.
import type { CloseReason, FinalResults, PlayerId, RosterUpdate } from '../shared/protocol.ts';
import { getPlayer, presenceOf, viewForHost, viewForPlayer, viewForRoom, type RoomState } from '../shared/room/index.ts';
import type { Each, Message, Outgoing } from './outgoing.ts';
import type { SocketTable } from './socket-table.ts';

export const roomStateMessage = (code: string, state: RoomState, now: number): Message =>
  ({ to: { room: code }, event: 'room:state', payload: viewForRoom(state, now) });

/** The counters, and the roster's changes since the last status (roster-feed.ts); null when no host socket is bound. */
export function hostStatusMessage(sockets: SocketTable, state: RoomState, roster: RosterUpdate | undefined): Message | null {
  const host = sockets.host;
  if (host === null) return null;
  const status = viewForHost(state);
  return { to: { socket: host }, event: 'host:status', payload: roster ? { ...status, roster } : status };
}

/** Arrivals and departures: the counts and team sizes only (the phones merge them into the view on screen). */
export const presenceMessage = (code: string, state: RoomState): Message => ({ to: { room: code }, event: 'room:presence', payload: presenceOf(state) });

/** A round closed: every bound player hears their own result. ONE outgoing item for the room (outgoing.ts `Each`):
 *  the outbox sends it in slices, and each result is built, encoded and sent only when its turn comes, from this
 *  step's state, which never changes (the room state is immutable), so it says what it would have said built now.
 *  Nothing per player waits in the queue but two ids: 10,000 queued messages and their views outlived V8's young
 *  generation and grew the old space at every reveal (issue 14: memory that holds still). */
export function results(out: Outgoing[], sockets: SocketTable, state: RoomState, code: string): void {
  const players: PlayerId[] = [];
  const socketIds: string[] = [];
  for (const [playerId, socket] of sockets.entries()) {
    if (getPlayer(state, playerId)) {
      players.push(playerId);
      socketIds.push(socket);
    }
  }
  if (players.length === 0) return;
  const each: Each = {
    to: { each: code },
    event: 'me:state',
    count: players.length,
    message(i) {
      const me = viewForPlayer(state, players[i]!);
      return me ? { to: { socket: socketIds[i]! }, event: 'me:state', payload: me } : null;
    },
  };
  out.push(each);
}

export function meMessage(sockets: SocketTable, state: RoomState, playerId: PlayerId): Message | null {
  const socket = sockets.socketOf(playerId);
  const me = viewForPlayer(state, playerId);
  return socket === undefined || !me ? null : { to: { socket }, event: 'me:state', payload: me };
}

export function finalResultsMessage(sockets: SocketTable, results: FinalResults): Message | null {
  const host = sockets.host;
  return host === null ? null : { to: { socket: host }, event: 'host:results', payload: results };
}

export const closedMessage = (socket: string, reason: CloseReason): Message => ({ to: { socket }, event: 'room:closed', payload: { reason } });

/** A waiting joiner let in: they hear their seat and the room. */
export function admittedMessage(socket: string, state: RoomState, playerId: PlayerId, now: number): Message | null {
  const me = viewForPlayer(state, playerId);
  return me ? { to: { socket }, event: 'room:admitted', payload: { me, view: viewForRoom(state, now) } } : null;
}
