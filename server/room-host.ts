// The live rooms: one pure state each, one timer each (from nextDeadline), dispatch kept synchronous so two
// events for a room can never interleave. A change is saved before it takes effect: if the write fails, the
// event is refused and the room stays as it was, so whatever a client was told is on disk.
import { allPlayers, finalResults, isStale, nextDeadline, reduce, restoreRoom, type Result, type RoomEvent, type RoomState } from '../shared/room/index.ts';
import type { Clock, Scheduler } from './clock.ts';
import type { LiveRoom } from './live-room.ts';
import type { Store } from './store.ts';
import { throttle } from './throttle.ts';
import { applyEffects, broadcastState, release, sendHostStatus, type FanoutDeps } from './fanout.ts';
import type { GameServer, Log } from './types.ts';

export const HOST_STATUS_MS = 250;
export const PRESENCE_MS = 500;
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

  function rearm(room: LiveRoom): void {
    const at = nextDeadline(room.state);
    if (room.timer?.at === at) return;
    room.timer?.cancel();
    room.timer = { at, cancel: scheduler.at(at, () => tick(room)) };
  }

  function retryLater(room: LiveRoom): void {
    const at = clock.now() + RETRY_MS;
    room.timer = { at, cancel: scheduler.at(at, () => tick(room)) };
  }

  function tick(room: LiveRoom): void {
    room.timer = null;
    try {
      const result = dispatch(room, { type: 'tick', now: clock.now() });
      if (!result.ok && rooms.has(room.code)) retryLater(room);
      else if (rooms.has(room.code) && room.timer === null) rearm(room);
    } catch (error) {
      log(`tick failed in room ${room.code}`, error);
    }
  }

  function dispose(room: LiveRoom): void {
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

  /** Saves the step; false (logged) when the database refused it. */
  function persist(room: LiveRoom, next: RoomState, finished: boolean, expired: boolean): boolean {
    try {
      if (expired) store.dropRoom(room.code);
      else store.saveRoom(room.state, next, finished ? finalResults(next, clock.now()) : null);
      return true;
    } catch (error) {
      log(`could not save room ${room.code}`, error);
      return false;
    }
  }

  function dispatch(room: LiveRoom, event: RoomEvent): Result {
    const result = reduce(room.state, event);
    if (!result.ok) return result;
    const expired = result.effects.some((e) => e.type === 'expired');
    const finished = result.effects.some((e) => e.type === 'finished');
    if (!persist(room, result.state, finished, expired)) return { ok: false, error: 'internal_error' };
    room.state = result.state;
    if (expired) {
      expire(room);
      return result;
    }
    applyEffects(fanout, room, result.effects);
    rearm(room);
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
        store.dropRoom(saved.room.code);
        continue;
      }
      const room = open(restoreRoom(saved, now), false);
      scheduler.at(now + RESTORE_GRACE_MS, guarded(() => settleAbsent(room.code)));
      count++;
    }
    return count;
  }

  function open(state: RoomState, save = true): LiveRoom {
    if (save) store.saveRoom(null, state, null);
    const room: LiveRoom = {
      code: state.code, state, timer: null, hostSocket: null, sockets: new Map(), rosterDirty: true,
      status: throttle(guarded(() => sendHostStatus(fanout, room)), HOST_STATUS_MS, clock, scheduler),
      presence: throttle(guarded(() => broadcastState(fanout, room)), PRESENCE_MS, clock, scheduler),
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
    closeAll(): void {
      for (const room of [...rooms.values()]) dispose(room);
    },
  };
}
