// The bots command line: parsed and checked before any socket opens.
import { parseArgs } from 'node:util';
import { limits } from '../../shared/protocol.ts';

export const usage = `usage: npm run bots -- --url http://127.0.0.1:3000 (--room CODE | --host [--rounds 5] [--seconds 20])
       [--wait 0] [--count 50] [--accuracy 0.7] [--think 1-5] [--pause 3] [--concurrency 50] [--prefix bot-] [--json]`;

export interface BotArgs {
  url: string;
  room: string | null;
  host: boolean;
  rounds: number;
  seconds: number;
  count: number;
  accuracy: number;
  /** Think time range in ms. */
  thinkMs: [number, number];
  pauseMs: number;
  /** With --host: how long the lobby stays open for people (or other bots) to join before the start. */
  waitMs: number;
  concurrency: number;
  prefix: string;
  json: boolean;
}

function numberIn(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
  return n;
}

/** "1-5" or "2" (seconds) → [ms, ms]. */
export function parseThink(text: string): [number, number] {
  const parts = text.split('-').map((p) => numberIn('think', p, 0, 120));
  const lo = parts[0] ?? 0;
  const hi = parts[1] ?? lo;
  if (parts.length > 2 || hi < lo) throw new Error('--think must be SECONDS or MIN-MAX, e.g. 1-5');
  return [lo * 1000, hi * 1000];
}

function checkUrl(text: string): string {
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('--url must be http(s)://host:port');
  return url.origin;
}

const spec = {
  url: { type: 'string', default: 'http://127.0.0.1:3000' },
  room: { type: 'string' },
  host: { type: 'boolean', default: false },
  rounds: { type: 'string', default: '5' },
  seconds: { type: 'string', default: '20' },
  count: { type: 'string', default: '50' },
  accuracy: { type: 'string', default: '0.7' },
  think: { type: 'string', default: '1-5' },
  pause: { type: 'string', default: '3' },
  wait: { type: 'string', default: '0' },
  concurrency: { type: 'string', default: '50' },
  prefix: { type: 'string', default: 'bot-' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** null for --help. Throws with a message for the user on anything invalid. */
export function parseBotArgs(argv: string[]): BotArgs | null {
  const { values: v } = parseArgs({ args: argv, options: spec, strict: true });
  if (v.help) return null;
  if (!v.host && !v.room) throw new Error('give --room CODE to join a room, or --host to create one');
  if (v.prefix.length > limits.nameMaxChars - 5) throw new Error('--prefix is too long for a 20-character name');
  return {
    url: checkUrl(v.url),
    room: v.room ?? null,
    host: v.host,
    rounds: numberIn('rounds', v.rounds, 1, limits.roundsMax),
    seconds: numberIn('seconds', v.seconds, limits.secondsMin, limits.secondsMax),
    count: numberIn('count', v.count, 1, 10_000),
    accuracy: numberIn('accuracy', v.accuracy, 0, 1),
    thinkMs: parseThink(v.think),
    pauseMs: numberIn('pause', v.pause, 0, 600) * 1000,
    waitMs: numberIn('wait', v.wait, 0, 3600) * 1000,
    concurrency: numberIn('concurrency', v.concurrency, 1, 1000),
    prefix: v.prefix,
    json: v.json,
  };
}
