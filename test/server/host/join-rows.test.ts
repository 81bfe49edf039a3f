// A batch of joins (and answers) is written from the records and slots the owner took (live-room-host.ts), without
// comparing the two states' players: those must be exactly the rows the comparison finds, in every phase and team
// mode a join can land in, and a restart must read back the same room. A join into the waiting room, or anything
// else in the batch, is compared as before.
import { describe, expect, it } from 'vitest';
import type { RoomSettings } from '../../../shared/protocol.ts';
import { changesBetween, restoreRoom, viewForPlayer, viewForRoom, type RoomChanges } from '../../../shared/room/index.ts';
import { changesOf, type RoomCommit } from '../../../server/live-store.ts';
import { protectToken } from '../../../server/tokens.ts';
import { answersFor, settings } from '../harness.ts';
import { ownerRig, settle } from './owner-rig.ts';

function setup(over: Partial<RoomSettings> = {}) {
  const s = settings({ rounds: 2, ...over });
  const { time, store, room, request } = ownerRig(s);
  const join = (id: string, team?: number) => {
    time.advance(10);
    const event = { type: 'join', playerId: id, token: protectToken(`${id}.secret`), name: id, now: time.now(), ...(team === undefined ? {} : { team }) } as const;
    return room.dispatch(event, request(id, 'room:join'));
  };
  const host = (event: 'start' | 'waitingRoom') => {
    time.advance(10);
    if (event === 'start') room.dispatch({ type: 'start', actor: { role: 'host' }, now: time.now() }, request('host', 'host:start'));
    else room.dispatch({ type: 'waitingRoom', actor: { role: 'host' }, enabled: true, now: time.now() }, request('host', 'host:waiting-room'));
  };
  const answer = (id: string) => {
    time.advance(250);
    room.dispatch({ type: 'answer', playerId: id, round: room.state.round, answer: answersFor(s, room.state.round).solution, now: time.now() }, request(id, 'answer:submit'));
  };
  /** The commits made since `from`, flattened. */
  const since = (from: number): RoomCommit[] => store.commits.slice(from).flat();
  return { store, room, join, host, answer, since, time };
}

/** The same rows, whatever order each list is in (the comparison walks the table; the owner keeps arrival order). */
const sorted = (c: RoomChanges): RoomChanges => ({
  room: c.room,
  players: [...c.players].sort((a, b) => a.id.localeCompare(b.id)),
  removed: [...c.removed].sort(),
  slots: [...c.slots].sort((a, b) => a.playerId.localeCompare(b.playerId) || a.slot.round - b.slot.round),
});

function expectKnownRows(commits: readonly RoomCommit[], players: readonly string[]): void {
  expect(commits).toHaveLength(1);
  const [commit] = commits;
  expect(commit!.changes).toBeDefined();
  expect(sorted(changesOf(commit!))).toEqual(sorted(changesBetween(commit!.prev, commit!.next)));
  expect(commit!.changes!.players.map((p) => p.id)).toEqual(players);
}

function expectRestoresTheRoom(t: ReturnType<typeof setup>, ids: readonly string[]): void {
  const [saved] = t.store.load();
  const restored = restoreRoom(saved!, t.time.now());
  for (const id of ids) expect(viewForPlayer(restored, id)).toEqual(viewForPlayer(t.room.state, id));
  expect(viewForRoom(restored, t.time.now())).toEqual(viewForRoom(t.room.state, t.time.now()));
}

describe('the rows of a batch of joins', () => {
  it('in the lobby are the newcomers\' records, the rows the comparison finds, and restore to the same room', async () => {
    const t = setup();
    t.join('ana');
    await settle();
    const from = t.store.commits.length;
    t.join('ben');
    t.join('cy');
    // A refused join (the name is taken) changes nothing and takes no row.
    t.join('ana');
    t.join('dee');
    await settle();
    expectKnownRows(t.since(from), ['ben', 'cy', 'dee']);
    expectRestoresTheRoom(t, ['ana', 'ben', 'cy', 'dee']);
  });

  it('with teams (given and picked) are still just the records', async () => {
    for (const over of [{ teamMode: 'auto' as const, teamCount: 3 }, { teamMode: 'pick' as const, teamCount: 2 }]) {
      const t = setup(over);
      t.join('ana', over.teamMode === 'pick' ? 1 : undefined);
      await settle();
      const from = t.store.commits.length;
      t.join('ben', over.teamMode === 'pick' ? 0 : undefined);
      t.join('cy');
      await settle();
      expectKnownRows(t.since(from), ['ben', 'cy']);
      expectRestoresTheRoom(t, ['ana', 'ben', 'cy']);
    }
  });

  it('mixed with answers during a question (a late joiner answering at once) are the records and the slots', async () => {
    const t = setup();
    for (const id of ['ana', 'ben', 'cy']) t.join(id);
    t.host('start');
    await settle();
    const from = t.store.commits.length;
    t.answer('ana');
    t.join('dee');
    t.answer('dee');
    await settle();
    const commits = t.since(from);
    expectKnownRows(commits, ['dee']);
    expect(commits[0]!.changes!.slots.map((s) => s.playerId)).toEqual(['ana', 'dee']);
    expectRestoresTheRoom(t, ['ana', 'ben', 'cy', 'dee']);
  });

  it('into the waiting room, or beside any other change, are found by comparing the states', async () => {
    const t = setup();
    t.join('ana');
    t.host('waitingRoom');
    await settle();
    let from = t.store.commits.length;
    t.join('ben');
    await settle();
    expect(t.since(from).map((c) => c.changes)).toEqual([undefined]);

    const u = setup();
    u.join('ana');
    await settle();
    from = u.store.commits.length;
    u.join('ben');
    u.host('start');
    await settle();
    expect(u.since(from).map((c) => c.changes)).toEqual([undefined]);
    expectRestoresTheRoom(u, ['ana', 'ben']);
  });
});
