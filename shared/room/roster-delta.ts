// The host's roster as a full list once, then deltas (docs/protocol.md, "The host's roster"): what changed between
// two room states, found through the players table's shared structure (tableDiff visits only the paths the two
// versions do not share), so an update after a join costs O(changes), not O(players). `applyRoster` is the
// client's half, here so that one test folds both.
import type { BanEntryView, PlayerId, RosterDelta, RosterEntry, RosterFull, WaitingEntryView } from '../protocol.ts';
import type { Ban, PlayerState, RoomState, WaitingEntry } from './state.ts';
import { tableDiff, tableValues } from './table.ts';

/** The host sees the newest bans only: a bulk removal of 500 bots would otherwise ride in every full roster. */
export const BANS_SHOWN = 100;

export const rosterEntry = (p: PlayerState): RosterEntry => ({ playerId: p.id, name: p.name, team: p.team, connected: p.connected, joinedAt: p.joinedAt });
const waitingEntry = (w: WaitingEntry): WaitingEntryView => ({ playerId: w.id, name: w.name, at: w.at });
const banEntry = (b: Ban): BanEntryView => ({ playerId: b.playerId, name: b.name, at: b.at });
const bansShown = (banned: readonly Ban[]): Ban[] => banned.slice(-BANS_SHOWN).reverse();

/** Only what the roster shows: a round's close rewrites every player (score, history) and changes none of this. */
const sameEntry = (a: PlayerState, b: PlayerState): boolean =>
  a.name === b.name && a.team === b.team && a.connected === b.connected && a.joinedAt === b.joinedAt;

export function fullRoster(state: RoomState, version: number): RosterFull {
  const players = tableValues(state.players).sort((a, b) => a.joinIndex - b.joinIndex).map(rosterEntry);
  return { kind: 'full', version, players, waiting: state.waiting.map(waitingEntry), banned: bansShown(state.banned).map(banEntry) };
}

type ListDelta<T> = { added: T[]; changed: T[]; removed: PlayerId[] };

function playersDelta(prev: RoomState, next: RoomState): ListDelta<RosterEntry> | null {
  const added: PlayerState[] = [];
  const changed: RosterEntry[] = [];
  const removed: PlayerId[] = [];
  tableDiff(prev.players, next.players, (id, before, after) => {
    if (after === undefined) removed.push(id);
    else if (before === undefined) added.push(after);
    else if (!sameEntry(before, after)) changed.push(rosterEntry(after));
  });
  if (added.length + changed.length + removed.length === 0) return null;
  // Newcomers take the next join index, so appending them in that order keeps the host's list in join order.
  added.sort((a, b) => a.joinIndex - b.joinIndex);
  return { added: added.map(rosterEntry), changed, removed };
}

/** The waiting room is at most 500 long and only ever appended to (entries are replaced, never moved). */
function waitingDelta(prev: readonly WaitingEntry[], next: readonly WaitingEntry[]): ListDelta<WaitingEntryView> | null {
  if (prev === next) return null;
  const before = new Map(prev.map((w) => [w.id, w]));
  const now = new Set(next.map((w) => w.id));
  const added: WaitingEntryView[] = [];
  const changed: WaitingEntryView[] = [];
  for (const w of next) {
    const old = before.get(w.id);
    if (old === undefined) added.push(waitingEntry(w));
    else if (old.name !== w.name || old.at !== w.at) changed.push(waitingEntry(w));
  }
  const removed = prev.filter((w) => !now.has(w.id)).map((w) => w.id);
  return added.length + changed.length + removed.length === 0 ? null : { added, changed, removed };
}

function bansDelta(prev: readonly Ban[], next: readonly Ban[]): BanEntryView[] | null {
  if (prev === next) return null;
  const a = bansShown(prev);
  const b = bansShown(next);
  return a.length === b.length && a.every((ban, i) => ban === b[i]) ? null : b.map(banEntry);
}

/** What the host's roster needs to go from `prev` to `next`, or null when nothing it shows changed. */
export function rosterDelta(prev: RoomState, next: RoomState, version: number): RosterDelta | null {
  const players = playersDelta(prev, next);
  const waiting = waitingDelta(prev.waiting, next.waiting);
  const banned = bansDelta(prev.banned, next.banned);
  if (players === null && waiting === null && banned === null) return null;
  const delta: RosterDelta = { kind: 'delta', version };
  if (players) delta.players = players;
  if (waiting) delta.waiting = waiting;
  if (banned) delta.banned = banned;
  return delta;
}

/** The host's copy of the roster. */
export interface RosterLists {
  version: number;
  players: RosterEntry[];
  waiting: WaitingEntryView[];
  banned: BanEntryView[];
}

export const rosterLists = (full: RosterFull): RosterLists => ({ version: full.version, players: full.players, waiting: full.waiting, banned: full.banned });

/** A list with a delta applied, or null when the delta does not fit it (an entry changed or removed that the list
 *  does not have, one added that it has): the copy missed something. */
function applyList<T extends { playerId: PlayerId }>(list: readonly T[], delta: ListDelta<T> | undefined): T[] | null {
  if (!delta) return list as T[];
  const index = new Map(list.map((entry, i) => [entry.playerId, i]));
  if (delta.removed.some((id) => !index.has(id)) || delta.changed.some((e) => !index.has(e.playerId))) return null;
  const gone = new Set(delta.removed);
  const changed = new Map(delta.changed.map((e) => [e.playerId, e]));
  const kept = list.filter((e) => !gone.has(e.playerId)).map((e) => changed.get(e.playerId) ?? e);
  if (delta.added.some((e) => index.has(e.playerId) && !gone.has(e.playerId))) return null;
  return [...kept, ...delta.added];
}

/** The lists after a delta, or null when it does not follow from this copy's version or does not fit it: then the
 *  host asks for a full roster (host:roster). A delta older than the copy (sent before a full one that overtook it)
 *  changes nothing. */
export function applyRoster(lists: RosterLists, delta: RosterDelta): RosterLists | null {
  if (delta.version <= lists.version) return lists;
  if (delta.version !== lists.version + 1) return null;
  const players = applyList(lists.players, delta.players);
  const waiting = applyList(lists.waiting, delta.waiting);
  if (players === null || waiting === null) return null;
  return { version: delta.version, players, waiting, banned: delta.banned ?? lists.banned };
}
