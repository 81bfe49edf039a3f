// Rooms for the browser tests, set up over the real protocol: the host's and players' seats are made with
// socket.io clients and handed to the pages through the token store the pages already use to survive a reload,
// so each page opens straight on its screen. The extra players are bots (scripts/bots) answering over the wire.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { callOk, connectSocket, type BotSocket } from '../../scripts/bots/socket.ts';
import { startPlayerBot, type PlayerBot } from '../../scripts/bots/player-bot.ts';
import { seedOracle } from '../../scripts/bots/oracle.ts';
import { randomAnswer } from '../../scripts/bots/answer-picker.ts';
import { roundPlan } from '../../shared/room/rounds.ts';
import { kindById } from '../../shared/puzzles/index.ts';
import type { Answer, Picture, PuzzleView } from '../../shared/puzzles/kind.ts';
import type { RoomSettings } from '../../shared/protocol.ts';
import { newPage } from './e2e-harness.ts';

export interface Seat {
  code: string;
  token: string;
}

/** Records how the page uses Web Audio, so a test can tell whether sound started and when. */
export const audioProbe = `(() => {
  const probe = { contexts: 0, starts: 0 };
  window.__audio = probe;
  const Base = window.AudioContext;
  if (!Base) return;
  window.AudioContext = class extends Base { constructor(...args) { super(...args); probe.contexts += 1; } };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) { probe.starts += 1; return start.apply(this, args); };
})()`;

function seatScript(role: 'host' | 'player', seat: Seat): string {
  const key = `podium:session:${role}`;
  return `(() => {
    if (sessionStorage.getItem('e2e-seated')) return;
    sessionStorage.setItem('e2e-seated', '1');
    localStorage.setItem(${JSON.stringify(`${key}:${seat.code}`)}, ${JSON.stringify(seat.token)});
    localStorage.setItem(${JSON.stringify(`${key}:last`)}, ${JSON.stringify(seat.code)});
  })()`;
}

export async function createRoom(url: string, settings: RoomSettings): Promise<Seat> {
  const socket = await connectSocket(url);
  const created = await callOk(socket, 'room:create', { settings });
  // The page takes the seat over (the newest socket wins); this one only made the room.
  socket.close();
  return { code: created.code, token: created.hostToken };
}

export async function seatPlayer(url: string, code: string, name: string): Promise<Seat & { playerId: string }> {
  const socket: BotSocket = await connectSocket(url);
  const joined = await callOk(socket, 'room:join', { code, name });
  socket.close();
  if ('waiting' in joined) throw new Error(`${name} was put in the waiting room`);
  return { code, token: joined.playerToken, playerId: joined.me.playerId };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
}

/** A page in its own context, already holding the seat: the host screen or the player's phone. */
export async function openSeat(
  browser: Browser,
  url: string,
  role: 'host' | 'player',
  seat: Seat,
  options: BrowserContextOptions,
  errors: string[],
  who: string,
): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  await context.addInitScript(audioProbe);
  await context.addInitScript(seatScript(role, seat));
  const page = await newPage(context, errors, who);
  await page.goto(role === 'host' ? `${url}/#/host` : `${url}/#/join/${seat.code}`);
  return { context, page };
}

/** Bots that join and answer each question at once: right with probability `accuracy` (the oracle knows). */
export async function startBots(url: string, code: string, names: string[], seed: string, accuracy = 0.6): Promise<PlayerBot[]> {
  let state = 7;
  const rand = () => ((state = (state * 48271) % 2147483647) / 2147483647);
  const oracle = seedOracle(() => seed);
  const bots: PlayerBot[] = [];
  for (const name of names) {
    bots.push(await startPlayerBot({ url, code, name, accuracy, thinkMs: [0, 0], rand, oracle }));
  }
  return bots;
}

export interface ClassBots {
  count: number;
  /** Rounds from this one on are answered (earlier ones are left to run out). */
  answerFrom: number;
  close(): void;
}

/** A class of bots over the real protocol, quieter than scripts/bots: each joins, then answers every question from
 *  round `answerFrom` on at once, right with probability `accuracy` (a fixed sequence, so runs repeat). */
export async function startClass(url: string, code: string, names: string[], seed: string, answerFrom = 1, accuracy = 0.6): Promise<ClassBots> {
  const oracle = seedOracle(() => seed);
  const sockets: BotSocket[] = [];
  const bots: ClassBots = { count: 0, answerFrom, close: () => sockets.forEach((s) => s.close()) };
  let draw = 0;
  for (const name of names) {
    const socket = await connectSocket(url);
    sockets.push(socket);
    const index = sockets.length;
    const right = (draw++ * 0.618) % 1 < accuracy;
    socket.on('room:state', (view) => {
      if (view.phase !== 'question' || view.question.round < bots.answerFrom) return;
      const solution = oracle(code, view.question);
      const puzzle = view.question.puzzle;
      const answer = right && solution !== null ? solution : randomAnswer(puzzle, () => ((draw = (draw * 9301 + 49297) % 233280) / 233280));
      // Spread over a few seconds, as a class answers: the speed points then differ.
      setTimeout(() => socket.emit('answer:submit', { round: view.question.round, answer }, () => {}), (index * 137) % 2500).unref();
    });
    await callOk(socket, 'room:join', { code, name });
    bots.count += 1;
  }
  return bots;
}

/** The question the room asks in round r, its answer and its reveal picture: the test knows, since it chose the
 *  room seed. */
export function roundOf(seed: string, settings: RoomSettings, r: number): { view: PuzzleView; solution: Answer; picture: Picture | null } {
  const plan = roundPlan(seed, settings, r);
  const kind = kindById(plan.kind);
  const puzzle = kind.generate(plan.seed, plan.difficulty);
  return { view: kind.publicView(puzzle), solution: kind.solve(puzzle), picture: kind.picture?.(puzzle) ?? null };
}

/** Names as a class types them: short and long, accents, a 20-character one. */
export function classNames(count: number, offset = 0): string[] {
  const first = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Tim', 'Hedy', 'Alan', 'Radia', 'Guido', 'Sophie', 'Niklaus', 'Anita', 'Bjarne', 'Joan', 'Edsger', 'Katherine'];
  const out: string[] = [];
  for (let i = offset; i < offset + count; i++) {
    const base = first[i % first.length]!;
    // Unique like real names in a room must be: the long ones end with their number, cut to 20 characters.
    const long = `Wolfeschlegel-${base}`.slice(0, 17) + String(i).padStart(3, '0');
    out.push(i % 13 === 5 ? long : i % 7 === 3 ? `Élodie ${i}` : `${base} ${Math.floor(i / first.length) + 1}`);
  }
  return out;
}
