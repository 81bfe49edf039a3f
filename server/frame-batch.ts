// A socket's frames of one outbox pass, written together (issue 14, docs/operations.md "Durable rooms").
//
// engine.io 6's websocket transport writes a packet at once and then marks itself not writable until ws's write
// callback (the next tick): a second frame to the same socket in the same turn (an ack then the reveal, the reveal
// then `me:state`) waits in engine.io's writeBuffer and goes in a write of its own after 'drain'. While a batch runs,
// the transport's `send` only collects what engine.io hands it (engine.io keeps calling it, as the transport stays
// writable); at the batch's end each socket's collected sends are replayed to the real `send`, in order, with the TCP
// socket corked, so they leave in one writev. Nothing is reordered: every packet still passes through engine.io in
// the order socket.io (acks, direct sends, the adapter's broadcasts) gave it; only the write moves to the end of the
// same synchronous pass. A transport closed during the batch writes what it collected first.
//
// This relies on engine.io 6.x internals (checked against 6.6): `Socket#transport`, the websocket transport's
// `send(packets)`, `close(fn)`, `writable`, and `socket._socket` (ws's net.Socket). Anything else (polling) is left
// alone.

/** The parts of an engine.io websocket transport this uses. */
interface WsTransport {
  readonly name: string;
  send(packets: unknown[]): void;
  close(fn?: () => void): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}
interface EngineConn {
  transport: WsTransport;
  on(event: 'upgrade', fn: () => void): unknown;
}
export interface EngineLike {
  on(event: 'connection', fn: (conn: EngineConn) => void): unknown;
}

export interface FrameBatcher {
  /** Runs `fn`; the frames it writes go out at its end, one write per socket. Nested calls join the outer batch. */
  batch(fn: () => void): void;
}

const wrapped = new WeakSet<WsTransport>();

export function frameBatcher(engine: EngineLike): FrameBatcher {
  let depth = 0;
  /** Per transport, engine.io's `send` calls of this batch (each one a drain engine.io waits for), in order. */
  const held = new Map<WsTransport, { send: (packets: unknown[]) => void; calls: unknown[][] }>();

  const write = (t: WsTransport): void => {
    const h = held.get(t);
    if (!h) return;
    held.delete(t);
    const raw = t.socket?._socket;
    raw?.cork();
    try {
      for (const packets of h.calls) h.send(packets);
    } finally {
      raw?.uncork();
    }
  };

  const wrap = (t: WsTransport): void => {
    if (t.name !== 'websocket' || wrapped.has(t)) return;
    wrapped.add(t);
    const send = t.send.bind(t);
    const close = t.close.bind(t);
    t.send = (packets) => {
      if (depth === 0) return send(packets);
      const h = held.get(t);
      if (h) h.calls.push(packets);
      else held.set(t, { send, calls: [packets] });
    };
    t.close = (fn) => {
      write(t);
      close(fn);
    };
  };

  engine.on('connection', (conn) => {
    wrap(conn.transport);
    conn.on('upgrade', () => wrap(conn.transport));
  });

  return {
    batch(fn) {
      depth++;
      try {
        fn();
      } finally {
        if (--depth === 0) for (const t of [...held.keys()]) write(t);
      }
    },
  };
}
