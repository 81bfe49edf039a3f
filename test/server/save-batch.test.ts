import { describe, expect, it } from 'vitest';
import { createRoom, type RoomState } from '../../shared/room/index.ts';
import type { LiveRoom } from '../../server/live-room.ts';
import type { Store } from '../../server/store.ts';
import { MAX_STEPS, saveBatch } from '../../server/save-batch.ts';

const state = (lastActivity: number): RoomState =>
  ({ ...createRoom({ code: 'ABCDEF', seed: 's', hostToken: 'h', settings: {} as RoomState['settings'], now: 0 }), lastActivity });

const room = (s: RoomState): LiveRoom => ({ code: s.code, state: s } as LiveRoom);

function fakeStore(fail = false) {
  const saved: [number, number][] = [];
  let transactions = 0;
  const store = {
    saveRoom: (prev: RoomState | null, next: RoomState) => { saved.push([prev!.lastActivity, next.lastActivity]); },
    batch: (fn: () => void) => { transactions++; fn(); if (fail) throw new Error('disk full'); },
  } as unknown as Store;
  return { store, saved, transactions: () => transactions };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('saveBatch', () => {
  it('saves every change of a turn in one transaction, from the first saved state to the latest', async () => {
    const { store, saved, transactions } = fakeStore();
    const batch = saveBatch({ store, log: () => {}, rolledBack: () => {} });
    const r = room(state(0));
    for (let t = 1; t <= 3; t++) {
      batch.changed(r, r.state, null);
      r.state = state(t);
    }
    await nextTurn();
    expect(transactions()).toBe(1);
    expect(saved).toEqual([[0, 3]]);
  });

  it('sends what a turn produced only after it is saved, in order', async () => {
    const { store } = fakeStore();
    const batch = saveBatch({ store, log: () => {}, rolledBack: () => {} });
    const r = room(state(0));
    const sent: string[] = [];
    batch.changed(r, r.state, null);
    r.state = state(1);
    batch.later(() => sent.push('broadcast'));
    batch.later(() => sent.push('ack'), () => sent.push('refused'));
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual(['broadcast', 'ack']);
    batch.later(() => sent.push('now'));
    expect(sent).toEqual(['broadcast', 'ack', 'now']);
  });

  it('undoes the turn and refuses its events when the write fails', async () => {
    const { store } = fakeStore(true);
    const undone: LiveRoom[] = [];
    const batch = saveBatch({ store, log: () => {}, rolledBack: (x) => undone.push(x) });
    const before = state(0);
    const r = room(before);
    const sent: string[] = [];
    batch.changed(r, r.state, null);
    r.state = state(1);
    batch.later(() => sent.push('broadcast'));
    batch.later(() => sent.push('ack'), () => sent.push('internal_error'));
    expect(batch.flush()).toBe(false);
    expect(r.state).toBe(before);
    expect(undone).toEqual([r]);
    expect(sent).toEqual(['internal_error']);
  });
  it('sends every ack of a batch before its broadcasts, so the answer that closed a round is acked before the reveal', async () => {
    const { store } = fakeStore();
    const batch = saveBatch({ store, log: () => {}, rolledBack: () => {} });
    const r = room(state(0));
    const sent: string[] = [];
    batch.changed(r, r.state, null);
    r.state = state(1);
    batch.later(() => sent.push('ack a'), () => sent.push('refused a'), 'ack');
    // The closing answer: its step queues the reveal (and me:state), then the handler queues its ack.
    batch.changed(r, r.state, null);
    r.state = state(2);
    batch.later(() => sent.push('reveal'));
    batch.later(() => sent.push('me:state'));
    batch.later(() => sent.push('ack b'), () => sent.push('refused b'), 'ack');
    await nextTurn();
    expect(sent).toEqual(['ack a', 'ack b', 'reveal', 'me:state']);
  });

  it('flushes soon (after the current callback, not inside it) so a handler queues its ack first', async () => {
    const { store, transactions } = fakeStore();
    const batch = saveBatch({ store, log: () => {}, rolledBack: () => {} });
    const r = room(state(0));
    const sent: string[] = [];
    batch.changed(r, r.state, null);
    r.state = state(1);
    batch.later(() => sent.push('reveal'));
    batch.flushSoon();
    batch.later(() => sent.push('ack'), null, 'ack');
    expect(sent).toEqual([]);
    await Promise.resolve();
    expect(transactions()).toBe(1);
    expect(sent).toEqual(['ack', 'reveal']);
  });

  it(`saves a burst in slices of ${MAX_STEPS} changes, each followed by its own acks`, async () => {
    const { store, saved, transactions } = fakeStore();
    const batch = saveBatch({ store, log: () => {}, rolledBack: () => {} });
    const r = room(state(0));
    const acked: number[] = [];
    // One synchronous callback per answer, as socket.io delivers them; microtasks run between callbacks.
    for (let t = 1; t <= MAX_STEPS * 2 + 10; t++) {
      batch.changed(r, r.state, null);
      r.state = state(t);
      batch.later(() => acked.push(t), null, 'ack');
      await Promise.resolve();
    }
    expect(transactions()).toBe(2);
    expect(acked).toHaveLength(MAX_STEPS * 2);
    await nextTurn();
    expect(transactions()).toBe(3);
    expect(saved).toEqual([[0, MAX_STEPS], [MAX_STEPS, MAX_STEPS * 2], [MAX_STEPS * 2, MAX_STEPS * 2 + 10]]);
    expect(acked).toEqual(Array.from({ length: MAX_STEPS * 2 + 10 }, (_, i) => i + 1));
  });
});
