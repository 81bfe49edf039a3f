// The owner of one live room: the only writer of its state, of which socket speaks for whom, and of its timer and
// throttles. `dispatch` is synchronous and does no I/O: it applies the event and returns what it means as data
// (outgoing.ts) — the reply, the messages, the bindings — which the outbox commits and sends (outbox.ts). Two
// events for a room can never interleave, and nobody hears of a change before it is on disk.
import type { Ack, PlayerId, SocketData } from '../shared/protocol.ts';
import { allPlayers, finalResults, getPlayer, nextDeadline, reduce, type Actor, type Result, type RoomEffect, type RoomEvent, type RoomState } from '../shared/room/index.ts';
import type { FinalResults } from '../shared/protocol.ts';
import type { Clock, Scheduler } from './clock.ts';
import { admittedMessage, closedMessage, finalResultsMessage, hostStatusMessage, meMessage, results, roomStateMessage } from './fanout.ts';
import type { LiveRoomStore, RoomCommit } from './live-store.ts';
import type { Committable, Outbox } from './outbox.ts';
import { newStep, type AckTo, type Binding, type Step } from './outgoing.ts';
import { SocketTable, type Seat } from './socket-table.ts';
import { throttle, type Throttle } from './throttle.ts';
import type { Log } from './types.ts';
import { refuse, type EventName } from './validated.ts';

export const HOST_STATUS_MS = 250;
export const PRESENCE_MS = 500;
/** The lobby re-broadcast waits this much longer per connected player (1 s at 10,000), so a crowd joining costs
 *  about 10,000 lobby messages a second whatever its size, instead of one view to everyone every 500 ms. */
export const PRESENCE_MS_PER_PLAYER = 0.1;
/** A tick whose change could not be saved is retried after this long. */
export const RETRY_MS = 1000;

/** A client event on its way into a room: the socket it came from (identity is the server's, never the payload's),
 *  where its ack goes, and how the ack reads the outcome. In cluster mode the same request is forwarded to the
 *  room's owner node, and `ack` carries the reply back. */
export interface Request<T> {
  socketId: string;
  event: EventName;
  ack: AckTo<T>;
  /** null: the handler answers itself after the step (a miss whose answer depends on a limit it still awaits). */
  reply(result: Result, room: RoomHost): Ack<T> | null;
}

/** One live room's owner. Everything else reads it; only its methods change it. */
export interface RoomHost extends Committable {
  readonly code: string;
  /** The current state (including changes not on disk yet). */
  readonly state: RoomState;
  readonly hostSocket: string | null;
  socketOf(playerId: PlayerId): string | undefined;
  /** Host only when the socket says host and is the room's current host socket. */
  actorOf(socketId: string, identity: SocketData): Actor;
  /** Applies the event; the step (reply included) is in the outbox when this returns. */
  dispatch<T>(event: RoomEvent, request?: Request<T> | null): Step;
  /** The socket that created the room becomes its host. */
  attachHost<T>(request: Request<T>): Step;
  /** The socket dropped: counts only if it still speaks for its seat. */
  gone(socketId: string, identity: SocketData): void;
  /** After a restart: whoever did not come back within the grace is marked away. */
  settleAbsent(): void;
  /** When the room's timer is next due (deadline or idle expiry). */
  nextWake(): number;
  /** Sets the room down without telling anyone (server shutdown; it stays saved). */
  dispose(): void;
  readonly disposed: boolean;
}

export interface RoomHostDeps {
  clock: Clock;
  scheduler: Scheduler;
  store: LiveRoomStore;
  outbox: Outbox;
  log: Log;
  /** The room was dropped or set down: the registry forgets it. */
  closed(room: RoomHost): void;
}

const hasEffect = (effects: readonly RoomEffect[], type: RoomEffect['type']): boolean => effects.some((e) => e.type === type);

export class LiveRoomHost implements RoomHost {
  readonly code: string;
  private current: RoomState;
  /** The state last committed, while there are changes since (null: none). */
  private saved: RoomState | null = null;
  /** A game that finished since the last commit: stored with it. */
  private finished: FinalResults | null = null;
  private readonly sockets = new SocketTable();
  private timer: { at: number; cancel: () => void } | null = null;
  private readonly status: Throttle;
  private readonly presence: Throttle;
  private rosterDirty = true;
  disposed = false;

  private readonly deps: RoomHostDeps;

  constructor(state: RoomState, deps: RoomHostDeps) {
    this.deps = deps;
    this.code = state.code;
    this.current = state;
    const { clock, scheduler } = deps;
    this.status = throttle(this.guarded(() => this.sendStatus()), HOST_STATUS_MS, clock, scheduler);
    this.presence = throttle(this.guarded(() => this.sendPresence()), () => Math.max(PRESENCE_MS, this.current.connectedCount * PRESENCE_MS_PER_PLAYER), clock, scheduler);
    this.rearm();
  }

  get state(): RoomState {
    return this.current;
  }

  get hostSocket(): string | null {
    return this.sockets.host;
  }

  socketOf(playerId: PlayerId): string | undefined {
    return this.sockets.socketOf(playerId);
  }

  actorOf(socketId: string, identity: SocketData): Actor {
    if (identity.role === 'host' && this.sockets.host === socketId) return { role: 'host' };
    return { role: 'player', playerId: identity.playerId ?? '' };
  }

  dispatch<T>(event: RoomEvent, request: Request<T> | null = null): Step {
    const result = reduce(this.current, event);
    const step = newStep(result);
    let status = false;
    let presence = false;
    if (result.ok) {
      const { state, effects } = result;
      if (hasEffect(effects, 'expired')) return this.expire(step, request);
      if (this.saved === null) this.saved = this.current;
      if (hasEffect(effects, 'finished')) this.finished = finalResults(state, this.deps.clock.now());
      this.current = state;
      step.changed = true;
      [status, presence] = this.effects(step, effects, request?.socketId ?? null);
      this.rearm();
    }
    if (request) this.answer(step, request);
    this.deps.outbox.add(this, step);
    // After the step is queued, so a panel sent at once is queued behind this change's commit.
    if (presence) this.presence.request();
    if (status) this.status.request();
    return step;
  }

  attachHost<T>(request: Request<T>): Step {
    const step = newStep({ ok: true, state: this.current, effects: [] });
    this.bindHost(step, request.socketId);
    this.answer(step, request);
    this.deps.outbox.add(this, step);
    return step;
  }

  gone(socketId: string, { role, playerId }: SocketData): void {
    const now = this.deps.clock.now();
    if (role === 'host' && this.sockets.host === socketId) {
      this.sockets.set(null, undefined);
      this.dispatch({ type: 'disconnect', actor: { role: 'host' }, now });
    } else if (role === 'waiting' && playerId !== null && this.sockets.socketOf(playerId) === socketId) {
      this.sockets.set(playerId, undefined);
      this.deps.outbox.add(this, newStep());
    } else if (role === 'player' && playerId !== null && this.sockets.socketOf(playerId) === socketId) {
      this.sockets.set(playerId, undefined);
      this.dispatch({ type: 'disconnect', actor: { role: 'player', playerId }, now });
    }
  }

  settleAbsent(): void {
    if (this.disposed) return;
    const now = this.deps.clock.now();
    if (this.current.host.connected && this.sockets.host === null) this.dispatch({ type: 'disconnect', actor: { role: 'host' }, now });
    for (const p of allPlayers(this.current)) {
      if (p.connected && this.sockets.socketOf(p.id) === undefined) this.dispatch({ type: 'disconnect', actor: { role: 'player', playerId: p.id }, now });
    }
  }

  nextWake(): number {
    return nextDeadline(this.current);
  }

  // --- the outbox's side (Committable) ---

  pending(): RoomCommit | null {
    if (this.saved === null || this.disposed) return null;
    return { code: this.code, prev: this.saved, next: this.current, results: this.finished };
  }

  committed(): void {
    this.saved = null;
    this.finished = null;
    this.sockets.committed();
  }

  rollback(): Binding[] {
    if (this.disposed) return [];
    if (this.saved !== null) this.current = this.saved;
    this.saved = null;
    this.finished = null;
    const undo: Binding[] = [];
    for (const { seat, was, had } of this.sockets.rollback()) {
      if (had !== undefined) undo.push({ kind: 'release', socket: had, room: this.code });
      if (was !== undefined) undo.push(this.bindingOf(seat, was));
    }
    // The panels were built from the undone state: send them again from the saved one, once the refusals are out.
    queueMicrotask(this.guarded(() => {
      if (this.disposed) return;
      this.rosterDirty = true;
      this.status.request();
      if (this.current.phase === 'lobby') this.presence.request();
    }));
    this.retryLater();
    return undo;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.deps.outbox.forget(this);
    this.timer?.cancel();
    this.timer = null;
    this.status.cancel();
    this.presence.cancel();
    this.deps.closed(this);
  }

  // --- inside ---

  /** Messages and bindings for the step's effects; returns whether the panel and the lobby view are asked for. */
  private effects(step: Step, effects: readonly RoomEffect[], socketId: string | null): [status: boolean, presence: boolean] {
    const { clock } = this.deps;
    const state = this.current;
    const broadcasts = hasEffect(effects, 'broadcast');
    let status = false;
    let presence = false;
    // A full broadcast carries the latest state, so a presence re-broadcast still pending (or asked for in the same
    // step) would only repeat it later, and a client could take that copy for a new phase.
    if (broadcasts) this.presence.cancel();
    for (const effect of effects) {
      switch (effect.type) {
        case 'broadcast':
          step.out.push(roomStateMessage(this.code, state, clock.now()));
          step.urgent = true;
          break;
        case 'presence':
          presence ||= !broadcasts;
          break;
        case 'roster':
          this.rosterDirty = true;
          status = true;
          break;
        case 'answered':
          status = true;
          break;
        case 'results':
          results(step.out, this.sockets, state);
          break;
        case 'finished':
          this.push(step, finalResultsMessage(this.sockets, this.finished!));
          break;
        case 'removed':
          this.release(step, effect.playerId, effect.reason);
          break;
        case 'admitted':
          this.admit(step, effect.playerId);
          break;
        case 'me':
          this.push(step, meMessage(this.sockets, state, effect.playerId));
          break;
        case 'identified':
          if (socketId === null) break;
          if (effect.role === 'host') {
            this.bindHost(step, socketId);
            // A host back at a finished game hears the results after its ack (acks go first).
            if (state.phase === 'finished') step.out.push({ to: { socket: socketId }, event: 'host:results', payload: finalResults(state, clock.now()) });
          } else this.bindPlayer(step, socketId, effect.playerId, effect.role);
          break;
        case 'expired':
          break;
      }
    }
    return [status, presence];
  }

  private push(step: Step, message: Step['out'][number] | null): void {
    if (message) step.out.push(message);
  }

  /** The newest socket wins a seat: a reload or second tab replaces the old one, which is told so. */
  private displace(step: Step, seat: Seat, socketId: string): void {
    const old = this.sockets.set(seat, socketId);
    if (old === undefined || old === socketId) return;
    step.out.push(closedMessage(old, 'replaced'));
    step.bindings.push({ kind: 'release', socket: old, room: this.code });
  }

  private bindHost(step: Step, socketId: string): void {
    this.displace(step, null, socketId);
    this.rosterDirty = true;
    step.bindings.push(this.bindingOf(null, socketId));
  }

  /** A player joins the room's broadcasts; someone in the waiting room does not, until admitted. */
  private bindPlayer(step: Step, socketId: string, playerId: PlayerId, role: 'player' | 'waiting'): void {
    this.displace(step, playerId, socketId);
    step.bindings.push({ kind: 'bind', socket: socketId, room: this.code, identity: { roomCode: this.code, role, playerId }, hears: role === 'player' });
  }

  /** The binding a seat's socket has in the current state (a player still in the waiting list is waiting). */
  private bindingOf(seat: Seat, socket: string): Binding {
    if (seat === null) return { kind: 'bind', socket, room: this.code, identity: { roomCode: this.code, role: 'host', playerId: null }, hears: true };
    const waiting = getPlayer(this.current, seat) === undefined && this.current.waiting.some((w) => w.id === seat);
    return { kind: 'bind', socket, room: this.code, identity: { roomCode: this.code, role: waiting ? 'waiting' : 'player', playerId: seat }, hears: !waiting };
  }

  private admit(step: Step, playerId: PlayerId): void {
    const socket = this.sockets.socketOf(playerId);
    const message = socket === undefined ? null : admittedMessage(socket, this.current, playerId, this.deps.clock.now());
    if (!socket || !message) return;
    step.bindings.push({ kind: 'bind', socket, room: this.code, identity: { roomCode: this.code, role: 'player', playerId }, hears: true });
    step.out.push(message);
  }

  /** Tells a socket it is out of the room and forgets who it was. */
  private release(step: Step, playerId: PlayerId, reason: 'kicked' | 'left' | 'refused' | 'expired'): void {
    const socket = this.sockets.set(playerId, undefined);
    if (socket === undefined) return;
    step.out.push(closedMessage(socket, reason));
    step.bindings.push({ kind: 'release', socket, room: this.code });
  }

  /** Idle: the room is dropped from the database at once, then everyone bound is told; refused if the drop failed. */
  private expire<T>(step: Step, request: Request<T> | null): Step {
    const { store, clock, log } = this.deps;
    const state = this.current;
    try {
      // A game left unfinished (the host's laptop closed mid-game) keeps a report of the rounds it played (issue 11).
      const report = state.phase !== 'finished' && state.rounds.length > 0 ? { results: finalResults(state, clock.now()), hostTokenHash: state.host.token } : null;
      store.drop(this.code, report);
    } catch (error) {
      log(`could not drop room ${this.code}`, error);
      step.result = refuse('internal_error');
      if (request) this.answer(step, request);
      this.deps.outbox.add(this, step);
      return step;
    }
    for (const [playerId] of [...this.sockets.entries()]) this.release(step, playerId, 'expired');
    const host = this.sockets.set(null, undefined);
    if (host !== undefined) {
      step.out.push(closedMessage(host, 'expired'));
      step.bindings.push({ kind: 'release', socket: host, room: this.code });
    }
    this.dispose();
    if (request) this.answer(step, request);
    this.deps.outbox.add(this, step);
    return step;
  }

  private answer<T>(step: Step, request: Request<T>): void {
    const payload = request.reply(step.result!, this);
    if (payload) step.out.push({ to: { ack: request.ack }, event: request.event, payload });
  }

  private sendStatus(): void {
    const message = hostStatusMessage(this.sockets, this.current, this.rosterDirty);
    this.rosterDirty = false;
    const step = newStep();
    if (message) step.out.push(message);
    this.deps.outbox.add(this, step);
  }

  private sendPresence(): void {
    const step = newStep();
    step.out.push(roomStateMessage(this.code, this.current, this.deps.clock.now()));
    this.deps.outbox.add(this, step);
  }

  private tick(): void {
    this.timer = null;
    try {
      const step = this.dispatch({ type: 'tick', now: this.deps.clock.now() });
      // A tick has no ack to wait for, and whether to retry depends on the save: flushed at once.
      const saved = this.deps.outbox.flush();
      if (this.disposed) return;
      if (!saved || !step.result?.ok) this.retryLater();
      else if (this.timer === null) this.rearm();
    } catch (error) {
      this.deps.log(`tick failed in room ${this.code}`, error);
    }
  }

  private armAt(at: number): void {
    if (this.disposed || this.timer?.at === at) return;
    this.timer?.cancel();
    this.timer = { at, cancel: this.deps.scheduler.at(at, () => this.tick()) };
  }

  private rearm(): void {
    this.armAt(nextDeadline(this.current));
  }

  /** After a failed save: a deadline already due is retried after a pause, not in a loop. */
  private retryLater(): void {
    const at = nextDeadline(this.current);
    const now = this.deps.clock.now();
    this.armAt(at <= now ? now + RETRY_MS : at);
  }

  /** Timer callbacks run outside any handler's try/catch: an exception there would end the process. */
  private guarded(fn: () => void): () => void {
    return () => {
      try {
        fn();
      } catch (error) {
        this.deps.log('a deferred send failed', error);
      }
    };
  }
}
