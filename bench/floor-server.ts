// The floor: the least a socket.io server can do for the same game, with no rules, no storage and no per-player
// state beyond a counter. It speaks just enough of Podium's protocol (docs/protocol.md) for the same bench client:
// create and join a room; per round one broadcast of a question as big as Podium's (the same puzzle kind, so the
// same size and the same parse cost on the client), one ack per answer with the server's time, and a reveal
// broadcast as soon as every player has answered or at the deadline; the host steps reveal → leaderboard → next.
// Run by the bench (bench/targets.ts): listens on 127.0.0.1, on the port in PORT (0: any), reported over IPC.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { roomCodeAlphabet, type RoomSettings } from '../shared/protocol.ts';
import { kindById, type KindId } from '../shared/puzzles/index.ts';

type Ack = (response: unknown) => void;
type Phase = 'lobby' | 'question' | 'reveal' | 'leaderboard' | 'finished';

interface FloorRoom {
  code: string;
  settings: Pick<RoomSettings, 'kinds' | 'rounds' | 'secondsPerRound'>;
  phase: Phase;
  round: number;
  players: number;
  answered: number;
  question: object | null;
  reveal: object | null;
  timer: NodeJS.Timeout | null;
}

const rooms = new Map<string, FloorRoom>();
const http = createServer((req, res) => void res.writeHead(req.url === '/healthz' ? 200 : 404).end('{"ok":true}'));
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, maxHttpBufferSize: 4096, serveClient: false });

/** Six letters from the real alphabet, numbered so rooms never collide. */
function nextCode(): string {
  let n = rooms.size;
  let code = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / roomCodeAlphabet.length)) code += roomCodeAlphabet[n % roomCodeAlphabet.length];
  return code;
}

function base(room: FloorRoom, now: number): Record<string, unknown> {
  return {
    code: room.code, round: room.round, totalRounds: room.settings.rounds, locked: false, hostConnected: true,
    playerCount: room.players, connectedCount: room.players, teams: [], serverNow: now, phaseDeadline: null,
  };
}

/** The round's question and reveal, shaped and sized like Podium's (the same kind's puzzle, medium). */
function buildRound(room: FloorRoom, now: number): void {
  const kindId = room.settings.kinds[(room.round - 1) % room.settings.kinds.length] as KindId;
  const kind = kindById(kindId);
  const puzzle = kind.generate(`floor-${room.code}:${room.round}`, 'medium');
  const deadline = now + room.settings.secondsPerRound * 1000;
  room.question = {
    round: room.round, totalRounds: room.settings.rounds, kind: kindId, title: kind.title, concept: kind.concept,
    difficulty: 'medium', puzzle: kind.publicView(puzzle), startedAt: now, deadline, durationMs: deadline - now,
  };
  const solution = kind.solve(puzzle);
  const grade = kind.grade(puzzle, solution);
  const distribution = { correct: 0, partial: 0, wrong: 0, none: 0 };
  room.reveal = { solution, explanation: grade.explanation, docUrl: grade.docUrl, distribution, averageScore: 0 };
  room.timer = setTimeout(() => reveal(room), deadline - now);
}

function view(room: FloorRoom): object {
  const now = Date.now();
  const common = base(room, now);
  if (room.phase === 'question') return { ...common, phase: 'question', question: room.question };
  if (room.phase === 'reveal') return { ...common, phase: 'reveal', question: room.question, reveal: room.reveal, holding: false };
  if (room.phase === 'leaderboard' || room.phase === 'finished') return { ...common, phase: room.phase, top: [] };
  return { ...common, phase: 'lobby' };
}

const broadcast = (room: FloorRoom): void => void io.to(room.code).emit('room:state', view(room));

function reveal(room: FloorRoom): void {
  if (room.phase !== 'question') return;
  if (room.timer) clearTimeout(room.timer);
  room.timer = null;
  room.phase = 'reveal';
  broadcast(room);
}

function open(room: FloorRoom): void {
  room.round += 1;
  room.phase = 'question';
  room.answered = 0;
  buildRound(room, Date.now());
  broadcast(room);
}

/** host:start and host:next, checked like Podium's: the phase and round the host is looking at. */
function step(room: FloorRoom, p: { phase?: string; round?: number } | null): string | null {
  if (p === null) {
    if (room.phase !== 'lobby') return 'wrong_phase';
    open(room);
    return null;
  }
  if (p.phase !== room.phase) return 'wrong_phase';
  if (p.round !== room.round) return 'stale_round';
  if (room.phase === 'question') reveal(room);
  else if (room.phase === 'reveal' && room.round >= room.settings.rounds) {
    room.phase = 'finished';
    broadcast(room);
  } else if (room.phase === 'reveal') {
    room.phase = 'leaderboard';
    broadcast(room);
  } else if (room.phase === 'leaderboard') open(room);
  else return 'wrong_phase';
  return null;
}

const reply = (ack: unknown, response: unknown): void => {
  if (typeof ack === 'function') (ack as Ack)(response);
};

function onConnection(socket: Socket): void {
  let room: FloorRoom | undefined;
  let role: 'host' | 'player' | null = null;
  let answeredRound = 0;
  socket.on('room:create', (p: { settings?: FloorRoom['settings'] }, ack: unknown) => {
    const settings = { kinds: p?.settings?.kinds ?? ['pod-phase'], rounds: p?.settings?.rounds ?? 1, secondsPerRound: p?.settings?.secondsPerRound ?? 10 };
    room = { code: nextCode(), settings, phase: 'lobby', round: 0, players: 0, answered: 0, question: null, reveal: null, timer: null };
    rooms.set(room.code, room);
    role = 'host';
    void socket.join(room.code);
    reply(ack, { ok: true, data: { code: room.code, hostToken: 'h', joinUrl: `/join/${room.code}`, view: view(room) } });
  });
  socket.on('room:join', (p: { code?: string; name?: string }, ack: unknown) => {
    room = rooms.get(p?.code ?? '');
    if (!room) return reply(ack, { ok: false, error: 'room_not_found' });
    role = 'player';
    room.players += 1;
    void socket.join(room.code);
    const me = { playerId: socket.id, name: p.name, team: null, score: 0, streak: 0, rank: null, answer: null, lastResult: null };
    reply(ack, { ok: true, data: { playerToken: 't', me, view: view(room) } });
  });
  socket.on('answer:submit', (p: { round?: number }, ack: unknown) => {
    const now = Date.now();
    if (!room || role !== 'player') return reply(ack, { ok: false, error: 'not_joined' });
    if (room.phase !== 'question' || p?.round !== room.round) return reply(ack, { ok: false, error: 'round_closed' });
    if (answeredRound === room.round) return reply(ack, { ok: false, error: 'already_answered' });
    answeredRound = room.round;
    room.answered += 1;
    reply(ack, { ok: true, data: { round: p.round, at: now } });
    if (room.answered >= room.players) reveal(room);
  });
  const hostStep = (payload: { phase?: string; round?: number } | null) => (ack: unknown): void => {
    if (!room || role !== 'host') return reply(ack, { ok: false, error: 'not_host' });
    const error = step(room, payload);
    reply(ack, error === null ? { ok: true, data: null } : { ok: false, error });
  };
  socket.on('host:start', (_p: unknown, ack: unknown) => hostStep(null)(ack));
  socket.on('host:next', (p: { phase?: string; round?: number }, ack: unknown) => hostStep(p ?? {})(ack));
  socket.on('host:results', (_p: unknown, ack: unknown) => reply(ack, { ok: true, data: null }));
  socket.on('disconnect', () => {
    if (room && role === 'player') room.players -= 1;
  });
}

io.on('connection', onConnection);
http.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: 'listening', port });
  process.stderr.write(`floor listening on 127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
