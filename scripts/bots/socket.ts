// The bot's socket: the real protocol over socket.io-client, WebSocket only, typed by shared/protocol.ts.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts';

export type BotSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends (r: Ack<infer T>) => void ? T : never;

export const ACK_TIMEOUT_MS = 15_000;

/** Connects one socket; rejects on a refused connection or after `timeoutMs`. `localAddress` picks the
 *  source address (e.g. 127.0.0.2), so simulated hosts on one machine look like separate people. */
export function connectSocket(url: string, timeoutMs = 15_000, localAddress?: string): Promise<BotSocket> {
  // One engine per bot (forceNew), no automatic reconnection: a drop is a lost player, counted by the caller.
  const base: Partial<ManagerOptions & SocketOptions> = { transports: ['websocket'], forceNew: true, reconnection: false, timeout: timeoutMs };
  // engine.io-client hands localAddress to ws in Node, but its option type does not list it.
  const options = localAddress === undefined ? base : ({ ...base, localAddress } as typeof base);
  const socket: BotSocket = io(url, options);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Emits with an ack; a missing ack within the timeout rejects instead of hanging the bot. */
export async function call<E extends keyof ClientToServerEvents>(
  socket: BotSocket,
  event: E,
  payload: Payload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<Ack<AckData<E>>> {
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(ev: E, p: Payload<E>): Promise<Ack<AckData<E>>>;
  };
  return emitter.emitWithAck(event, payload);
}

/** The ack's data, or an Error naming the protocol's error code. */
export async function callOk<E extends keyof ClientToServerEvents>(
  socket: BotSocket,
  event: E,
  payload: Payload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<AckData<E>> {
  const ack = await call(socket, event, payload, timeoutMs);
  if (!ack.ok) throw new Error(`${event}: ${ack.error}`);
  return ack.data;
}
