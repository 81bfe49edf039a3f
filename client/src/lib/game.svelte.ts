// What every live screen shares: the socket, the room's view (replaced wholesale on room:state), the clock offset,
// the connection state, and rejoining with the stored token after a refresh, a dropped connection or a restart.
import { ClockOffset } from './clock.ts';
import { errorMessage, type ClientError } from './live-errors.ts';
import { SessionStore, type Role, type Session } from './session-store.ts';
import type { GameSocket } from './socket.ts';
import type { Ack, ClientToServerEvents, CloseReason, PresenceView, Rejoined, RoomView } from '../../../shared/protocol.ts';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'restarting' | 'closed';

type Events = ClientToServerEvents;
type EventName = keyof Events;
export type PayloadOf<E extends EventName> = Parameters<Events[E]>[0];
export type DataOf<E extends EventName> = Parameters<Events[E]>[1] extends (ack: Ack<infer T>) => void ? T : never;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError; suggestion?: string };

export const ackTimeoutMs = 5000;
/** A rejoin refused for a passing reason is tried again after this long (docs/operations.md, "Cluster mode"). */
export const rejoinRetryMs = 1000;
/** A session the server no longer knows: forget it instead of retrying forever. */
const lostSession: readonly string[] = ['room_not_found', 'unknown_token', 'kicked', 'too_many_attempts'];

export class GameClient {
  view = $state.raw<RoomView | null>(null);
  connection = $state<ConnectionState>('connecting');
  serverOffset = $state(0);
  /** Why the room closed for us (kicked, left, expired), once it has. */
  closed = $state<CloseReason | null>(null);
  /** True while a stored session is being resumed, so screens can say "rejoining" instead of showing a form. */
  resuming = $state(false);
  /** The last thing that went wrong, in words. */
  error = $state('');

  readonly role: Role;
  protected readonly socket: GameSocket;
  protected readonly sessions: SessionStore;
  protected session: Session | null = null;
  #clock = new ClockOffset();
  #identified = false;
  /** Rejoins refused in a row for a passing reason (the retry backs off). */
  #rejoinFailures = 0;
  #retryAfterMs: number | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(socket: GameSocket, role: Role, sessions = new SessionStore()) {
    this.socket = socket;
    this.role = role;
    this.sessions = sessions;
    socket.on('connect', () => void this.#onConnect());
    socket.on('disconnect', (reason) => this.#onDisconnect(reason));
    socket.on('connect_error', () => this.#onConnectError());
    // Every (re)connection brings the seat's token: the server lets a seat back in at once even while it slows
    // down tokenless connections from this network (someone on it flooded; docs/protocol.md, "Limits").
    socket.auth = (send: (data: object) => void) => send(this.session ? { code: this.session.code, token: this.session.token } : {});
    socket.on('room:state', (view) => this.applyView(view));
    socket.on('room:presence', (presence) => this.applyPresence(presence));
    socket.on('room:closed', ({ reason }) => this.onClosed(reason));
    socket.on('server:restarting', ({ retryAfterMs }) => this.#onRestarting(retryAfterMs));
    if (socket.connected) this.connection = 'online';
  }

  get code(): string | null {
    return this.session?.code ?? this.view?.code ?? null;
  }

  /** Pick up a stored session (a refresh): rejoin now if connected, else as soon as the socket connects. */
  resume(code?: string | null): boolean {
    const stored = this.sessions.load(this.role, code);
    if (!stored) return false;
    this.session = stored;
    this.resuming = true;
    if (this.socket.connected) void this.#rejoin();
    return true;
  }

  /** Leave the room behind and start over on a fresh connection (the server gives each socket one identity). */
  reset(): void {
    if (this.session) this.sessions.forget(this.role, this.session.code);
    this.session = null;
    this.view = null;
    this.closed = null;
    this.error = '';
    this.resuming = false;
    this.#identified = false;
    this.socket.disconnect();
    this.connection = 'connecting';
    this.socket.connect();
  }

  dispose(): void {
    clearTimeout(this.#retryTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  /** Milliseconds on the server's clock, for countdowns. */
  serverTime(clientNow = Date.now()): number {
    return clientNow + this.serverOffset;
  }

  /** Arrivals and departures: new counts and team sizes in the view on screen, the rest as it was. */
  applyPresence(presence: PresenceView): void {
    if (this.view) this.view = { ...this.view, playerCount: presence.playerCount, connectedCount: presence.connectedCount, teams: presence.teams };
  }

  applyView(view: RoomView): void {
    this.serverOffset = this.#clock.sample(view.serverNow, Date.now());
    this.view = view;
  }

  /** Any client event, with a timeout; never throws. Refused at once while disconnected, since a buffered event
   * would reach the server before the rejoin and be refused there. */
  protected async request<E extends EventName>(event: E, payload: PayloadOf<E>): Promise<Result<DataOf<E>>> {
    if (!this.socket.connected) return this.#fail('offline');
    const timed = this.socket.timeout(ackTimeoutMs);
    const send = timed.emitWithAck as unknown as (e: E, p: PayloadOf<E>) => Promise<Ack<DataOf<E>>>;
    try {
      const ack = await send.call(timed, event, payload);
      if (!ack.ok) this.error = errorMessage(ack.error);
      else this.error = '';
      return ack;
    } catch {
      return this.#fail('timeout');
    }
  }

  /** A create, join or rejoin succeeded on this socket: remember it for the next refresh. No view: someone in a
   *  waiting room, who sees nothing of the room until admitted. */
  protected identified(session: Session, view: RoomView | null): void {
    this.#identified = true;
    this.session = session;
    this.sessions.save(this.role, session);
    this.resuming = false;
    this.closed = null;
    if (view) this.applyView(view);
  }

  /** Subclasses take their own half of a rejoin (me or host status); false when the token was for the other role. */
  protected onRejoined(_data: Rejoined): boolean {
    return false;
  }

  /** Kicked, left or expired: the seat is gone, so is its token; start a fresh connection, so the person can join
   * again. Replaced: another tab or device took the seat; the token stays (that tab uses it too) and this tab
   * stays offline until asked to take the seat back. */
  protected onClosed(reason: CloseReason): void {
    this.closed = reason;
    this.#identified = false;
    clearTimeout(this.#retryTimer);
    this.socket.disconnect();
    if (reason === 'replaced') {
      this.connection = 'closed';
      return;
    }
    if (this.session) this.sessions.forget(this.role, this.session.code);
    this.session = null;
    this.view = null;
    this.connection = 'connecting';
    this.socket.connect();
  }

  /** After `replaced`: play here again (the other tab is then the one replaced). */
  takeOver(): void {
    if (this.closed !== 'replaced' || !this.session) return;
    this.closed = null;
    this.connection = 'connecting';
    this.resuming = true;
    this.socket.connect();
  }

  async #onConnect(): Promise<void> {
    clearTimeout(this.#retryTimer);
    this.#retryAfterMs = null;
    this.connection = 'online';
    if (this.session && !this.#identified) await this.#rejoin();
  }

  async #rejoin(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.resuming = true;
    const result = await this.request('room:rejoin', { code: session.code, token: session.token });
    if (this.session !== session) return;
    if (result.ok) this.#rejoinFailures = 0;
    if (result.ok && this.onRejoined(result.data)) {
      this.identified({ code: session.code, token: session.token }, 'view' in result.data ? result.data.view : null);
    } else if (!result.ok && !lostSession.includes(result.error)) {
      // A timeout or a hiccup (room_moving: the room is changing node, whose sockets are then told to reconnect,
      // but not this one, which never got back in): try again in a moment while connected, and on every reconnect.
      // Backing off (1, 2, 4, then every 8 s), so a server that keeps failing is not asked by a whole class at once.
      this.resuming = false;
      const delay = rejoinRetryMs * 2 ** Math.min(this.#rejoinFailures++, 3);
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => {
        if (this.socket.connected && this.session === session && !this.#identified) void this.#rejoin();
      }, delay);
    } else {
      this.sessions.forget(this.role, session.code);
      this.session = null;
      this.view = null;
      this.resuming = false;
      if (!result.ok && result.error === 'kicked') this.closed = 'kicked';
      else this.error = `That game is no longer running on the server. ${this.role === 'host' ? 'Create a new room.' : 'Join a new one.'}`;
    }
  }

  #onDisconnect(reason: string): void {
    this.#identified = false;
    if (this.connection === 'closed' || reason === 'io client disconnect') return;
    if (this.connection !== 'restarting') this.connection = 'reconnecting';
    // The server hung up on us (a restart): socket.io does not retry that by itself.
    if (reason === 'io server disconnect') {
      this.#retryTimer = setTimeout(() => this.socket.connect(), this.#retryAfterMs ?? 1000);
    }
  }

  #onConnectError(): void {
    if (this.connection === 'online') this.connection = 'reconnecting';
    // Refused by the server (not a network error): socket.io does not retry that by itself.
    if (!this.socket.active) {
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => this.socket.connect(), 1500);
    }
  }

  #onRestarting(retryAfterMs: number): void {
    this.connection = 'restarting';
    this.#retryAfterMs = Math.min(Math.max(retryAfterMs, 250), 30_000);
  }

  #fail(error: ClientError): Result<never> {
    this.error = errorMessage(error);
    return { ok: false, error };
  }
}

/** The sentence a screen reader hears (and everyone sees) about the connection; empty when all is well. */
export function connectionMessage(state: ConnectionState, resuming: boolean): string {
  if (state === 'connecting') return 'Connecting to the game server…';
  if (state === 'reconnecting') return 'Connection lost. Reconnecting…';
  if (state === 'restarting') return 'The server is restarting. Reconnecting in a moment…';
  if (state === 'online' && resuming) return 'Rejoining your game…';
  return '';
}
