// Everything the socket handlers share: the rooms, entropy, limits, the public address.
import type { Clock } from './clock.ts';
import type { Rooms } from './rooms.ts';
import type { Origin } from './origin.ts';
import type { RoomCalls } from './room-calls.ts';
import type { GameSocket } from './types.ts';
import type { RoomDirectory } from './cluster/room-directory.ts';
import type { Guesses, GuessLimits } from './guesses.ts';
import type { Limiter } from './limiter.ts';
import type { Metrics } from './metrics.ts';
import type { GameServer, Log } from './types.ts';
import type { LibraryStore } from './library/library-store.ts';

export interface Limits extends GuessLimits {
  /** Per socket, every event. */
  eventsPerSecond: number;
  eventBurst: number;
  /** Per address: rooms created. */
  createsPerMinute: number;
  /** Per room: fresh joins (rejoins are free); a class of 200 behind one address passes at once. */
  joinsPerRoomPerMinute: number;
  /** Open connections per address (a class behind one NAT address, with room for reloads). */
  connectionsPerAddress: number;
}

export const defaultLimits: Limits = {
  eventsPerSecond: 10, eventBurst: 20, createsPerMinute: 10, joinsPerRoomPerMinute: 300, connectionsPerAddress: 250,
  guessesPerSocket: 5, guessesPerAddressPerMinute: 20, overBudgetGuessEverySec: 2,
};

export interface HandlerContext {
  io: GameServer;
  /** The rooms this node owns. */
  rooms: Rooms;
  /** Every room operation by name, run where the room is (this node, or its owner in cluster mode). */
  calls: RoomCalls;
  /** The socket's event as data, stamped with this node's name (origin.ts). */
  origin(socket: GameSocket): Origin;
  /** Where any room lives (this node, another one in cluster mode, nowhere), and how a new one is opened. */
  directory: RoomDirectory;
  clock: Clock;
  newId(): string;
  newSeed(): string;
  randomBytes(count: number): Uint8Array;
  guesses: Guesses;
  creates: Limiter;
  joinsPerRoom: Limiter;
  publicUrl: string;
  isDraining(): boolean;
  log: Log;
  metrics: Metrics;
  /** Saved quizzes and the games index (server/library/). */
  library: LibraryStore;
  /** Codes taken by assignments: a new room never gets one, and joining one as a room says it is homework. */
  assignments: { has(code: string): boolean };
}
