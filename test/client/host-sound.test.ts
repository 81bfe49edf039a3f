import { describe, expect, it } from 'vitest';
import { cueFor, frequencyOf, lobbyBar, musicFor, tickBetween } from '../../client/src/lib/sound-cues.ts';
import { groupByTeam } from '../../client/src/host/lobby-groups.ts';

describe('sound cues', () => {
  it('plays a sound on arriving at a round, a reveal and the podium, once per screen', () => {
    expect(cueFor({ phase: 'lobby', round: 0 }, { phase: 'question', round: 1 })).toBe('round');
    expect(cueFor({ phase: 'question', round: 1 }, { phase: 'reveal', round: 1 })).toBe('reveal');
    expect(cueFor({ phase: 'reveal', round: 3 }, { phase: 'finished', round: 3 })).toBe('podium');
    expect(cueFor({ phase: 'reveal', round: 1 }, { phase: 'reveal', round: 1 })).toBeNull();
    expect(cueFor({ phase: 'reveal', round: 1 }, { phase: 'leaderboard', round: 1 })).toBeNull();
  });

  it('does not play the fanfare when a finished room is merely reopened', () => {
    expect(cueFor(null, { phase: 'finished', round: 3 })).toBeNull();
  });

  it('plays music only in the lobby', () => {
    expect(musicFor({ phase: 'lobby', round: 0 })).toBe('lobby');
    expect(musicFor({ phase: 'question', round: 1 })).toBeNull();
    expect(musicFor(null)).toBeNull();
  });

  it('ticks once for each of the last five seconds, never earlier', () => {
    expect(tickBetween(5100, 4900)).toBe(5);
    expect(tickBetween(1050, 950)).toBe(1);
    expect(tickBetween(6100, 5900)).toBeNull();
    expect(tickBetween(4900, 4800)).toBeNull();
    expect(tickBetween(3000, 3000)).toBeNull();
  });

  it('loops four bars of an arpeggio with a bass note each, in tune', () => {
    expect(lobbyBar(0).map((n) => n.midi)).toEqual(lobbyBar(4).map((n) => n.midi));
    expect(lobbyBar(1)).not.toEqual(lobbyBar(0));
    expect(lobbyBar(2).filter((n) => n.beats === 4)).toHaveLength(1);
    expect(frequencyOf(69)).toBe(440);
    expect(frequencyOf(81)).toBeCloseTo(880);
  });
});

describe('groupByTeam', () => {
  const p = (id: string, team: number | null) => ({ playerId: id, name: id, team, connected: true, score: 0, joinedAt: 0 });
  const teams = [
    { team: 0, name: 'Red', size: 1, score: 0, rank: 1 },
    { team: 1, name: 'Blue', size: 0, score: 0, rank: 1 },
  ];

  it('lists every team, empty ones too, and "no team yet" last', () => {
    const groups = groupByTeam([p('a', null), p('b', 0)], teams, true);
    expect(groups.map((g) => [g.title, g.players.map((x) => x.playerId)])).toEqual([
      ['Red', ['b']],
      ['Blue', []],
      ['No team yet', ['a']],
    ]);
  });

  it('is one untitled group without teams', () => {
    expect(groupByTeam([p('a', null)], [], false)).toEqual([{ key: 'all', title: null, players: [p('a', null)] }]);
  });
});
