// The floor: the least a socket.io server can do for the same load, with no game logic. It speaks just enough
// of Podium's protocol for the same bots to drive it: create/join a room, broadcast a ~300-byte question once
// per round to the room, acknowledge answers with the server's time. Run: PORT=3418 node --import tsx bench/floor-server.ts
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { roomCodeAlphabet } from '../shared/protocol.ts';

type Ack = (response: unknown) => void;
interface FloorRoom {
  code: string;
  round: number;
  rounds: number;
  phase: 'lobby' | 'question' | 'reveal' | 'finished';
}

const rooms = new Map<string, FloorRoom>();
const port = Number(process.env['PORT'] ?? 3418);
const http = createServer((req, res) => void res.writeHead(req.url === '/healthz' ? 200 : 404).end('{"ok":true}'));
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, maxHttpBufferSize: 4096 });

/** Six letters from the real alphabet, numbered so rooms never collide. */
function nextCode(): string {
  let n = rooms.size;
  let code = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / roomCodeAlphabet.length)) code += roomCodeAlphabet[n % roomCodeAlphabet.length];
  return code;
}

/** A question of about 300 bytes, the size of a small real one (prompt, four options, times). */
function questionView(room: FloorRoom): object {
  const now = Date.now();
  const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }));
  const puzzle = { kind: 'floor', format: 'single', prompt: 'Which starts first?', options };
  const question = { round: room.round, kind: 'floor', puzzle, startedAt: now, deadline: now + 20_000 };
  return { code: room.code, phase: 'question', round: room.round, serverNow: now, question };
}

function advance(room: FloorRoom): void {
  if (room.phase === 'question') room.phase = 'reveal';
  else if (room.round >= room.rounds) room.phase = 'finished';
  else {
    room.round += 1;
    room.phase = 'question';
  }
  const view = room.phase === 'question' ? questionView(room) : { code: room.code, phase: room.phase, round: room.round, serverNow: Date.now() };
  io.to(room.code).emit('room:state', view);
}

function onConnection(socket: Socket): void {
  let room: FloorRoom | undefined;
  socket.on('room:create', (p: { settings?: { rounds?: number } }, ack: Ack) => {
    room = { code: nextCode(), round: 0, rounds: p.settings?.rounds ?? 1, phase: 'lobby' };
    rooms.set(room.code, room);
    void socket.join(room.code);
    ack({ ok: true, data: { code: room.code, hostToken: 'h', joinUrl: '/', view: { phase: 'lobby', round: 0 } } });
  });
  socket.on('room:join', (p: { code?: string; name?: string }, ack: Ack) => {
    room = rooms.get(p.code ?? '');
    if (!room) return ack({ ok: false, error: 'room_not_found' });
    void socket.join(room.code);
    ack({ ok: true, data: { playerToken: 't', me: { playerId: socket.id, name: p.name }, view: { phase: room.phase, round: room.round } } });
  });
  socket.on('answer:submit', (p: { round?: number }, ack: Ack) => ack({ ok: true, data: { round: p.round, at: Date.now() } }));
  const step = (_p: unknown, ack: Ack): void => {
    if (room) advance(room);
    ack({ ok: true, data: null });
  };
  socket.on('host:start', step);
  socket.on('host:next', step);
}

io.on('connection', onConnection);
http.listen(port, '127.0.0.1', () => process.stderr.write(`floor listening on 127.0.0.1:${port}\n`));
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
