// The single-node directory over this process's rooms, and the node's name.
import { describe, expect, it } from 'vitest';
import { localDirectory, RoomCodeTaken } from '../../../server/cluster/room-directory.ts';
import { nodeName } from '../../../server/cluster/node-name.ts';
import { createRooms } from '../../../server/rooms.ts';
import { memoryLiveRooms } from '../../../server/live-store.ts';
import { createRoom } from '../../../shared/room/index.ts';
import { fakeTime, settings, T0 } from '../harness.ts';
import { recordingTransport } from '../host/recording-transport.ts';

describe('localDirectory', () => {
  it('finds a room of this process, nothing else, and refuses a taken code', async () => {
    const time = fakeTime();
    const store = memoryLiveRooms();
    const rooms = createRooms({ clock: time.clock, scheduler: time.scheduler, store, transport: recordingTransport(), log: () => {}, flushMs: 0 });
    const directory = localDirectory(rooms, 'n1');
    expect(directory.node).toBe('n1');
    expect(await directory.locate('ABCDEF')).toEqual({ kind: 'none' });
    expect(await directory.exists('ABCDEF')).toBe(false);
    const state = createRoom({ code: 'ABCDEF', seed: 's', hostToken: 'h', settings: settings({ rounds: 1 }), now: T0, plan: [] });
    const room = await directory.open(state);
    expect(store.commits).toHaveLength(1);
    expect(await directory.locate('ABCDEF')).toEqual({ kind: 'local', room });
    expect(await directory.exists('ABCDEF')).toBe(true);
    await expect(directory.open(state)).rejects.toBeInstanceOf(RoomCodeTaken);
    expect(store.commits).toHaveLength(1);
    room.dispose();
    expect(await directory.locate('ABCDEF')).toEqual({ kind: 'none' });
  });
});

describe('nodeName', () => {
  it('is PODIUM_NODE_ID when set, else host-pid-random (unique per process start)', () => {
    expect(nodeName({ PODIUM_NODE_ID: 'podium-7f9c' })).toBe('podium-7f9c');
    const a = nodeName({}, () => 'a1b2');
    expect(a).toMatch(new RegExp(`-${process.pid}-a1b2$`));
    expect(nodeName({})).not.toBe(nodeName({}));
  });

  it('refuses a name that would not fit a lease value or a channel name', () => {
    expect(() => nodeName({ PODIUM_NODE_ID: 'a:b' })).toThrow(/PODIUM_NODE_ID/);
    expect(() => nodeName({ PODIUM_NODE_ID: 'x'.repeat(101) })).toThrow(/PODIUM_NODE_ID/);
  });
});
