// Nodes of a cluster in one test process: each its own ClusterRooms (lease holder, clock, scheduler it can stop),
// all on the same lease commands and room index (an in-memory Redis on the shared fake clock, or the real one) and
// one recording transport (as the Redis adapter reaches every node's sockets). A node "dies" when its scheduler
// stops (no renewal, no sweep, no timer) and its outbox is cut off; it "pauses" when its own clock stands still.
import type { Clock, Scheduler } from '../../../server/clock.ts';
import { createClusterRooms, type ClusterRooms } from '../../../server/cluster/cluster-rooms.ts';
import type { LeaseCommands } from '../../../server/cluster/lease-commands.ts';
import type { RoomIndex } from '../../../server/cluster/room-index.ts';
import { roomLeases } from '../../../server/cluster/room-lease.ts';
import type { FinalResults } from '../../../shared/protocol.ts';
import type { RoomHost, Request } from '../../../server/room-host.ts';
import { protectToken } from '../../../server/tokens.ts';
import { refuse, type EventName } from '../../../server/validated.ts';
import type { RoomSettings } from '../../../shared/protocol.ts';
import type { Result } from '../../../shared/room/index.ts';
import type { RecordingTransport } from '../host/recording-transport.ts';
import { answersFor } from '../harness.ts';

export interface Shared {
  clock: Clock;
  scheduler: Scheduler;
  commands: LeaseCommands;
  index: RoomIndex;
  transport: RecordingTransport;
  /** Every finished game stored, as PostgreSQL would receive it (idempotent there: counted here). */
  stored: FinalResults[];
  /** PostgreSQL refuses while true. */
  pgDown: { value: boolean };
}

export interface TestNode {
  name: string;
  rooms: ClusterRooms;
  logged: string[];
  evacuated: string[];
  kill(): void;
  /** From now on this node's clock stands still (a paused process's view of time). */
  pause(): void;
}

export function clusterNode(shared: Shared, name: string, over: { ttlMs?: number; renewEveryMs?: number } = {}): TestNode {
  let alive = true;
  let frozenAt: number | null = null;
  const clock: Clock = { now: () => frozenAt ?? shared.clock.now() };
  const scheduler: Scheduler = { at: (at, fn) => shared.scheduler.at(at, () => { if (alive && frozenAt === null) fn(); }) };
  const logged: string[] = [];
  const evacuated: string[] = [];
  const log = (message: string): void => void logged.push(message);
  const leases = roomLeases({ commands: shared.commands, holder: name, clock, scheduler, log, ...over });
  const rooms = createClusterRooms({
    node: name, clock, scheduler, commands: shared.commands, leases, index: shared.index, transport: shared.transport, log, flushMs: 0,
    saveFinished: async (results) => {
      if (shared.pgDown.value) throw new Error('connect ECONNREFUSED (PostgreSQL is down)');
      if (!shared.stored.some((r) => r.code === results.code && r.finishedAt === results.finishedAt)) shared.stored.push(results);
    },
    evacuate: (code) => void evacuated.push(code),
  });
  return {
    name, rooms, logged, evacuated,
    kill: () => {
      alive = false;
    },
    pause: () => {
      frozenAt = shared.clock.now();
    },
  };
}

const okOrRefused = (result: Result) => (result.ok ? { ok: true as const, data: null } : refuse(result.error));

/** Plays on a room through its RoomHost as the handlers would, acks recorded by the transport. */
export function player(shared: Shared, room: () => RoomHost, s: RoomSettings) {
  const request = (socketId: string, event: EventName): Request<null> => ({ socketId, event, ack: shared.transport.ackFor(socketId, event), reply: okOrRefused });
  const now = () => shared.clock.now();
  return {
    request,
    host: () => room().attachHost(request('host', 'room:create')),
    join: (id: string) => room().dispatch({ type: 'join', playerId: id, token: protectToken(`${id}.secret`), name: id, now: now() }, request(id, 'room:join')),
    start: () => room().dispatch({ type: 'start', actor: { role: 'host' }, now: now() }, request('host', 'host:start')),
    answer: (id: string, right = true) => {
      const { solution, wrong } = answersFor(s, room().state.round);
      return room().dispatch({ type: 'answer', playerId: id, round: room().state.round, answer: right ? solution : wrong, now: now() }, request(id, 'answer:submit'));
    },
    next: () => room().dispatch({ type: 'next', actor: { role: 'host' }, phase: room().state.phase, round: room().state.round, now: now() }, request('host', 'host:next')),
    end: () => room().dispatch({ type: 'end', actor: { role: 'host' }, now: now() }, request('host', 'host:end')),
  };
}
