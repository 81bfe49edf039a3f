// The one socket.io connection a live screen uses, typed by the protocol (server events first, then client events).
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol.ts';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Same origin as the page (Vite proxies /socket.io in development). WebSocket first: fewer round trips on phones. */
export function connectSocket(): GameSocket {
  return io({ path: '/socket.io', transports: ['websocket', 'polling'], reconnectionDelayMax: 2000 });
}
