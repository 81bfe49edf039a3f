// The host's roster over real sockets: a full list when the host connects, then deltas in host:status that keep
// the host's copy equal to the room through joins, drops, reloads, kicks, renames and a host reconnect; a copy that
// missed a delta asks with host:roster and is right again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostStatus, Joined, Rejoined, RosterFull, RosterUpdate } from '../../shared/protocol.ts';
import { applyRoster, fullRoster, getPlayer, rosterLists, type RosterLists } from '../../shared/room/index.ts';
import { call, ok, settings, startServer, type Client, type TestServer } from './harness.ts';
import { setupGame } from './game.ts';

let t: TestServer;
beforeEach(async () => { t = await startServer(); });
afterEach(async () => { await t.close(); });

/** The host's side, as the client keeps it (the same applyRoster); `drop` loses the next n deltas on the way. */
function track(socket: Client, first: RosterFull | null = null) {
  const copy = { lists: first ? rosterLists(first) : null as RosterLists | null, fulls: 0, deltas: 0, asked: 0, drop: 0 };
  const take = (update: RosterUpdate): void => {
    if (update.kind === 'full') {
      copy.fulls++;
      if (!copy.lists || update.version >= copy.lists.version) copy.lists = rosterLists(update);
      return;
    }
    if (copy.drop > 0) return void copy.drop--;
    const next = copy.lists ? applyRoster(copy.lists, update) : null;
    if (next) {
      copy.deltas++;
      copy.lists = next;
      return;
    }
    copy.asked++;
    void ok<RosterFull>(call(socket, 'host:roster', {})).then(take);
  };
  socket.on('host:status', (status: HostStatus) => status.roster && take(status.roster));
  return copy;
}

/** Lets the throttled host status go out, then waits until the host's copy shows the room as it is. */
async function inStep(code: string, copy: ReturnType<typeof track>): Promise<void> {
  t.time.advance(300);
  const { kind: _k, version: _v, ...expected } = fullRoster(t.server.rooms.get(code)!.state, 0);
  await vi.waitFor(() => {
    const { version: _w, ...lists } = copy.lists ?? { version: 0, players: [], waiting: [], banned: [] };
    expect(lists).toEqual(expected);
  }, { timeout: 10_000 });
}

/** The server has seen this player's socket drop. */
const gone = (code: string, playerId: string): Promise<void> =>
  vi.waitFor(() => expect(getPlayer(t.server.rooms.get(code)!.state, playerId)?.connected).toBe(false), { timeout: 10_000 });

const names = (copy: ReturnType<typeof track>): string[] => copy.lists?.players.map((p) => p.name) ?? [];

describe('the host roster by deltas, over sockets', () => {
  it('stays right through joins, drops, reloads, kicks, renames and a host reconnect', async () => {
    const game = await setupGame(t, settings(), []);
    const copy = track(game.host);
    const players: (Joined & { socket: Client })[] = [];
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee', 'Eve']) {
      const socket = await t.connect();
      players.push({ socket, ...(await ok<Joined>(call(socket, 'room:join', { code: game.code, name }))) });
    }
    await inStep(game.code, copy);
    expect(copy.fulls).toBe(1);
    expect(names(copy)).toEqual(['Ana', 'Ben', 'Cy', 'Dee', 'Eve']);

    // Ben's phone drops, then comes back on a new socket; Cy is kicked; Dee is renamed; Fay joins.
    players[1]!.socket.disconnect();
    await gone(game.code, players[1]!.me.playerId);
    await inStep(game.code, copy);
    expect(copy.lists?.players[1]).toMatchObject({ name: 'Ben', connected: false });
    const ben = await t.connect();
    await ok(call(ben, 'room:rejoin', { code: game.code, token: players[1]!.playerToken }));
    await ok(call(game.host, 'host:kick', { playerId: players[2]!.me.playerId }));
    await ok(call(game.host, 'host:rename', { playerId: players[3]!.me.playerId, name: 'Dot' }));
    const fay = await t.connect();
    await ok(call(fay, 'room:join', { code: game.code, name: 'Fay' }));
    await inStep(game.code, copy);
    expect(names(copy)).toEqual(['Ana', 'Ben', 'Dot', 'Eve', 'Fay']);
    expect(copy.lists?.players[1]?.connected).toBe(true);
    expect(copy.lists?.banned.map((b) => b.name)).toEqual(['Cy']);
    expect(copy.fulls).toBe(1);
    expect(copy.deltas).toBeGreaterThan(0);

    // The host's laptop reconnects: the rejoin brings a full roster, deltas follow from its version.
    game.host.disconnect();
    const gus = await t.connect();
    await ok(call(gus, 'room:join', { code: game.code, name: 'Gus' }));
    players[0]!.socket.disconnect();
    await gone(game.code, players[0]!.me.playerId);
    t.time.advance(300);
    const host = await t.connect();
    const rejoined = await ok<Rejoined>(call(host, 'room:rejoin', { code: game.code, token: game.hostToken }));
    if (rejoined.role !== 'host' || rejoined.status.roster?.kind !== 'full') throw new Error('expected a full roster in the host rejoin');
    const again = track(host, rejoined.status.roster);
    expect(again.lists?.players.map((p) => [p.name, p.connected])).toEqual([['Ana', false], ['Ben', true], ['Dot', true], ['Eve', true], ['Fay', true], ['Gus', true]]);
    await ok(call(host, 'host:kick', { playerId: players[4]!.me.playerId }));
    const hal = await t.connect();
    await ok(call(hal, 'room:join', { code: game.code, name: 'Hal' }));
    await inStep(game.code, again);
    expect(names(again)).toEqual(['Ana', 'Ben', 'Dot', 'Fay', 'Gus', 'Hal']);
    expect(again.asked).toBe(0);
  });

  it('a host copy that missed a delta asks for the whole roster, and deltas then follow from it', async () => {
    const game = await setupGame(t, settings(), ['Ana']);
    const copy = track(game.host);
    await inStep(game.code, copy);
    copy.drop = 1;
    const ben = await t.connect();
    await ok(call(ben, 'room:join', { code: game.code, name: 'Ben' }));
    t.time.advance(300);
    await vi.waitFor(() => expect(copy.drop).toBe(0), { timeout: 10_000 });
    // The next delta no longer follows from the copy's version.
    const cy = await t.connect();
    await ok(call(cy, 'room:join', { code: game.code, name: 'Cy' }));
    await inStep(game.code, copy);
    expect(copy.asked).toBe(1);
    expect(names(copy)).toEqual(['Ana', 'Ben', 'Cy']);
    const before = copy.deltas;
    const dee = await t.connect();
    await ok(call(dee, 'room:join', { code: game.code, name: 'Dee' }));
    await inStep(game.code, copy);
    expect(copy.deltas).toBe(before + 1);
    expect(copy.asked).toBe(1);
  });

  it('gives the roster to the room host only', async () => {
    const game = await setupGame(t, settings(), ['Ana']);
    expect(await call(game.players[0]!.socket, 'host:roster', {})).toEqual({ ok: false, error: 'not_host' });
    const stranger = await t.connect();
    expect(await call(stranger, 'host:roster', {})).toEqual({ ok: false, error: 'not_joined' });
    const full = await ok<RosterFull>(call(game.host, 'host:roster', {}));
    expect(full).toMatchObject({ kind: 'full', players: [{ name: 'Ana', connected: true }], waiting: [], banned: [] });
  });
});
