// The messages a room's changes make, as data (outgoing.ts): the common view broadcast once per room, per-player
// messages only where they differ (results at the reveal), the host's panel. Nothing is sent here: the room's owner
// (room-host.ts) puts these in its step and the outbox sends them once the change is on disk.
import type { CloseReason, FinalResults, MeView, PlayerId, RosterUpdate } from '../shared/protocol.ts';
import { getPlayer, presenceOf, viewForHost, viewForPlayer, viewForRoom, type RoomState } from '../shared/room/index.ts';
import type { Message, Outgoing } from './outgoing.ts';
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

/** A round closed: every bound player hears their own result. Each result is built when it is sent (the outbox
 *  sends 10,000 of them over several turns): from this step's state, which never changes (the room state is
 *  immutable), so it says what it would have said built now — and 10,000 built views do not wait in the queue long
 *  enough to be promoted out of V8's young generation (issue 14: memory that holds still). */
export function results(out: Outgoing[], sockets: SocketTable, state: RoomState): void {
  for (const [playerId, socket] of sockets.entries()) {
    if (getPlayer(state, playerId)) out.push(resultMessage(socket, state, playerId));
  }
}

function resultMessage(socket: string, state: RoomState, playerId: PlayerId): Message {
  let built: MeView | null = null;
  return {
    to: { socket },
    event: 'me:state',
    get payload(): MeView {
      return (built ??= viewForPlayer(state, playerId)!);
    },
  };
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
