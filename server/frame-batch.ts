// A socket's frames of one outbox pass, written together (issue 14, docs/operations.md "Durable rooms").
//
// engine.io 6's websocket transport writes a packet at once and then marks itself not writable until ws's write
// callback (the next tick): a second frame to the same socket in the same turn (an ack then the reveal, the reveal
// then `me:state`) waits in engine.io's writeBuffer and goes in a write of its own after 'drain'. While a batch runs,
// the transport's first `send` is held and the transport reads as not writable (as after a real send), so engine.io
// keeps the socket's next frames in its writeBuffer, as it does today. At the batch's end the held send goes to the
// real `send` and, with the TCP socket corked, engine.io's buffer is flushed behind it as one more send: one writev
// for the socket instead of one now and one after the drain. Nothing is reordered: every packet still passes through
// engine.io in the order socket.io (acks, direct sends, the adapter's broadcasts) gave it; only the first write moves
// to the end of the same synchronous pass. A transport closed during the batch writes what it holds first.
//
// This relies on engine.io 6.x internals (checked against 6.6): `Socket#transport`, `writeBuffer` and `flush()`, the
// websocket transport's `send(packets)`, `close(fn)` and `writable`, and `socket._socket` (ws's net.Socket). Anything
// else (polling) is left alone.

/** The parts of an engine.io websocket transport this uses. */
interface WsTransport {
  readonly name: string;
  writable: boolean;
  send(packets: unknown[]): void;
  close(fn?: () => void): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}
interface EngineConn {
  transport: WsTransport;
  writeBuffer: unknown[];
  flush(): void;
  on(event: 'upgrade', fn: () => void): unknown;
}
export interface EngineLike {
  on(event: 'connection', fn: (conn: EngineConn) => void): unknown;
}

export interface FrameBatcher {
  /** Runs `fn`; the frames it writes go out at its end, one write per socket. Nested calls join the outer batch. */
  batch(fn: () => void): void;
  /** Runs `fn` with its frames written at once even inside a batch (a frame behind one already held still waits
   *  for it, so no socket's order changes). */
  through(fn: () => void): void;
}

/** A transport's first `send` of the batch, held; engine.io keeps the frames after it in its own writeBuffer (the
 *  transport reads as not writable, as after a real send). */
interface Held {
  t: WsTransport;
  conn: EngineConn;
  send: (packets: unknown[]) => void;
  packets: unknown[] | null;
  /** Writing now: engine.io's flush of its buffer goes straight to the real send, even inside a batch. */
  direct: boolean;
}

const wrapped = new WeakSet<WsTransport>();

export function frameBatcher(engine: EngineLike): FrameBatcher {
  let depth = 0;
  let passing = 0;
  let held: Held[] = [];

  /** The held send, then what engine.io buffered behind it, in one write. */
  const write = (h: Held): void => {
    const packets = h.packets;
    if (!packets) return;
    h.packets = null;
    if (h.conn.writeBuffer.length === 0) return h.send(packets);
    const raw = h.t.socket?._socket;
    raw?.cork();
    try {
      h.send(packets);
      // engine.io flushes its buffer as one more send when the transport is writable: now, into the same write.
      h.t.writable = true;
      h.direct = true;
      h.conn.flush();
    } finally {
      h.direct = false;
      raw?.uncork();
    }
  };

  const wrap = (conn: EngineConn): void => {
    const t = conn.transport;
    if (t.name !== 'websocket' || wrapped.has(t)) return;
    wrapped.add(t);
    const h: Held = { t, conn, send: t.send.bind(t), packets: null, direct: false };
    const close = t.close.bind(t);
    t.send = (packets) => {
      if (depth === 0 || passing > 0 || h.direct) return h.send(packets);
      t.writable = false;
      h.packets = packets;
      held.push(h);
    };
    t.close = (fn) => {
      write(h);
      close(fn);
    };
  };

  engine.on('connection', (conn) => {
    wrap(conn);
    conn.on('upgrade', () => wrap(conn));
  });

  return {
    batch(fn) {
      depth++;
      try {
        fn();
      } finally {
        if (--depth === 0) {
          const all = held;
          held = [];
          for (const h of all) write(h);
        }
      }
    },
    through(fn) {
      passing++;
      try {
        fn();
      } finally {
        passing--;
      }
    },
  };
}
