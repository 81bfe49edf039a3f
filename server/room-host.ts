// The live rooms: one pure state each, one timer each (from nextDeadline), dispatch kept synchronous so two
// events for a room can never interleave.
import { nextDeadline, reduce, type Result, type RoomEvent, type RoomState } from '../shared/room/index.ts';
import type { Clock, Scheduler } from './clock.ts';
import type { LiveRoom } from './live-room.ts';
import type { Store } from './store.ts';
import { throttle } from './throttle.ts';
import { applyEffects, broadcastState, release, sendHostStatus, type FanoutDeps } from './fanout.ts';
import type { GameServer, Log } from './types.ts';

export const HOST_STATUS_MS = 250;
export const PRESENCE_MS = 500;

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
  const fanout: FanoutDeps = { io, store, now: () => clock.now(), log };

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

  function tick(room: LiveRoom): void {
    room.timer = null;
    try {
      dispatch(room, { type: 'tick', now: clock.now() });
      if (rooms.has(room.code) && room.timer === null) rearm(room);
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

  function dispatch(room: LiveRoom, event: RoomEvent): Result {
    const result = reduce(room.state, event);
    if (!result.ok) return result;
    room.state = result.state;
    if (result.effects.some((e) => e.type === 'expired')) {
      expire(room);
      return result;
    }
    applyEffects(fanout, room, result.effects);
    rearm(room);
    return result;
  }

  function open(state: RoomState): LiveRoom {
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
    dispatch,
    get: (code: string): LiveRoom | undefined => rooms.get(code),
    has: (code: string): boolean => rooms.has(code),
    size: (): number => rooms.size,
    closeAll(): void {
      for (const room of [...rooms.values()]) dispose(room);
    },
  };
}
