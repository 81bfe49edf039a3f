// Where live rooms are kept durably: the outbox commits through this and nothing else (docs/operations.md,
// "Durable rooms"). The SQLite store is the one a server runs on; the in-memory one is for unit tests (with a
// failure switch). A store receives whole states and derives its own rows (changesBetween), so another backend
// (Redis in cluster mode) can be added without the room logic knowing.
import type { FinalResults } from '../shared/protocol.ts';
import { changesBetween, isEmptyChange, type RoomChanges, type RoomState, type SavedRoom } from '../shared/room/index.ts';
import type { Store } from './store.ts';

/** One room's change since its last commit; `results`: the game finished in it (stored in the same transaction). */
export interface RoomCommit {
  code: string;
  prev: RoomState | null;
  next: RoomState;
  results: FinalResults | null;
  /** The rows, when the owner knows them without comparing the states: a batch of answers alone is their slots
   *  and nothing else (live-room-host.ts). Absent: changesBetween(prev, next). */
  changes?: RoomChanges;
}

/** What a commit writes: the rows its owner took, or the comparison of its two states. */
export const changesOf = (c: RoomCommit): RoomChanges => c.changes ?? changesBetween(c.prev, c.next);

/** An unfinished game's report, kept when its idle room is dropped (issue 11). */
export interface DroppedGame {
  results: FinalResults;
  hostTokenHash: string;
}

export interface LiveRoomStore {
  /** Every room's change in ONE transaction: all are on disk when it returns, none if it throws. */
  commit(rooms: readonly RoomCommit[]): void;
  /** Forgets a live room (and stores its report, if any) in one transaction; throws if it could not. */
  drop(code: string, report: DroppedGame | null): void;
  /** Every live room as saved, for a restart. */
  load(): SavedRoom[];
}

export function sqliteLiveRooms(store: Store): LiveRoomStore {
  return {
    commit(rooms) {
      store.batch(() => {
        for (const c of rooms) store.saveRoom(c.prev, c.next, c.results, c.changes);
      });
    },
    drop(code, report) {
      store.batch(() => {
        if (report) store.saveGame(report.results, report.hostTokenHash);
        store.dropRoom(code);
      });
    },
    load: () => store.liveRooms(),
  };
}

export interface MemoryLiveRooms extends LiveRoomStore {
  /** The next commits (or drops) throw while this is true. */
  failing: boolean;
  readonly commits: readonly (readonly RoomCommit[])[];
  readonly games: readonly FinalResults[];
}

/** Rows as SQLite would hold them (the same records), so `load` gives what a restart would read. */
export function memoryLiveRooms(): MemoryLiveRooms {
  const rooms = new Map<string, { room: unknown; players: Map<string, unknown>; slots: Map<string, { playerId: string; slot: unknown }> }>();
  const commits: RoomCommit[][] = [];
  const games: FinalResults[] = [];
  const copy = <T>(value: T): T => structuredClone(value);
  const store: MemoryLiveRooms = {
    failing: false,
    commits,
    games,
    commit(batch) {
      if (store.failing) throw new Error('store failing (test)');
      for (const c of batch) {
        const changes = changesOf(c);
        if (isEmptyChange(changes) && !c.results) continue;
        const rows = rooms.get(c.code) ?? { room: null, players: new Map(), slots: new Map() };
        if (changes.room) rows.room = copy(changes.room);
        for (const p of changes.players) rows.players.set(p.id, copy(p));
        for (const id of changes.removed) {
          rows.players.delete(id);
          for (const key of [...rows.slots.keys()]) if (key.startsWith(`${id}\n`)) rows.slots.delete(key);
        }
        for (const s of changes.slots) rows.slots.set(`${s.playerId}\n${s.slot.round}`, copy({ playerId: s.playerId, slot: s.slot }));
        rooms.set(c.code, rows);
        if (c.results) games.push(c.results);
      }
      commits.push([...batch]);
    },
    drop(code, report) {
      if (store.failing) throw new Error('store failing (test)');
      if (report) games.push(report.results);
      rooms.delete(code);
    },
    load: () => [...rooms].map(([code, r]) => ({ code, room: copy(r.room), players: [...r.players.values()].map(copy), slots: [...r.slots.values()].map(copy) })),
  };
  return store;
}
