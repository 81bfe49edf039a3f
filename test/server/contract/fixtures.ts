// A finished game with what reports must carry through any storage: teams, an unanswered round, answers of every
// shape (a letter, a list with a backslash, a number), names with quotes and non-Latin letters.
import type { FinalResults } from '../../../shared/protocol.ts';
import { settings } from '../harness.ts';

export const HOST_TOKEN = 'host-token-of-the-game';

export function results(code = 'ABCDEF', finishedAt = 1_800_000_100_000): FinalResults {
  const round = (r: number, answer: unknown, correct: boolean, points: number, timeMs: number | null) =>
    ({ round: r, answered: answer !== null, answer: answer as never, score: correct ? 1 : 0.25, correct, points, timeMs });
  return {
    code, settings: settings({ teamMode: 'auto' }), startedAt: finishedAt - 100_000, finishedAt,
    rounds: [
      { round: 1, kind: 'pod-phase', concept: 'phases', difficulty: 'easy', seed: 's1' },
      { round: 2, kind: 'init-order', concept: 'init', difficulty: 'easy', seed: 's2' },
    ],
    players: [
      { playerId: 'p1', name: 'José "the" Ñandú', team: 0, teamName: 'Reds', score: 1900, rank: 1, correct: 2, rounds: [round(1, 'b', true, 950, 1200), round(2, ['x', 'y\\z'], true, 950, 3400)] },
      { playerId: 'p2', name: '李', team: 1, teamName: 'Blues', score: 300, rank: 2, correct: 0, rounds: [round(1, 'c', false, 300, 800), round(2, null, false, 0, null)] },
      { playerId: 'p3', name: 'Ana', team: 1, teamName: 'Blues', score: 0, rank: 3, correct: 0, rounds: [round(1, 42, false, 0, 15000), round(2, null, false, 0, null)] },
    ],
    teams: [{ team: 0, name: 'Reds', size: 1, score: 1900, rank: 1 }, { team: 1, name: 'Blues', size: 2, score: 150, rank: 2 }],
    concepts: [{ concept: 'phases', answers: 3, correct: 1, accuracy: 0.5 }],
  };
}
