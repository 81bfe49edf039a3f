// Players and a host that behave like the real client after a drop: socket.io reconnects by itself, and every
// new connection rejoins with the stored token. They play single-choice rounds with a fixed pick per player, so
// the expected score follows from the revealed solutions (accuracy scoring: 1000 per right answer).
import { io, type Socket } from 'socket.io-client';
import { choicesOf } from '../../../shared/puzzles/answers.ts';
import { TracedWebSocket } from '../../infra/node-of.ts';
import type {
  Ack, ClientToServerEvents, Created, FinalResults, Joined, MeView, Rejoined, RoomSettings, RoomView, ServerToClientEvents,
} from '../../../shared/protocol.ts';
import type { PlayerRoundRecord } from '../../../shared/room/view-types.ts';

export type Sock = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Single-choice kinds graded all or nothing (same-pod gives half credit for the right verdict with a wrong reason). */
export const singleChoiceSettings = (rounds: number): RoomSettings => ({
  kinds: ['pod-phase', 'probe-choice', 'kubectl-status', 'kubectl-debug'], difficulty: 'rising', rounds,
  secondsPerRound: 30, scoring: 'accuracy', teamMode: 'off', teamCount: 2, autoAdvance: false,
});

/** WebSocket only, through TracedWebSocket (engine.io-client's own Node transport, which also notes the node that
 *  served each connection: test/infra/node-of.ts). */
export function connect(url: string): Sock {
  const socket: Sock = io(url, {
    transports: [TracedWebSocket as never], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500, randomizationFactor: 0.3, timeout: 2000,
  });
  // As the web client does (client/src/lib/game.svelte.ts): a server that hung up on purpose (a room moving to
  // another node tells its sockets server:restarting, then disconnects them) is not retried by socket.io itself.
  let retryAfterMs = 1000;
  socket.on('server:restarting', (p) => void (retryAfterMs = p.retryAfterMs));
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), retryAfterMs);
  });
  return socket;
}

export async function call<T>(socket: Sock, event: string, payload: unknown, timeoutMs = 3000): Promise<Ack<T>> {
  const raw = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> };
  return raw.emitWithAck(event, payload);
}

export async function callOk<T>(socket: Sock, event: string, payload: unknown): Promise<T> {
  const ack = await call<T>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.error}`);
  return ack.data;
}

const connected = (socket: Sock): Promise<void> =>
  socket.connected ? Promise.resolve() : new Promise((resolve) => socket.once('connect', () => resolve()));

/** Losing the connection and rejoining: when it dropped and when the rejoin was acknowledged (performance.now()). */
export interface Return {
  lostAt: number;
  backAt: number;
  /** A player's own state in the rejoin ack. */
  me?: MeView;
}

/** The web client's list (client/src/lib/game.svelte.ts): a rejoin refused with these is not tried again. */
const LOST_SESSION: readonly string[] = ['room_not_found', 'unknown_token', 'kicked', 'too_many_attempts'];

/** Rejoins on every reconnect (registered after the first connect, so every 'connect' here is a return). Returns
 *  whether the client is away: disconnected, or connected again and its rejoin not yet acknowledged. */
function rejoinOnReconnect(socket: Sock, code: () => string, token: () => string, onBack: (r: Rejoined) => void, returns: Return[]): () => boolean {
  let lostAt: number | null = null;
  socket.on('disconnect', () => void (lostAt ??= performance.now()));
  const rejoin = async (): Promise<void> => {
    const ack = await call<Rejoined>(socket, 'room:rejoin', { code: code(), token: token() }).catch(() => null);
    if (!ack?.ok) {
      // A hiccup (no ack; room_moving while the room changes node; internal_error): try again in a moment, as the
      // web client does (it backs off from 1 s; a test has no class to spread). A session that is gone is left alone.
      if (!ack || !LOST_SESSION.includes(ack.error)) setTimeout(() => void (socket.connected && rejoin()), 500);
      return;
    }
    const me = ack.data.role === 'player' ? { me: ack.data.me } : {};
    returns.push({ lostAt: lostAt ?? performance.now(), backAt: performance.now(), ...me });
    lostAt = null;
    onBack(ack.data);
  };
  socket.on('connect', () => void rejoin());
  return () => lostAt !== null || !socket.connected;
}

export interface FaultPlayer {
  name: string;
  socket: Sock;
  me: MeView | null;
  /** This player's pick per round, once acknowledged. */
  answers: Map<number, string>;
  /** Picks sent whose ack never came (lost with a connection, or later than the timeout on a busy machine) and
   *  were not acknowledged by a retry: the server may have taken them, and may have closed the round since. */
  unacked: Map<number, string>;
  /** Solutions from the reveals this player saw. */
  solutions: Map<number, string>;
  returns: Return[];
  /** Connection attempts the server refused (connect_error) while this player tried to come back. */
  refusals: number;
  /** Every answer sent and what came back: ok, an error code, or 'no ack' (for a failure message). */
  attempts: { round: number; outcome: string }[];
  /** Each acknowledged answer's round trip (ms). */
  latencies: { round: number; ms: number }[];
  /** Rounds that were open at some moment while this player was away: the room closes a round once every
   *  connected player has answered, so a player away at that moment may rightly miss it. */
  interrupted: Set<number>;
  /** Lets a held round's answer go. */
  release(round: number): void;
  /** Disconnected, or connected again and not yet rejoined (the server counts it absent). */
  away(): boolean;
  finished: Promise<void>;
}

export interface PlayerOptions {
  index: number;
  /** Rounds whose answer waits for release(round). */
  hold?: (round: number) => boolean;
  thinkMs?: number;
}

function pickFor(view: Extract<RoomView, { phase: 'question' }>, index: number): string {
  const options = choicesOf(view.question.puzzle);
  return options[(index + view.round) % options.length]!.id;
}

export async function joinPlayer(url: string, code: string, opts: PlayerOptions): Promise<FaultPlayer> {
  const socket = connect(url);
  await connected(socket);
  const name = `bot-${opts.index}`;
  const joined = await callOk<Joined>(socket, 'room:join', { code, name });
  // As the web client does: every reconnection brings the seat's token (the server lets a seat straight back in).
  socket.auth = { code, token: joined.playerToken };
  let finish: () => void = () => {};
  const released = new Set<number>();
  const p: FaultPlayer = {
    name, socket, me: joined.me, answers: new Map(), unacked: new Map(), solutions: new Map(), returns: [], refusals: 0, attempts: [], latencies: [], interrupted: new Set(),
    release: (round) => {
      released.add(round);
      if (lastView) onView(lastView);
    },
    away: () => false,
    finished: new Promise((resolve) => (finish = resolve)),
  };
  let lastView: RoomView | null = null;
  let sending = false;
  /** A lost ack is retried: the server may have taken the answer (then it says already_answered). */
  const answer = async (view: Extract<RoomView, { phase: 'question' }>): Promise<void> => {
    sending = true;
    const pick = pickFor(view, opts.index);
    for (let attempt = 0; attempt < 3 && !p.answers.has(view.round); attempt++) {
      const sentAt = performance.now();
      const ack = await call<{ round: number }>(socket, 'answer:submit', { round: view.round, answer: pick }).catch(() => null);
      if (ack?.ok) p.latencies.push({ round: view.round, ms: performance.now() - sentAt });
      p.attempts.push({ round: view.round, outcome: ack ? (ack.ok ? 'ok' : ack.error) : 'no ack' });
      if (!ack) p.unacked.set(view.round, pick);
      if (ack?.ok || (ack && !ack.ok && ack.error === 'already_answered')) {
        p.answers.set(view.round, pick);
        p.unacked.delete(view.round);
      } else if (ack) break;
    }
    sending = false;
    // Views that arrived while this send was in flight were skipped: the rejoin's view of this round after a
    // refusal while the seat was coming back (not_joined before the rejoin's ack), or the next round's question,
    // when this round closed while the player was away and the send hung. The newest view is looked at again, so
    // a question still open is answered, as a person would tap again.
    if (lastView) onView(lastView);
  };
  const onView = (view: RoomView): void => {
    lastView = view;
    if (view.phase === 'reveal') p.solutions.set(view.round, view.reveal.solution as string);
    if (view.phase === 'finished') finish();
    if (view.phase !== 'question' || sending || p.answers.has(view.round) || p.me?.answer?.round === view.round) return;
    if (opts.hold?.(view.round) && !released.has(view.round)) return;
    setTimeout(() => void answer(view), opts.thinkMs ?? Math.random() * 200);
  };
  socket.on('room:state', onView);
  socket.on('me:state', (me) => void (p.me = me));
  socket.on('connect_error', () => void p.refusals++);
  let lostRound: number | null = null;
  socket.on('disconnect', () => void (lostRound ??= lastView?.round ?? 0));
  p.away = rejoinOnReconnect(socket, () => code, () => joined.playerToken, (back) => {
    if (back.role !== 'player') return;
    for (let r = lostRound ?? back.view.round; r <= back.view.round; r++) p.interrupted.add(r);
    lostRound = null;
    p.me = back.me;
    if (back.me.answer) {
      p.answers.set(back.me.answer.round, back.me.answer.answer as string);
      p.unacked.delete(back.me.answer.round);
    }
    onView(back.view);
  }, p.returns);
  onView(joined.view);
  return p;
}

export interface FaultHost {
  socket: Sock;
  code: string;
  returns: Return[];
  start(): Promise<void>;
  /** The host's results once the game finishes (asked again after a reconnect). */
  results: Promise<FinalResults>;
  views: RoomView[];
  /** Disconnected, or connected again and not yet rejoined. */
  away(): boolean;
}

/** Creates a room and presses next on every reveal and leaderboard after `pauseMs`, across reconnects. */
export async function hostRoom(url: string, settings: RoomSettings, pauseMs = 30): Promise<FaultHost> {
  const socket = connect(url);
  await connected(socket);
  const created = await callOk<Created>(socket, 'room:create', { settings });
  socket.auth = { code: created.code, token: created.hostToken };
  let done: (r: FinalResults) => void = () => {};
  const host: FaultHost = {
    socket, code: created.code, returns: [], views: [], away: () => false,
    start: () => callOk<null>(socket, 'host:start', {}).then(() => {}),
    results: new Promise((resolve) => (done = resolve)),
  };
  const pressed = new Set<string>();
  const onView = (view: RoomView): void => {
    host.views.push(view);
    if (view.phase === 'finished') {
      void callOk<FinalResults>(socket, 'host:results', {}).then(done, () => {});
      return;
    }
    const key = `${view.phase}:${view.round}`;
    if ((view.phase !== 'reveal' && view.phase !== 'leaderboard') || pressed.has(key)) return;
    setTimeout(async () => {
      const ack = await call(socket, 'host:next', { phase: view.phase, round: view.round }).catch(() => null);
      if (ack?.ok) pressed.add(key);
    }, pauseMs);
  };
  socket.on('room:state', onView);
  host.away = rejoinOnReconnect(socket, () => created.code, () => created.hostToken, (back) => { if (back.role === 'host') onView(back.view); }, host.returns);
  return host;
}

/** The server's record of one player's rounds, from the final results. */
export const recordOf = (results: FinalResults, p: FaultPlayer): readonly PlayerRoundRecord[] =>
  results.players.find((r) => r.name === p.name)?.rounds ?? [];

/** The answers the server took from this player, as far as the player can vouch for them: every acknowledged one,
 *  and an unacknowledged one the server recorded with exactly the pick that was sent (its ack was lost, or late,
 *  and the round closed before a retry could hear already_answered). */
export function answersTaken(p: FaultPlayer, recorded: readonly PlayerRoundRecord[]): Map<number, string> {
  const taken = new Map(p.answers);
  for (const r of recorded) if (r.answered && !taken.has(r.round) && p.unacked.get(r.round) === r.answer) taken.set(r.round, r.answer as string);
  return taken;
}

/** Where the server's record and what this player sent or was told disagree: an acknowledged answer lost or
 *  changed, or an answer recorded that this player never sent. */
export function disagreements(p: FaultPlayer, recorded: readonly PlayerRoundRecord[]): string[] {
  const out: string[] = [];
  const byRound = new Map(recorded.map((r) => [r.round, r]));
  for (const [round, pick] of p.answers) {
    const r = byRound.get(round);
    if (!r?.answered || r.answer !== pick) out.push(`${p.name} round ${round}: acknowledged ${pick}, recorded ${r?.answered ? String(r.answer) : 'nothing'}`);
  }
  for (const r of recorded) {
    if (r.answered && !p.answers.has(r.round) && p.unacked.get(r.round) !== r.answer) out.push(`${p.name} round ${r.round}: recorded ${String(r.answer)}, never sent`);
  }
  return out;
}

/** Every player's score is what its answers earn, and every answer recorded is one the player gave. */
export function scoresAsAnswered(results: FinalResults, host: FaultHost, players: readonly FaultPlayer[]): string[] {
  const solutions = revealedSolutions(host, players);
  const names = new Set(players.map((p) => p.name));
  const strangers = results.players.filter((r) => !names.has(r.name)).map((r) => `${r.name}: in the results, not a player here`);
  return strangers.concat(players.flatMap((p) => {
    const recorded = recordOf(results, p);
    const score = results.players.find((r) => r.name === p.name)?.score;
    const expected = expectedScore(p, solutions, recorded);
    return [...disagreements(p, recorded), ...(score === expected ? [] : [`${p.name}: scored ${score}, its answers earn ${expected}`])];
  }));
}

/** The rounds this player was connected for and did not answer, with what it knows of them (for a failure message). */
export function missedRounds(p: FaultPlayer, rounds: number, recorded: readonly PlayerRoundRecord[]): string[] {
  const taken = answersTaken(p, recorded);
  return Array.from({ length: rounds }, (_, i) => i + 1)
    .filter((r) => !taken.has(r) && !p.interrupted.has(r))
    .map((r) => `${p.name} round ${r}: ${p.attempts.filter((a) => a.round === r).map((a) => a.outcome).join(', ') || 'never sent'}; away in ${[...p.interrupted].join(',') || 'none'}`);
}

/** What each player should have: 1000 per round whose pick was the revealed solution. */
export function expectedScore(p: FaultPlayer, solutions: ReadonlyMap<number, string>, recorded: readonly PlayerRoundRecord[]): number {
  let total = 0;
  for (const [round, pick] of answersTaken(p, recorded)) if (solutions.get(round) === pick) total += 1000;
  return total;
}

/** Every solution any of them saw revealed: a player dropped during a short reveal never sees that round's own. */
export function revealedSolutions(host: FaultHost, players: readonly FaultPlayer[]): Map<number, string> {
  const all = new Map<number, string>();
  for (const v of host.views) if (v.phase === 'reveal') all.set(v.round, v.reveal.solution as string);
  for (const p of players) for (const [round, solution] of p.solutions) all.set(round, solution);
  return all;
}
