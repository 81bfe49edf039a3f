// The teacher's pages' pure parts: routes, the key from the facilitator link, this browser's own tokens, the
// practice focus from a recap, and the preview draft.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashQuery, parseRoute } from '../../client/src/lib/route.ts';
import { focusKinds } from '../../client/src/lib/practice-focus.ts';
import { facilitatorKey, forgetToken, forgetTokens, ownTokens, rememberToken, setFacilitatorKey, unmatched } from '../../client/src/teacher/own-tokens.ts';
import { freshSeed, loadDraft, saveDraft } from '../../client/src/teacher/draft.ts';
import { request } from '../../client/src/teacher/teacher-api.ts';
import { quizFromSettings } from '../../shared/quiz/index.ts';
import { defaultSettings } from '../../shared/protocol.ts';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('the teacher’s routes', () => {
  it.each([
    ['#/quizzes', { name: 'quizzes', id: null }],
    ['#/quizzes/draft', { name: 'quizzes', id: 'draft' }],
    ['#/quizzes/Ab3_-x', { name: 'quizzes', id: 'Ab3_-x' }],
    ['#/quizzes/<script>', { name: 'quizzes', id: null }],
    ['#/games', { name: 'games' }],
    ['#/games?key=abc', { name: 'games' }],
    ['#/report/g1', { name: 'report', id: 'g1' }],
    ['#/report', { name: 'home' }],
    ['#/assignments/a1', { name: 'assignment', id: 'a1' }],
    ['#/hw', { name: 'homework', code: null }],
    ['#/hw/ab-c7kz', { name: 'homework', code: 'ABC7KZ' }],
  ])('reads %j as %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('reads the key from the facilitator link', () => {
    expect(hashQuery('#/games?key=a%2Bb').get('key')).toBe('a+b');
    expect(hashQuery('#/games').get('key')).toBeNull();
  });
});

describe('what this browser keeps', () => {
  it('keeps each kind of token, newest first, once', () => {
    rememberToken('game', 'g1');
    rememberToken('quiz', 'q1');
    rememberToken('game', 'g2');
    rememberToken('game', 'g1');
    expect(ownTokens('game')).toEqual(['g1', 'g2']);
    expect(ownTokens('quiz')).toEqual(['q1']);
    forgetToken('game', 'g2');
    expect(ownTokens('game')).toEqual(['g1']);
  });

  it('forgets the tokens a list answer said open nothing, and only those', () => {
    for (const t of ['t3', 't2', 't1']) rememberToken('game', t);
    const sent = ownTokens('game');
    // The server found objects for t1 (index 0) and t3 (index 2); t2 opened nothing.
    const gone = unmatched(sent, [{ tokenIndex: 2 }, { tokenIndex: 0 }, {}]);
    expect(gone).toEqual(['t2']);
    rememberToken('game', 't4'); // saved while the list was on its way: kept
    forgetTokens('game', gone);
    expect(ownTokens('game')).toEqual(['t4', 't1', 't3']);
  });

  it('survives junk in storage', () => {
    localStorage.setItem('podium:own-tokens', '{"games":[1,"ok",{}],"quizzes":"x"}');
    expect(ownTokens('game')).toEqual(['ok']);
    expect(ownTokens('quiz')).toEqual([]);
    localStorage.setItem('podium:own-tokens', 'not json');
    expect(ownTokens('game')).toEqual([]);
  });

  it('keeps and forgets the facilitator key', () => {
    expect(facilitatorKey()).toBeNull();
    setFacilitatorKey('k'.repeat(20));
    expect(facilitatorKey()).toBe('k'.repeat(20));
    setFacilitatorKey(null);
    expect(facilitatorKey()).toBeNull();
  });

  it('keeps the quiz being prepared, and drops a draft that is not a quiz', () => {
    const quiz = quizFromSettings('Draft', freshSeed(), { ...defaultSettings, kinds: ['pod-phase'], rounds: 2 });
    saveDraft(quiz);
    expect(loadDraft()).toEqual(quiz);
    sessionStorage.setItem('podium:quiz-draft', JSON.stringify({ ...quiz, rounds: [] }));
    expect(loadDraft()).toBeNull();
  });

  it('draws fresh seeds', () => {
    expect(new Set(Array.from({ length: 20 }, freshSeed)).size).toBe(20);
  });
});

describe('practice focus from a recap', () => {
  it('keeps the known kinds of the link, once each', () => {
    expect(focusKinds('#/practice/focus/pod-phase,same-pod,pod-phase,nope')).toEqual(['pod-phase', 'same-pod']);
    expect(focusKinds('#/practice')).toEqual([]);
    expect(focusKinds('#/practice/focus/%E0%A4%A')).toEqual([]);
  });
});

describe('the teacher’s API errors', () => {
  const answering = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('say the database is out of reach (games carry on) for 503 storage_unavailable, and only for that 503', async () => {
    vi.stubGlobal('fetch', answering(503, { error: 'storage_unavailable' }));
    const down = await request('/games');
    expect(down).toMatchObject({ ok: false, status: 503 });
    expect(!down.ok && down.message).toMatch(/cannot reach its database.*games in progress carry on/);
    vi.stubGlobal('fetch', answering(503, { error: 'too_many' }));
    const full = await request('/assignments', { method: 'POST', body: {} });
    expect(!full.ok && full.message).toBe('The server refused (503).');
    vi.stubGlobal('fetch', answering(401, { error: 'unauthorized' }));
    const refused = await request('/games');
    expect(!refused.ok && refused.message).toMatch(/may not open that/);
  });
});
