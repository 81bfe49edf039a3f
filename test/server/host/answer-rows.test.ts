// A batch of answers alone is written from the slots the owner took (live-room-host.ts), without comparing the two
// states' players: those are exactly the rows the comparison finds, and a restart reads back the same room. A batch
// with a round's close in it is compared as before (joins: join-rows.test.ts).
import { describe, expect, it } from 'vitest';
import { changesBetween, restoreRoom, viewForPlayer } from '../../../shared/room/index.ts';
import { changesOf } from '../../../server/live-store.ts';
import { protectToken } from '../../../server/tokens.ts';
import { answersFor, settings } from '../harness.ts';
import { ownerRig, settle } from './owner-rig.ts';

function setup() {
  const s = settings({ rounds: 2 });
  const { time, store, room, request } = ownerRig(s);
  const ids = ['ana', 'ben', 'cy', 'dee', 'eve'];
  for (const id of ids) room.dispatch({ type: 'join', playerId: id, token: protectToken(`${id}.secret`), name: id, now: time.now() }, request(id, 'room:join'));
  room.dispatch({ type: 'start', actor: { role: 'host' }, now: time.now() }, request('host', 'host:start'));
  const answer = (id: string, right: boolean) => {
    const { solution, wrong } = answersFor(s, room.state.round);
    time.advance(250);
    room.dispatch({ type: 'answer', playerId: id, round: room.state.round, answer: right ? solution : wrong, now: time.now() }, request(id, 'answer:submit'));
  };
  return { store, room, ids, answer, time };
}

describe('the rows of a batch of answers', () => {
  it('are the slots the owner took, the same rows the comparison finds, and restore to the same players', async () => {
    const t = setup();
    await settle();
    const before = t.store.commits.length;
    t.answer('ana', true);
    t.answer('ben', false);
    // A refused second answer changes nothing and takes no row.
    t.answer('ana', false);
    t.answer('cy', true);
    await settle();
    const answersOnly = t.store.commits.slice(before).flat();
    expect(answersOnly).toHaveLength(1);
    const [commit] = answersOnly;
    expect(commit!.changes).toBeDefined();
    expect(changesOf(commit!)).toEqual(changesBetween(commit!.prev, commit!.next));
    expect(commit!.changes!.slots.map((s) => s.playerId)).toEqual(['ana', 'ben', 'cy']);

    // The batch that closes the round (and a join beside it) is compared whole.
    const closing = t.store.commits.length;
    t.answer('dee', false);
    t.answer('eve', true);
    await settle();
    const closed = t.store.commits.slice(closing).flat();
    expect(closed.every((c) => c.changes === undefined)).toBe(true);

    const [saved] = t.store.load();
    const restored = restoreRoom(saved!, t.time.now());
    for (const id of t.ids) expect(viewForPlayer(restored, id)).toEqual(viewForPlayer(t.room.state, id));
  });
});
