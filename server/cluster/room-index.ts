// Which rooms are live in the cluster: the set podium:rooms, read by every node's failover sweep (a room whose
// lease nobody holds is taken over) and by freshCode (a new room never gets a live room's code).
import type { Redis } from 'ioredis';

export const ROOMS_KEY = 'podium:rooms';

export interface RoomIndex {
  /** Lists the code; false when it was listed already. */
  add(code: string): Promise<boolean>;
  remove(code: string): Promise<void>;
  has(code: string): Promise<boolean>;
  all(): Promise<string[]>;
}

export function redisRoomIndex(redis: Redis): RoomIndex {
  return {
    add: async (code) => (await redis.sadd(ROOMS_KEY, code)) === 1,
    remove: async (code) => void (await redis.srem(ROOMS_KEY, code)),
    has: async (code) => (await redis.sismember(ROOMS_KEY, code)) === 1,
    all: () => redis.smembers(ROOMS_KEY),
  };
}

/** The same in memory, for unit tests. */
export function memoryRoomIndex(): RoomIndex & { codes: Set<string> } {
  const codes = new Set<string>();
  return {
    codes,
    add: async (code) => !codes.has(code) && Boolean(codes.add(code)),
    remove: async (code) => void codes.delete(code),
    has: async (code) => codes.has(code),
    all: async () => [...codes],
  };
}
