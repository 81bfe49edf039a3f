// The benchmark's IPC messages: orchestrator ↔ load drivers, orchestrator ↔ the server's probe.
import type { RoundRecord } from '../scripts/bots/round-record.ts';
import type { BotStatus } from '../scripts/bots/player-bot.ts';

export interface JoinGroup {
  code: string;
  names: string[];
  /** Names that never answer: one per room, so rounds close at their deadline. */
  silent: string[];
}

export type ToDriver =
  | { type: 'join'; url: string; groups: JoinGroup[]; concurrency: number }
  /** How long bots think before answering from now on (ms range): a spread round or a burst. */
  | { type: 'think'; thinkMs: [number, number] }
  | { type: 'await-answers'; round: number }
  | { type: 'collect' }
  | { type: 'stop' };

export interface BotReport {
  code: string;
  name: string;
  status: BotStatus | 'playing';
  detail: string;
  records: RoundRecord[];
}

export type FromDriver =
  | { type: 'joined'; startedAt: number; endedAt: number; joined: number; failed: { name: string; error: string }[] }
  | { type: 'think-set' }
  | { type: 'answered'; round: number; missing: number }
  | { type: 'collected'; bots: BotReport[] }
  | { type: 'error'; message: string };

export interface ProbeRequest {
  type: 'probe';
  id: number;
  /** Collect garbage first (the server runs with --expose-gc), so RSS compares like with like. */
  gc: boolean;
}

export interface ProbeReply {
  type: 'probe';
  id: number;
  /** process.cpuUsage() user + system, µs. */
  cpuUs: number;
  rss: number;
  heapUsed: number;
  elu: number;
}

/** Start or stop a CPU profile inside the server; `path` is where the stop writes it. */
export interface ProfileRequest {
  type: 'profile';
  id: number;
  action: 'start' | 'stop';
  path: string;
}
