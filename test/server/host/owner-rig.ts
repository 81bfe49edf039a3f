// One live room on a fake clock, an in-memory store and a recording transport, with the host attached: the rig of
// the tests that check which rows a batch writes (answer-rows, join-rows).
import type { RoomSettings } from '../../../shared/protocol.ts';
import { createRoom } from '../../../shared/room/index.ts';
import { memoryLiveRooms } from '../../../server/live-store.ts';
import { FLUSH_MS } from '../../../server/outbox.ts';
import type { Request } from '../../../server/room-host.ts';
import { createRooms } from '../../../server/rooms.ts';
import { hashToken } from '../../../server/tokens.ts';
import { refuse, type EventName } from '../../../server/validated.ts';
import { fakeTime, SEED } from '../harness.ts';
import { recordingTransport } from './recording-transport.ts';

/** Until the outbox's batch window has closed and its commit is in the store. */
export const settle = async (): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, FLUSH_MS + 5));
};

export function ownerRig(settings: RoomSettings) {
  const time = fakeTime();
  const store = memoryLiveRooms();
  const transport = recordingTransport();
  const rooms = createRooms({ clock: time.clock, scheduler: time.scheduler, store, transport, log: () => {} });
  const room = rooms.open(createRoom({ code: 'ABCDEF', seed: SEED, hostToken: hashToken('host-token'), settings, now: time.now() }));
  const request = (socketId: string, event: EventName): Request<null> =>
    ({ socketId, event, ack: transport.ackFor(socketId, event), reply: (r) => (r.ok ? { ok: true, data: null } : refuse(r.error)) });
  room.attachHost(request('host', 'room:create'));
  return { time, store, room, request };
}
