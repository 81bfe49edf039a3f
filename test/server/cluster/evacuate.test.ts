// A room taken over is evacuated through the cluster transport (whose broadcast publishes this node's queues to
// other nodes first), then cut through the adapter: told before cut, never told around the transport.
import { describe, expect, it } from 'vitest';
import { evacuateRoom } from '../../../server/cluster/evacuate.ts';
import type { GameServer } from '../../../server/types.ts';
import { recordingTransport } from '../host/recording-transport.ts';

describe('evacuateRoom', () => {
  it('tells the room through the transport, then disconnects its sockets on every node', () => {
    const transport = recordingTransport();
    const order: string[] = [];
    const broadcast = transport.broadcast.bind(transport);
    transport.broadcast = (room, event, payload) => {
      order.push(`broadcast ${room} ${event}`);
      broadcast(room, event, payload);
    };
    const io = {
      in: (room: string) => ({ disconnectSockets: (close: boolean) => void order.push(`disconnect ${room} ${close}`) }),
    } as unknown as Pick<GameServer, 'in'>;
    evacuateRoom(io, transport, 'ABCDEF', 250);
    expect(order).toEqual(['broadcast ABCDEF server:restarting', 'disconnect ABCDEF true']);
    expect(transport.sent).toEqual([{ kind: 'broadcast', room: 'ABCDEF', event: 'server:restarting', payload: { retryAfterMs: 250 }, heard: [] }]);
  });
});
