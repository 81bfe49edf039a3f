// An Each (outgoing.ts): one queued item for many sockets, each message built only when its turn comes, counted one
// by one against the send slice, in order, and nothing after it overtakes it.
import { describe, expect, it } from 'vitest';
import { createOutbox, SEND_SLICE, type Committable } from '../../../server/outbox.ts';
import type { Each } from '../../../server/outgoing.ts';
import { deliver } from '../../../server/transport.ts';
import type { LiveRoomStore } from '../../../server/live-store.ts';
import { recordingTransport } from './recording-transport.ts';

const store: LiveRoomStore = { commit: () => {}, drop: () => {}, load: () => [] };
const owner: Committable = { code: 'ABCDEF', pending: () => null, committed: () => {}, rollback: () => [] };
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `count` results; `built` records which were built, and when `gone(i)` that socket has nobody to tell. */
function each(count: number, built: number[], gone: (i: number) => boolean = () => false): Each {
  return {
    to: { each: 'ABCDEF' },
    event: 'me:state',
    count,
    message(i) {
      built.push(i);
      return gone(i) ? null : { to: { socket: `s${i}` }, event: 'me:state', payload: { n: i } as never };
    },
  };
}

describe('an Each in the outbox', () => {
  it(`builds and sends ${SEND_SLICE} messages a turn, in order, and what was queued after it waits`, async () => {
    const transport = recordingTransport();
    const outbox = createOutbox({ store, transport, log: () => {} });
    const built: number[] = [];
    const count = SEND_SLICE * 2 + 5;
    outbox.add(owner, { result: null, out: [each(count, built)], bindings: [], changed: false, urgent: false });
    // Nothing else was waiting: the first slice goes out now, and nothing beyond it was built.
    expect(transport.sent).toHaveLength(SEND_SLICE);
    expect(built).toHaveLength(SEND_SLICE);
    outbox.add(owner, { result: null, out: [{ to: { room: 'ABCDEF' }, event: 'room:presence', payload: { playerCount: 1, connectedCount: 1, teams: [] } }], bindings: [], changed: false, urgent: false });
    await turn();
    expect(transport.sent).toHaveLength(SEND_SLICE * 2);
    await turn();
    expect(transport.sent.map((s) => ('socket' in s ? s.socket : s.room))).toEqual([...Array.from({ length: count }, (_, i) => `s${i}`), 'ABCDEF']);
    expect(built).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  it('skips a message with nobody to tell, and drain() sends the rest at once', () => {
    const transport = recordingTransport();
    const outbox = createOutbox({ store, transport, log: () => {} });
    const built: number[] = [];
    outbox.add(owner, { result: null, out: [each(SEND_SLICE + 3, built, (i) => i % 2 === 1)], bindings: [], changed: false, urgent: false });
    outbox.drain();
    expect(built).toHaveLength(SEND_SLICE + 3);
    expect(transport.sent.map((s) => ('socket' in s ? s.socket : ''))).toEqual(
      Array.from({ length: SEND_SLICE + 3 }, (_, i) => i).filter((i) => i % 2 === 0).map((i) => `s${i}`),
    );
  });

  it('is delivered whole, in order, where no outbox slices it (the cluster outbox)', () => {
    const transport = recordingTransport();
    const built: number[] = [];
    deliver(transport, each(3, built), () => {});
    expect(transport.lines()).toEqual(['send s0 me:state', 'send s1 me:state', 'send s2 me:state']);
  });
});
