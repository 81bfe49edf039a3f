// Cluster mode's rooms on one Redis connection: the lease scripts, the room index and the leases of this node,
// wired for app.ts. What main.ts hands over (ClusterSetup) is the connection and how finished games reach
// PostgreSQL.
import type { Redis } from 'ioredis';
import type { Clock, Scheduler } from '../clock.ts';
import type { Reply } from '../outgoing.ts';
import type { Transport } from '../transport.ts';
import type { GameServer, Log } from '../types.ts';
import { createClusterRooms, MOVE_RETRY_MS, type ClusterRooms } from './cluster-rooms.ts';
import type { SaveFinished } from './finished-delivery.ts';
import { redisLeaseCommands } from './redis-lease-commands.ts';
import { redisRoomIndex } from './room-index.ts';
import { LEASE_RENEW_EVERY_MS, LEASE_TTL_MS, roomLeases } from './room-lease.ts';

export interface ClusterSetup {
  /** The node's Redis connection (ioredis, auto-pipelined: a batch's fenced writes go in one round trip). */
  redis: Redis;
  /** Its URL, for connections of their own (the socket.io adapter's publisher and subscriber). */
  redisUrl: string;
  saveFinished: SaveFinished;
  /** Lease timing (room-lease.ts defaults: 3 s, renewed every second); tests may shorten them. */
  ttlMs?: number;
  renewEveryMs?: number;
  /** Wait for other nodes' leases to lapse before listening (createClusterRooms' startWaitMs): main.ts does. */
  awaitLapsedLeases?: boolean;
}

export interface ClusterWiring {
  node: string;
  io: GameServer;
  clock: Clock;
  scheduler: Scheduler;
  transport: Transport;
  log: Log;
  acked: (reply: Reply) => void;
}

export function clusterRoomsOn(setup: ClusterSetup, w: ClusterWiring): ClusterRooms {
  const commands = redisLeaseCommands(setup.redis);
  const timing = { ...(setup.ttlMs ? { ttlMs: setup.ttlMs } : {}), ...(setup.renewEveryMs ? { renewEveryMs: setup.renewEveryMs } : {}) };
  const leases = roomLeases({ commands, holder: w.node, clock: w.clock, scheduler: w.scheduler, log: w.log, ...timing });
  return createClusterRooms({
    node: w.node, clock: w.clock, scheduler: w.scheduler, commands, leases, index: redisRoomIndex(setup.redis), transport: w.transport,
    log: w.log, acked: w.acked, saveFinished: setup.saveFinished,
    ...(setup.renewEveryMs ? { sweepEveryMs: setup.renewEveryMs } : {}),
    ...(setup.awaitLapsedLeases ? { startWaitMs: (setup.ttlMs ?? LEASE_TTL_MS) + (setup.renewEveryMs ?? LEASE_RENEW_EVERY_MS) } : {}),
    // Through the adapter when there is one (every node's sockets in the room): told, then cut, so they reconnect
    // through the balancer and rejoin with their tokens here.
    evacuate(code) {
      w.io.to(code).emit('server:restarting', { retryAfterMs: MOVE_RETRY_MS });
      w.io.in(code).disconnectSockets(true);
    },
  });
}
