// Small, valid views for the client tests. Only the fields a test cares about are worth overriding.
import type { LobbyView, MeView, QuestionView, RevealView, RoomSettings } from '../../shared/protocol.ts';

export const settings: RoomSettings = {
  kinds: ['init-order'],
  difficulty: 'easy',
  rounds: 4,
  secondsPerRound: 30,
  scoring: 'speed',
  teamMode: 'off',
  teamCount: 2,
  autoAdvance: false,
};

const base = {
  code: 'ABCDEF',
  round: 0,
  totalRounds: 4,
  settings,
  locked: false,
  hostConnected: true,
  playerCount: 1,
  connectedCount: 1,
  teams: [],
  serverNow: 1_000_000,
  phaseDeadline: null,
  paused: false,
};

export function lobby(over: Partial<LobbyView> = {}): LobbyView {
  return { ...base, phase: 'lobby', ...over };
}

export function question(round = 1, over: Partial<QuestionView> = {}): QuestionView {
  return {
    ...base,
    round,
    phase: 'question',
    question: {
      round,
      totalRounds: 4,
      kind: 'init-order',
      title: 'Init order',
      concept: 'init containers',
      difficulty: 'easy',
      puzzle: { kind: 'init-order', format: 'single', prompt: 'Which?', options: [{ id: 'a', label: 'A' }] },
      startedAt: 1_000_000,
      deadline: 1_030_000,
      durationMs: 30_000,
    },
    ...over,
  };
}

export function reveal(round = 1): RevealView {
  const q = question(round);
  return {
    ...q,
    phase: 'reveal',
    holding: false,
    reveal: {
      solution: 'a',
      explanation: 'Because.',
      lines: [{ text: 'Because.' }],
      picture: null,
      docUrl: 'https://kubernetes.io/docs/',
      distribution: { correct: 1, partial: 0, wrong: 0, none: 0, options: [{ id: 'a', count: 1 }] },
      averageScore: 1,
    },
  };
}

export function me(over: Partial<MeView> = {}): MeView {
  return { playerId: 'p1', name: 'Ada', team: null, score: 0, streak: 0, rank: null, answer: null, lastResult: null, ...over };
}
