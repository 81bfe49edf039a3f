import { describe, expect, it } from 'vitest';
import { PracticeSession } from '../../client/src/lib/practice.svelte.ts';
import { loadPractice } from '../../client/src/lib/practice-storage.ts';
import { createRng } from '../../shared/random.ts';
import { fakeKinds } from './fake-kinds.ts';

function entropy() {
  const rng = createRng('session');
  let n = 0;
  return { random: () => rng.next(), newSeed: () => `s${n++}` };
}

function newSession() {
  localStorage.clear();
  return new PracticeSession(fakeKinds, entropy(), localStorage);
}

describe('PracticeSession', () => {
  it('refuses to start with no known topic', () => {
    const session = newSession();
    session.start({ kindIds: ['nope'], difficulty: 'easy' });
    expect(session.round).toBeNull();
    expect(session.error).toContain('topic');
  });

  it('grades an answer once, counts the streak and saves accuracy and the best streak', () => {
    const session = newSession();
    session.start({ kindIds: ['init-a'], difficulty: 'easy' });
    expect(session.solution).toBeNull();
    session.answer('yes');
    session.answer('no');
    expect(session.grade?.correct).toBe(true);
    expect(session.solution).toBe('yes');
    session.next();
    session.answer('yes');
    expect(session.streak).toBe(2);
    session.next();
    session.answer('no');
    expect(session.streak).toBe(0);
    const saved = loadPractice(localStorage);
    expect(saved.concepts['Init containers']).toEqual({ seen: 3, correct: 2, box: 0 });
    expect(saved.bestStreak).toBe(2);
    expect(saved.plan).toEqual({ kindIds: ['init-a'], difficulty: 'easy' });
  });

  it('explains the learner\'s own answer, not the solution\'s', () => {
    const session = newSession();
    session.start({ kindIds: ['init-a'], difficulty: 'easy' });
    session.answer('no');
    expect(session.grade?.explanation).toBe('Not quite: you said no; it is yes, because.');
  });

  it('resets accuracy and the best streak but keeps the chosen topics', () => {
    const session = newSession();
    session.start({ kindIds: ['init-a'], difficulty: 'hard' });
    session.answer('yes');
    session.reset();
    expect(loadPractice(localStorage)).toEqual({ concepts: {}, bestStreak: 0, plan: { kindIds: ['init-a'], difficulty: 'hard' } });
  });

  it('picks up the saved record in a new session, as after a reload', () => {
    const first = newSession();
    first.start({ kindIds: ['sidecar-a'], difficulty: 'medium' });
    first.answer('yes');
    const second = new PracticeSession(fakeKinds, entropy(), localStorage);
    expect(second.record.bestStreak).toBe(1);
    expect(second.record.plan?.difficulty).toBe('medium');
  });
});
