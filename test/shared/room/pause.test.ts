import { describe, expect, it } from 'vitest';
import { reduce, nextDeadline, viewForRoom, changesBetween, restoreRoom, type RoomState } from '../../../shared/room/index.ts';
import { answer, apply, asPlayer, host, next, solutionOf, started, T0 } from './fixtures.ts';

const START = T0 + 1000;
const pause = (paused: boolean, now: number, actor = host) => ({ type: 'pause' as const, actor, paused, now });

/** A two-player room with auto-advance, at the reveal of round 1 (closed at START + 2000). */
function atReveal(): RoomState {
  let s = started(['a', 'b'], { autoAdvance: true });
  s = apply(s, answer(s, 'a', solutionOf(s), START + 1000));
  s = apply(s, answer(s, 'b', solutionOf(s), START + 2000));
  expect(s.phase).toBe('reveal');
  return s;
}

describe('reduce: pausing the auto-advance countdown', () => {
  it('holds the reveal while paused and resumes with the time it had left', () => {
    let s = atReveal();
    expect(s.phaseDeadline).toBe(START + 12_000);
    s = apply(s, pause(true, START + 5000));
    expect(viewForRoom(s, START + 5000)).toMatchObject({ paused: true, phaseDeadline: null });
    s = apply(s, { type: 'tick', now: START + 60_000 });
    expect(s.phase).toBe('reveal');
    s = apply(s, pause(false, START + 100_000));
    expect(nextDeadline(s)).toBe(START + 107_000);
    expect(viewForRoom(s, START + 100_000)).toMatchObject({ paused: false, phaseDeadline: START + 107_000 });
    s = apply(s, { type: 'tick', now: START + 107_000 });
    expect(s.phase).toBe('leaderboard');
  });

  it('ends the pause when the host moves on, so the next screen counts down again', () => {
    let s = apply(atReveal(), pause(true, START + 5000));
    s = apply(s, next(s, START + 6000));
    expect(s.phase).toBe('leaderboard');
    expect(s.pausedLeftMs).toBeNull();
    expect(s.phaseDeadline).toBe(START + 12_000);
  });

  it('keeps the pause when the host drops and comes back during a paused reveal', () => {
    let s = apply(atReveal(), pause(true, START + 5000));
    s = apply(s, { type: 'disconnect', actor: host, now: START + 6000 });
    s = apply(s, { type: 'rejoin', token: 'host-secret', now: START + 50_000 });
    expect(s.phaseDeadline).toBeNull();
    expect(s.pausedLeftMs).toBe(7000);
  });

  it('pausing twice changes nothing the second time', () => {
    const once = apply(atReveal(), pause(true, START + 5000));
    const twice = apply(once, pause(true, START + 6000));
    expect(twice.pausedLeftMs).toBe(once.pausedLeftMs);
  });

  it('refuses a pause from a player, during a question, and without auto-advance', () => {
    const s = atReveal();
    expect(reduce(s, pause(true, START + 5000, asPlayer('a')))).toEqual({ ok: false, error: 'not_host' });
    const question = started(['a'], { autoAdvance: true });
    expect(reduce(question, pause(true, START + 10))).toEqual({ ok: false, error: 'wrong_phase' });
    let manual = started(['a']);
    manual = apply(manual, answer(manual, 'a', solutionOf(manual), START + 10));
    expect(reduce(manual, pause(true, START + 20))).toEqual({ ok: false, error: 'wrong_phase' });
  });

  it('survives a save and restore, and a room saved before pauses existed restores unpaused', () => {
    const s = apply(atReveal(), pause(true, START + 5000));
    const record = changesBetween(null, s).room!;
    expect(record.stage).toMatchObject({ phase: 'reveal', pausedLeftMs: 7000 });
    const saved = { code: record.code, room: JSON.parse(JSON.stringify(record)) as typeof record, players: [], slots: [] };
    expect(restoreRoom(saved, START + 9000).pausedLeftMs).toBe(7000);
    // Version 1 rows kept the phase inline; those written before pauses existed had no pausedLeftMs at all.
    const { stage: _stage, ...rest } = saved.room;
    const v1 = { ...rest, version: 1, phase: 'reveal', question: { round: 1, startedAt: s.question!.startedAt, deadline: s.question!.deadline },
      reveal: { distribution: s.reveal!.distribution, averageScore: s.reveal!.averageScore }, phaseDeadline: null };
    expect(restoreRoom({ ...saved, room: v1 }, START + 9000).pausedLeftMs).toBeNull();
  });
});

describe('views: points gained this round', () => {
  it('gives every leaderboard entry the points of the round just closed', () => {
    let s = atReveal();
    s = apply(s, next(s, START + 3000));
    const view = viewForRoom(s, START + 3000);
    if (view.phase !== 'leaderboard') throw new Error(view.phase);
    for (const entry of view.top) expect(entry.gained).toBe(entry.score);
    expect(view.top.every((e) => e.gained > 0)).toBe(true);
  });
});
