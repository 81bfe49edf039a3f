// What a bots run reports: how many played to the end, were lost or failed, and how their answers went.
import type { Swarm } from './swarm.ts';
import type { BotOutcome } from './player-bot.ts';

export interface BotSummary {
  joined: number;
  failed: number;
  finished: number;
  lost: number;
  closed: number;
  answers: number;
  accepted: number;
  /** Refusals and timeouts by error code. */
  errors: Record<string, number>;
  correct: number;
  meanAckMs: number | null;
  joinMs: number;
}

export function summarize(swarm: Swarm, outcomes: readonly BotOutcome[]): BotSummary {
  const records = swarm.bots.flatMap((b) => b.records).filter((r) => r.sentAfterMs !== null);
  const errors: Record<string, number> = {};
  for (const r of records) if (r.error) errors[r.error] = (errors[r.error] ?? 0) + 1;
  const acks = records.flatMap((r) => (r.ackMs === null ? [] : [r.ackMs]));
  const count = (s: BotOutcome['status']): number => outcomes.filter((o) => o.status === s).length;
  return {
    joined: swarm.bots.length,
    failed: swarm.failed.length,
    finished: count('finished'),
    lost: count('lost'),
    closed: count('closed'),
    answers: records.length,
    accepted: records.filter((r) => r.takenAt !== null).length,
    errors,
    correct: records.filter((r) => r.result?.correct).length,
    meanAckMs: acks.length ? Math.round((acks.reduce((a, b) => a + b, 0) / acks.length) * 10) / 10 : null,
    joinMs: Math.round(swarm.joinMs),
  };
}

export function formatSummary(s: BotSummary): string {
  const errors = Object.entries(s.errors).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  return [
    `joined ${s.joined} in ${s.joinMs} ms, failed ${s.failed}`,
    `finished ${s.finished}, lost ${s.lost}, removed ${s.closed}`,
    `answers ${s.answers} (accepted ${s.accepted}, correct ${s.correct}), mean ack ${s.meanAckMs ?? '-'} ms`,
    `refused: ${errors}`,
  ].join('\n');
}
