// Behind a load balancer every connection comes from the balancer: the per-address limits (issue 12) must count the
// client's address, read from X-Forwarded-For only when the peer is a trusted proxy (PODIUM_TRUSTED_PROXIES).
// Unit rules first, then a real server with real sockets, then the repo's nginx config in front of it.
import type { IncomingMessage } from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import { clientAddress, trustedProxies, trustNone } from '../../server/client-address.ts';
import { defaultLimits } from '../../server/context.ts';
import { call, settings, startServer, type Client, type TestServer } from './harness.ts';
import { startNginx, type NginxServer } from '../infra/nginx.ts';

const request = (peer: string, forwardedFor?: string): IncomingMessage =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the peer when no proxy is trusted, whatever the client writes in X-Forwarded-For', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.5'), trustNone)).toBe('127.0.0.1');
    expect(trustedProxies(undefined)).toBe(trustNone);
    expect(trustedProxies(' , ')).toBe(trustNone);
  });

  it('is the nearest hop that is not a trusted proxy, so entries a client forged further back are ignored', () => {
    const trust = trustedProxies('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', '198.51.100.7, 203.0.113.5'), trust)).toBe('203.0.113.5');
    expect(clientAddress(request('::ffff:127.0.0.1', '203.0.113.5'), trust)).toBe('203.0.113.5');
    expect(clientAddress(request('127.0.0.1'), trust)).toBe('127.0.0.1');
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    expect(clientAddress(request('10.1.1.1', '203.0.113.5'), trustedProxies('127.0.0.1'))).toBe('10.1.1.1');
  });

  it('walks a chain of trusted proxies (an ingress behind a cloud balancer), by CIDR and by name', () => {
    const trust = trustedProxies('10.0.0.0/8, loopback');
    expect(clientAddress(request('127.0.0.1', '203.0.113.5, 10.2.3.4'), trust)).toBe('203.0.113.5');
    expect(clientAddress(request('10.9.9.9', '192.0.2.1, 203.0.113.5, 10.2.3.4'), trust)).toBe('203.0.113.5');
  });

  it('refuses a setting it cannot read, naming the entry', () => {
    expect(() => trustedProxies('10.0.0.0/8, nonsense')).toThrow(/"nonsense"/);
    expect(() => trustedProxies('10.0.0.0/99')).toThrow(/10\.0\.0\.0\/99/);
  });

  it('stops server/main.ts at start-up with one line, before it opens the database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-trust-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, PORT: '0', PODIUM_DB: join(dir, 'podium.db'), PODIUM_TRUSTED_PROXIES: '10.0.0.0/8,everyone' },
        encoding: 'utf8', timeout: 25_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^podium: PODIUM_TRUSTED_PROXIES: "everyone" is not/)]);
      expect(existsSync(join(dir, 'podium.db'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

let t: TestServer;
let nginx: NginxServer | null = null;
afterEach(async () => {
  await nginx?.close();
  nginx = null;
  await t?.close();
});

interface Dial {
  url?: string;
  forwardedFor?: string;
  localAddress?: string;
}

/** 'connected', or the refusal's message. */
function attempt(dial: Dial = {}): Promise<{ outcome: string; socket: Client }> {
  const socket: Client = connectClient(dial.url ?? t.url, {
    transports: ['websocket'], forceNew: true, reconnection: false,
    ...(dial.forwardedFor ? { extraHeaders: { 'x-forwarded-for': dial.forwardedFor } } : {}),
    ...(dial.localAddress ? { localAddress: dial.localAddress } : {}),
  } as never);
  t.clients.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ outcome: 'connected', socket }));
    socket.once('connect_error', (error) => resolve({ outcome: error.message, socket }));
  });
}

const outcomes = async (dials: Dial[]): Promise<string[]> => {
  const out: string[] = [];
  for (const d of dials) out.push((await attempt(d)).outcome);
  return out;
};

const oneEach = { ...defaultLimits, connectionsPerAddress: 1, createsPerMinute: 1 };

describe('a server that trusts its proxy', () => {
  it('caps connections and room creation per forwarded address, not per proxy', async () => {
    t = await startServer(oneEach, { trustProxy: trustedProxies('127.0.0.1') });
    expect(await outcomes([{ forwardedFor: '198.51.100.1' }, { forwardedFor: '198.51.100.1' }, { forwardedFor: '198.51.100.2' }]))
      .toEqual(['connected', expect.not.stringMatching(/^connected$/), 'connected']);
    const [a, , b] = t.clients;
    expect((await call(a!, 'room:create', { settings: settings() })).ok).toBe(true);
    // Another client behind the same proxy has its own creation budget.
    expect((await call(b!, 'room:create', { settings: settings() })).ok).toBe(true);
    a!.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    const again = await attempt({ forwardedFor: '198.51.100.1' });
    expect(again.outcome).toBe('connected');
    expect(await call(again.socket, 'room:create', { settings: settings() })).toEqual({ ok: false, error: 'rate_limited' });
  });

  it('does not let a client that is no proxy choose its address', async () => {
    t = await startServer(oneEach, { trustProxy: trustNone });
    expect(await outcomes([{ forwardedFor: '198.51.100.1' }, { forwardedFor: '198.51.100.2' }]))
      .toEqual(['connected', expect.not.stringMatching(/^connected$/)]);
  });
});

describe('behind the repo\'s nginx config', () => {
  it('counts each client by the address nginx saw, whatever X-Forwarded-For the client forged', async () => {
    t = await startServer(oneEach, { trustProxy: trustedProxies('127.0.0.1') });
    nginx = await startNginx({ upstreams: [Number(new URL(t.url).port)] });
    const via = (localAddress: string): Dial => ({ url: nginx!.url, localAddress, forwardedFor: '203.0.113.1' });
    expect(await outcomes([via('127.0.0.2'), via('127.0.0.2'), via('127.0.0.3')]))
      .toEqual(['connected', expect.not.stringMatching(/^connected$/), 'connected']);
    // Straight to the node from an address that is not the proxy: the forged header is ignored there too.
    expect((await attempt({ localAddress: '127.0.0.4', forwardedFor: '127.0.0.3' })).outcome).toBe('connected');
  });
});
