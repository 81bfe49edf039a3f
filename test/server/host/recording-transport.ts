// A Transport that records what would go on the wire, in order, and keeps the sockets' identities and rooms as
// socket.io would: for unit tests of the room's owner and the outbox without sockets.
import type { SocketData } from '../../../shared/protocol.ts';
import type { AckTo } from '../../../server/outgoing.ts';
import type { Transport } from '../../../server/transport.ts';
import { noIdentity } from '../../../server/types.ts';

export type Sent =
  | { kind: 'ack'; socket: string; event: string; payload: unknown }
  | { kind: 'send'; socket: string; event: string; payload: unknown }
  /** `heard`: the sockets in the room when it was sent. */
  | { kind: 'broadcast'; room: string; event: string; payload: unknown; heard: string[] };

export interface RecordingTransport extends Transport {
  sent: Sent[];
  /** The ack callback a socket's event would carry. */
  ackFor<T = never>(socket: string, event: string): AckTo<T>;
  identityOf(socket: string): SocketData;
  rooms(socket: string): string[];
  /** One line per message: "ack ana answer:submit ok", "broadcast ABCDEF room:state reveal", "send ana me:state". */
  lines(): string[];
}

export function recordingTransport(): RecordingTransport {
  const sent: Sent[] = [];
  const identities = new Map<string, SocketData>();
  const members = new Map<string, Set<string>>();
  const phaseOf = (payload: unknown): string => {
    const p = payload as { phase?: string; ok?: boolean; error?: string } | null;
    if (p && typeof p.ok === 'boolean') return p.ok ? 'ok' : (p.error ?? 'refused');
    return p?.phase ?? '';
  };
  return {
    sent,
    ackFor: (socket, event) => (payload: unknown) => { sent.push({ kind: 'ack', socket, event, payload }); },
    identityOf: (socket) => identities.get(socket) ?? noIdentity(),
    rooms: (socket) => [...members].filter(([, s]) => s.has(socket)).map(([room]) => room),
    lines: () => sent.map((s) => `${s.kind} ${s.kind === 'broadcast' ? s.room : s.socket} ${s.event}${s.kind === 'send' && s.event !== 'room:state' ? '' : ` ${phaseOf(s.payload)}`}`.trimEnd()),
    ack: (to, payload) => to(payload),
    send: (socket, event, payload) => { sent.push({ kind: 'send', socket, event, payload }); },
    broadcast: (room, event, payload) => { sent.push({ kind: 'broadcast', room, event, payload, heard: [...(members.get(room) ?? [])] }); },
    identify: (socket, identity) => { identities.set(socket, identity); },
    join: (socket, room) => {
      const set = members.get(room) ?? new Set<string>();
      set.add(socket);
      members.set(room, set);
    },
    leave: (socket, room) => { members.get(room)?.delete(socket); },
    disconnect: (socket) => {
      identities.delete(socket);
      for (const set of members.values()) set.delete(socket);
    },
  };
}
