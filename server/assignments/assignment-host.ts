// The live assignments: one pure state each (shared/assignment), one timer each (the earliest open question's
// deadline, or the closing time), and every change saved before anyone hears of it (one transaction per event: an
// assignment's pace is a class answering over days, not a burst). The store is async (SQLite, or PostgreSQL:
// server/teacher-data.ts), so each assignment's events run one after another through a queue: an event is reduced
// against the state the previous one saved, never against a state still being written. Apart from the live rooms'
// host on purpose: it shares the socket server and the clock, nothing else.
import {
  assignmentResults, isClosed, nextAssignmentDeadline, reduceAssignment, viewForStudent, type AssignmentEvent, type AssignmentResult,
  type AssignmentState,
} from '../../shared/assignment/index.ts';
import type { PlayerId } from '../../shared/protocol.ts';
import type { Clock, Scheduler } from '../clock.ts';
import { StaleAssignmentError, type AssignmentStore } from './assignments-sql.ts';
import type { GameServer, Log } from '../types.ts';

/** A closed assignment stays open for recaps and its students' rejoins this long, then only its report remains. */
export const RETAIN_MS = 14 * 24 * 3600_000;
const RETRY_MS = 1000;
/** An event applied again on a fresh copy at most this often when other nodes keep changing the assignment. */
const STALE_RETRIES = 3;

export interface LiveAssignment {
  code: string;
  state: AssignmentState;
  timer: (() => void) | null;
  /** The socket speaking for each student now (a reload replaces it). */
  sockets: Map<PlayerId, string>;
  /** The last event queued: the next one runs after it (see the file comment). */
  queue: Promise<unknown>;
}

export interface AssignmentHostDeps {
  io: GameServer;
  clock: Clock;
  scheduler: Scheduler;
  store: AssignmentStore;
  log: Log;
}

export type AssignmentHost = ReturnType<typeof createAssignmentHost>;

export function createAssignmentHost({ io, clock, scheduler, store, log }: AssignmentHostDeps) {
  const live = new Map<string, LiveAssignment>();
  const byId = new Map<string, string>();

  function send(a: LiveAssignment, playerId: PlayerId): void {
    const socketId = a.sockets.get(playerId);
    const view = viewForStudent(a.state, playerId, clock.now());
    if (socketId !== undefined && view) io.sockets.sockets.get(socketId)?.emit('hw:state', view);
  }

  function arm(a: LiveAssignment): void {
    a.timer?.();
    a.timer = null;
    const at = isClosed(a.state) ? a.state.closedAt! + RETAIN_MS : nextAssignmentDeadline(a.state);
    if (at === null) return;
    a.timer = scheduler.at(Math.max(at, clock.now()), () => {
      a.timer = null;
      if (isClosed(a.state)) return forget(a, true);
      dispatch(a, { type: 'tick', now: clock.now() }).then(
        (result) => {
          if (!result.ok && a.timer === null && live.get(a.code) === a) a.timer = scheduler.at(clock.now() + RETRY_MS, () => arm(a));
        },
        (error: unknown) => log(`assignment ${a.code}: tick failed`, error),
      );
    });
  }

  function forget(a: LiveAssignment, drop: boolean): void {
    a.timer?.();
    a.timer = null;
    if (drop) void store.drop(a.code).catch((error: unknown) => log(`assignment ${a.code}: could not drop`, error));
    live.delete(a.code);
    byId.delete(a.state.id);
  }

  /** Another node changed the assignment (cluster mode): this node's copy becomes the saved one, and its students
   *  here hear their view again (it may have moved on there). False when it is gone. */
  async function refresh(a: LiveAssignment): Promise<boolean> {
    const fresh = await store.load?.(a.code);
    if (!fresh) return false;
    const old = a.state;
    a.state = fresh;
    if (live.get(a.code) === a) arm(a);
    const moved = [...a.sockets.keys()].filter((id) => JSON.stringify(old.students[id]) !== JSON.stringify(fresh.students[id]));
    setImmediate(() => {
      for (const playerId of moved) send(a, playerId);
    });
    return true;
  }

  /** Reduce, save, then tell: a change that could not be saved is refused and leaves the assignment as it was. A
   *  save refused because another node saved first is applied again on the saved state (STALE_RETRIES). */
  async function step(a: LiveAssignment, event: AssignmentEvent, attempt = 0): Promise<AssignmentResult> {
    const result = reduceAssignment(a.state, event);
    // Refused by this node's copy: when other nodes share the assignment (store.load), it may be out of date (a
    // token made there, a question opened there): asked again of the saved state, once.
    if (!result.ok && attempt === 0 && store.load) {
      const again = await refresh(a).catch(() => false);
      if (again) return step(a, event, attempt + 1);
    }
    if (!result.ok || result.state === a.state) return result;
    const closed = result.effects.some((e) => e.type === 'closed');
    const now = clock.now();
    try {
      await store.save(a.state, result.state, closed ? assignmentResults(result.state, now) : null, now);
    } catch (error) {
      if (error instanceof StaleAssignmentError && attempt < STALE_RETRIES) {
        const again = await refresh(a).catch((e: unknown) => (log(`assignment ${a.code}: could not reload`, e), false));
        if (again) return step(a, event, attempt + 1);
      }
      log(`assignment ${a.code}: could not save`, error);
      return { ok: false, error: 'internal_error' };
    }
    a.state = result.state;
    // Set down meanwhile (the server is closing): saved, but no timer for it any more.
    if (live.get(a.code) === a) arm(a);
    // After the ack this event's sender is waiting for: the ack goes out when this promise settles, in this
    // round of microtasks; these wait for the next turn of the event loop.
    setImmediate(() => {
      for (const e of result.effects) if (e.type === 'student') send(a, e.playerId);
    });
    return result;
  }

  /** Queued behind the assignment's previous event (see the file comment). */
  function dispatch(a: LiveAssignment, event: AssignmentEvent): Promise<AssignmentResult> {
    const run = a.queue.then(() => step(a, event));
    a.queue = run.catch(() => {});
    return run;
  }

  function add(state: AssignmentState): LiveAssignment {
    const a: LiveAssignment = { code: state.code, state, timer: null, sockets: new Map(), queue: Promise.resolve() };
    live.set(state.code, a);
    byId.set(state.id, state.code);
    arm(a);
    return a;
  }

  return {
    /** A new assignment: saved, then live. */
    async open(state: AssignmentState): Promise<LiveAssignment> {
      await store.save(null, state, null, clock.now());
      return add(state);
    },
    /** Every saved assignment back in memory (closed ones past their retention are dropped). Resolves to how many. */
    async restore(): Promise<number> {
      const now = clock.now();
      let count = 0;
      for (const state of await store.loadAll()) {
        if (state.closedAt !== null && now >= state.closedAt + RETAIN_MS) {
          await store.drop(state.code);
          continue;
        }
        // Nobody's socket survived the restart: everyone counts as away until they rejoin.
        const students = Object.fromEntries(Object.values(state.students).map((s) => [s.id, { ...s, connected: false }]));
        const a = add({ ...state, students });
        // A closing time or a question's timer that passed while the server was down takes effect now.
        if (!isClosed(a.state)) await dispatch(a, { type: 'tick', now });
        count++;
      }
      return count;
    },
    dispatch,
    get: (code: string): LiveAssignment | undefined => live.get(code),
    /** This node's copy, or (cluster mode: another node opened it) the saved one, loaded now. */
    async find(code: string): Promise<LiveAssignment | undefined> {
      const here = live.get(code);
      if (here || !store.load) return here;
      const state = await store.load(code);
      if (!state || (state.closedAt !== null && clock.now() >= state.closedAt + RETAIN_MS)) return undefined;
      // Loaded meanwhile by another lookup: that copy.
      return live.get(code) ?? add(state);
    },
    byId: (id: string): LiveAssignment | undefined => live.get(byId.get(id) ?? ''),
    has: (code: string): boolean => live.has(code),
    size: (): number => live.size,
    /** Sets every assignment down (they stay saved); resolves once the saves already under way have ended. */
    async closeAll(): Promise<void> {
      const all = [...live.values()];
      for (const a of all) forget(a, false);
      await Promise.all(all.map((a) => a.queue));
    },
  };
}
