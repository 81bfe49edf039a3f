import { describe, expect, it } from 'vitest';
import { HostClient, absoluteJoinUrl } from '../../client/src/lib/host-client.svelte.ts';
import { SessionStore } from '../../client/src/lib/session-store.ts';
import { fakeSocket, memoryStore, settle } from './live-fake-socket.ts';
import { lobby, question, reveal, settings } from './live-views.ts';
import type { HostStatus, LeaderboardView, RankEntry, RosterEntry, RosterFull } from '../../shared/protocol.ts';

function setup(stored: Record<string, string> = {}) {
  const fake = fakeSocket();
  const storage = memoryStore(stored);
  const client = new HostClient(fake.socket, new SessionStore(storage));
  return { fake, storage, client };
}

const status = (over: Partial<HostStatus> = {}): HostStatus => ({
  phase: 'lobby',
  round: 0,
  answered: 0,
  pending: 0,
  connectedCount: 0,
  playerCount: 0,
  admission: { waitingRoom: false, maxPlayers: null, waitingCount: 0 },
  ...over,
});

const entry = (playerId: string, name: string): RosterEntry => ({ playerId, name, team: null, connected: true, joinedAt: 0 });
const full = (version: number, players: RosterEntry[], waiting: RosterFull['waiting'] = []): RosterFull => ({ kind: 'full', version, players, waiting, banned: [] });

function board(round: number, ranks: [string, number][]): LeaderboardView {
  const top: RankEntry[] = ranks.map(([playerId, rank]) => ({ playerId, rank, name: playerId, team: null, score: 0, streak: 0, gained: 0 }));
  return { ...lobby(), phase: 'leaderboard', round, top } as LeaderboardView;
}

describe('HostClient', () => {
  it('creates a room and stores the host token', async () => {
    const { fake, client, storage } = setup();
    fake.respond('room:create', () => ({ ok: true, data: { code: 'ABCDEF', hostToken: 'host-tok', joinUrl: '/#/join/ABCDEF', view: lobby() } }));
    await client.create(settings);
    expect(fake.sent).toEqual([{ event: 'room:create', payload: { settings } }]);
    expect(client.token).toBe('host-tok');
    expect(client.joinUrl).toBe('/#/join/ABCDEF');
    expect(storage.data.get('podium:session:host:ABCDEF')).toBe('host-tok');
  });

  it('keeps the last roster when a status comes without one', () => {
    const { fake, client } = setup();
    const players = [entry('p1', 'Ada')];
    fake.trigger('host:status', status({ roster: full(1, players) }));
    fake.trigger('host:status', status({ answered: 1 }));
    expect(client.roster).toEqual(players);
    expect(client.status?.answered).toBe(1);
  });

  it('applies roster deltas in order: added at the end, changed in place, removed', () => {
    const { fake, client } = setup();
    fake.trigger('host:status', status({ roster: full(1, [entry('p1', 'Ada'), entry('p2', 'Ben')], [{ playerId: 'w1', name: 'Wes', at: 5 }]) }));
    fake.trigger('host:status', status({ roster: { kind: 'delta', version: 2, players: { added: [entry('p3', 'Cy')], changed: [{ ...entry('p1', 'Ada'), connected: false }], removed: ['p2'] } } }));
    fake.trigger('host:status', status({ roster: { kind: 'delta', version: 3, waiting: { added: [], changed: [], removed: ['w1'] }, banned: [{ playerId: 'p2', name: 'Ben', at: 9 }] } }));
    expect(client.roster).toEqual([{ ...entry('p1', 'Ada'), connected: false }, entry('p3', 'Cy')]);
    expect(client.waiting).toEqual([]);
    expect(client.banned).toEqual([{ playerId: 'p2', name: 'Ben', at: 9 }]);
    expect(fake.sent).toEqual([]);
  });

  it('asks for the whole roster when a delta does not follow from its copy, and takes it', async () => {
    const { fake, client } = setup();
    fake.respond('host:roster', () => ({ ok: true, data: full(5, [entry('p1', 'Ada'), entry('p9', 'Zoe')]) }));
    fake.trigger('host:status', status({ roster: full(1, [entry('p1', 'Ada')]) }));
    // Version 2 never arrived.
    fake.trigger('host:status', status({ roster: { kind: 'delta', version: 3, players: { added: [entry('p9', 'Zoe')], changed: [], removed: [] } } }));
    await settle();
    expect(fake.sent).toEqual([{ event: 'host:roster', payload: {} }]);
    expect(client.roster).toEqual([entry('p1', 'Ada'), entry('p9', 'Zoe')]);
    // From version 5 on, deltas apply again; one from before the full roster changes nothing.
    fake.trigger('host:status', status({ roster: { kind: 'delta', version: 4, players: { added: [entry('p4', 'Old')], changed: [], removed: [] } } }));
    fake.trigger('host:status', status({ roster: { kind: 'delta', version: 6, players: { added: [], changed: [], removed: ['p1'] } } }));
    expect(client.roster).toEqual([entry('p9', 'Zoe')]);
    expect(fake.sent).toHaveLength(1);
  });

  it('asks for the whole roster when a delta names a player its copy does not have', async () => {
    const { fake, client } = setup();
    fake.respond('host:roster', () => ({ ok: true, data: full(3, []) }));
    fake.trigger('host:status', status({ roster: full(1, [entry('p1', 'Ada')]) }));
    fake.trigger('host:status', status({ roster: { kind: 'delta', version: 2, players: { added: [], changed: [entry('p7', 'Who')], removed: [] } } }));
    await settle();
    expect(fake.sent).toEqual([{ event: 'host:roster', payload: {} }]);
    expect(client.roster).toEqual([]);
  });

  it('merges a presence update into the view on screen', () => {
    const { fake, client } = setup();
    fake.trigger('room:state', lobby());
    fake.trigger('room:presence', { playerCount: 41, connectedCount: 40, teams: [] });
    expect(client.view).toMatchObject({ phase: 'lobby', playerCount: 41, connectedCount: 40, settings });
  });

  it.each([
    ['question', question(2)],
    ['reveal', reveal(3)],
  ] as const)('sends next with the %s phase and round on screen', async (phase, view) => {
    const { fake, client } = setup();
    fake.respond('host:next', () => ({ ok: true, data: null }));
    fake.trigger('room:state', view);
    await client.next();
    expect(fake.sent).toEqual([{ event: 'host:next', payload: { phase, round: view.round } }]);
  });

  it('explains a double click that the server refused', async () => {
    const { fake, client } = setup();
    fake.respond('host:next', () => ({ ok: false, error: 'stale_round' }));
    fake.trigger('room:state', reveal(1));
    await client.next();
    expect(client.error).toMatch(/round is over/);
  });

  it('remembers the previous leaderboard, once per round', () => {
    const { fake, client } = setup();
    fake.trigger('room:state', board(1, [['a', 1], ['b', 2]]));
    expect(client.previousRanks).toBeNull();
    fake.trigger('room:state', board(2, [['b', 1], ['a', 2]]));
    fake.trigger('room:state', board(2, [['b', 1], ['a', 2]]));
    expect(client.previousRanks?.get('a')).toBe(1);
    expect(client.previousRanks?.get('b')).toBe(2);
  });

  it('resumes as host with the join URL and status from the rejoin', async () => {
    const { fake, client } = setup({ 'podium:session:host:ABCDEF': 'host-tok', 'podium:session:host:last': 'ABCDEF' });
    fake.respond('room:rejoin', () => ({
      ok: true,
      data: { role: 'host', hostToken: 'host-tok', joinUrl: 'https://x.test/#/join/ABCDEF', view: lobby(), status: status({ roster: full(1, [entry('p1', 'Ada')]) }) },
    }));
    expect(client.resume()).toBe(true);
    await settle();
    expect(fake.sent[0]).toEqual({ event: 'room:rejoin', payload: { code: 'ABCDEF', token: 'host-tok' } });
    expect(client.joinUrl).toBe('https://x.test/#/join/ABCDEF');
    expect(client.view?.phase).toBe('lobby');
    expect(client.roster).toEqual([entry('p1', 'Ada')]);
  });

  it('takes the rejoin’s full roster even when its version is lower than the copy’s (a restarted server)', async () => {
    const { fake, client } = setup({ 'podium:session:host:ABCDEF': 'host-tok', 'podium:session:host:last': 'ABCDEF' });
    fake.trigger('host:status', status({ roster: full(57, [entry('p1', 'Ada'), entry('p2', 'Ben')]) }));
    fake.respond('room:rejoin', () => ({
      ok: true,
      data: { role: 'host', hostToken: 'host-tok', joinUrl: 'https://x.test/#/join/ABCDEF', view: lobby(), status: status({ roster: full(1, [entry('p2', 'Ben')]) }) },
    }));
    client.resume();
    await settle();
    expect(client.roster).toEqual([entry('p2', 'Ben')]);
    fake.trigger('host:status', status({ roster: { kind: 'delta', version: 2, players: { added: [entry('p3', 'Cy')], changed: [], removed: [] } } }));
    expect(client.roster).toEqual([entry('p2', 'Ben'), entry('p3', 'Cy')]);
  });

  it('keeps the results pushed when the game finishes', () => {
    const { fake, client } = setup();
    const results = { code: 'ABCDEF', players: [] };
    fake.trigger('host:results', results);
    expect(client.results).toBe(results);
  });

  it('starts over on a fresh connection for a new game', async () => {
    const { fake, client, storage } = setup();
    fake.respond('room:create', () => ({ ok: true, data: { code: 'ABCDEF', hostToken: 'host-tok', joinUrl: '/', view: lobby() } }));
    await client.create(settings);
    client.reset();
    expect(client.view).toBeNull();
    expect(fake.connectCalls).toBe(1);
    expect(storage.data.size).toBe(0);
  });
});

describe('absoluteJoinUrl', () => {
  it.each([
    ['https://podium.example/#/join/ABCDEF', 'https://podium.example/#/join/ABCDEF'],
    ['/#/join/ABCDEF', 'http://localhost:3000/#/join/ABCDEF'],
    ['', 'http://localhost:3000/#/join/ABCDEF'],
    ['http://192.168.1.20:3000/join/ABCDEF', 'http://192.168.1.20:3000/#/join/ABCDEF'],
    ['/join/ABCDEF', 'http://localhost:3000/#/join/ABCDEF'],
    ['javascript:alert(1)', 'http://localhost:3000/#/join/ABCDEF'],
  ])('turns %s into a URL a phone can open', (given, wanted) => {
    expect(absoluteJoinUrl(given, 'http://localhost:3000', 'ABCDEF')).toBe(wanted);
  });
});
