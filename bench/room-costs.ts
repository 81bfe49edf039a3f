// What each step of a big room costs in the server's own code, without sockets: time (median of 5 runs after a
// warm-up, each from the same state: reduce is pure) and bytes allocated (one more run under V8's sampling heap
// profiler, collected objects included) per join, per answer, for closing a round, saving it, and building the
// messages it sends. The yardstick for issue 14's items 1–3, at several sizes:
//   node --import tsx bench/room-costs.ts [--players 2000,5000,10000]
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { changesBetween, createRoom, fullRoster, reduce, rosterDelta, viewForHost, viewForPlayer, viewForRoom, type RoomEvent, type RoomState } from '../shared/room/index.ts';
import { allPlayers } from '../shared/room/players.ts';
import { openStore } from '../server/store.ts';

const T0 = 1_700_000_000_000;
const session = new Session();
session.connect();
const post = (method: string, params: object = {}): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));

interface HeapNode {
  selfSize: number;
  children: HeapNode[];
}
const total = (n: HeapNode): number => n.children.reduce((s, c) => s + total(c), n.selfSize);

const RUNS = 5;

/** [median ms, bytes allocated] of `fn`, which must start from the same state on every call. Bytes are
 *  sampled every 1 KiB: an unbiased estimate, from a run of its own so the sampling does not slow the timing. */
async function measure(fn: () => void): Promise<[number, number]> {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  fn();
  const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
  return [times.sort((a, b) => a - b)[RUNS >> 1]!, total(profile.head)];
}

function must(state: RoomState, event: RoomEvent): RoomState {
  const r = reduce(state, event);
  if (!r.ok) throw new Error(`${event.type}: ${r.error}`);
  return r.state;
}

const settings = { kinds: ['pod-phase' as const], difficulty: 'medium' as const, rounds: 3, secondsPerRound: 60, scoring: 'speed' as const, teamMode: 'off' as const, teamCount: 2, autoAdvance: false };
const join1 = (i: number): RoomEvent => ({ type: 'join', playerId: `p${i}`, token: `p${i}.t`, name: `P${i}`, now: T0 });

/** The first option of the (pod-phase, single-choice) question. */
function answerOf(state: RoomState): string {
  const view = state.question!.view;
  if (view.format !== 'single') throw new Error('room-costs expects a single-choice kind');
  return view.options[0]!.id;
}

const row = (label: string, n: number, ms: number, bytes: number, per = 1): string =>
  `${String(n).padStart(6)}  ${label.padEnd(44)} ${((ms * 1000) / per).toFixed(1).padStart(9)} us ${(bytes / per / 1024).toFixed(1).padStart(9)} KiB`;

async function sizeReport(n: number): Promise<string[]> {
  const out: string[] = [];
  let s = createRoom({ code: 'ABCDEF', seed: 'cost', hostToken: 'h', settings, now: T0 });
  for (let i = 0; i < n - 500; i++) s = must(s, join1(i));
  // The last 500 joins measured: cost per join at this size.
  const lobby = s;
  let [ms, bytes] = await measure(() => {
    s = lobby;
    for (let i = n - 500; i < n; i++) s = must(s, join1(i));
  });
  out.push(row('join (reduce), per join', n, ms, bytes, 500));
  [ms, bytes] = await measure(() => void viewForRoom(s, T0));
  out.push(row('lobby view (viewForRoom)', n, ms, bytes));
  [ms, bytes] = await measure(() => void JSON.stringify({ ...viewForHost(s), roster: fullRoster(s, 1) }));
  out.push(row('host status with the full roster, JSON', n, ms, bytes));
  const lobbyFull = s;
  const renamed = must(s, { type: 'rename', actor: { role: 'host' }, playerId: 'p0', name: 'Renamed', now: T0 });
  [ms, bytes] = await measure(() => void JSON.stringify({ ...viewForHost(renamed), roster: rosterDelta(lobbyFull, renamed, 2) }));
  out.push(row('host status with a one-player delta, JSON', n, ms, bytes));
  s = must(s, { type: 'start', actor: { role: 'host' }, now: T0 + 1 });
  const answer = answerOf(s);
  // Everyone but two answers; 500 of them measured.
  for (let i = 0; i < n - 502; i++) s = must(s, { type: 'answer', playerId: `p${i}`, round: 1, answer, now: T0 + 2 });
  const open = s;
  [ms, bytes] = await measure(() => {
    s = open;
    for (let i = n - 502; i < n - 2; i++) s = must(s, { type: 'answer', playerId: `p${i}`, round: 1, answer, now: T0 + 2 });
  });
  out.push(row('answer (reduce), per answer', n, ms, bytes, 500));
  s = must(s, { type: 'answer', playerId: `p${n - 2}`, round: 1, answer, now: T0 + 3 });
  const before = s;
  let closed = s;
  [ms, bytes] = await measure(() => void (closed = must(before, { type: 'answer', playerId: `p${n - 1}`, round: 1, answer, now: T0 + 4 })));
  out.push(row('closing answer (reduce: grade, ranks, reveal)', n, ms, bytes));
  let rows = 0;
  [ms, bytes] = await measure(() => {
    const c = changesBetween(before, closed);
    rows = c.players.length + c.slots.length + (c.room ? 1 : 0);
  });
  out.push(row(`changesBetween at the close (${rows} rows)`, n, ms, bytes));
  const dir = mkdtempSync(join(tmpdir(), 'podium-costs-'));
  try {
    const store = openStore(join(dir, 'costs.db'));
    store.saveRoom(null, before, null);
    // INSERT OR REPLACE: every run writes the same rows over again.
    [ms, bytes] = await measure(() => store.batch(() => store.saveRoom(before, closed, null)));
    out.push(row('saving the close (diff + SQLite transaction)', n, ms, bytes));
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  [ms, bytes] = await measure(() => void JSON.stringify(viewForRoom(closed, T0)));
  out.push(row('reveal view, JSON', n, ms, bytes));
  const ids = allPlayers(closed).map((p) => p.id);
  [ms, bytes] = await measure(() => {
    for (const id of ids) JSON.stringify(viewForPlayer(closed, id));
  });
  out.push(row('me:state for every player, JSON, per player', n, ms, bytes, n));
  out.push(row('me:state for every player, JSON, all', n, ms, bytes));
  return out;
}

const { values } = parseArgs({ options: { players: { type: 'string', default: '2000,5000,10000' } } });
console.log(`${'players'.padStart(6)}  ${'step'.padEnd(44)} ${'time'.padStart(12)} ${'allocated'.padStart(13)}`);
for (const n of values.players.split(',').map(Number)) {
  if (!Number.isInteger(n) || n < 1000 || n > 10_000) throw new Error('--players: sizes from 1,000 to 10,000');
  for (const line of await sizeReport(n)) console.log(line);
}
session.disconnect();
