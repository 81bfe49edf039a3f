// The bench's IPC messages: orchestrator ↔ load drivers, orchestrator ↔ the servers' probe (bench/server-probe.ts).

export interface JoinGroup {
  code: string;
  names: string[];
}

/** What the players do in one round. */
export interface RoundPlan {
  round: number;
  /** Think time range (ms) before answering; [0, 0] answers in the same turn the question arrives. */
  thinkMs: [number, number];
  /** Whether each room's first player (b1) stays silent, so the round runs to its deadline. */
  silent: boolean;
}

export type ToDriver =
  | { type: 'join'; url: string; groups: JoinGroup[]; concurrency: number; localAddress: string }
  | { type: 'plan'; plan: RoundPlan }
  /** Report the round once every playing player has its reveal (or after `timeoutMs`). */
  | { type: 'report'; round: number; timeoutMs: number }
  /** Report once every playing player has seen the finished view (or after `timeoutMs`). */
  | { type: 'finish'; timeoutMs: number }
  | { type: 'stop' };

/** One room's round as one driver saw it. */
export interface RoomRound {
  code: string;
  /** serverNow of the question and the reveal views (one broadcast each: the same for every player). */
  questionServerNow: number | null;
  revealServerNow: number | null;
  /** Server clock of the last and first answer taken (acks' `at`). */
  lastTakenAt: number | null;
  firstTakenAt: number | null;
  /** Client clock (Date.now) when the last ack of the room reached its player. */
  lastAckAt: number | null;
  answered: number;
  /** Players of this driver in the room who were to answer (not silent, still playing). */
  expected: number;
}

export interface DriverRound {
  round: number;
  /** Per player: arrival (Date.now) − serverNow of the question, and of the reveal. */
  fanoutMs: number[];
  revealFanoutMs: number[];
  /** Per answer: send → ack on the client's monotonic clock. */
  ackMs: number[];
  rooms: RoomRound[];
  /** Acks that reached their player after the reveal did (the answer had been sent before the reveal). */
  acksAfterReveal: number;
  /** Refused answers by error code, and answers without an ack ('timeout'). */
  errors: Record<string, number>;
  /** Players who never got the question, or the reveal, of this round. */
  noQuestion: number;
  noReveal: number;
}

export interface DriverOutcome {
  players: number;
  finished: number;
  /** Connections that ended before the game did, by reason. */
  lost: Record<string, number>;
  /** me:state messages received per round, counted at the end (they follow the reveal): Podium sends one per
   *  player at each reveal, the floor none. Index 0 is before the first question. */
  meStates: number[];
  /** Lobby room:state and room:presence messages the players received (all of them, with their JSON characters). */
  lobby: { messages: number; bytes: number };
}

export type FromDriver =
  | { type: 'ready' }
  | { type: 'joined'; startedAt: number; endedAt: number; joined: number; failed: Record<string, number> }
  | { type: 'planned'; round: number }
  | { type: 'reported'; report: DriverRound }
  | { type: 'finished'; outcome: DriverOutcome }
  | { type: 'error'; message: string };

export type ProbeRequest =
  | { type: 'gc'; id: number }
  | { type: 'memory'; id: number }
  /** A full collection now, then the heap that is left: live memory, whatever the GC's timing (bench/server-probe.ts). */
  | { type: 'live'; id: number }
  /** Start or stop a CPU profile (and heap sampling); the stop writes `<path>.cpuprofile` (and `.heapprofile`). */
  | { type: 'profile'; id: number; action: 'start' | 'stop'; path: string; heap: HeapSampling };

/** Heap sampling in a profiled window: none; every allocation, collected or not (churn); or only what is still
 *  live at the end of the window (what it kept, e.g. per connection after the join). */
export type HeapSampling = 'none' | 'allocated' | 'live' | 'promoted';

/** Where the RSS is: V8's heap (total reserved, used) and memory outside it (buffers, sockets' native memory). */
export interface MemoryReply {
  type: 'memory';
  id: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Garbage collection since the server started: pauses counted and timed (ms) by a PerformanceObserver. */
export interface GcReply {
  type: 'gc';
  id: number;
  count: number;
  ms: number;
  majorCount: number;
  majorMs: number;
  /** The longest single pause since the previous gc request (ms): a window asks at its start and its end. */
  maxMs: number;
}

/** V8's heap used right after a full collection the probe forced (bytes), and how long that collection took. */
export interface LiveReply {
  type: 'live';
  id: number;
  heapUsed: number;
  pauseMs: number;
}
