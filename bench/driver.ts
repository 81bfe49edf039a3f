// A load driver (child process of bench/run.ts): joins its share of players, lets them answer as soon as each
// question arrives, tells the orchestrator when its share has answered a round, and hands over every record.
import type { PlayerBot, BotOutcome } from '../scripts/bots/player-bot.ts';
import { startSwarm } from '../scripts/bots/swarm.ts';
import type { BotReport, FromDriver, JoinGroup, ToDriver } from './messages.ts';

const bots: PlayerBot[] = [];
const outcomes = new Map<PlayerBot, BotOutcome>();
const silent = new Set<string>();
/** Shared by every bot of this driver (they read it at each question), so one message retimes them all. */
const think: [number, number] = [0, 0];
const send = (msg: FromDriver): void => void process.send?.(msg);
const key = (code: string, name: string): string => `${code}/${name}`;

async function join(url: string, groups: JoinGroup[], concurrency: number): Promise<void> {
  for (const g of groups) for (const name of g.silent) silent.add(key(g.code, name));
  const seats = groups.flatMap((g) => g.names.map((name) => ({ code: g.code, name })));
  const startedAt = Date.now();
  const isSilent = (s: { code: string; name: string }): boolean => silent.has(key(s.code, s.name));
  const swarm = await startSwarm({ url, seats, accuracy: 0, thinkMs: think, rand: Math.random, concurrency, isSilent });
  for (const bot of swarm.bots) {
    bots.push(bot);
    void bot.outcome.then((o) => outcomes.set(bot, o));
  }
  send({ type: 'joined', startedAt, endedAt: Date.now(), joined: swarm.bots.length, failed: swarm.failed });
}

/** Answering bots still playing that have no ack (or refusal) for the round yet. */
function missing(round: number): number {
  return bots.filter((b) => {
    if (outcomes.has(b) || silent.has(key(b.code, b.name))) return false;
    const r = b.records.find((x) => x.round === round);
    return !r || (r.ackMs === null && r.error === null);
  }).length;
}

function awaitAnswers(round: number): void {
  const poll = setInterval(() => {
    const left = missing(round);
    if (left > 0) return;
    clearInterval(poll);
    send({ type: 'answered', round, missing: left });
  }, 10);
}

function collect(): BotReport[] {
  return bots.map((b) => {
    const o = outcomes.get(b);
    return { code: b.code, name: b.name, status: o?.status ?? 'playing', detail: o?.detail ?? '', records: b.records };
  });
}

function onMessage(msg: ToDriver): void {
  if (msg.type === 'join') join(msg.url, msg.groups, msg.concurrency).catch((e: unknown) => send({ type: 'error', message: String(e) }));
  else if (msg.type === 'think') {
    [think[0], think[1]] = msg.thinkMs;
    send({ type: 'think-set' });
  } else if (msg.type === 'await-answers') awaitAnswers(msg.round);
  else if (msg.type === 'collect') send({ type: 'collected', bots: collect() });
  else {
    for (const b of bots) b.close();
    setTimeout(() => process.exit(0), 200);
  }
}

process.on('message', onMessage);
// Orphaned (the orchestrator died): leave rather than hold thousands of sockets open.
process.on('disconnect', () => process.exit(0));
