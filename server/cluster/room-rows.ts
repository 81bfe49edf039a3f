// A live room as the fields of its Redis hash (podium:room:{CODE}), the same records the SQLite store keeps in rows
// (live-rooms-sql.ts), derived the same way (changesBetween), so an answer is one small HSET:
//   room                  the room record (JSON)
//   p:<playerId>          one player's record
//   s:<playerId>:<round>  one answer slot
//   results               a finished game on its way to PostgreSQL: { results, hostTokenHash }
// Pure: no I/O.
import type { FinalResults } from '../../shared/protocol.ts';
import { isEmptyChange, type SavedRoom } from '../../shared/room/index.ts';
import { changesOf, type RoomCommit } from '../live-store.ts';
import type { RoomWrites } from './lease-commands.ts';

export const ROOM_FIELD = 'room';
export const RESULTS_FIELD = 'results';
const playerField = (id: string): string => `p:${id}`;
const slotField = (id: string, round: number): string => `s:${id}:${round}`;

/** A finished game kept with the room until it is stored in PostgreSQL (its host's token hash goes with it). */
export interface StoredResults {
  results: FinalResults;
  hostTokenHash: string;
}

/** The fields one commit sets and deletes; null when it changes nothing. */
export function roomWrites(commit: RoomCommit): RoomWrites | null {
  const changes = changesOf(commit);
  if (isEmptyChange(changes) && !commit.results) return null;
  const set: Record<string, string> = {};
  const del: string[] = [];
  if (changes.room) set[ROOM_FIELD] = JSON.stringify(changes.room);
  for (const p of changes.players) set[playerField(p.id)] = JSON.stringify(p);
  for (const id of changes.removed) {
    // A removed player's slots go with it: one per round the game can have.
    del.push(playerField(id));
    for (let round = 1; round <= commit.next.settings.rounds; round++) del.push(slotField(id, round));
  }
  for (const s of changes.slots) set[slotField(s.playerId, s.slot.round)] = JSON.stringify(s.slot);
  if (commit.results) set[RESULTS_FIELD] = JSON.stringify({ results: commit.results, hostTokenHash: commit.next.host.token } satisfies StoredResults);
  return { set, del };
}

/** The hash as the rows a restart reads (restoreRoom checks them); null for a room with no record (never written,
 *  or dropped). */
export function savedRoomFrom(code: string, hash: Readonly<Record<string, string>>): SavedRoom | null {
  const room = hash[ROOM_FIELD];
  if (room === undefined) return null;
  const players: unknown[] = [];
  const slots: { playerId: string; slot: unknown }[] = [];
  for (const [field, value] of Object.entries(hash)) {
    if (field.startsWith('p:')) players.push(parse(value));
    else if (field.startsWith('s:')) {
      const round = field.lastIndexOf(':');
      slots.push({ playerId: field.slice(2, round), slot: parse(value) });
    }
  }
  return { code, room: parse(room), players, slots };
}

/** The finished game the hash still holds, if any. */
export function storedResultsFrom(hash: Readonly<Record<string, string>>): StoredResults | null {
  const value = hash[RESULTS_FIELD];
  return value === undefined ? null : (parse(value) as StoredResults);
}

/** Unparsable JSON becomes a value restoreRoom refuses (RestoreError), like a damaged SQLite row. */
function parse(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
