// The live rooms: one pure state each, one timer each (from nextDeadline), dispatch kept synchronous so two
// events for a room can never interleave. A change takes effect in memory at once, but nobody hears of it before
// it is on disk: changes are saved in batches and their acks and broadcasts wait for that (save-batch.ts), acks
// first. If the write fails, the rooms go back to their saved state and the batch's events are refused.
import { allPlayers, finalResults, getPlayer, isStale, nextDeadline, reduce, RestoreError, restoreRoom, type Result, type RoomEvent, type RoomState } from '../shared/room/index.ts';
import type { RoomEffect } from '../shared/room/events.ts';
import type { Clock, Scheduler } from './clock.ts';
import type { LiveRoom } from './live-room.ts';
import type { Store } from './store.ts';
import { throttle } from './throttle.ts';
import { applyEffects, broadcastPresence, forgetSocket, release, sendHostStatus, type FanoutDeps } from './fanout.ts';
import { saveBatch } from './save-batch.ts';
import { RosterFeed } from './roster-feed.ts';
import type { GameServer, Log } from './types.ts';

export const HOST_STATUS_MS = 250;
export const PRESENCE_MS = 500;
/** The lobby re-broadcast waits this much longer per connected player (1 s at 10,000), so a crowd joining costs
 *  about 10,000 lobby messages a second whatever its size, instead of one view to everyone every 500 ms. */
export const PRESENCE_MS_PER_PLAYER = 0.1;
const presenceInterval = (state: RoomState): number => Math.max(PRESENCE_MS, state.connectedCount * PRESENCE_MS_PER_PLAYER);
/** After a restart, players and the host count as present this long, so a round does not close before they are back. */
export const RESTORE_GRACE_MS = 10_000;
/** A tick whose change could not be saved is retried after this long. */
const RETRY_MS = 1000;

export interface RoomHostDeps {
  io: GameServer;
  clock: Clock;
  scheduler: Scheduler;
  store: Store;
  log: Log;
}

export type RoomHost = ReturnType<typeof createRoomHost>;

export function createRoomHost({ io, clock, scheduler, store, log }: RoomHostDeps) {
  const rooms = new Map<string, LiveRoom>();
  const fanout: FanoutDeps = { io, now: () => clock.now(), log };

  /** Timer callbacks run outside any handler's try/catch: an exception there would end the process. */
  const guarded = (fn: () => void) => (): void => {
    try {
      fn();
    } catch (error) {
      log('a deferred send failed', error);
    }
  };

  function armAt(room: LiveRoom, at: number): void {
    if (room.timer?.at === at) return;
    room.timer?.cancel();
    room.timer = { at, cancel: scheduler.at(at, () => tick(room)) };
  }

  const rearm = (room: LiveRoom): void => armAt(room, nextDeadline(room.state));

  /** After a failed save: a deadline already due is retried after a pause, not in a loop. */
  function retryLater(room: LiveRoom): void {
    const at = nextDeadline(room.state);
    armAt(room, at <= clock.now() ? clock.now() + RETRY_MS : at);
  }

  /** Undoes what the unsaved turn bound: sockets of players (or a host) the saved state does not have connected. */
  function rolledBack(room: LiveRoom): void {
    for (const [playerId, socketId] of room.sockets) {
      if (getPlayer(room.state, playerId)?.connected === true || room.state.waiting.some((w) => w.id === playerId)) continue;
      room.sockets.delete(playerId);
      forgetSocket(fanout, room, socketId);
    }
    if (room.hostSocket !== null && !room.state.host.connected) {
      forgetSocket(fanout, room, room.hostSocket);
      room.hostSocket = null;
    }
    if (rooms.has(room.code)) retryLater(room);
  }

  const batch = saveBatch({ store, log, rolledBack });

  /** Sends after the turn's changes are saved; `failed` instead if they could not be (a send that reads the room's
   *  current state may pass the same function: after a failure that state is the saved one). */
  const afterSave = (sent: () => void, failed: (() => void) | null = null): void => batch.later(sent, failed);

  function tick(room: LiveRoom): void {
    room.timer = null;
    try {
      const result = dispatch(room, { type: 'tick', now: clock.now() });
      if (!rooms.has(room.code)) return;
      if (!result.ok) retryLater(room);
      else if (room.timer === null) rearm(room);
    } catch (error) {
      log(`tick failed in room ${room.code}`, error);
    }
  }

  function dispose(room: LiveRoom): void {
    batch.forget(room);
    room.timer?.cancel();
    room.status.cancel();
    room.presence.cancel();
    rooms.delete(room.code);
  }

  function expire(room: LiveRoom): void {
    const sockets = [...room.sockets.values(), ...(room.hostSocket === null ? [] : [room.hostSocket])];
    for (const socketId of sockets) release(fanout, room, socketId, 'expired');
    dispose(room);
  }

  /** An idle room is dropped from the database at once; refused (internal_error, logged) when it could not be. */
  function drop(room: LiveRoom, result: Result): Result {
    try {
      // A game left unfinished (the host's laptop closed mid-game) keeps a report of the rounds it played (issue 11).
      const { state } = room;
      if (state.phase !== 'finished' && state.rounds.length > 0) store.saveGame(finalResults(state, clock.now()), state.host.token);
      store.dropRoom(room.code);
    } catch (error) {
      log(`could not drop room ${room.code}`, error);
      return { ok: false, error: 'internal_error' };
    }
    expire(room);
    return result;
  }

  /** Saved as soon as the current callback returns rather than at the end of the turn: a change everyone sees (a
   *  new question or a reveal goes out now, not after the rest of a burst of answers in other rooms). Not
   *  synchronously: the handler that made the change queues its ack first, so the player whose answer closed the
   *  round hears its ack before the reveal (issue 14). */
  const urgent = (effects: readonly RoomEffect[]): boolean => effects.some((e) => e.type === 'broadcast');

  function dispatch(room: LiveRoom, event: RoomEvent): Result {
    const result = reduce(room.state, event);
    if (!result.ok) return result;
    const { state, effects } = result;
    if (effects.some((e) => e.type === 'expired')) return drop(room, result);
    const finished = effects.some((e) => e.type === 'finished');
    batch.changed(room, room.state, finished ? finalResults(state, clock.now()) : null);
    room.state = state;
    batch.later(() => applyEffects(fanout, room, state, effects));
    rearm(room);
    // A tick has no ack of its own to wait for, and its caller must know at once whether to retry.
    if (event.type === 'tick') return batch.flush() ? result : { ok: false, error: 'internal_error' };
    if (urgent(effects)) batch.flushSoon();
    return result;
  }

  /** Marks whoever did not come back within the grace as away, as if their socket had dropped. */
  function settleAbsent(code: string): void {
    const room = rooms.get(code);
    if (!room) return;
    const now = clock.now();
    if (room.state.host.connected && room.hostSocket === null) dispatch(room, { type: 'disconnect', actor: { role: 'host' }, now });
    for (const p of allPlayers(room.state)) {
      if (p.connected && !room.sockets.has(p.id)) dispatch(room, { type: 'disconnect', actor: { role: 'player', playerId: p.id }, now });
    }
  }

  /** Reopens every saved room; finished rooms past their idle time are dropped instead. Returns how many. */
  function restore(): number {
    const now = clock.now();
    let count = 0;
    for (const saved of store.liveRooms()) {
      if (isStale(saved.room, now)) {
        store.dropRoom(saved.code);
        continue;
      }
      let state: RoomState;
      try {
        state = restoreRoom(saved, now);
      } catch (error) {
        // A row this server does not trust stays in the database for an operator (docs/operations.md); the
        // other rooms start.
        if (!(error instanceof RestoreError)) throw error;
        log(`room ${saved.code} not restored: ${error.message}`);
        continue;
      }
      const room = open(state, false);
      scheduler.at(now + RESTORE_GRACE_MS, guarded(() => settleAbsent(room.code)));
      count++;
    }
    return count;
  }

  function open(state: RoomState, save = true): LiveRoom {
    if (save) store.saveRoom(null, state, null);
    const status = (): void => sendHostStatus(fanout, room);
    const presence = (): void => broadcastPresence(fanout, room);
    const room: LiveRoom = {
      code: state.code, state, timer: null, hostSocket: null, sockets: new Map(), roster: new RosterFeed(),
      status: throttle(guarded(() => afterSave(status, status)), HOST_STATUS_MS, clock, scheduler),
      presence: throttle(guarded(() => afterSave(presence, presence)), () => presenceInterval(room.state), clock, scheduler),
    };
    rooms.set(state.code, room);
    rearm(room);
    return room;
  }

  return {
    open,
    restore,
    dispatch,
    get: (code: string): LiveRoom | undefined => rooms.get(code),
    has: (code: string): boolean => rooms.has(code),
    size: (): number => rooms.size,
    all: (): IterableIterator<LiveRoom> => rooms.values(),
    afterSave,
    /** An ack held until the batch is saved: sent before the batch's broadcasts, `failed` if the write failed. */
    ackAfterSave: (sent: () => void, failed: () => void): void => batch.later(sent, failed, 'ack'),
    /** Saves and sends what the current turn produced, now. */
    flush: (): boolean => batch.flush(),
    closeAll(): void {
      batch.flush();
      for (const room of [...rooms.values()]) dispose(room);
    },
  };
}
