// The host's half of the room: create it, run it (start, next, kick, lock, pause, end), the live answered count and roster
// from host:status, the final results, and the ranks of the last leaderboard for rank-change arrows.
import { GameClient, type Result } from './game.svelte.ts';
import { ranksOf } from './rank-change.ts';
import { rememberToken } from '../teacher/own-tokens.ts';
import type { SessionStore } from './session-store.ts';
import type { GameSocket } from './socket.ts';
import {
  RosterUpdate,
  type BanEntryView,
  type Removed,
  type WaitingEntryView,
  type Created,
  type FinalResults,
  type HostStatus,
  type Rejoined,
  type RoomSettings,
  type RoomView,
  type RosterEntry,
  type RosterFull,
} from '../../../shared/protocol.ts';
import { applyRoster, rosterLists, type RosterLists } from '../../../shared/room/roster-delta.ts';

const done: Result<null> = { ok: true, data: null };

export class HostClient extends GameClient {
  status = $state.raw<HostStatus | null>(null);
  /** Players in join order: a full list after each (re)connection, then kept up to date by host:status's deltas. */
  roster = $state.raw<RosterEntry[]>([]);
  results = $state.raw<FinalResults | null>(null);
  /** The waiting room and the newest bans, updated with the roster. */
  waiting = $state.raw<WaitingEntryView[]>([]);
  banned = $state.raw<BanEntryView[]>([]);
  /** The roster's version; null before the first full one. */
  #lists: RosterLists | null = null;
  /** A host:roster request is on its way: further gaps wait for its answer. */
  #asking = false;
  joinUrl = $state('');
  /** Ranks on the leaderboard before the one on screen; null before the second leaderboard. */
  previousRanks = $state.raw<ReadonlyMap<string, number> | null>(null);
  #lastRanks: Map<string, number> | null = null;
  #lastBoard = '';

  constructor(socket: GameSocket, sessions?: SessionStore) {
    super(socket, 'host', sessions);
    socket.on('host:status', (status) => this.#applyStatus(status));
    socket.on('host:results', (results) => {
      this.results = results;
    });
  }

  /** Needed for the CSV download's Authorization header. */
  get token(): string | null {
    return this.session?.token ?? null;
  }

  async create(settings: RoomSettings): Promise<Result<Created>> {
    const result = await this.request('room:create', { settings });
    if (result.ok) {
      // The Games page of this browser lists the game, and its report opens, after "New game" forgot the session.
      rememberToken('game', result.data.hostToken);
      this.joinUrl = result.data.joinUrl;
      this.identified({ code: result.data.code, token: result.data.hostToken }, result.data.view);
    }
    return result;
  }

  // The game's own controls survive a move of the room to another node (requestAcrossMoves): each is settled
  // from the room as the rejoin shows it, and sent again only if it has not happened. The others (unban, admit,
  // rename, remove-recent, waiting room, player cap) say "try again in a moment" instead: remove-recent counts
  // its window from when the server gets it, so a late copy would remove someone else.

  start(): Promise<Result<null>> {
    return this.requestAcrossMoves('host:start', {}, {
      settled: () => (this.view?.phase === 'lobby' ? null : done),
      resent: (again) => (!again.ok && again.error === 'wrong_phase' ? this.#moot() : again),
    });
  }

  /** Carries the phase and round on screen, so a double click cannot skip two steps, and a copy sent again after
   *  a move cannot either: the server refuses it once the game has left that phase and round. */
  next(): Promise<Result<null>> {
    const view = this.view;
    if (!view) return Promise.resolve({ ok: false, error: 'wrong_phase' });
    const from = { phase: view.phase, round: view.round };
    return this.requestAcrossMoves('host:next', from, {
      settled: () => (this.view?.phase === from.phase && this.view.round === from.round ? null : done),
      resent: (again) => (!again.ok && (again.error === 'wrong_phase' || again.error === 'stale_round') ? this.#moot() : again),
    });
  }

  /** Kicking the same player twice is harmless: once they are off the roster it is done. */
  kick(playerId: string): Promise<Result<null>> {
    return this.requestAcrossMoves('host:kick', { playerId }, {
      settled: () => (this.roster.some((p) => p.playerId === playerId) || this.waiting.some((w) => w.playerId === playerId) ? null : done),
      resent: (again) => (!again.ok && again.error === 'player_not_found' ? this.#moot() : again),
    });
  }

  lock(locked: boolean): Promise<Result<null>> {
    return this.requestAcrossMoves('host:lock', { locked }, { settled: () => (this.view?.locked === locked ? done : null) });
  }

  /** Holds (or resumes) the auto-advance countdown of the reveal or leaderboard on screen. */
  pause(paused: boolean): Promise<Result<null>> {
    return this.requestAcrossMoves('host:pause', { paused }, { settled: () => (this.view?.paused === paused ? done : null) });
  }

  unban(playerId: string): Promise<Result<null>> {
    return this.request('host:unban', { playerId });
  }

  removeRecent(seconds: number): Promise<Result<Removed>> {
    return this.request('host:remove-recent', { seconds });
  }

  admit(playerId: string, admit: boolean): Promise<Result<null>> {
    return this.request('host:admit', { playerId, admit });
  }

  setWaitingRoom(enabled: boolean): Promise<Result<null>> {
    return this.request('host:waiting-room', { enabled });
  }

  setPlayerCap(max: number | null): Promise<Result<null>> {
    return this.request('host:player-cap', { max });
  }

  rename(playerId: string, name: string): Promise<Result<null>> {
    return this.request('host:rename', { playerId, name });
  }

  end(): Promise<Result<null>> {
    return this.requestAcrossMoves('host:end', {}, { settled: () => (this.view?.phase === 'finished' ? done : null) });
  }

  /** A copy sent again found its work already done (the first one got through, or the game moved on). */
  #moot(): Result<null> {
    this.error = '';
    return done;
  }

  async fetchResults(): Promise<Result<FinalResults>> {
    const result = await this.request('host:results', {});
    if (result.ok) this.results = result.data;
    return result;
  }

  override applyView(view: RoomView): void {
    if (view.phase === 'leaderboard') this.#noteLeaderboard(`${view.round}`, view.top);
    super.applyView(view);
  }

  override reset(): void {
    this.status = null;
    this.#lists = null;
    this.roster = [];
    this.waiting = [];
    this.banned = [];
    this.results = null;
    this.joinUrl = '';
    this.previousRanks = null;
    this.#lastRanks = null;
    this.#lastBoard = '';
    super.reset();
  }

  protected override onRejoined(data: Rejoined): boolean {
    if (data.role !== 'host') return false;
    this.joinUrl = data.joinUrl;
    // A new connection starts a new count (a restarted server counts from 1 again): its full roster is the copy.
    this.#lists = null;
    this.#applyStatus(data.status);
    return true;
  }

  #applyStatus(status: HostStatus): void {
    if (status.roster !== undefined) this.#applyRoster(status.roster);
    this.status = status;
  }

  /** A full roster replaces the copy; a delta applies to it, unless it is malformed or does not follow from the
   *  copy's version (one was missed): then the copy asks for a full one (docs/protocol.md, "The host's roster"). */
  #applyRoster(raw: unknown): void {
    const parsed = RosterUpdate.safeParse(raw);
    const update = parsed.success ? parsed.data : null;
    if (update?.kind === 'full') return this.#setLists(update);
    const next = update && this.#lists ? applyRoster(this.#lists, update) : null;
    if (next) this.#setLists(next);
    else void this.#askForRoster();
  }

  #setLists(lists: RosterLists | RosterFull): void {
    // A full roster older than the copy (an answer overtaken by a newer update) changes nothing.
    if (this.#lists && lists.version < this.#lists.version) return;
    const next = 'kind' in lists ? rosterLists(lists) : lists;
    if (next.players !== this.#lists?.players) this.roster = next.players;
    if (next.waiting !== this.#lists?.waiting) this.waiting = next.waiting;
    if (next.banned !== this.#lists?.banned) this.banned = next.banned;
    this.#lists = next;
  }

  async #askForRoster(): Promise<void> {
    if (this.#asking) return;
    this.#asking = true;
    try {
      const result = await this.request('host:roster', {});
      if (result.ok) this.#setLists(result.data);
    } finally {
      this.#asking = false;
    }
  }

  /** Each leaderboard once: the same view sent again must not wipe the arrows. */
  #noteLeaderboard(key: string, top: Parameters<typeof ranksOf>[0]): void {
    if (key === this.#lastBoard) return;
    this.#lastBoard = key;
    this.previousRanks = this.#lastRanks;
    this.#lastRanks = ranksOf(top);
  }
}

/** The server sends an absolute URL when it knows its public address, else a path: make it absolute, and make
 * a /join/CODE path a hash route (#/join/CODE), which is what the client's router reads. */
export function absoluteJoinUrl(joinUrl: string, origin: string, code: string): string {
  const fallback = `${origin}/#/join/${encodeURIComponent(code)}`;
  let url: URL;
  try {
    url = new URL(joinUrl || fallback, origin);
  } catch {
    return fallback;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback;
  const path = /^\/join\/([^/]+)\/?$/.exec(url.pathname);
  if (path && !url.hash) return `${url.origin}/#/join/${path[1]}`;
  return url.href;
}
