// The host's roster by deltas: folding the deltas of any run of joins, leaves, drops, renames, kicks, team moves,
// waiting-room admissions and rounds onto the first full roster gives the full roster of the last state, and a
// delta that does not follow from the copy is refused (the client then asks for a full one).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyRoster, fullRoster, reduce, rosterDelta, rosterLists, type RoomEvent, type RoomState, type RosterLists } from '../../../shared/room/index.ts';
import { allPlayers } from '../../../shared/room/players.ts';
import { host, join, newRoom, T0 } from './fixtures.ts';

type Op =
  | { op: 'join' | 'joinTeam' | 'leave' | 'drop' | 'back' | 'rename' | 'kick' | 'team' | 'admit' | 'refuse' | 'unban' | 'answer' | 'next'; pick: number }
  | { op: 'waitingRoom'; on: boolean }
  | { op: 'removeRecent' | 'start' | 'send' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constantFrom('join', 'joinTeam'), pick: fc.nat(50) }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constantFrom('leave', 'drop', 'back', 'rename', 'kick', 'team', 'admit', 'refuse', 'unban', 'answer', 'next'), pick: fc.nat(50) }) },
  fc.record({ op: fc.constant('waitingRoom'), on: fc.boolean() }),
  fc.record({ op: fc.constantFrom('removeRecent', 'start') }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant('send') }) },
) as fc.Arbitrary<Op>;

const at = <T>(list: readonly T[], pick: number): T | undefined => (list.length === 0 ? undefined : list[pick % list.length]);

/** The event an op stands for in this state, or null when it has no target. */
function eventOf(state: RoomState, o: Op, serial: number, now: number): RoomEvent | null {
  const players = allPlayers(state).sort((a, b) => a.joinIndex - b.joinIndex);
  const p = 'pick' in o ? at(players, o.pick) : undefined;
  const w = 'pick' in o ? at(state.waiting, o.pick) : undefined;
  const b = 'pick' in o ? at(state.banned, o.pick) : undefined;
  switch (o.op) {
    case 'join': return join(`n${serial}`, `name${serial}`, now);
    case 'joinTeam': return join(`n${serial}`, `name${serial}`, now, o.pick % 3);
    case 'leave': return p ? { type: 'leave', playerId: p.id, now } : null;
    case 'drop': return p ? { type: 'disconnect', actor: { role: 'player', playerId: p.id }, now } : null;
    case 'back': return p ? { type: 'rejoin', token: p.token, now } : null;
    case 'rename': return p ? { type: 'rename', actor: host, playerId: p.id, name: `re${serial}`, now } : null;
    case 'kick': return p ? { type: 'kick', actor: host, playerId: p.id, now } : null;
    case 'team': return p ? { type: 'pickTeam', playerId: p.id, team: o.pick % 3, now } : null;
    case 'admit': return w ? { type: 'admit', actor: host, playerId: w.id, admit: true, now } : null;
    case 'refuse': return w ? { type: 'admit', actor: host, playerId: w.id, admit: false, now } : null;
    case 'unban': return b ? { type: 'unban', actor: host, playerId: b.playerId, now } : null;
    case 'answer': return p ? { type: 'answer', playerId: p.id, round: state.round, answer: 'a', now } : null;
    case 'next': return { type: 'next', actor: host, phase: state.phase, round: state.round, now };
    case 'waitingRoom': return { type: 'waitingRoom', actor: host, enabled: o.on, now };
    case 'removeRecent': return { type: 'removeRecent', actor: host, seconds: 5, now };
    case 'start': return { type: 'start', actor: host, now };
    case 'send': return null;
  }
}

/** Runs the ops; at each 'send' (and at the end) the host gets the delta since the last send. */
function run(ops: readonly Op[]): { copy: RosterLists; last: RoomState; deltas: number } {
  let state = newRoom({ teamMode: 'pick', teamCount: 3 });
  let sent = state;
  let copy = rosterLists(fullRoster(state, 1));
  let deltas = 0;
  const send = (): void => {
    const delta = rosterDelta(sent, state, copy.version + 1);
    const before = fullRoster(sent, 0);
    const after = fullRoster(state, 0);
    // No delta exactly when nothing the roster shows changed.
    expect(delta === null).toBe(JSON.stringify(before) === JSON.stringify(after));
    if (delta) {
      const next = applyRoster(copy, delta);
      expect(next).not.toBeNull();
      copy = next!;
      deltas++;
    }
    sent = state;
  };
  ops.forEach((o, i) => {
    const now = T0 + i * 1000;
    if (o.op === 'send') return send();
    const event = eventOf(state, o, i, now);
    if (!event) return;
    const result = reduce(state, event);
    if (result.ok) state = result.state;
  });
  send();
  return { copy, last: state, deltas };
}

describe('the host roster by deltas', () => {
  it('folds to the full roster of the last state, whatever happened in between', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const { copy, last } = run(ops);
        const { version: _v, ...lists } = copy;
        const { kind: _k, version: _w, ...full } = fullRoster(last, 0);
        expect(lists).toEqual(full);
      }),
      { numRuns: 300 },
    );
  });

  it('sends nothing for a round whose close rewrote every player', () => {
    let s = newRoom();
    for (let i = 0; i < 40; i++) s = must(s, join(`p${i}`, `p${i}`, T0));
    s = must(s, { type: 'start', actor: host, now: T0 + 1 });
    const open = s;
    s = must(s, { type: 'next', actor: host, phase: 'question', round: 1, now: T0 + 2 });
    expect(s.phase).toBe('reveal');
    expect(rosterDelta(open, s, 2)).toBeNull();
  });

  it('names only the player who joined, not the room', () => {
    let s = newRoom();
    for (let i = 0; i < 300; i++) s = must(s, join(`p${i}`, `p${i}`, T0));
    const next = must(s, join('late', 'Late', T0 + 5));
    expect(rosterDelta(s, next, 2)).toEqual({
      kind: 'delta', version: 2, players: { added: [{ playerId: 'late', name: 'Late', team: null, connected: true, joinedAt: T0 + 5 }], changed: [], removed: [] },
    });
  });

  it('refuses a delta that skips a version or names a player the copy lacks, and ignores an older one', () => {
    let s = newRoom();
    s = must(s, join('a', 'Ada', T0));
    const copy = rosterLists(fullRoster(s, 4));
    const joined = must(s, join('b', 'Ben', T0));
    expect(applyRoster(copy, rosterDelta(s, joined, 6)!)).toBeNull();
    expect(applyRoster(copy, rosterDelta(s, joined, 4)!)).toBe(copy);
    expect(applyRoster(copy, rosterDelta(s, joined, 5)!)?.players.map((p) => p.playerId)).toEqual(['a', 'b']);
    const renamed = must(joined, { type: 'rename', actor: host, playerId: 'b', name: 'Bo', now: T0 });
    // The rename of a player this copy never heard of: it missed the join.
    expect(applyRoster(copy, rosterDelta(joined, renamed, 5)!)).toBeNull();
  });
});

function must(state: RoomState, event: RoomEvent): RoomState {
  const result = reduce(state, event);
  if (!result.ok) throw new Error(`${event.type}: ${result.error}`);
  return result.state;
}
