// withRound writes a player's fields out one by one (players.ts: the spread it replaces was most of a 10,000-player
// close). These check that nothing is lost or changed on the way: every field of players made by a join, a team
// pick, a disconnect, an answer and a close survives, and a close settles exactly the round's fields.
import { describe, expect, it } from 'vitest';
import type { PlayerState } from '../../../shared/room/state.ts';
import { allPlayers, withRound } from '../../../shared/room/players.ts';
import { missed, settled } from '../../../shared/room/close-round.ts';
import { apply, asPlayer, fold, host, join, newRoom, solutionOf, T0, wrongOf } from './fixtures.ts';

/** A team room with four players, one disconnected, in round 1 with two answers given and one still to come. */
function roomInRound() {
  let s = fold(newRoom({ teamMode: 'pick', teamCount: 2 }), [join('ann', 'Ann', T0, 0), join('bob', 'Bob', T0 + 5, 1), join('cy', 'Cy', T0 + 9, 0), join('dee', 'Dee', T0 + 12, 1)]);
  s = apply(s, { type: 'start', actor: host, now: T0 + 1000 });
  s = apply(s, { type: 'disconnect', actor: asPlayer('cy'), now: T0 + 1100 });
  s = apply(s, { type: 'answer', playerId: 'ann', round: 1, answer: solutionOf(s), now: T0 + 2000 });
  s = apply(s, { type: 'answer', playerId: 'bob', round: 1, answer: wrongOf(s), now: T0 + 3000 });
  expect(s.phase).toBe('question');
  return s;
}

const exceptRound = ({ score: _s, streak: _t, rank: _r, current: _c, history: _h, ...rest }: PlayerState) => rest;

describe('withRound', () => {
  it('copies every field of a player as it is, whatever made the player', () => {
    const players = allPlayers(roomInRound());
    // The fixture has what varies between players: a team each, one disconnected, answers given and not.
    expect(new Set(players.map((p) => p.team))).toEqual(new Set([0, 1]));
    expect(new Set(players.map((p) => p.joinIndex)).size).toBe(4);
    expect(players.filter((p) => !p.connected).map((p) => p.id)).toEqual(['cy']);
    expect(players.filter((p) => p.current !== null)).toHaveLength(2);
    for (const p of players) {
      const copy = withRound(p, p.current);
      expect(copy).toEqual(p);
      expect(Object.keys(copy).sort()).toEqual(Object.keys(p).sort());
      expect(copy).not.toBe(p);
    }
  });

  it('replaces only the round fields it is given', () => {
    const [p] = allPlayers(roomInRound()).filter((x) => x.current !== null);
    const history = [missed(1)];
    const next = withRound(p!, null, 70, 2, history);
    expect(exceptRound(next)).toEqual(exceptRound(p!));
    expect(next).toMatchObject({ score: 70, streak: 2, current: null, rank: p!.rank });
    expect(next.history).toBe(history);
  });
});

describe('settled', () => {
  it('adds the slot to the totals and the history, leaving the player it was given untouched', () => {
    const s = roomInRound();
    for (const p of allPlayers(s)) {
      const before = structuredClone(p);
      const slot = p.current ?? missed(1);
      const next = settled(p, slot);
      expect(p).toEqual(before);
      expect(next).toEqual({
        ...p,
        score: p.score + slot.points,
        streak: slot.correct ? p.streak + 1 : 0,
        current: null,
        history: [...p.history, slot],
      });
    }
  });

  it('keeps names, teams, connections and join order through a close, and settles the answers given', () => {
    const open = roomInRound();
    const closed = apply(open, { type: 'tick', now: open.question!.deadline + 1 });
    expect(closed.phase).toBe('reveal');
    const before = new Map(allPlayers(open).map((p) => [p.id, p]));
    for (const p of allPlayers(closed)) {
      const was = before.get(p.id)!;
      expect(exceptRound(p)).toEqual(exceptRound(was));
      expect(p.current).toBeNull();
      expect(p.history).toEqual([was.current ?? missed(1)]);
    }
    const ann = allPlayers(closed).find((p) => p.id === 'ann')!;
    expect(ann.score).toBeGreaterThan(0);
    expect(ann.rank).toBe(1);
  });
});
