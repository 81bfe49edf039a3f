// A quiz is settings plus exact rounds: saved, edited, exported and played again, it gives the same puzzles.
import { describe, expect, it } from 'vitest';
import {
  addRound, moveRound, planOfQuiz, previewQuiz, previewRound, quizFile, quizFromSettings, readQuiz, readQuizFile, removeRound,
  replaceRound, type Quiz,
} from '../../../shared/quiz/index.ts';
import { kindById } from '../../../shared/puzzles/index.ts';
import { createRoom, reduce, type RoomState } from '../../../shared/room/index.ts';
import { fold, host, join, settings, T0 } from '../room/fixtures.ts';

const setup = settings({ kinds: ['pod-phase', 'same-pod', 'init-order'], difficulty: 'rising', rounds: 6 });
const base = (): Quiz => quizFromSettings('Pods, week 3', 'quiz-seed', setup);

/** Plays every round of a room made from `quiz` with nobody answering, collecting what the projector showed. */
function playedViews(quiz: Quiz, roomSeed: string): unknown[] {
  let state: RoomState = createRoom({ code: 'ABCDEF', seed: roomSeed, hostToken: 'h', settings: quiz.settings, now: T0, plan: planOfQuiz(quiz.rounds) });
  state = fold(state, [join('p1'), { type: 'start', actor: host, now: T0 + 1 }]);
  const shown: unknown[] = [];
  for (let now = T0 + 2; state.phase !== 'finished'; now += 1) {
    if (state.phase === 'question') shown.push(state.question!.view);
    const r = reduce(state, { type: 'next', actor: host, phase: state.phase, round: state.round, now });
    if (!r.ok) throw new Error(r.error);
    state = r.state;
  }
  return shown;
}

describe('a quiz', () => {
  it('plans the rounds a live game with the same seed and settings would play', () => {
    const quiz = base();
    const live = fold(createRoom({ code: 'ABCDEF', seed: 'quiz-seed', hostToken: 'h', settings: setup, now: T0 }), [
      join('p1'), { type: 'start', actor: host, now: T0 + 1 },
    ]);
    expect(planOfQuiz(quiz.rounds)).toEqual(live.plan);
  });

  it('replays exactly the same puzzles whatever the room seed, and in its own order after an edit', () => {
    const quiz = base();
    const first = playedViews(quiz, 'room-a');
    expect(first).toHaveLength(6);
    expect(playedViews(quiz, 'room-b')).toEqual(first);
    expect(first).toEqual(previewQuiz(quiz.rounds).map((p) => p.view));
    const moved = moveRound(quiz, 0, 5);
    if (!moved.ok) throw new Error(moved.error);
    expect(playedViews(moved.quiz, 'room-c')).toEqual([...first.slice(1), first[0]]);
  });

  it('keeps its settings in step with its rounds', () => {
    const quiz = base();
    expect(quiz.settings.rounds).toBe(6);
    expect(new Set(quiz.settings.kinds)).toEqual(new Set(['pod-phase', 'same-pod', 'init-order']));
    const added = addRound(quiz, 'kubectl-debug', 'hard', 'extra');
    if (!added.ok) throw new Error(added.error);
    expect(added.quiz.settings.rounds).toBe(7);
    expect(added.quiz.settings.kinds).toContain('kubectl-debug');
  });
});

describe('editing a quiz', () => {
  it('replaces a round with a new seed of the same kind and level, preferring a question the quiz does not ask yet', () => {
    const quiz = base();
    const edit = replaceRound(quiz, 2, 'fresh-entropy');
    if (!edit.ok) throw new Error(edit.error);
    const [before, after] = [quiz.rounds[2]!, edit.quiz.rounds[2]!];
    expect(after.kind).toBe(before.kind);
    expect(after.difficulty).toBe(before.difficulty);
    expect(after.seed).not.toBe(before.seed);
    const templates = edit.quiz.rounds.map((r, i) => previewRound(r, i).template);
    expect(templates.filter((t) => t === templates[2])).toHaveLength(1);
    expect(edit.quiz.rounds.filter((_, i) => i !== 2)).toEqual(quiz.rounds.filter((_, i) => i !== 2));
  });

  it('never gives the replaced question back: another question like this has another template, for every round and many seeds', () => {
    const quiz = base();
    for (let index = 0; index < quiz.rounds.length; index++) {
      for (let n = 0; n < 15; n++) {
        const edit = replaceRound(quiz, index, `again-${index}-${n}`);
        if (!edit.ok) throw new Error(edit.error);
        expect(previewRound(edit.quiz.rounds[index]!, index).template).not.toBe(previewRound(quiz.rounds[index]!, index).template);
      }
    }
  });

  it('replaces a round with another kind and level', () => {
    const edit = replaceRound(base(), 0, 'x', 'probe-timing', 'hard');
    if (!edit.ok) throw new Error(edit.error);
    expect(edit.quiz.rounds[0]).toMatchObject({ kind: 'probe-timing', difficulty: 'hard' });
    expect(edit.quiz.settings.kinds).toContain('probe-timing');
  });

  it('moves, removes and refuses what makes no sense', () => {
    const quiz = base();
    const moved = moveRound(quiz, 5, 0);
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.quiz.rounds[0]).toEqual(quiz.rounds[5]);
    expect(moved.quiz.rounds.slice(1)).toEqual(quiz.rounds.slice(0, 5));
    const removed = removeRound(quiz, 1);
    if (!removed.ok) throw new Error(removed.error);
    expect(removed.quiz.rounds).toEqual([quiz.rounds[0], ...quiz.rounds.slice(2)]);
    expect(removeRound(quiz, 9)).toEqual({ ok: false, error: 'no_such_round' });
    expect(replaceRound(quiz, -1, 's')).toEqual({ ok: false, error: 'no_such_round' });
    const one = { ...quiz, rounds: quiz.rounds.slice(0, 1) };
    expect(removeRound(one, 0)).toEqual({ ok: false, error: 'last_round' });
    const full = { ...quiz, rounds: Array.from({ length: 50 }, () => quiz.rounds[0]!) };
    expect(addRound(full, 'pod-phase', 'easy', 's')).toEqual({ ok: false, error: 'too_many_rounds' });
  });
});

describe('previewing a round', () => {
  it('shows the view the room will show, an answer the kind scores 1, and the reveal lines', () => {
    for (const [i, r] of base().rounds.entries()) {
      const p = previewRound(r, i);
      const kind = kindById(r.kind);
      const puzzle = kind.generate(r.seed, r.difficulty);
      expect(p.view).toEqual(kind.publicView(puzzle));
      expect(kind.grade(puzzle, p.solution).score).toBe(1);
      expect(p.lines.length).toBeGreaterThan(0);
      expect(p.solutionLabels.length).toBeGreaterThan(0);
      expect(p.docUrl).toMatch(/^https:\/\/kubernetes\.io\//);
    }
  });
});

describe('the quiz file', () => {
  it('round-trips through JSON', () => {
    const quiz = base();
    expect(readQuizFile(JSON.stringify(quizFile(quiz)))).toEqual({ ok: true, quiz });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /not a Podium quiz/],
    ['a newer version', JSON.stringify({ format: 'podium-quiz', version: 99, quiz: {} }), /newer Podium/],
    ['an unknown kind', JSON.stringify({ format: 'podium-quiz', version: 1, quiz: { ...base(), rounds: [{ kind: 'pod-dance', difficulty: 'easy', seed: 's' }] } }), /no puzzle kind “pod-dance”/],
    ['no rounds', JSON.stringify({ format: 'podium-quiz', version: 1, quiz: { ...base(), rounds: [] } }), /at least one round/],
    ['a bad level', JSON.stringify({ format: 'podium-quiz', version: 1, quiz: { ...base(), rounds: [{ kind: 'pod-phase', difficulty: 'extreme', seed: 's' }] } }), /rounds\.0\.difficulty/],
  ])('refuses %s with a sentence', (_what, text, message) => {
    const read = readQuizFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(message);
  });

  it('cleans a name of invisible characters and refuses an empty one', () => {
    const read = readQuiz({ ...base(), name: '  Pods\u200B\u0007 week 3 ' });
    expect(read.ok && read.quiz.name).toBe('Pods week 3');
    expect(readQuiz({ ...base(), name: '\u200B ' }).ok).toBe(false);
  });

  it('takes the kinds and the count from the rounds, not from what the file claims', () => {
    const quiz = base();
    const read = readQuiz({ ...quiz, settings: { ...quiz.settings, kinds: ['kubectl-debug'], rounds: 40 } });
    expect(read.ok && read.quiz.settings).toEqual(quiz.settings);
  });
});
