// A load driver (child process of bench/run.ts, pinned to the load core): its share of the players, driven by the
// orchestrator over IPC. The same code drives Podium and the floor. It leaves by itself when orphaned or after
// its time budget (BENCH_DRIVER_MAX_MS), so no run can leave thousands of sockets open.
import { PlayerPool } from './players.ts';
import type { FromDriver, ToDriver } from './messages.ts';

const pool = new PlayerPool();
const send = (msg: FromDriver): void => void process.send?.(msg);
const fail = (e: unknown): void => send({ type: 'error', message: e instanceof Error ? e.message : String(e) });

function leave(code: number): void {
  pool.stop();
  setTimeout(() => process.exit(code), 200).unref();
}

async function onMessage(msg: ToDriver): Promise<void> {
  switch (msg.type) {
    case 'join': {
      const startedAt = Date.now();
      const failed = await pool.join(msg.url, msg.groups, msg.concurrency, msg.localAddress);
      return send({ type: 'joined', startedAt, endedAt: Date.now(), joined: pool.joined, failed });
    }
    case 'plan':
      pool.setPlan(msg.plan);
      return send({ type: 'planned', round: msg.plan.round });
    case 'report':
      await pool.whenRoundDone(msg.round, msg.timeoutMs);
      return send({ type: 'reported', report: pool.report(msg.round) });
    case 'finish':
      await pool.whenFinished(msg.timeoutMs);
      return send({ type: 'finished', outcome: pool.outcome() });
    case 'stop':
      return leave(0);
  }
}

process.on('message', (msg: ToDriver) => void onMessage(msg).catch(fail));
// Orphaned (the orchestrator died): leave rather than hold thousands of sockets open.
process.on('disconnect', () => leave(0));
send({ type: 'ready' });
setTimeout(() => leave(1), Number(process.env['BENCH_DRIVER_MAX_MS'] ?? 30 * 60_000)).unref();
