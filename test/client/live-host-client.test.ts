import { describe, expect, it } from 'vitest';
import { HostClient, absoluteJoinUrl } from '../../client/src/lib/host-client.svelte.ts';
import { SessionStore } from '../../client/src/lib/session-store.ts';
import { fakeSocket, memoryStore, settle } from './live-fake-socket.ts';
import { lobby, question, reveal, settings } from './live-views.ts';
import type { HostStatus, LeaderboardView, RankEntry } from '../../shared/protocol.ts';

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
    const roster = [{ playerId: 'p1', name: 'Ada', team: null, connected: true, score: 0, joinedAt: 0 }];
    fake.trigger('host:status', status({ roster }));
    fake.trigger('host:status', status({ answered: 1 }));
    expect(client.roster).toEqual(roster);
    expect(client.status?.answered).toBe(1);
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
      data: { role: 'host', hostToken: 'host-tok', joinUrl: 'https://x.test/#/join/ABCDEF', view: lobby(), status: status({ roster: [] }) },
    }));
    expect(client.resume()).toBe(true);
    await settle();
    expect(fake.sent[0]).toEqual({ event: 'room:rejoin', payload: { code: 'ABCDEF', token: 'host-tok' } });
    expect(client.joinUrl).toBe('https://x.test/#/join/ABCDEF');
    expect(client.view?.phase).toBe('lobby');
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
