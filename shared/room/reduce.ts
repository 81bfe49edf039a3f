// The room as a pure state machine: reduce(state, event) → { ok, state, effects } | { ok: false, error }.
// One small function per event type, dispatched through a table; an illegal event leaves the state untouched.
import type { RoomState } from './state.ts';
import type { EventOf, Result, RoomEvent, RoomEventType } from './events.ts';
import { onDisconnect, onJoin, onLeave, onPickTeam, onRejoin } from './lobby-events.ts';
import { onEnd, onLock, onNext, onPause, onStart } from './host-events.ts';
import { onAdmit, onKick, onPlayerCap, onRemoveRecent, onRename, onUnban, onWaitingRoom } from './admission-events.ts';
import { onAnswer, onTick } from './game-events.ts';

type Handlers = { [T in RoomEventType]: (state: RoomState, event: EventOf<T>) => Result };

const handlers: Handlers = {
  join: onJoin,
  rejoin: onRejoin,
  disconnect: onDisconnect,
  leave: onLeave,
  pickTeam: onPickTeam,
  answer: onAnswer,
  start: onStart,
  next: onNext,
  kick: onKick,
  lock: onLock,
  pause: onPause,
  unban: onUnban,
  removeRecent: onRemoveRecent,
  admit: onAdmit,
  waitingRoom: onWaitingRoom,
  playerCap: onPlayerCap,
  rename: onRename,
  end: onEnd,
  tick: onTick,
};

export function reduce(state: RoomState, event: RoomEvent): Result {
  const handler = handlers[event.type] as (state: RoomState, event: RoomEvent) => Result;
  return handler(state, event);
}

export { nextDeadline, phaseDeadlineOf } from './flow.ts';
