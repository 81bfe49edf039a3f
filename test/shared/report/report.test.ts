// The report a teacher reads after a game: built from the stored results alone.
import { describe, expect, it } from 'vitest';
import { buildReport, median } from '../../../shared/report/index.ts';
import { finalResults, reduce, type RoomState } from '../../../shared/room/index.ts';
import { answer, fold, next, solutionOf, started, T0, wrongOf } from '../room/fixtures.ts';

const info = { id: 'g1', mode: 'live' as const, code: 'ABCDEF', quizName: 'Week 3', createdAt: T0 };

/** Round by round: Ana right at +2 s, Ben wrong at +4 s, Cy silent. */
function played(rounds = 2): RoomState {
  let state = started(['ana', 'ben', 'cy'], { kinds: ['pod-phase', 'kubectl-debug'], rounds, scoring: 'accuracy' });
  for (let r = 1; r <= rounds; r++) {
    const opened = state.question!.startedAt;
    state = fold(state, [answer(state, 'ana', solutionOf(state), opened + 2000), answer(state, 'ben', wrongOf(state), opened + 4000)]);
    const closed = reduce(state, { type: 'tick', now: state.question!.deadline + 1 });
    if (!closed.ok) throw new Error(closed.error);
    state = closed.state;
    state = fold(state, [next(state, state.question!.deadline + 2)]);
    if (state.phase === 'leaderboard') state = fold(state, [next(state, state.question!.deadline + 3)]);
  }
  return state;
}

describe('the report', () => {
  it('says what was asked and answered, how the room did and each player’s answers in words', () => {
    const state = played();
    const report = buildReport(info, finalResults(state, T0 + 100_000));
    expect(report.rounds).toHaveLength(2);
    for (const round of report.rounds) {
      expect(round.view.prompt.length).toBeGreaterThan(10);
      expect(round.solutionText.length).toBeGreaterThan(0);
      expect(round.distribution).toMatchObject({ correct: 1, wrong: 1, none: 1 });
      expect(round.percentRight).toBeCloseTo(100 / 3);
      expect(round.medianTimeMs).toBe(3000);
      expect(round.lines.length).toBeGreaterThan(0);
    }
    const [ana, ben, cy] = ['ana', 'ben', 'cy'].map((id) => report.players.find((p) => p.playerId === id)!);
    expect(ana!.answers.map((a) => [a.verdict, a.text])).toEqual(report.rounds.map((r) => ['right', r.solutionText]));
    expect(ben!.answers.every((a) => a.verdict === 'wrong' && a.text !== null && a.text !== '')).toBe(true);
    expect(cy!.answers.map((a) => [a.verdict, a.text])).toEqual([['none', null], ['none', null]]);
    expect(report.players.map((p) => p.rank)).toEqual([1, 2, 2]);
  });

  it('names the weakest concepts first, with the docs behind their questions', () => {
    const report = buildReport(info, finalResults(played(2), T0 + 100_000));
    expect(report.weakest.length).toBe(report.concepts.length);
    expect(report.weakest.map((c) => c.accuracy)).toEqual([...report.weakest.map((c) => c.accuracy)].sort((a, b) => a - b));
    for (const c of report.concepts) expect(c.docUrls.every((u) => u.startsWith('https://kubernetes.io/'))).toBe(true);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
  });
});

