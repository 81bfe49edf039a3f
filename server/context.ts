// Everything the socket handlers share: the rooms, entropy, limits, the public address.
import type { Clock } from './clock.ts';
import type { RoomHost } from './room-host.ts';
import type { Bucket } from './rate-limit.ts';
import type { GameServer, Log } from './types.ts';

export interface Limits {
  /** Per socket, every event. */
  eventsPerSecond: number;
  eventBurst: number;
  /** Per address: failed room:join / room:rejoin (wrong code or token), so codes cannot be brute-forced. */
  failedJoinsPerMinute: number;
  /** Per address: rooms created. */
  createsPerMinute: number;
}

export const defaultLimits: Limits = { eventsPerSecond: 10, eventBurst: 20, failedJoinsPerMinute: 20, createsPerMinute: 10 };

export interface HandlerContext {
  io: GameServer;
  rooms: RoomHost;
  clock: Clock;
  newId(): string;
  newSeed(): string;
  randomBytes(count: number): Uint8Array;
  failedJoins(address: string): Bucket;
  creates(address: string): Bucket;
  publicUrl: string;
  isDraining(): boolean;
  log: Log;
}
