// A child process that floods the server from one socket, as fast as it can, while the parent says so.
// Its own process, so the flood's CPU is not charged to the honest players the parent measures.
// Messages in: 'start' | 'stop' | 'report'. Out: { sent, refused, acked, disconnects, refusedConnections }.
import { io } from 'socket.io-client';

const url = process.argv[2] ?? 'http://127.0.0.1:3000';
const socket = io(url, { transports: ['websocket'], forceNew: true });
const counts = { sent: 0, refused: 0, acked: 0, disconnects: 0, refusedConnections: 0 };
let flooding = false;

// Cut off by the server, it comes straight back (socket.io does not retry a server-side disconnect by itself).
socket.on('disconnect', (reason) => {
  counts.disconnects++;
  if (reason === 'io server disconnect') socket.connect();
});

function onAck(ack: { ok: boolean; error?: string }): void {
  counts.acked++;
  if (!ack.ok && ack.error === 'rate_limited') counts.refused++;
}

/** One burst per turn of the event loop, so acks and the parent's messages still get through. */
function burst(): void {
  if (!flooding) return;
  if (socket.connected) {
    for (let i = 0; i < 500; i++) {
      socket.emit('answer:submit', { round: 1, answer: 'a' }, onAck);
      counts.sent++;
    }
  }
  setImmediate(burst);
}

process.on('message', (message) => {
  if (message === 'start' && !flooding) {
    flooding = true;
    burst();
  } else if (message === 'stop') flooding = false;
  else if (message === 'report') process.send?.({ ...counts });
  else if (message === 'exit') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
socket.on('connect', () => process.send?.('connected'));
// Refused (its address is cooling down): it tries again at once, as an attacker would.
socket.on('connect_error', () => {
  counts.refusedConnections++;
  setTimeout(() => socket.connect(), 20);
});
