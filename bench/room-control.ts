// Driving one room as its host, round by round, for either target. Podium's rounds close by themselves at the
// deadline (each room has one silent player); the floor has no rules, so its host closes each round.
import type { FinalResults, RoomView } from '../shared/protocol.ts';
import { callOk } from '../scripts/bots/socket.ts';
import type { HostBot } from '../scripts/bots/host-bot.ts';
import type { TargetName } from './targets.ts';

export interface QuestionOut {
  code: string;
  round: number;
  /** Server clock when the question view was built, and the round's deadline. */
  serverNow: number;
  deadline: number;
  bytes: number;
}

export interface Closing {
  code: string;
  round: number;
  /** Reveal's serverNow − deadline, and when the host received it − deadline (ms). */
  serverLateMs: number;
  receivedLateMs: number;
}

export interface RoomControl {
  open(round: number): Promise<QuestionOut>;
  /** Ends the round (waiting for the deadline on Podium) and moves on; the last one finishes the game. */
  close(round: number, last: boolean): Promise<Closing | null>;
  results(): Promise<FinalResults | null>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const phaseIs = (phase: RoomView['phase'], round: number) => (v: RoomView): boolean => v.phase === phase && v.round === round;

async function awaitQuestion(host: HostBot, round: number): Promise<QuestionOut> {
  const view = await host.feed.next(phaseIs('question', round), 60_000);
  if (view.phase !== 'question') throw new Error('expected a question');
  return { code: host.code, round, serverNow: view.serverNow, deadline: view.question.deadline, bytes: JSON.stringify(view).length };
}

function podiumControl(host: HostBot, settleMs: number): RoomControl {
  let deadline = 0;
  const open = async (round: number): Promise<QuestionOut> => {
    if (round === 1) await callOk(host.socket, 'host:start', {});
    else await callOk(host.socket, 'host:next', { phase: 'leaderboard', round: round - 1 });
    const out = await awaitQuestion(host, round);
    deadline = out.deadline;
    return out;
  };
  const close = async (round: number, last: boolean): Promise<Closing> => {
    const reveal = await host.feed.next(phaseIs('reveal', round), Math.max(0, deadline - Date.now()) + 60_000);
    const closing = { code: host.code, round, serverLateMs: reveal.serverNow - deadline, receivedLateMs: Date.now() - deadline };
    await sleep(settleMs);
    await callOk(host.socket, 'host:next', { phase: 'reveal', round });
    await host.feed.next(phaseIs(last ? 'finished' : 'leaderboard', round), 60_000);
    await sleep(settleMs);
    return closing;
  };
  return { open, close, results: () => callOk(host.socket, 'host:results', {}) };
}

function floorControl(host: HostBot, settleMs: number): RoomControl {
  const step = (): Promise<null> => callOk(host.socket, 'host:next', { phase: 'question', round: 1 });
  const open = async (round: number): Promise<QuestionOut> => {
    await (round === 1 ? callOk(host.socket, 'host:start', {}) : step());
    return awaitQuestion(host, round);
  };
  const close = async (_round: number, last: boolean): Promise<null> => {
    await step();
    if (last) await step();
    await sleep(settleMs);
    return null;
  };
  return { open, close, results: async () => null };
}

export const roomControl = (target: TargetName, host: HostBot, settleMs: number): RoomControl =>
  target === 'podium' ? podiumControl(host, settleMs) : floorControl(host, settleMs);
