// One simulated player: joins over the real protocol, answers each question after a think time, records what it
// saw (arrival times, ack latency, its own result at the reveal) and settles once the game is over or it is lost.
import { performance } from 'node:perf_hooks';
import type { Joined, QuestionView, RoomView, MeView, Waiting } from '../../shared/protocol.ts';
import { pickAnswer, type Rand } from './answer-picker.ts';
import type { Oracle } from './oracle.ts';
import { call, callOk, connectSocket, type BotSocket } from './socket.ts';
import { newRecord, type RoundRecord } from './round-record.ts';

export interface PlayerBotOptions {
  url: string;
  code: string;
  name: string;
  /** Probability of answering correctly; needs an oracle, else every answer is a guess. */
  accuracy: number;
  /** Think time range in ms; [0, 0] answers in the same tick the question arrives. */
  thinkMs: readonly [number, number];
  rand: Rand;
  oracle?: Oracle | undefined;
  /** Never answers (the benchmark's straggler, so rounds run to their deadline). */
  silent?: boolean | undefined;
}

export type BotStatus = 'finished' | 'closed' | 'lost';
export interface BotOutcome {
  status: BotStatus;
  detail: string;
}

export interface PlayerBot {
  code: string;
  name: string;
  playerId: string;
  records: RoundRecord[];
  /** Settles when the game finishes, the bot is removed, or its connection drops. */
  outcome: Promise<BotOutcome>;
  close(): void;
}

interface Live {
  opts: PlayerBotOptions;
  socket: BotSocket;
  records: RoundRecord[];
  settle: (o: BotOutcome) => void;
  settled: boolean;
}

/** Joins with the name, or once with the server's suggestion when the name is taken. */
async function join(socket: BotSocket, code: string, name: string): Promise<{ playerId: string; name: string; view: RoomView }> {
  const first = await call(socket, 'room:join', { code, name });
  if (first.ok) return seated(first.data);
  if (first.error !== 'name_taken' || first.suggestion === undefined) throw new Error(`room:join: ${first.error}`);
  return seated(await callOk(socket, 'room:join', { code, name: first.suggestion }));
}

/** Bots do not queue: a room with a waiting room is one they cannot play in unattended. */
function seated(joined: Joined | Waiting): { playerId: string; name: string; view: RoomView } {
  if ('waiting' in joined) throw new Error('room:join: the room has a waiting room (admit the bots, or switch it off)');
  return { playerId: joined.me.playerId, name: joined.me.name, view: joined.view };
}

async function answer(live: Live, view: QuestionView, record: RoundRecord): Promise<void> {
  const { opts, socket } = live;
  const solution = opts.oracle?.(opts.code, view.question) ?? null;
  const given = pickAnswer(view.question.puzzle, solution, opts.accuracy, opts.rand);
  const sent = performance.now();
  record.sentAfterMs = sent - record.receivedPerf;
  try {
    const ack = await call(socket, 'answer:submit', { round: view.question.round, answer: given });
    record.ackMs = performance.now() - sent;
    if (ack.ok) record.takenAt = ack.data.at;
    else record.error = ack.error;
  } catch {
    record.error = 'timeout';
  }
}

function onQuestion(live: Live, view: QuestionView): void {
  const last = live.records.at(-1);
  if (last && last.round === view.question.round) return;
  const record = newRecord(view);
  live.records.push(record);
  if (live.opts.silent) return;
  const [lo, hi] = live.opts.thinkMs;
  const think = lo + live.opts.rand() * (hi - lo);
  if (think <= 0) void answer(live, view, record);
  else setTimeout(() => void answer(live, view, record), think).unref();
}

function onView(live: Live, view: RoomView): void {
  if (view.phase === 'question') onQuestion(live, view);
  else if (view.phase === 'finished') live.settle({ status: 'finished', detail: '' });
}

function onMe(live: Live, me: MeView): void {
  const result = me.lastResult;
  const record = result ? live.records.find((r) => r.round === result.round) : undefined;
  if (record && result) record.result = result;
}

function listen(live: Live): void {
  const { socket } = live;
  socket.on('room:state', (view) => onView(live, view));
  socket.on('me:state', (me) => onMe(live, me));
  socket.on('room:closed', ({ reason }) => live.settle({ status: 'closed', detail: reason }));
  socket.on('disconnect', (reason) => live.settle({ status: 'lost', detail: reason }));
}

/** Connects and joins; rejects if either fails (a failed player, counted by the caller). */
export async function startPlayerBot(opts: PlayerBotOptions): Promise<PlayerBot> {
  const socket = await connectSocket(opts.url);
  let settle: (o: BotOutcome) => void = () => {};
  const outcome = new Promise<BotOutcome>((resolve) => (settle = resolve));
  const live: Live = { opts, socket, records: [], settled: false, settle: () => {} };
  live.settle = (o) => {
    if (live.settled) return;
    live.settled = true;
    settle(o);
  };
  listen(live);
  try {
    const joined = await join(socket, opts.code, opts.name);
    onView(live, joined.view);
    return { code: opts.code, name: joined.name, playerId: joined.playerId, records: live.records, outcome, close: () => socket.close() };
  } catch (err) {
    socket.close();
    throw err;
  }
}

