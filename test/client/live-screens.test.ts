import '@testing-library/svelte/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import PlayerReveal from '../../client/src/player/PlayerReveal.svelte';
import JoinForm from '../../client/src/player/JoinForm.svelte';
import PlayerLobby from '../../client/src/player/PlayerLobby.svelte';
import HostLeaderboard from '../../client/src/host/HostLeaderboard.svelte';
import ConnectionStatus from '../../client/src/player/ConnectionStatus.svelte';
import { HostSound } from '../../client/src/lib/sound.svelte.ts';
import { PlayerClient } from '../../client/src/lib/player-client.svelte.ts';
import { SessionStore } from '../../client/src/lib/session-store.ts';
import { fakeSocket, memoryStore } from './live-fake-socket.ts';
import { lobby, me, reveal, settings } from './live-views.ts';
import type { LeaderboardView, RevealView, RoundResult } from '../../shared/protocol.ts';

describe('PlayerReveal', () => {
  it('says right or wrong with the points, streak, rank and the explanation', () => {
    const mine = me({ score: 900, streak: 1, rank: 2, lastResult: { round: 1, answered: true, score: 1, correct: true, points: 900, streakBonus: 0, timeMs: 3000 } });
    render(PlayerReveal, { view: reveal(1), me: mine });
    expect(screen.getByRole('heading', { name: /Right!/ })).toBeTruthy();
    expect(screen.getByText('Because.')).toBeTruthy();
    expect(screen.getByText(/points/).textContent).toContain('+900');
    expect(screen.getByText(/Rank/).textContent).toContain('#2');
  });

  it('waits for the player’s own result instead of showing last round’s', () => {
    const stale = me({ lastResult: { round: 0, answered: true, score: 1, correct: true, points: 900, streakBonus: 0, timeMs: 1 } });
    render(PlayerReveal, { view: reveal(1), me: stale });
    expect(screen.getByText('Scoring your answer…')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Right!/ })).toBeNull();
  });

  it('renders text from the server as text, never as HTML', () => {
    const view = reveal(1);
    view.reveal.explanation = '<img src=x onerror=alert(1)>';
    view.reveal.lines = [{ text: view.reveal.explanation }];
    const mine = me({ lastResult: { round: 1, answered: true, score: 0, correct: false, points: 0, streakBonus: 0, timeMs: 1 } });
    const { container } = render(PlayerReveal, { view, me: mine });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.explanation')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('JoinForm', () => {
  it('prefills the code from the link and joins with a trimmed name', async () => {
    const onjoin = vi.fn();
    render(JoinForm, { code: 'ABCDEF', busy: false, error: '', suggestion: null, onjoin });
    expect((screen.getByLabelText('Room code') as HTMLInputElement).value).toBe('ABCDEF');
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: '  Ada ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Join the game' }));
    expect(onjoin).toHaveBeenCalledExactlyOnceWith('ABCDEF', 'Ada');
  });

  it('asks for the code when it is not six characters', async () => {
    const onjoin = vi.fn();
    render(JoinForm, { code: null, busy: false, error: '', suggestion: null, onjoin });
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Ada' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Join the game' }));
    expect(onjoin).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/6 letters and digits/);
  });

  it('offers the suggested name when the name is taken', async () => {
    render(JoinForm, { code: 'ABCDEF', busy: false, error: 'Someone already has that name.', suggestion: 'Ada 2', onjoin: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Use “Ada 2” instead' }));
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Ada 2');
  });
});

describe('PlayerLobby', () => {
  it('lets a player pick a team when the host allows it', async () => {
    const onpick = vi.fn();
    const view = lobby({ settings: { ...settings, teamMode: 'pick', teamCount: 3 } });
    render(PlayerLobby, { view, me: me({ team: 1 }), busy: false, onpick, onleave: vi.fn() });
    const teams = screen.getAllByRole('button', { name: /Team/ });
    expect(teams).toHaveLength(3);
    expect(teams.map((t) => t.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    await fireEvent.click(screen.getByRole('button', { name: /Team 3/ }));
    expect(onpick).toHaveBeenCalledWith(2);
  });
});

describe('HostLeaderboard', () => {
  const board = (top: LeaderboardView['top']) => {
    const view = { ...lobby(), phase: 'leaderboard', round: 2, top } as LeaderboardView;
    const props = { view, joinUrl: 'http://podium.test/#/join/ABCDEF', sound: new HostSound(), serverOffset: 0, busy: false, onnext: vi.fn(), onend: vi.fn(), onpause: vi.fn() };
    render(HostLeaderboard, { ...props, previousRanks: new Map([['a', 1], ['b', 2]]) });
    return screen.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
  };

  it('tells rank changes in words, with the points gained this round', () => {
    const rows = board([
      { rank: 1, playerId: 'b', name: 'Grace', team: null, score: 2000, streak: 2, gained: 900 },
      { rank: 2, playerId: 'a', name: 'Ada', team: null, score: 1500, streak: 0, gained: 0 },
    ]);
    expect(rows[0]).toMatch(/Grace up 1 streak 2 \+900 2000/);
    expect(rows[1]).toMatch(/Ada down 1 \+0 1500/);
  });

  it('says nobody went down when the last round left everyone at zero', () => {
    const rows = board([
      { rank: 1, playerId: 'b', name: 'Grace', team: null, score: 900, streak: 1, gained: 900 },
      { rank: 2, playerId: 'a', name: 'Ada', team: null, score: 0, streak: 0, gained: 0 },
    ]);
    expect(rows.join(' ')).not.toMatch(/down|up \d/);
  });

  it('shows the room code and where to join between rounds', () => {
    board([{ rank: 1, playerId: 'a', name: 'Ada', team: null, score: 10, streak: 0, gained: 10 }]);
    expect(screen.getByText('podium.test/#/join/ABCDEF')).toBeTruthy();
    expect(screen.getByLabelText('A B C D E F')).toBeTruthy();
  });
});

describe('PlayerReveal with a PlayerClient on a fake socket', () => {
  const result = { round: 1, answered: true, score: 0, correct: false, points: 0, streakBonus: 0, timeMs: 2000 };

  function revealed(own: Partial<RoundResult> | null) {
    const fake = fakeSocket();
    const client = new PlayerClient(fake.socket, new SessionStore(memoryStore()));
    const view = reveal(1);
    view.reveal.explanation = 'Init containers run one at a time, so `fetch-config` comes first.';
    view.reveal.lines = [{ text: view.reveal.explanation }];
    fake.trigger('room:state', view);
    fake.trigger('me:state', me({ lastResult: own ? { ...result, ...own } : null }));
    return { fake, client };
  }

  const shown = (container: HTMLElement) => container.querySelector('.explanation')?.textContent;

  it('shows the grade of the player’s own answer when the server sends one', () => {
    const { client } = revealed({ explanation: 'Not quite: `clone-content` needs nothing, so it can run anywhere.' });
    const { container } = render(PlayerReveal, { view: client.view as RevealView, me: client.me });
    expect(screen.getByRole('heading', { name: /Not quite/ })).toBeTruthy();
    expect(shown(container)).toBe('Not quite: clone-content needs nothing, so it can run anywhere.');
    expect(container.querySelector('.explanation code')?.textContent).toBe('clone-content');
  });

  it.each([
    ['no own explanation', {}],
    ['an empty own explanation', { explanation: '' }],
  ])('falls back to the room’s neutral explanation with %s', (_case, own) => {
    const { client } = revealed(own);
    const { container } = render(PlayerReveal, { view: client.view as RevealView, me: client.me });
    expect(shown(container)).toBe('Init containers run one at a time, so fetch-config comes first.');
  });

  it('never shows an earlier round’s own explanation, and switches when this round’s result arrives', async () => {
    const { fake, client } = revealed({ round: 0, explanation: 'Last round: wrong.' });
    const { container, rerender } = render(PlayerReveal, { view: client.view as RevealView, me: client.me });
    expect(container.textContent).not.toContain('Last round');
    expect(screen.getByText('Scoring your answer…')).toBeTruthy();
    fake.trigger('me:state', me({ lastResult: { ...result, explanation: 'This round: partly.' } }));
    await rerender({ view: client.view as RevealView, me: client.me });
    expect(shown(container)).toBe('This round: partly.');
  });
});

describe('ConnectionStatus', () => {
  it('says calmly, in its live region, that the game is moving to another server, and nothing once all is well', async () => {
    const { rerender } = render(ConnectionStatus, { connection: 'reconnecting', resuming: true, moving: true });
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('The game is moving to another server. Reconnecting…');
    expect(status.textContent).not.toMatch(/try again|error/i);
    await rerender({ connection: 'online', resuming: false, moving: false });
    expect(screen.getByRole('status').textContent?.trim()).toBe('');
  });
});
