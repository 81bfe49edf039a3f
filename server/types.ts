// The typed socket.io server and socket used across server/.
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../shared/protocol.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoInterServerEvents = {};
export type GameServer = Server<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, SocketData>;
export type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, SocketData>;

export const noIdentity = (): SocketData => ({ roomCode: null, role: null, playerId: null });

export type Log = (message: string, error?: unknown) => void;

/** The address limits are counted against (the peer's; see docs/operations.md for proxies). */
export const addressOf = (socket: GameSocket): string => socket.handshake.address;
