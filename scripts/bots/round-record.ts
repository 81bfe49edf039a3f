// What a bot notes about one round: enough for the benchmark's latency and fairness figures.
import { performance } from 'node:perf_hooks';
import type { ErrorCode, QuestionView, RoundResult } from '../../shared/protocol.ts';

export interface RoundRecord {
  round: number;
  /** Client epoch ms (Date.now) when the question arrived, and the server's clock when it built the view. */
  receivedAt: number;
  serverNow: number;
  /** performance.now() at arrival: durations below are on the monotonic clock of the bot's process. */
  receivedPerf: number;
  startedAt: number;
  deadline: number;
  /** ms from arrival to sending the answer, and from sending to the ack; null without an answer. */
  sentAfterMs: number | null;
  ackMs: number | null;
  /** Server clock when the answer was taken (the ack's `at`). */
  takenAt: number | null;
  error: ErrorCode | 'timeout' | null;
  /** The bot's own result from me:state at the reveal. */
  result: RoundResult | null;
}

export function newRecord(view: QuestionView): RoundRecord {
  return {
    round: view.question.round,
    receivedAt: Date.now(),
    serverNow: view.serverNow,
    receivedPerf: performance.now(),
    startedAt: view.question.startedAt,
    deadline: view.question.deadline,
    sentAfterMs: null,
    ackMs: null,
    takenAt: null,
    error: null,
    result: null,
  };
}
