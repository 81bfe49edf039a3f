// Micro: N socket.io clients (child process); the server sends each a ~800 B me:state in slices; old-space growth.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { fork } from 'node:child_process';
import v8 from 'node:v8';
const N = Number(process.env.N ?? 5000), SLICE = Number(process.env.SLICE ?? 1000), MODE = process.env.MODE ?? 'emit';
const http = createServer(); const io = new Server(http, { transports: ['websocket'] });
await new Promise((r) => http.listen(0, '127.0.0.1', r));
const port = http.address().port;
let connected = 0; const ids = [];
io.on('connection', (s) => { ids.push(s.id); connected++; });
const child = fork('/work/wt-perf-mem/.micro/client.mjs', [String(port), String(N)], { stdio: 'inherit' });
while (connected < N) await new Promise((r) => setTimeout(r, 100));
const old = () => v8.getHeapSpaceStatistics().find((x) => x.space_name === 'old_space').space_used_size / 1048576;
const big = { lines: Array.from({ length: 3 }, (_, i) => ({ text: 'Failed: pg-dump exited 2 and restartPolicy Never does not restart it. '.repeat(2) + i, evidence: { cells: [{ row: 0, column: 1 }], optionIds: ['c'] } })) };
const view = (i) => ({ playerId: 'p' + i, name: 'name' + i, team: null, score: i, streak: 1, rank: i, answer: { round: 1, answer: 'c', at: Date.now() }, lastResult: { round: 1, answered: true, score: 1, correct: true, points: 1000, streakBonus: 0, timeMs: 5, answer: 'c', explanation: big.lines.map((l) => l.text).join(' '), lines: big.lines.map((l) => ({ ...l })) } });
let scav = 0; const { PerformanceObserver } = await import('node:perf_hooks');
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.detail?.kind === 1) scav++; }).observe({ entryTypes: ['gc'] });
function sendOne(i) {
  const s = io.sockets.sockets.get(ids[i]);
  if (MODE === 'emit') s.emit('me:state', view(i));
  else if (MODE === 'pre') s.client._packet(['2' + JSON.stringify(['me:state', view(i)])], { preEncoded: true });
}
async function round() {
  const o0 = old(); const sc0 = scav;
  io.emit('room:state', { phase: 'reveal', blob: 'x'.repeat(1600) });
  let i = 0;
  await new Promise((resolve) => {
    const step = () => { const end = Math.min(N, i + SLICE); while (i < end) sendOne(i++); if (i < N) setImmediate(step); else resolve(); };
    step();
  });
  await new Promise((r) => setTimeout(r, 300));
  return { grew: +(old() - o0).toFixed(1), scavenges: scav - sc0 };
}
const out = [];
for (let k = 0; k < 6; k++) out.push(await round());
console.log(MODE, 'N', N, 'SLICE', SLICE, JSON.stringify(out));
child.kill(); process.exit(0);
