// What every live screen shares: the socket, the room's view (replaced wholesale on room:state), the clock offset,
// the connection state, and rejoining with the stored token after a refresh, a dropped connection or a restart.
import { ClockOffset } from './clock.ts';
import { errorMessage, type ClientError } from './live-errors.ts';
import { reconnectDelay, RETRY_AFTER_MIN_MS } from './reconnect-delay.ts';
import { SessionStore, type Role, type Session } from './session-store.ts';
import type { GameSocket } from './socket.ts';
import type { Ack, ClientToServerEvents, CloseReason, PresenceView, Rejoined, RoomView } from '../../../shared/protocol.ts';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'restarting' | 'closed';

type Events = ClientToServerEvents;
type EventName = keyof Events;
export type PayloadOf<E extends EventName> = Parameters<Events[E]>[0];
export type DataOf<E extends EventName> = Parameters<Events[E]>[1] extends (ack: Ack<infer T>) => void ? T : never;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError; suggestion?: string };

/** Longer than a cluster node waits for a room's owner (5 s, then `room_moving`): the server's own verdict arrives
 *  before the client gives up (docs/protocol.md, "Conventions"). */
export const ackTimeoutMs = 8000;
/** How often an event is carried across a move of its room before the client gives up on it. */
const MAX_CARRIES = 5;

/** What to do with an event sent again: settle it from the room as it is now (the result to give), or null to send
 *  it again; and how to read the answer to a resend. */
export interface Carry<T> {
  settled(): Result<T> | null;
  resent?(result: Result<T>): Result<T>;
}
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
  /** The room is moving to another node (`room_moving`): reconnecting and rejoining, not an error. */
  moving = $state(false);

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
  /** Carried events waiting to be back in the room. */
  #waitingForRoom: ((back: boolean) => void)[] = [];

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
    this.#lostRoom();
    this.socket.disconnect();
    this.connection = 'connecting';
    this.socket.connect();
  }

  dispose(): void {
    this.#lostRoom();
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
      // The room's owner node did not answer (it died, or the room is changing node): reconnect, so the rejoin
      // finds the room wherever it is next.
      if (!ack.ok && ack.error === 'room_moving') this.#hop();
      return ack;
    } catch {
      return this.#fail('timeout');
    }
  }

  /** An event a player or host expects to just work when its room moves between nodes. Its outcome is unknown
   *  after `room_moving`, or when the connection dropped while it waited for its ack (a move's evacuation, a lost
   *  network): it is kept, the client reconnects and rejoins, and then `carry.settled()` reads the room as it is
   *  now — done, moot, or to be sent again (safe: every event carried this way is idempotent or guarded by what
   *  the sender saw; docs/protocol.md, "Conventions"). Meanwhile `error` stays empty. */
  protected async requestAcrossMoves<E extends EventName>(event: E, payload: PayloadOf<E>, carry: Carry<DataOf<E>>): Promise<Result<DataOf<E>>> {
    let result = await this.request(event, payload);
    for (let carried = 0; carried < MAX_CARRIES && this.#outcomeUnknown(result); carried++) {
      // The screen says why meanwhile: "moving" after room_moving (set by the hop), else the connection's own state.
      this.error = '';
      if (!(await this.#backInRoom())) return result;
      const done = carry.settled();
      if (done) return done;
      result = await this.request(event, payload);
      if (carry.resent) result = carry.resent(result);
    }
    return result;
  }

  #outcomeUnknown(result: Result<unknown>): boolean {
    return !result.ok && (result.error === 'room_moving' || (result.error === 'timeout' && !this.socket.connected));
  }

  /** Resolves true once this socket is (again) the seat, false when the seat is gone. */
  #backInRoom(): Promise<boolean> {
    if (this.#identified && this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => this.#waitingForRoom.push(resolve));
  }

  #lostRoom(): void {
    this.moving = false;
    for (const resolve of this.#waitingForRoom.splice(0)) resolve(false);
  }

  /** Leave this connection and come back on a new one after a short, jittered wait: a fresh socket has no
   *  identity, so its rejoin is located afresh (at the room's new owner, once there is one). */
  #hop(): void {
    if (!this.socket.connected) return;
    this.moving = true;
    this.#identified = false;
    clearTimeout(this.#retryTimer);
    this.socket.disconnect();
    this.connection = 'reconnecting';
    this.#retryTimer = setTimeout(() => this.socket.connect(), reconnectDelay(RETRY_AFTER_MIN_MS));
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
    this.moving = false;
    for (const resolve of this.#waitingForRoom.splice(0)) resolve(true);
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
    this.#lostRoom();
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
    } else if (!result.ok && result.error === 'room_moving') {
      // Not an error for the person: the request hopped to a new connection, whose connect rejoins.
      this.error = '';
    } else if (!result.ok && !lostSession.includes(result.error)) {
      // A timeout or a hiccup: try again in a moment while connected (nothing else would: no reconnect is coming),
      // and on every reconnect. Backing off (1, 2, 4, then every 8 s), so a server that keeps failing is not asked
      // by a whole class at once.
      this.resuming = false;
      const delay = rejoinRetryMs * 2 ** Math.min(this.#rejoinFailures++, 3);
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => {
        if (this.socket.connected && this.session === session && !this.#identified) void this.#rejoin();
      }, delay);
    } else {
      this.#lostRoom();
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
      // Everyone in the room heard the same thing at the same moment: each waits a random share longer.
      this.#retryTimer = setTimeout(() => this.socket.connect(), reconnectDelay(this.#retryAfterMs ?? 1000));
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
    this.#retryAfterMs = retryAfterMs;
  }

  #fail(error: ClientError): Result<never> {
    this.error = errorMessage(error);
    return { ok: false, error };
  }
}

/** The sentence a screen reader hears (and everyone sees) about the connection; empty when all is well. */
export function connectionMessage(state: ConnectionState, resuming: boolean, moving = false): string {
  if (moving) return 'The game is moving to another server. Reconnecting…';
  if (state === 'connecting') return 'Connecting to the game server…';
  if (state === 'reconnecting') return 'Connection lost. Reconnecting…';
  if (state === 'restarting') return 'The server is restarting. Reconnecting in a moment…';
  if (state === 'online' && resuming) return 'Rejoining your game…';
  return '';
}
