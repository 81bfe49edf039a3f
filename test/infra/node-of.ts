// Which node the balancer sent a socket.io client to: the WebSocket upgrade's response carries the node's
// X-Podium-Node header (docs/operations.md, "Cluster mode"). socket.io-client takes transport classes, so this is
// engine.io-client's own Node WebSocket transport, reading that header off each upgrade. Works across
// reconnections: each new connection (a new engine) records its own node.
import { NodeWebSocket } from 'engine.io-client';
import type { IncomingMessage } from 'node:http';

const nodes = new WeakMap<object, string | null>();

interface Upgradable {
  on(event: 'upgrade', listener: (response: IncomingMessage) => void): void;
}

/** Pass as `transports: [TracedWebSocket]` to io(). */
export class TracedWebSocket extends NodeWebSocket {
  override createSocket(uri: string, protocols: string | string[] | undefined, opts: Record<string, unknown>): unknown {
    const ws: unknown = super.createSocket(uri, protocols, opts);
    const engine = (this as unknown as { socket: object }).socket;
    (ws as unknown as Upgradable).on('upgrade', (response) => {
      const header = response.headers['x-podium-node'];
      nodes.set(engine, typeof header === 'string' ? header : null);
    });
    return ws;
  }
}

/** The node of a client's current connection (null: the node sent no header; undefined: not connected by
 *  TracedWebSocket yet). */
export function nodeOf(client: { io: { engine: object } }): string | null | undefined {
  return nodes.get(client.io.engine);
}
