// Many player bots joining one room, a bounded number of connections at a time (a burst of thousands of
// simultaneous handshakes would overflow the listen backlog and measure the kernel, not the server).
import { performance } from 'node:perf_hooks';
import type { Rand } from './answer-picker.ts';
import type { Oracle } from './oracle.ts';
import { startPlayerBot, type PlayerBot } from './player-bot.ts';

/** One bot to start: the room it joins and the name it asks for. */
export interface Seat {
  code: string;
  name: string;
}

export interface SwarmOptions {
  url: string;
  seats: readonly Seat[];
  accuracy: number;
  thinkMs: readonly [number, number];
  rand: Rand;
  oracle?: Oracle | undefined;
  /** How many bots connect at once. */
  concurrency: number;
  /** Bots that never answer. */
  isSilent?: ((seat: Seat) => boolean) | undefined;
}

export interface Swarm {
  bots: PlayerBot[];
  failed: { code: string; name: string; error: string }[];
  /** ms from the first connection attempt until the last bot joined or failed. */
  joinMs: number;
}

/** `count` seats in one room, named `<prefix><n>` from n = first. */
export const seatsIn = (code: string, prefix: string, count: number, first = 1): Seat[] =>
  Array.from({ length: count }, (_, i) => ({ code, name: `${prefix}${first + i}` }));

export async function startSwarm(opts: SwarmOptions): Promise<Swarm> {
  const started = performance.now();
  const bots: PlayerBot[] = [];
  const failed: Swarm['failed'] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < opts.seats.length) {
      const { code, name } = opts.seats[next++]!;
      const { url, accuracy, thinkMs, rand, oracle } = opts;
      try {
        bots.push(await startPlayerBot({ url, code, name, accuracy, thinkMs, rand, oracle, silent: opts.isSilent?.({ code, name }) }));
      } catch (err) {
        failed.push({ code, name, error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return { bots, failed, joinMs: performance.now() - started };
}
