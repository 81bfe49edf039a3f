// What operators rely on, against a real server: security headers, same-origin sockets, the per-address connection
// cap, /metrics as Prometheus text, readiness that follows storage, CSV cells that cannot run as formulas, and the
// address players are sent to.
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import { parse } from 'csv-parse/sync';
import type { FinalResults } from '../../shared/protocol.ts';
import { defaultLimits } from '../../server/context.ts';
import { resultsCsv } from '../../server/csv.ts';
import { publicAddress } from '../../server/public-address.ts';
import { call, settings, startServer, type Client, type TestServer } from './harness.ts';

let t: TestServer;
afterEach(async () => { await t?.close(); });

function attempt(url: string, extra: Record<string, unknown> = {}): Promise<'connected' | string> {
  const socket: Client = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...extra });
  t.clients.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

describe('HTTP', () => {
  it('sends security headers and a CSP that keeps to this origin', async () => {
    t = await startServer();
    const res = await fetch(`${t.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves /metrics as Prometheus text with the game\'s own figures', async () => {
    t = await startServer();
    const host = await t.connect();
    await call(host, 'room:create', { settings: settings() });
    await call(await t.connect(), 'room:join', { code: 'AAAAAA', name: 'x' });
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    // Every line is a comment (# HELP / # TYPE) or a sample: name{labels} value. Values are Go floats, so NaN and
    // Inf in any case (prom-client prints the event-loop lag's mean as "Nan" before it has a sample).
    const sample = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (-?[0-9.e+-]+|nan|[+-]?inf)$/i;
    const bad = text.split('\n').filter((l) => l !== '' && !l.startsWith('# ') && !sample.test(l));
    expect(bad).toEqual([]);
    expect(text).toMatch(/^podium_rooms 1$/m);
    expect(text).toMatch(/^podium_players\{state="joined"\} 0$/m);
    expect(text).toMatch(/^podium_rejections_total\{reason="room_not_found"\} 1$/m);
    expect(text).toMatch(/^podium_save_seconds_count [1-9]/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toContain('# TYPE podium_answers_total counter');
  });
});

describe('sockets', () => {
  it('refuses a browser from another origin, accepts this origin and clients without one', async () => {
    t = await startServer();
    const origin = new URL(t.url).host;
    expect(await attempt(t.url, { extraHeaders: { origin: 'https://evil.example' } })).not.toBe('connected');
    expect(await attempt(t.url, { extraHeaders: { origin: `http://${origin}` } })).toBe('connected');
    expect(await attempt(t.url)).toBe('connected');
  });

  it('caps open connections per address', async () => {
    t = await startServer({ ...defaultLimits, connectionsPerAddress: 3 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await attempt(t.url));
    expect(results).toEqual(['connected', 'connected', 'connected', expect.not.stringMatching(/^connected$/)]);
    t.clients[0]!.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    expect(await attempt(t.url)).toBe('connected');
  });
});

describe('readiness follows storage', () => {
  it('turns 503 when a write fails and 200 once a probe goes through again', async () => {
    t = await startServer();
    const store = t.store as unknown as { batch(fn: () => void): void; probe(): boolean };
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    expect(() => store.batch(() => { throw new Error('disk full'); })).toThrow('disk full');
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, reason: 'storage' });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(store.probe()).toBe(true);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
});

describe('CSV', () => {
  const results = (name: string, playerId = 'p1', answer: unknown = 'a'): FinalResults => ({
    code: 'ABCDEF', settings: settings(), startedAt: 1, finishedAt: 2,
    rounds: [{ round: 1, kind: 'pod-phase', concept: 'phases', difficulty: 'easy', seed: 's' }],
    players: [{
      playerId, name, team: null, teamName: null, score: 1000, rank: 1, correct: 1,
      rounds: [{ round: 1, answered: true, answer: answer as never, score: 1, correct: true, points: 1000, timeMs: 1200 }],
    }],
    teams: [], concepts: [],
  });
  const cell = (csv: string, column: string): string => {
    const [header, row] = parse(csv, { bom: true }) as string[][];
    return row![header!.indexOf(column)]!;
  };

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', ';cmd', '\tx', '\rx'])('neutralises a name starting like %j', (name) => {
    expect(cell(resultsCsv(results(name)), 'name')).toBe(`'${name}`);
  });

  it('quotes commas, quotes and line breaks, and leaves ids and numbers as they are', () => {
    const csv = resultsCsv(results('Ana, "the" best', '-abc'));
    expect(cell(csv, 'name')).toBe('Ana, "the" best');
    expect(cell(csv, 'player_id')).toBe('-abc');
    expect(cell(csv, 'score')).toBe('1');
    expect(cell(csv, 'time_s')).toBe('1.2');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('starts with a byte-order mark and gives the answer in words', () => {
    const csv = resultsCsv(results('José'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(cell(csv, 'name')).toBe('José');
    expect(cell(csv, 'answer')).not.toBe('');
    expect(cell(csv, 'question').length).toBeGreaterThan(10);
  });
});

describe('the address players use', () => {
  const nic = (address: string) => [{ address, family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }] as never;

  it('is PUBLIC_URL when set, the bind address when specific, else a guess that warns among several', () => {
    expect(publicAddress({ publicUrl: 'https://quiz.example.org/', host: '0.0.0.0', port: 3000, interfaces: {} })).toEqual({ url: 'https://quiz.example.org', warning: null });
    expect(publicAddress({ host: '10.1.2.3', port: 3000, interfaces: {} })).toEqual({ url: 'http://10.1.2.3:3000', warning: null });
    expect(publicAddress({ host: '0.0.0.0', port: 3000, interfaces: { wlan0: nic('192.168.1.20') } })).toEqual({ url: 'http://192.168.1.20:3000', warning: null });
    const several = publicAddress({ host: '0.0.0.0', port: 3000, interfaces: { docker0: nic('172.17.0.1'), tun0: nic('10.8.0.2'), wlan0: nic('192.168.1.20') } });
    expect(several.url).toBe('http://192.168.1.20:3000');
    expect(several.warning).toMatch(/guessed 192\.168\.1\.20 among .*172\.17\.0\.1 \(docker0\).*set PUBLIC_URL/);
  });
});
