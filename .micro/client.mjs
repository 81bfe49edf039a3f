import { io } from 'socket.io-client';
const [port, n] = process.argv.slice(2).map(Number);
let got = 0;
for (let i = 0; i < n; i++) {
  const s = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
  s.on('me:state', () => got++);
  if (i % 200 === 199) await new Promise((r) => setTimeout(r, 20));
}
