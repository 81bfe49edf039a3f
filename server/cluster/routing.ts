// Cluster mode's side of the socket layer, in one place for app.ts: socket.io's Redis adapter (room broadcasts
// reach every node's sockets), the node's channel (forwarded events and their acks, bindings and messages for
// sockets on other nodes: forwarding.ts) over the SAME two Redis connections — so what one node publishes arrives
// in order — the transport the rooms' outbox sends through (cluster-transport.ts), and the room calls' remote
// side (remote-rooms.ts).
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import { Gauge, type Registry } from 'prom-client';
import type { Outbox } from '../outbox.ts';
import type { RemoteRooms, RoomCalls } from '../room-calls.ts';
import type { Transport } from '../transport.ts';
import type { GameServer, Log } from '../types.ts';
import { clusterTransport, type TransportCounts } from './cluster-transport.ts';
import { createForwarder, type Forwarder } from './forwarding.ts';
import { redisNodeBus, type NodeBus } from './node-bus.ts';
import { remoteRooms } from './remote-rooms.ts';
import type { RoomDirectory } from './room-directory.ts';

/** `redis`: a connection for commands and publishes and one in subscriber mode (nothing else may use it), both
 *  shared with the adapter. `bus`: unit tests' memory bus (node-bus.ts), without the adapter (broadcasts stay on
 *  their node). */
export type ClusterLinks = ({ redis: { pub: Redis; sub: Redis } } | { bus: NodeBus }) & {
  /** How long a forwarded event waits for its owner (forwarding.ts, FORWARD_TIMEOUT_MS). */
  forwardTimeoutMs?: number;
  /** Closes connections the links own (redisLinks), after the last publish. */
  close?(): Promise<void>;
};

/** Two connections of the routing's own to `url`: commands + publishes, and the subscriber. */
export function redisLinks(url: string, log: Log): ClusterLinks {
  const pub = new Redis(url, { maxRetriesPerRequest: 1 });
  const sub = pub.duplicate();
  // Reconnects are ioredis's; meanwhile a failed publish is logged where it happens (node-bus.ts).
  pub.on('error', (error: unknown) => log('Redis (publisher) connection error', error));
  sub.on('error', (error: unknown) => log('Redis (subscriber) connection error', error));
  return {
    redis: { pub, sub },
    async close() {
      await Promise.all([pub.quit().catch(() => {}), sub.quit().catch(() => {})]);
    },
  };
}

export interface ClusterRouting {
  transport: Transport;
  forwarder: Forwarder;
  counts: TransportCounts;
  readonly bus: NodeBus;
  /** The room calls' remote side over this node's directory. */
  remote(directory: RoomDirectory): RemoteRooms;
  /** Once the handlers exist: forwarded events run through these. */
  attach(calls: RoomCalls, outbox: Outbox): void;
  /** Subscribed to this node's channel. */
  ready: Promise<void>;
  /** Publishes what is queued and stops listening (the Redis connections are the caller's to close). */
  close(): Promise<void>;
}

export function clusterRouting(io: GameServer, node: string, links: ClusterLinks, log: Log): ClusterRouting {
  if ('redis' in links) io.adapter(createAdapter(links.redis.pub, links.redis.sub));
  const bus = 'redis' in links ? redisNodeBus(links.redis.pub, links.redis.sub, log) : links.bus;
  let calls: RoomCalls | null = null;
  let outbox: Outbox | null = null;
  const forwarder = createForwarder({
    node, bus, io, log,
    calls: () => {
      if (!calls) throw new Error('a forwarded event arrived before the handlers were registered');
      return calls;
    },
    outbox: () => outbox!,
    ...(links.forwardTimeoutMs === undefined ? {} : { timeoutMs: links.forwardTimeoutMs }),
  });
  const transport = clusterTransport(io, forwarder);
  const ready = forwarder.start();
  ready.catch((error: unknown) => log(`could not subscribe to node ${node}'s channel`, error));
  return {
    transport, forwarder, counts: transport.counts, bus,
    remote: (directory) => remoteRooms(directory, forwarder, log),
    attach(c, o) {
      calls = c;
      outbox = o;
    },
    ready,
    async close() {
      await forwarder.close();
      await links.close?.();
    },
  };
}

/** /metrics: what this node published to Redis, by kind (the bench divides by answers and questions). */
export function publishMetrics(registry: Registry, routing: ClusterRouting): void {
  new Gauge({
    name: 'podium_cluster_publishes', help: 'Redis publishes by this node: node = to one node\'s channel (forwarded events, acks, bindings, messages), broadcast = room broadcasts through the adapter, fallback = to a socket no node was known for',
    labelNames: ['kind'], registers: [registry],
    collect() {
      this.set({ kind: 'node' }, routing.bus.published);
      this.set({ kind: 'broadcast' }, routing.counts.broadcasts);
      this.set({ kind: 'fallback' }, routing.counts.fallbacks);
    },
  });
  new Gauge({
    name: 'podium_forwarded_waiting', help: 'Events forwarded to another node still waiting for their answer', registers: [registry],
    collect() {
      this.set(routing.forwarder.waiting);
    },
  });
}
