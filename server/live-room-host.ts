// The owner of one live room (the RoomHost interface and what it promises: room-host.ts).
import type { FinalResults, PlayerId, RosterFull, SocketData } from '../shared/protocol.ts';
import { allPlayers, finalResults, getPlayer, nextDeadline, playerRecord, reduce, type Actor, type PlayerRecord, type RoomEffect, type RoomEvent, type RoomState, type SlotRecord } from '../shared/room/index.ts';
import { finalResultsMessage, hostStatusMessage, meMessage, presenceMessage, results, roomStateMessage } from './fanout.ts';
import { presenceDue, presenceTold } from './presence-feed.ts';
import { RosterFeed } from './roster-feed.ts';
import type { RoomCommit } from './live-store.ts';
import { newStep, type Binding, type Message, type Step } from './outgoing.ts';
import { HOST_STATUS_MS, PRESENCE_MS, PRESENCE_MS_PER_PLAYER, RETRY_MS, type Request, type RoomHost, type RoomHostDeps } from './room-host.ts';
import { Seats, type SocketTable } from './socket-table.ts';
import { throttle, type Throttle } from './throttle.ts';
import { refuse } from './validated.ts';

const push = (step: Step, message: Message | null): void => {
  if (message) step.out.push(message);
};

const hasEffect = (effects: readonly RoomEffect[], type: RoomEffect['type']): boolean => effects.some((e) => e.type === type);

/** The slot an answer step stored, when that is all it changed (the round did not close): the one row the store
 *  would find by comparing the states (snapshot.ts: counters ride along, a player's record holds no answer). */
function answerRow(event: RoomEvent, effects: readonly RoomEffect[]): SlotRecord | null {
  const only = effects.length === 1 ? effects[0]! : null;
  return event.type === 'answer' && only?.type === 'answered' ? only.taken ?? null : null;
}

/** The newcomer's record, when a join let them straight in: the one row the store would find by comparing the
 *  states (a new player has no answer yet; the room record's counters, join index and idle clock ride along,
 *  snapshot.ts). A join into the waiting room changes the room record: null, compared as before. */
function joinRow(event: RoomEvent, effects: readonly RoomEffect[], state: RoomState): PlayerRecord | null {
  if (event.type !== 'join') return null;
  const who = effects[0];
  if (who?.type !== 'identified' || who.role !== 'player') return null;
  const player = getPlayer(state, who.playerId);
  return player ? playerRecord(player) : null;
}

/** Rows known since the last commit, without comparing the states (null: compare them). */
interface KnownRows {
  players: PlayerRecord[];
  slots: SlotRecord[];
}

export class LiveRoomHost implements RoomHost {
  readonly code: string;
  private current: RoomState;
  /** The state last committed, while there are changes since (null: none). */
  private saved: RoomState | null = null;
  /** A game that finished since the last commit: stored with it. */
  private finished: FinalResults | null = null;
  /** Since the last commit only answers were taken and players joined: their slots and records are the rows to
   *  write (null: compare the states). At 10,000 players the comparison was ~15 µs of a join's CPU (issue 14). */
  private known: KnownRows | null = null;
  private readonly seats: Seats;
  private readonly sockets: SocketTable;
  private timer: { at: number; cancel: () => void } | null = null;
  private readonly status: Throttle;
  private readonly presence: Throttle;
  /** What the host's roster was last told: the next host:status carries only what changed since. */
  private readonly roster = new RosterFeed();
  disposed = false;

  private readonly deps: RoomHostDeps;

  constructor(state: RoomState, deps: RoomHostDeps) {
    this.deps = deps;
    this.code = state.code;
    this.seats = new Seats(state.code);
    this.sockets = this.seats.table;
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
      if (this.saved === null) {
        this.saved = this.current;
        this.known = { players: [], slots: [] };
      }
      if (this.known !== null && state !== this.current) {
        const slot = answerRow(event, effects);
        const player = slot ? null : joinRow(event, effects, state);
        if (slot) this.known.slots.push(slot);
        else if (player) this.known.players.push(player);
        else this.known = null;
      }
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
    const commit: RoomCommit = { code: this.code, prev: this.saved, next: this.current, results: this.finished };
    if (this.known !== null) commit.changes = { room: null, players: this.known.players, removed: [], slots: this.known.slots };
    return commit;
  }

  committed(): void {
    this.saved = null;
    this.finished = null;
    this.known = null;
    this.sockets.committed();
  }

  rollback(): Binding[] {
    if (this.disposed) return [];
    if (this.saved !== null) this.current = this.saved;
    this.saved = null;
    this.finished = null;
    this.known = null;
    const undo = this.seats.rollback(this.current);
    // The panels were built from the undone state: send them again from the saved one, once the refusals are out.
    queueMicrotask(this.guarded(() => {
      if (this.disposed) return;
      this.roster.reset();
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
          // A full view carries the counts: the lobby's presence feed starts again from it.
          presenceTold(this, state, clock.now());
          step.out.push(roomStateMessage(this.code, state, clock.now()));
          step.urgent = true;
          break;
        case 'presence':
          presence ||= !broadcasts;
          break;
        case 'roster':
          status = true;
          break;
        case 'answered':
          status = true;
          break;
        case 'results':
          results(step.out, this.sockets, state, this.code);
          break;
        case 'finished':
          push(step, finalResultsMessage(this.sockets, this.finished!));
          break;
        case 'removed':
          this.seats.release(step, effect.playerId, effect.reason);
          break;
        case 'admitted':
          this.seats.admit(step, effect.playerId, state, clock.now());
          break;
        case 'me':
          push(step, meMessage(this.sockets, state, effect.playerId));
          break;
        case 'identified':
          if (socketId === null) break;
          if (effect.role === 'host') {
            this.bindHost(step, socketId);
            // A host back at a finished game hears the results after its ack (acks go first).
            if (state.phase === 'finished') step.out.push({ to: { socket: socketId }, event: 'host:results', payload: finalResults(state, clock.now()) });
          } else this.seats.bindPlayer(step, socketId, effect.playerId, effect.role);
          break;
        case 'expired':
          break;
      }
    }
    return [status, presence];
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
    this.seats.releaseAll(step, 'expired');
    this.dispose();
    if (request) this.answer(step, request);
    this.deps.outbox.add(this, step);
    return step;
  }

  private bindHost(step: Step, socketId: string): void {
    this.seats.bindHost(step, socketId);
    // A new host connection: its first update is the whole roster.
    this.roster.reset();
  }

  fullRoster(): RosterFull {
    return this.roster.full(this.current);
  }

  private answer<T>(step: Step, request: Request<T>): void {
    const payload = request.reply(step.result!, this);
    if (payload) step.out.push({ to: { ack: request.ack }, event: request.event, payload });
  }

  private sendStatus(): void {
    // Without a host, the next one gets the whole roster.
    if (this.sockets.host === null) this.roster.reset();
    const message = this.sockets.host === null ? null : hostStatusMessage(this.sockets, this.current, this.roster.next(this.current));
    const step = newStep();
    if (message) step.out.push(message);
    this.deps.outbox.add(this, step);
  }

  /** When enough changed to be worth a message to everyone (presence-feed.ts); else the throttle checks again. */
  private sendPresence(): void {
    const now = this.deps.clock.now();
    const due = presenceDue(this, this.current, now);
    if (due === 'wait') return this.presence.request();
    if (due === 'none') return;
    presenceTold(this, this.current, now);
    const step = newStep();
    step.out.push(presenceMessage(this.code, this.current));
    this.deps.outbox.add(this, step);
  }

  private tick(): void {
    this.timer = null;
    try {
      // Flushed once every timer due now has run: rooms closing together share one commit, and their reveals go out
      // before their per-player results (outbox.ts). A failed save rolls the room back and retries (rollback).
      this.deps.outbox.holdForTimers();
      const step = this.dispatch({ type: 'tick', now: this.deps.clock.now() });
      if (this.disposed) return;
      if (!step.result?.ok) this.retryLater();
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

  /** A timer already armed for an earlier time stays: its tick finds nothing due and arms the later one. Every join
   *  moves the idle deadline a little later, and moving the timer each time cost a clearTimeout and a setTimeout
   *  per join (issue 14). */
  private rearm(): void {
    const at = nextDeadline(this.current);
    if (this.timer !== null && this.timer.at < at) return;
    this.armAt(at);
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
