// One socket.io connection over a raw WebSocket (the `ws` package), the same lean client for Podium and the floor:
// no reconnection, no buffering, no per-event emitter; the open packet is answered with a connect, pings with
// pongs, and acks are matched by id. A driver runs thousands of these in one process, so each message costs a
// string decode and a switch; the JSON inside is parsed only by whoever needs it (and can cache it).
import { WebSocket } from 'ws';
import { CONNECT, PONG, decode, encodeEvent } from './packets.ts';

export interface WireEvents {
  /** A server event: its name, the raw JSON of its argument, Date.now() when the message arrived. */
  onEvent(name: string, payload: string, arrivedAt: number): void;
  /** The connection ended (the server closed it, a network error, or close() was called). */
  onClose(reason: string): void;
}

interface PendingAck {
  sentAt: number;
  reply: (payload: string | null) => void;
}

export interface WireOptions {
  /** Source address (e.g. 127.0.0.3): each loopback address has its own range of ephemeral ports. */
  localAddress?: string | undefined;
  timeoutMs?: number;
}

export class WireSocket {
  readonly ws: WebSocket;
  private handlers: WireEvents;
  private nextId = 0;
  private readonly pending = new Map<number, PendingAck>();
  private closed = false;

  private constructor(ws: WebSocket, handlers: WireEvents) {
    this.ws = ws;
    this.handlers = handlers;
  }

  /** Opens the WebSocket and the default namespace; resolves once the server confirmed the connect. */
  static connect(origin: string, handlers: WireEvents, opts: WireOptions = {}): Promise<WireSocket> {
    const url = `${origin.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const timeoutMs = opts.timeoutMs ?? 15_000;
    const ws = new WebSocket(url, {
      perMessageDeflate: false, skipUTF8Validation: true, handshakeTimeout: timeoutMs,
      ...(opts.localAddress === undefined ? {} : { localAddress: opts.localAddress }),
    });
    const socket = new WireSocket(ws, handlers);
    return new Promise((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => fail('connect timeout'), timeoutMs);
      const fail = (why: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.close();
        reject(new Error(why));
      };
      ws.on('error', (err) => fail(err.message));
      ws.on('close', (code) => {
        fail(`closed (${code}) before connecting`);
        socket.ended(`closed ${code}`);
      });
      ws.on('message', (data: Buffer) => {
        const arrivedAt = Date.now();
        const text = data.toString();
        if (settled) return socket.received(text, arrivedAt);
        const packet = decode(text);
        if (packet.type === 'open') ws.send(CONNECT);
        else if (packet.type === 'connected') {
          settled = true;
          clearTimeout(timer);
          resolve(socket);
        } else if (packet.type === 'connect_error') fail(`connect_error: ${packet.message}`);
        else if (packet.type === 'ping') ws.send(PONG);
      });
    });
  }

  setHandlers(handlers: WireEvents): void {
    this.handlers = handlers;
  }

  private received(text: string, arrivedAt: number): void {
    const packet = decode(text);
    switch (packet.type) {
      case 'event':
        return this.handlers.onEvent(packet.name, packet.payload, arrivedAt);
      case 'ack': {
        const waiting = this.pending.get(packet.id);
        if (!waiting) return;
        this.pending.delete(packet.id);
        return waiting.reply(packet.payload);
      }
      case 'ping':
        return void this.ws.send(PONG);
      case 'disconnected':
        return this.close('server disconnected the socket');
      case 'close':
        return this.close('server closed the engine');
      default:
        return;
    }
  }

  /** Sends an event; `reply` gets the ack's raw JSON, or null when the connection ended or the ack expired. */
  emit(name: string, payload: unknown, reply?: (payload: string | null) => void): void {
    if (this.closed) return reply?.(null);
    const id = reply ? this.nextId++ : null;
    if (id !== null && reply) this.pending.set(id, { sentAt: Date.now(), reply });
    this.ws.send(encodeEvent(name, payload, id));
  }

  /** Acks sent before `before` that never came: answered with null. The caller sweeps now and then, so a
   *  driver with thousands of sockets holds no timer per event. */
  expire(before: number): void {
    for (const [id, p] of this.pending) {
      if (p.sentAt >= before) continue;
      this.pending.delete(id);
      p.reply(null);
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private ended(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) p.reply(null);
    this.pending.clear();
    this.handlers.onClose(reason);
  }

  close(reason = 'closed by client'): void {
    if (!this.closed) {
      if (this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
      else if (this.ws.readyState === WebSocket.OPEN) this.ws.close();
    }
    this.ended(reason);
  }
}
