// Every socket a room's owner has bound to it: its host's, its players', its waiting joiners'. Told to reconnect
// when the room is set down on this node (cluster-rooms.ts).
import { allPlayers } from '../../shared/room/index.ts';
import type { RoomHost } from '../room-host.ts';

export function socketsOf(room: RoomHost): Set<string> {
  const sockets = new Set<string>();
  if (room.hostSocket !== null) sockets.add(room.hostSocket);
  for (const id of [...allPlayers(room.state).map((p) => p.id), ...room.state.waiting.map((w) => w.id)]) {
    const s = room.socketOf(id);
    if (s !== undefined) sockets.add(s);
  }
  return sockets;
}
