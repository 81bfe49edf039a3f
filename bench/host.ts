// One room's host, on the same bench client as the players: creates the room and steps it round by round.
// Podium and the floor take the same host events (host:start, host:next { phase, round }, host:results); both close
// a round by themselves, when every player has answered or at the deadline.
import type { RoomSettings, RoomView } from '../shared/protocol.ts';
import { WireSocket } from './wire/client.ts';

export interface Seen {
  view: RoomView;
  /** Length of the message's JSON (characters), and Date.now() at arrival. */
  bytes: number;
  at: number;
}

const PHASE_TIMEOUT_MS = 60_000;
const ACK_TIMEOUT_MS = 15_000;

export class Host {
  readonly code: string;
  private readonly socket: WireSocket;
  private readonly queue: Seen[] = [];
  private wake: () => void = () => {};
  private closedWhy: string | null = null;

  /** host:status messages received so far, and their JSON characters (the roster rides in them). */
  readonly status: { messages: number; bytes: number };

  private constructor(socket: WireSocket, code: string, status: { messages: number; bytes: number }) {
    this.socket = socket;
    this.code = code;
    this.status = status;
  }

  static async create(url: string, settings: RoomSettings): Promise<Host> {
    const early: Seen[] = [];
    const status = { messages: 0, bytes: 0 };
    let host: Host | null = null;
    const socket = await WireSocket.connect(url, {
      onEvent: (name, payload, at) => {
        if (name === 'host:status') {
          status.messages++;
          status.bytes += payload.length;
        }
        if (name !== 'room:state') return;
        const seen = { view: JSON.parse(payload) as RoomView, bytes: payload.length, at };
        if (host) host.push(seen);
        else early.push(seen);
      },
      onClose: (reason) => {
        if (host) host.closedWhy = reason;
      },
    });
    const created = await call<{ code: string }>(socket, 'room:create', { settings });
    host = new Host(socket, created.code, status);
    for (const s of early) host.push(s);
    return host;
  }

  private push(seen: Seen): void {
    this.queue.push(seen);
    this.wake();
  }

  /** The first view not yet taken that matches (earlier ones are dropped): a broadcast can overtake an ack. */
  next(match: (v: RoomView) => boolean, timeoutMs = PHASE_TIMEOUT_MS): Promise<Seen> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`room ${this.code}: no matching room:state within ${timeoutMs} ms${this.closedWhy ? ` (host socket ${this.closedWhy})` : ''}`)), timeoutMs);
      const check = (): void => {
        const i = this.queue.findIndex((s) => match(s.view));
        if (i < 0) return;
        const seen = this.queue.splice(0, i + 1).at(-1)!;
        clearTimeout(timer);
        this.wake = () => {};
        resolve(seen);
      };
      this.wake = check;
      check();
    });
  }

  call<T>(event: string, payload: unknown): Promise<T> {
    return call<T>(this.socket, event, payload);
  }

  /** Round 1 starts the game; later rounds leave the leaderboard. Resolves with the question as the host got it. */
  async open(round: number): Promise<Seen> {
    if (round === 1) await this.call('host:start', {});
    else await this.call('host:next', { phase: 'leaderboard', round: round - 1 });
    return this.next((v) => v.phase === 'question' && v.round === round);
  }

  reveal(round: number, timeoutMs: number): Promise<Seen> {
    return this.next((v) => v.phase === 'reveal' && v.round === round, timeoutMs);
  }

  /** From the reveal to the leaderboard, or to the end after the last round. */
  async advance(round: number, last: boolean): Promise<void> {
    await this.call('host:next', { phase: 'reveal', round });
    await this.next((v) => v.phase === (last ? 'finished' : 'leaderboard') && v.round === round);
  }

  close(): void {
    this.socket.close();
  }
}

function call<T>(socket: WireSocket, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => socket.expire(Date.now()), ACK_TIMEOUT_MS);
    socket.emit(event, payload, (raw) => {
      clearTimeout(timer);
      if (raw === null) return reject(new Error(`${event}: no ack`));
      const ack = JSON.parse(raw) as { ok: true; data: T } | { ok: false; error: string };
      if (ack.ok) resolve(ack.data);
      else reject(new Error(`${event}: ${ack.error}`));
    });
  });
}
