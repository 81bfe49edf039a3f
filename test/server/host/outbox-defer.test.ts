// While a burst of answers is being read, a reveal's per-player results (an Each) wait behind it (outbox.ts,
// BUSY_READS / DEFER_MAX_MS): the acks and the reveal's broadcast go at once, the results once the burst has passed
// or they have waited DEFER_MAX_MS, and nothing of the same room overtakes them.
import { describe, expect, it } from 'vitest';
import { BUSY_MS, BUSY_READS, createOutbox, DEFER_MAX_MS, type Committable } from '../../../server/outbox.ts';
import type { Each, Message, Reply, Step } from '../../../server/outgoing.ts';
import type { LiveRoomStore, RoomCommit } from '../../../server/live-store.ts';
import { recordingTransport } from './recording-transport.ts';

const store: LiveRoomStore = { commit: () => {}, drop: () => {}, load: () => [] };
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An owner that always has something to commit (its steps change state). */
const room = (code: string): Committable => ({
  code,
  pending: () => ({ code, prev: null, next: {} as never, results: null }) as RoomCommit,
  committed: () => {},
  rollback: () => [],
});

const results = (code: string, count: number): Each => ({
  to: { each: code },
  event: 'me:state',
  count,
  message: (i) => ({ to: { socket: `${code}-p${i}` }, event: 'me:state', payload: { n: i } as never }),
});
const reveal = (code: string): Message => ({ to: { room: code }, event: 'room:presence', payload: { playerCount: 1, connectedCount: 1, teams: [] } });
const ack = (name: string, log: string[]): Reply => ({ to: { ack: () => log.push(name) }, event: 'answer:submit', payload: { ok: true, data: null } });
const step = (out: Step['out'], changed = true): Step => ({ result: null, out, bindings: [], changed, urgent: false });

function setup() {
  let clock = 1_000;
  const transport = recordingTransport();
  const acks: string[] = [];
  const outbox = createOutbox({ store, transport, log: () => {}, flushMs: 0, now: () => clock });
  const sent = () => transport.sent.map((s) => ('socket' in s ? s.socket : s.room));
  /** BUSY_READS answers in other rooms, each with its ack, within BUSY_MS: a burst. */
  const burst = (tag: string) => {
    for (let i = 0; i < BUSY_READS; i++) outbox.add(room(`R${i}`), step([ack(`${tag}${i}`, acks)]));
  };
  return { outbox, sent, acks, burst, advance: (ms: number) => void (clock += ms) };
}

describe('results held behind a burst of answers', () => {
  it('sends the acks and the reveal at once and holds the results while the reads are recent', async () => {
    const { outbox, sent, acks, burst } = setup();
    burst('a');
    outbox.add(room('AAAAAA'), step([ack('closing', acks), reveal('AAAAAA'), results('AAAAAA', 3)]));
    await turn();
    expect(acks).toContain('closing');
    expect(acks).toHaveLength(BUSY_READS + 1);
    expect(sent()).toEqual(['AAAAAA']);
    // The clock has not moved: the last BUSY_READS changes are still within BUSY_MS, so the results keep waiting.
    await turn();
    await turn();
    expect(sent()).toEqual(['AAAAAA']);
  });

  it('lets the results go once the reads have slowed (no BUSY_READS within BUSY_MS)', async () => {
    const { outbox, sent, acks, burst, advance } = setup();
    burst('a');
    outbox.add(room('AAAAAA'), step([ack('closing', acks), reveal('AAAAAA'), results('AAAAAA', 3)]));
    await turn();
    expect(sent()).toEqual(['AAAAAA']);
    advance(BUSY_MS);
    await turn();
    await turn();
    expect(sent()).toEqual(['AAAAAA', 'AAAAAA-p0', 'AAAAAA-p1', 'AAAAAA-p2']);
  });

  it('holds them DEFER_MAX_MS at most, however long the burst lasts', async () => {
    const { outbox, sent, acks, burst, advance } = setup();
    burst('a');
    outbox.add(room('AAAAAA'), step([reveal('AAAAAA'), results('AAAAAA', 2)]));
    await turn();
    for (let t = 0; t < DEFER_MAX_MS; t += BUSY_MS / 2) {
      burst(`b${t}-`);
      advance(BUSY_MS / 2);
      await turn();
      if (t + BUSY_MS / 2 < DEFER_MAX_MS) expect(sent()).toEqual(['AAAAAA']);
    }
    await turn();
    await turn();
    expect(sent()).toEqual(['AAAAAA', 'AAAAAA-p0', 'AAAAAA-p1']);
    expect(acks.length).toBeGreaterThan(BUSY_READS * 10);
  });

  it('sends a room\'s held results before anything that room sends later, and not before other rooms\' acks', async () => {
    const { outbox, sent, acks, burst } = setup();
    burst('a');
    outbox.add(room('AAAAAA'), step([reveal('AAAAAA'), results('AAAAAA', 2)]));
    await turn();
    outbox.add(room('BBBBBB'), step([ack('other', acks)]));
    await turn();
    expect(acks).toContain('other');
    expect(sent()).toEqual(['AAAAAA']);
    // The same room's next broadcast (the leaderboard) waits for its results.
    burst('c');
    outbox.add(room('AAAAAA'), step([reveal('AAAAAA')]));
    await turn();
    expect(sent()).toEqual(['AAAAAA', 'AAAAAA-p0', 'AAAAAA-p1', 'AAAAAA']);
  });

  it('sends results at once when no burst is on, and drain() sends held ones', async () => {
    const quiet = setup();
    quiet.outbox.add(room('AAAAAA'), step([reveal('AAAAAA'), results('AAAAAA', 2)]));
    await turn();
    expect(quiet.sent()).toEqual(['AAAAAA', 'AAAAAA-p0', 'AAAAAA-p1']);

    const busy = setup();
    busy.burst('a');
    busy.outbox.add(room('AAAAAA'), step([reveal('AAAAAA'), results('AAAAAA', 2)]));
    await turn();
    expect(busy.sent()).toEqual(['AAAAAA']);
    busy.outbox.drain();
    expect(busy.sent()).toEqual(['AAAAAA', 'AAAAAA-p0', 'AAAAAA-p1']);
  });
});
