import { describe, expect, it } from 'vitest';
import {
  allPlayers, changesBetween, createRoom, reduce, restoreRoom, type PlayerRecord, type RoomEvent, type RoomRecord,
  type RoomState, type SlotRecord,
} from '../../shared/room/index.ts';
import { kindById } from '../../shared/puzzles/index.ts';
import { tableEntries } from '../../shared/room/table.ts';
import { choicesOf } from '../../shared/puzzles/answers.ts';
import type { RoomSettings } from '../../shared/protocol.ts';

const T0 = 1_700_000_000_000;
const host = { role: 'host' } as const;

function settings(over: Partial<RoomSettings> = {}): RoomSettings {
  return { kinds: ['pod-phase'], difficulty: 'easy', rounds: 3, secondsPerRound: 20, scoring: 'speed', teamMode: 'off', teamCount: 2, autoAdvance: false, ...over };
}

/** The rows a database would hold, written only from changesBetween. */
class Rows {
  room: RoomRecord | null = null;
  players = new Map<string, PlayerRecord>();
  slots = new Map<string, SlotRecord>();
  writes = { room: 0, players: 0, slots: 0 };

  save(prev: RoomState | null, next: RoomState): void {
    const c = changesBetween(prev, next);
    if (c.room) (this.room = structuredClone(c.room)), this.writes.room++;
    for (const p of c.players) this.players.set(p.id, structuredClone(p)), this.writes.players++;
    for (const id of c.removed) {
      this.players.delete(id);
      for (const key of [...this.slots.keys()]) if (key.startsWith(`${id}/`)) this.slots.delete(key);
    }
    for (const s of c.slots) this.slots.set(`${s.playerId}/${s.slot.round}`, structuredClone(s)), this.writes.slots++;
  }

  restore(now: number): RoomState {
    return restoreRoom({ code: this.room!.code, room: this.room!, players: [...this.players.values()], slots: [...this.slots.values()] }, now);
  }
}

/** What must survive: everything but the idle clock, bucket order and the answered counter (recounted). */
function essence(s: RoomState): unknown {
  const players = allPlayers(s).sort((a, b) => a.id.localeCompare(b.id));
  const answered = s.phase === 'question' ? players.filter((p) => p.current?.round === s.round).length : s.answered;
  return { ...s, lastActivity: 0, answered, players, names: tableEntries(s.names).sort((a, b) => a[0].localeCompare(b[0])) };
}

function solution(s: RoomState): unknown {
  return kindById(s.question!.kind).solve(s.question!.puzzle);
}

function wrong(s: RoomState): unknown {
  const options = choicesOf(s.question!.view);
  return options.find((o) => o.id !== solution(s))!.id;
}

type Step = (s: RoomState, now: number) => RoomEvent;
const join = (id: string, team?: number): Step => (_s, now) => ({ type: 'join', playerId: id, token: `${id}.hash`, name: `N-${id}`, team, now });
const say = (id: string, right: boolean): Step => (s, now) => ({ type: 'answer', playerId: id, round: s.round, answer: right ? solution(s) : wrong(s), now });
const next: Step = (s, now) => ({ type: 'next', actor: host, phase: s.phase, round: s.round, now });

const script: [string, Step][] = [
  ['join a', join('a', 1)], ['join b', join('b')], ['join c', join('c', 0)], ['join d', join('d')],
  ['pick', (_s, now) => ({ type: 'pickTeam', playerId: 'b', team: 1, now })],
  ['start', (_s, now) => ({ type: 'start', actor: host, now })],
  ['a answers', say('a', true)], ['d drops', (_s, now) => ({ type: 'disconnect', actor: { role: 'player', playerId: 'd' }, now })],
  ['b answers', say('b', false)], ['c leaves', (_s, now) => ({ type: 'leave', playerId: 'c', now })],
  ['host drops', (_s, now) => ({ type: 'disconnect', actor: host, now })],
  ['deadline', (s) => ({ type: 'tick', now: s.question!.deadline })],
  ['host back', (_s, now) => ({ type: 'rejoin', token: 'host-hash', now })],
  ['to board', next], ['round 2', next], ['late join', join('e')], ['d back', (_s, now) => ({ type: 'rejoin', token: 'd.hash', now })],
  ['e answers', say('e', true)], ['a answers', say('a', true)],
  ['kick b', (_s, now) => ({ type: 'kick', actor: host, playerId: 'b', now })],
  ['lock', (_s, now) => ({ type: 'lock', actor: host, locked: true, now })],
  ['skip', next], ['to board', next], ['round 3', next], ['a answers', say('a', false)], ['end', (_s, now) => ({ type: 'end', actor: host, now })],
];

describe('room rows (changesBetween + restoreRoom)', () => {
  it('restores the same room after every step of a game with teams, drops, leaves, kicks and a late join', () => {
    const rows = new Rows();
    let state = createRoom({ code: 'ABCDEF', seed: 'seed', hostToken: 'host-hash', settings: settings({ teamMode: 'pick' }), now: T0 });
    rows.save(null, state);
    let now = T0;
    for (const [label, step] of script) {
      now += 1000;
      const result = reduce(state, step(state, now));
      if (!result.ok) expect.fail(`${label}: ${result.error}`);
      rows.save(state, result.state);
      state = result.state;
      expect(essence(rows.restore(now)), label).toEqual(essence(state));
    }
    expect(state.phase).toBe('finished');
  });

  it('plays on identically from a restored room', () => {
    const rows = new Rows();
    let state = createRoom({ code: 'ABCDEF', seed: 'seed', hostToken: 'h', settings: settings({ rounds: 2 }), now: T0 });
    rows.save(null, state);
    const run = (s: RoomState, steps: Step[], from: number): RoomState =>
      steps.reduce((x, step, i) => {
        const r = reduce(x, step(x, from + i * 1000));
        if (!r.ok) expect.fail(r.error);
        rows.save(x, r.state);
        return r.state;
      }, s);
    state = run(state, [join('a'), join('b'), (_s, now) => ({ type: 'start', actor: host, now }), say('a', true)], T0 + 1000);
    const rest: Step[] = [say('b', true), next, next, say('a', true), say('b', false), next];
    const saved = rows.restore(T0 + 5000);
    const live = run(state, rest, T0 + 10_000);
    const restored = run(saved, rest, T0 + 10_000);
    expect(allPlayers(restored).map((p) => [p.id, p.score, p.streak, p.rank]).sort()).toEqual(allPlayers(live).map((p) => [p.id, p.score, p.streak, p.rank]).sort());
    expect(restored.phase).toBe('finished');
  });

  it('writes one slot and nothing else for an answer in a 5,000-player room', () => {
    let state = createRoom({ code: 'ABCDEF', seed: 'seed', hostToken: 'h', settings: settings(), now: T0 });
    for (let i = 0; i < 5000; i++) state = (reduce(state, join(`p${i}`)(state, T0)) as { state: RoomState }).state;
    state = (reduce(state, { type: 'start', actor: host, now: T0 + 1 }) as { state: RoomState }).state;
    const result = reduce(state, say('p42', true)(state, T0 + 2));
    if (!result.ok) expect.fail(result.error);
    const c = changesBetween(state, result.state);
    expect(c).toEqual({ room: null, players: [], removed: [], slots: [{ playerId: 'p42', slot: expect.objectContaining({ round: 1, correct: true }) }] });
  });

  it('writes the room record alone when a round closes: totals and misses are derived from the stored answers', () => {
    let state = createRoom({ code: 'ABCDEF', seed: 'seed', hostToken: 'h', settings: settings(), now: T0 });
    for (const id of ['a', 'b', 'c']) state = (reduce(state, join(id)(state, T0)) as { state: RoomState }).state;
    state = (reduce(state, { type: 'start', actor: host, now: T0 + 1 }) as { state: RoomState }).state;
    const answered = reduce(state, say('a', true)(state, T0 + 2)) as { state: RoomState };
    const closed = reduce(answered.state, { type: 'tick', now: answered.state.question!.deadline }) as { state: RoomState };
    const c = changesBetween(answered.state, closed.state);
    expect(c.room).toMatchObject({ stage: { phase: 'reveal' } });
    expect(c).toMatchObject({ players: [], removed: [], slots: [] });
  });
});
