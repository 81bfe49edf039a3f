// Simulated players over the real protocol, for rehearsing a workshop and for load:
//   npm run bots -- --url http://127.0.0.1:3000 --room CODE --count 50 [--accuracy 0.7] [--think 1-5]
//   npm run bots -- --host --rounds 5 --count 200 [--wait 30] --json   (creates the room and runs the game as host)
// Bots cannot know a solution (the server sends none before the reveal), so they guess among the options;
// --accuracy only applies where an oracle exists (tests that start the server in-process with known seeds).
import { parseBotArgs, usage, type BotArgs } from './bots/args.ts';
import { botSettings, createHostedRoom, runGame, type HostBot } from './bots/host-bot.ts';
import { seatsIn, startSwarm, type Swarm } from './bots/swarm.ts';
import { formatSummary, summarize } from './bots/summary.ts';
import type { BotOutcome } from './bots/player-bot.ts';
import type { FinalResults } from '../shared/protocol.ts';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function argsOrExit(): BotArgs {
  try {
    const args = parseBotArgs(process.argv.slice(2));
    if (args) return args;
    console.log(usage);
    process.exit(0);
  } catch (err) {
    log(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
    process.exit(2);
  }
}

/** Outcomes that have settled within `ms`; the rest count as lost (they never saw the end). */
async function outcomesWithin(swarm: Swarm, ms: number): Promise<BotOutcome[]> {
  const late: BotOutcome = { status: 'lost', detail: 'no finished view' };
  const timeout = new Promise<BotOutcome>((r) => setTimeout(() => r(late), ms).unref());
  return Promise.all(swarm.bots.map((b) => Promise.race([b.outcome, timeout])));
}

async function hostRoom(args: BotArgs): Promise<HostBot> {
  const host = await createHostedRoom(args.url, botSettings(args.rounds, args.seconds));
  const joinUrl = host.joinUrl.startsWith('/') ? `${args.url}${host.joinUrl}` : host.joinUrl;
  log(`room ${host.code} created: ${joinUrl}`);
  return host;
}

async function main(): Promise<void> {
  const args = argsOrExit();
  if (process.argv.includes('--accuracy')) log('note: bots guess (no solution is sent before the reveal); --accuracy applies only with an oracle, in tests');
  const host = args.host ? await hostRoom(args) : null;
  const code = host?.code ?? args.room!;
  const seats = seatsIn(code, args.prefix, args.count);
  const swarm = await startSwarm({ ...args, seats, rand: Math.random });
  log(`${swarm.bots.length} bots joined ${code} in ${Math.round(swarm.joinMs)} ms, ${swarm.failed.length} failed`);
  for (const f of swarm.failed.slice(0, 5)) log(`  ${f.name}: ${f.error}`);
  const stop = (): void => {
    for (const b of swarm.bots) b.close();
    host?.socket.close();
  };
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  let results: FinalResults | null = null;
  if (host && args.waitMs > 0) {
    log(`lobby open for ${args.waitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, args.waitMs));
  }
  if (host) results = await runGame(host, { pauseMs: args.pauseMs, phaseTimeoutMs: (args.seconds + 60) * 1000 });
  const outcomes = await outcomesWithin(swarm, host ? 10_000 : 24 * 3600_000);
  stop();
  const summary = summarize(swarm, outcomes);
  log(formatSummary(summary));
  if (args.json) console.log(JSON.stringify(results ?? summary, null, 2));
  process.exitCode = summary.failed + summary.lost > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  log(`bots: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
