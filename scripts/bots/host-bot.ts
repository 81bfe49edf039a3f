// The host side: create a room with sensible settings and run the game to the end, pressing next after a pause.
import { defaultSettings, type FinalResults, type RoomSettings, type RoomView } from '../../shared/protocol.ts';
import { kindIds } from '../../shared/puzzles/index.ts';
import { callOk, connectSocket, type BotSocket } from './socket.ts';
import { viewFeed, type ViewFeed } from './view-feed.ts';

export interface HostBot {
  socket: BotSocket;
  code: string;
  hostToken: string;
  joinUrl: string;
  feed: ViewFeed;
}

/** Every puzzle kind, rising difficulty, speed scoring, no teams; the host presses next. */
export function botSettings(rounds: number, secondsPerRound: number): RoomSettings {
  return { ...defaultSettings, kinds: [...kindIds], rounds, secondsPerRound, scoring: 'speed' };
}

export async function createHostedRoom(url: string, settings: RoomSettings, localAddress?: string): Promise<HostBot> {
  const socket = await connectSocket(url, undefined, localAddress);
  const feed = viewFeed(socket);
  const created = await callOk(socket, 'room:create', { settings });
  return { socket, code: created.code, hostToken: created.hostToken, joinUrl: created.joinUrl, feed };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const PHASE_ORDER: readonly RoomView['phase'][] = ['lobby', 'question', 'reveal', 'leaderboard', 'finished'];
/** How far a view is into the game: the same state can be broadcast twice (a throttled presence update). */
const progress = (v: RoomView): number => v.round * PHASE_ORDER.length + PHASE_ORDER.indexOf(v.phase) + (v.phase === 'finished' ? 1000 : 0);

/** A view past `after` that needs the host (reveal, leaderboard) or ends the game (finished). */
const hostTurn = (after: number) => (v: RoomView): boolean =>
  progress(v) > after && (v.phase === 'reveal' || v.phase === 'leaderboard' || v.phase === 'finished');

export interface RunOptions {
  /** Pause on the reveal and the leaderboard before pressing next. */
  pauseMs: number;
  /** Longest wait for any one phase (a round's own length plus slack). */
  phaseTimeoutMs: number;
  onView?: ((view: RoomView) => void) | undefined;
}

export async function runGame(host: HostBot, opts: RunOptions): Promise<FinalResults> {
  await callOk(host.socket, 'host:start', {});
  for (let done = -1; ; ) {
    const view = await host.feed.next(hostTurn(done), opts.phaseTimeoutMs);
    done = progress(view);
    opts.onView?.(view);
    if (view.phase === 'finished') break;
    await sleep(opts.pauseMs);
    await callOk(host.socket, 'host:next', { phase: view.phase, round: view.round });
  }
  return callOk(host.socket, 'host:results', {});
}
