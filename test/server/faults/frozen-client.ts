// A phone that joins a room and then freezes: the parent stops this process (SIGSTOP), so its socket stays open and
// never answers again. Args: url code name. Sends 'joined' to the parent once in.
import { io } from 'socket.io-client';

const [url, code, name] = process.argv.slice(2);
const socket = io(url!, { transports: ['websocket'], forceNew: true, reconnection: false });
socket.on('connect', () => {
  socket.timeout(5000).emit('room:join', { code, name }, (err: unknown, ack: { ok: boolean }) => {
    process.send?.(err || !ack.ok ? 'failed' : 'joined');
  });
});
process.on('disconnect', () => process.exit(0));
