// Grades remembered per question (shared/room/grades.ts): the same grade as the kind gives, computed once per
// distinct answer, and still right past the cap.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kindById } from '../../../shared/puzzles/index.ts';
import type { Answer } from '../../../shared/puzzles/kind.ts';
import { GRADES_PER_QUESTION, gradeOf } from '../../../shared/room/grades.ts';
import { getPlayer, reduce, type RoomState } from '../../../shared/room/index.ts';
import type { QuestionState } from '../../../shared/room/state.ts';
import { started, solutionOf, wrongOf, T0 } from './fixtures.ts';

afterEach(() => vi.restoreAllMocks());

function question(kind: 'pod-phase' | 'init-order' = 'pod-phase'): QuestionState {
  const s = started(['a'], { kinds: [kind] });
  if (s.phase !== 'question') throw new Error(s.phase);
  return s.question;
}

describe('grades per question', () => {
  it('gives what the kind gives, grading each distinct answer once', () => {
    const s = started(['a'], { kinds: ['pod-phase'] });
    if (s.phase !== 'question') throw new Error(s.phase);
    const q = s.question;
    const kind = kindById(q.kind);
    const truth = [solutionOf(s), wrongOf(s)].map((a) => kind.grade(q.puzzle, a));
    const spy = vi.spyOn(kind, 'grade');
    for (let i = 0; i < 50; i++) {
      expect(gradeOf(q, solutionOf(s))).toEqual(truth[0]);
      expect(gradeOf(q, wrongOf(s))).toEqual(truth[1]);
    }
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('keeps grades apart per question: another question grades again', () => {
    const a = question();
    const b = { ...a };
    const kind = kindById(a.kind);
    const answer = kind.solve(a.puzzle);
    gradeOf(a, answer);
    const spy = vi.spyOn(kind, 'grade');
    gradeOf(b, answer);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('grades right past the cap, without remembering more', () => {
    const q = { ...question(), view: { ...question().view } };
    const kind = kindById(q.kind);
    // Distinct answers of the question's own format; many are not options at all (graded wrong, still graded).
    const answers: Answer[] = Array.from({ length: GRADES_PER_QUESTION + 20 }, (_, i) => `option-${i}`);
    for (const a of answers) expect(gradeOf(q, a)).toEqual(kind.grade(q.puzzle, a));
    const spy = vi.spyOn(kind, 'grade');
    gradeOf(q, answers[0]!);
    gradeOf(q, answers.at(-1)!);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('scores an answer taken in the room as the kind grades it, for the right and the wrong answer', () => {
    const s = started(['a', 'b', 'c'], { kinds: ['pod-phase'] });
    if (s.phase !== 'question') throw new Error(s.phase);
    const kind = kindById(s.question.kind);
    let state: RoomState = s;
    for (const [id, answer] of [['a', wrongOf(s)], ['b', solutionOf(s)]] as const) {
      const r = reduce(state, { type: 'answer', playerId: id, round: 1, answer, now: T0 + 2000 });
      if (!r.ok) throw new Error(r.error);
      state = r.state;
      const grade = kind.grade(s.question.puzzle, answer);
      expect(getPlayer(state, id)?.current).toMatchObject({ score: grade.score, correct: grade.correct });
    }
  });
});
