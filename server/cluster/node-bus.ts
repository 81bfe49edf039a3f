// Messages between nodes, one channel per node (`podium:node:<name>`): Redis pub/sub in cluster mode, a memory bus
// in unit tests. The Redis bus shares the two connections of socket.io's Redis adapter (which ignores channels that
// are not its own), so everything one node publishes — a forwarded ack, a binding, a room broadcast — reaches
// another node in the order it was published: Redis delivers one connection's publishes in order to each
// subscriber connection (server/cluster/forwarding.ts relies on it: a socket's binding is applied before its ack,
// and before the broadcasts that follow it).
import type { Redis } from 'ioredis';

export const nodeChannel = (node: string): string => `podium:node:${node}`;

export interface NodeBus {
  /** Publishes one message to the node's channel (not awaited: the connection keeps the order). */
  publish(node: string, message: string): void;
  /** Receives what other nodes publish to this node's channel; resolves once subscribed. */
  listen(node: string, receive: (message: string) => void): Promise<void>;
  /** Publishes so far (the bench reads it from /metrics: Redis round trips per answer). */
  readonly published: number;
  close(): Promise<void>;
}

/** Over the adapter's ioredis connections: `pub` publishes, `sub` is in subscriber mode. */
export function redisNodeBus(pub: Redis, sub: Redis, log: (message: string, error: unknown) => void): NodeBus {
  let published = 0;
  let channel: string | null = null;
  let listener: ((channel: string, message: string) => void) | null = null;
  return {
    publish(node, message) {
      published++;
      pub.publish(nodeChannel(node), message).catch((error: unknown) => log(`publish to node ${node} failed`, error));
    },
    async listen(node, receive) {
      channel = nodeChannel(node);
      const mine = channel;
      listener = (from, message) => {
        if (from === mine) receive(message);
      };
      sub.on('message', listener);
      await sub.subscribe(mine);
    },
    get published() {
      return published;
    },
    async close() {
      if (listener) sub.off('message', listener);
      if (channel) await sub.unsubscribe(channel).catch(() => {});
    },
  };
}

/** Every node of a test in one process: messages are delivered on a later macrotask, in order, like Redis. */
export function memoryNodeHub() {
  const nodes = new Map<string, (message: string) => void>();
  /** Messages in flight, in order; a paused hub holds them (a slow or partitioned Redis). */
  const queue: { node: string; message: string }[] = [];
  let paused = false;
  let scheduled = false;
  const drain = (): void => {
    scheduled = false;
    while (!paused && queue.length > 0) {
      const { node, message } = queue.shift()!;
      nodes.get(node)?.(message);
    }
  };
  const schedule = (): void => {
    if (scheduled || paused) return;
    scheduled = true;
    setImmediate(drain);
  };
  return {
    bus(): NodeBus {
      let published = 0;
      return {
        publish(node, message) {
          published++;
          queue.push({ node, message });
          schedule();
        },
        listen(node, receive) {
          nodes.set(node, receive);
          return Promise.resolve();
        },
        get published() {
          return published;
        },
        close: () => Promise.resolve(),
      };
    },
    /** Holds (true) or releases (false) every message in flight. */
    pause(on: boolean): void {
      paused = on;
      if (!on) schedule();
    },
    /** Drops every message in flight (a node that never answers). */
    drop(): void {
      queue.length = 0;
    },
  };
}
