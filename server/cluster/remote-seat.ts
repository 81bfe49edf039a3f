// The seat a handshake's token opens, for a room this node does not host (cluster mode): read from the room's hash
// in Redis (room-rows.ts), which every owner writes before anyone hears of a change, so a token a player was
// given is there. Used only by the connection guard's slow lane (connection-guard.ts): when an address is cooling
// down after a flood, a classmate bringing a valid token for a room owned by another node passes at once, as on
// one node. One HMGET of two fields, bounded: no answer within `timeoutMs` (Redis slow or down) counts as no
// token, which is what every handshake got before this existed.
import type { Redis } from 'ioredis';
import { isRoomCode } from '../../shared/room/code.ts';
import { protectToken } from '../tokens.ts';
import { roomKey } from './lease-commands.ts';
import { ROOM_FIELD } from './room-rows.ts';

export type RemoteSeatOf = (code: string, token: string) => Promise<string | null>;

/** Player ids as the server makes them (tokens.ts newId): nothing else is worth a Redis read. */
const PLAYER_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const REMOTE_SEAT_TIMEOUT_MS = 300;

type Hmget = Pick<Redis, 'hmget'>;

export function redisSeatOf(redis: Hmget, timeoutMs = REMOTE_SEAT_TIMEOUT_MS): RemoteSeatOf {
  return async (rawCode, token) => {
    const code = rawCode.toUpperCase();
    if (!isRoomCode(code) || token.length > 200) return null;
    const dot = token.indexOf('.');
    const id = dot > 0 ? token.slice(0, dot) : '';
    const fields = PLAYER_ID.test(id) ? [ROOM_FIELD, `p:${id}`] : [ROOM_FIELD];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    try {
      const values = await Promise.race([redis.hmget(roomKey(code), ...fields), late]);
      return values ? seatIn(code, id, protectToken(token), values[0] ?? null, values[1] ?? null) : null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The seat from the stored records: the host's token hash and the waiting list are in the room record, a player's
 *  in its own. Records that do not parse open nothing. */
function seatIn(code: string, id: string, hashed: string, roomJson: string | null, playerJson: string | null): string | null {
  const room = parse(roomJson) as { host?: { token?: unknown }; waiting?: unknown } | null;
  if (!room) return null;
  if (room.host?.token === hashed) return `${code}:host`;
  if (!id) return null;
  const player = parse(playerJson) as { token?: unknown } | null;
  if (player?.token === hashed) return `${code}:${id}`;
  const waiting = Array.isArray(room.waiting) ? (room.waiting as { id?: unknown; token?: unknown }[]) : [];
  return waiting.some((w) => w?.id === id && w.token === hashed) ? `${code}:${id}` : null;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}
