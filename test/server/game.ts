// Playing a whole game over real sockets from a script: who answers what, and when.
import type { Created, FinalResults, Joined, MeView, RoomSettings, RoomView } from '../../shared/protocol.ts';
import { answersFor, call, ok, waitFor, type Client, type TestServer } from './harness.ts';

export interface Player extends Joined {
  socket: Client;
  name: string;
}

export interface Game {
  host: Client;
  code: string;
  hostToken: string;
  players: Player[];
  settings: RoomSettings;
}

/** What one player does in one round: right or wrong answer `at` ms after the question opened, or nothing. */
export type Move = { answer: 'right' | 'wrong'; at: number } | null;

export async function setupGame(t: TestServer, s: RoomSettings, names = ['Ana', 'Ben', 'Cy']): Promise<Game> {
  const host = await t.connect();
  const created = await ok<Created>(call(host, 'room:create', { settings: s }));
  const players: Player[] = [];
  for (const name of names) {
    const socket = await t.connect();
    players.push({ socket, name, ...(await ok<Joined>(call(socket, 'room:join', { code: created.code, name }))) });
  }
  return { host, code: created.code, hostToken: created.hostToken, players, settings: s };
}

const isPhase = (phase: string, round: number) => (v: RoomView) => v.phase === phase && v.round === round;

/** Plays one round (the question must be open) and returns each player's me:state from the reveal. */
export async function playRound(t: TestServer, game: Game, round: number, moves: Move[]): Promise<MeView[]> {
  const { solution, wrong } = answersFor(game.settings, round);
  const results = game.players.map((p) => waitFor<MeView>(p.socket, 'me:state', (m) => m.lastResult?.round === round));
  const start = t.time.now();
  const order = moves.map((m, i) => ({ m, i })).filter((x) => x.m !== null).sort((a, b) => a.m!.at - b.m!.at);
  for (const { m, i } of order) {
    t.time.advance(start + m!.at - t.time.now());
    const value = m!.answer === 'right' ? solution : wrong;
    await ok(call(game.players[i]!.socket, 'answer:submit', { round, answer: value }));
  }
  if (order.length < moves.length) t.time.advance(start + game.settings.secondsPerRound * 1000 - t.time.now());
  return Promise.all(results);
}

/** Starts the game, plays every round from the script, and returns the reveals and the host's final results. */
export async function playGame(t: TestServer, game: Game, script: Move[][]): Promise<{ reveals: MeView[][]; results: FinalResults }> {
  const first = waitFor<RoomView>(game.players[0]!.socket, 'room:state', isPhase('question', 1));
  await ok(call(game.host, 'host:start', {}));
  await first;
  const reveals: MeView[][] = [];
  for (let round = 1; round <= script.length; round++) {
    reveals.push(await playRound(t, game, round, script[round - 1]!));
    if (round === script.length) break;
    await ok(call(game.host, 'host:next', { phase: 'reveal', round }));
    const opened = waitFor<RoomView>(game.host, 'room:state', isPhase('question', round + 1));
    await ok(call(game.host, 'host:next', { phase: 'leaderboard', round }));
    await opened;
  }
  const results = waitFor<FinalResults>(game.host, 'host:results');
  await ok(call(game.host, 'host:next', { phase: 'reveal', round: script.length }));
  return { reveals, results: await results };
}

/** The scoring rules written out independently of shared/, to check the server against. */
export function expectedTotals(s: RoomSettings, script: Move[][]): number[] {
  const T = s.secondsPerRound * 1000;
  return script[0]!.map((_, i) => {
    let total = 0;
    let streak = 0;
    for (const round of script) {
      const move = round[i];
      if (move?.answer !== 'right') { streak = 0; continue; }
      streak++;
      if (s.scoring === 'accuracy') total += 1000;
      else total += Math.max(500, Math.round(1000 * (1 - Math.min(move.at, T) / T / 2))) + Math.min(100 * (streak - 1), 500);
    }
    return total;
  });
}
