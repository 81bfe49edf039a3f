// One contract for the library (saved quizzes and the games index), run against the SQLite file and a real
// PostgreSQL: what the teacher's pages need, read back exactly, owners' lists, order, limits, deletes, and a game's
// results found for the entry that made it even when its code was reused.
import { describe, expect, it } from 'vitest';
import type { GameEntry, QuizRecord } from '../../../server/library/library-store.ts';
import { hashToken } from '../../../server/tokens.ts';
import { homeworkQuiz } from '../homework.ts';
import { BACKENDS, backends } from './backends.ts';
import { results } from './fixtures.ts';

const { make } = backends();
const T = 1_800_000_000_000;

const quiz = (id: string, owner: string, updatedAt: number, name = `Quiz ${id}`): QuizRecord =>
  ({ id, tokenHash: hashToken(owner), quiz: { ...homeworkQuiz(), name }, createdAt: T, updatedAt });

const entry = (id: string, code: string, owner: string, createdAt: number, over: Partial<GameEntry> = {}): GameEntry =>
  ({ id, mode: 'live', code, ownerHash: hashToken(owner), quizId: null, quizName: null, createdAt, opensAt: null, closesAt: null, ...over });

describe.each(BACKENDS)('the library (%s)', (kind) => {
  it('keeps a quiz exactly, replaces it, lists it for its owner newest first, and deletes it', async () => {
    const { teacher: { library } } = await make(kind);
    const first = quiz('q1', 'ana', T + 1, 'Pods · «phases» "1"');
    await library.putQuiz(first);
    await library.putQuiz(quiz('q2', 'ben', T + 3));
    await library.putQuiz(quiz('q3', 'ana', T + 2));
    expect(await library.quiz('q1')).toEqual(first);
    expect(await library.quiz('nope')).toBeNull();

    expect((await library.quizzes({ all: true })).map((q) => q.id)).toEqual(['q2', 'q3', 'q1']);
    expect((await library.quizzes({ all: false, hashes: [hashToken('ana')] })).map((q) => q.id)).toEqual(['q3', 'q1']);
    expect(await library.quizzes({ all: false, hashes: [hashToken('nobody')] })).toEqual([]);
    expect(await library.quizzes({ all: false, hashes: [] })).toEqual([]);

    const edited = { ...first, quiz: { ...first.quiz, name: 'Renamed' }, updatedAt: T + 10 };
    await library.putQuiz(edited);
    expect(await library.quiz('q1')).toEqual(edited);
    expect((await library.quizzes({ all: true })).map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);

    expect(await library.deleteQuiz('q1')).toBe(true);
    expect(await library.deleteQuiz('q1')).toBe(false);
    expect(await library.quiz('q1')).toBeNull();
    expect((await library.quizzes({ all: true })).map((q) => q.id)).toEqual(['q2', 'q3']);
  });

  it('records a game once, lists games newest first within the limit, and only to their owners', async () => {
    const { teacher: { library } } = await make(kind);
    const a = entry('g1', 'AAAAAA', 'host-1', T + 1, { quizId: 'q1', quizName: 'Pods' });
    await library.recordGame(a);
    await Promise.all([library.recordGame(a), library.recordGame({ ...a, code: 'CHANGED' })]);
    await library.recordGame(entry('g2', 'BBBBBB', 'host-2', T + 2));
    await library.recordGame(entry('g3', 'CCCCCC', 'teacher', T + 3, { mode: 'assignment', opensAt: T + 3, closesAt: T + 99 }));
    expect(await library.game('g1')).toEqual({ entry: a, results: null });
    expect(await library.game('nope')).toBeNull();
    expect((await library.games({ all: true }, 10)).map((g) => g.entry.id)).toEqual(['g3', 'g2', 'g1']);
    expect((await library.games({ all: true }, 2)).map((g) => g.entry.id)).toEqual(['g3', 'g2']);
    expect((await library.games({ all: false, hashes: [hashToken('host-1'), hashToken('teacher')] }, 10)).map((g) => g.entry.id)).toEqual(['g3', 'g1']);
    expect((await library.game('g3'))!.entry).toMatchObject({ mode: 'assignment', opensAt: T + 3, closesAt: T + 99 });
  });

  it('finds each game’s own results, even when its code was given to a later game', async () => {
    const b = await make(kind);
    const { library } = b.teacher;
    await library.recordGame(entry('early', 'ABCDEF', 'host-1', T));
    b.finish(results('ABCDEF', T + 50_000), hashToken('host-1'));
    await library.recordGame(entry('later', 'ABCDEF', 'host-2', T + 60_000));
    await library.recordGame(entry('unplayed', 'ZZZZZZ', 'host-3', T + 70_000));
    b.finish(results('ABCDEF', T + 90_000), hashToken('host-2'));
    expect((await library.game('early'))!.results).toEqual(results('ABCDEF', T + 50_000));
    expect((await library.game('later'))!.results).toEqual(results('ABCDEF', T + 90_000));
    expect((await library.game('unplayed'))!.results).toBeNull();
    const listed = await library.games({ all: true }, 10);
    expect(listed.map((g) => [g.entry.id, g.results?.finishedAt ?? null])).toEqual([['unplayed', null], ['later', T + 90_000], ['early', T + 50_000]]);
  });
});
