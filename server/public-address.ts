// The address players will use: PUBLIC_URL when set, else the bind address when it is a specific one, else a guess
// among the machine's interfaces. The same string goes into join links (the QR code) and the start-up line.
import type { NetworkInterfaceInfo } from 'node:os';

/** Interfaces that phones on the room's Wi-Fi cannot reach: containers, VMs, VPNs, tunnels. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|wg|utun|zt|tailscale|cni|flannel|cali|lxc|lxd|podman|ham)/i;

export interface Guess {
  address: string;
  /** Every usable address seen, interface name first, for the warning. */
  candidates: string[];
}

const isUnspecified = (host: string): boolean => host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';

/** Private LAN ranges first (a classroom's Wi-Fi), then anything else that is not loopback or link-local. */
function rank(address: string): number {
  if (address.startsWith('192.168.')) return 0;
  if (address.startsWith('10.')) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return address.startsWith('169.254.') ? 9 : 3;
}

export function guessLanAddress(interfaces: Record<string, NetworkInterfaceInfo[] | undefined>): Guess | null {
  const found = Object.entries(interfaces).flatMap(([name, list]) =>
    (list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => ({ name, address: a.address })),
  );
  const real = found.filter((a) => !VIRTUAL.test(a.name));
  const pool = (real.length > 0 ? real : found).sort((a, b) => rank(a.address) - rank(b.address));
  const best = pool[0];
  if (!best) return null;
  return { address: best.address, candidates: found.map((a) => `${a.address} (${a.name})`) };
}

export interface PublicAddress {
  url: string;
  /** Set when the address was guessed among several: say so, and how to choose. */
  warning: string | null;
}

export function publicAddress(opts: { publicUrl?: string | undefined; host: string; port: number; interfaces: Record<string, NetworkInterfaceInfo[] | undefined> }): PublicAddress {
  if (opts.publicUrl) return { url: opts.publicUrl.replace(/\/$/, ''), warning: null };
  if (!isUnspecified(opts.host)) {
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    return { url: `http://${host}:${opts.port}`, warning: null };
  }
  const guess = guessLanAddress(opts.interfaces);
  if (!guess) return { url: `http://localhost:${opts.port}`, warning: 'no network interface found: only this machine can join; set PUBLIC_URL' };
  const url = `http://${guess.address}:${opts.port}`;
  const warning = guess.candidates.length > 1
    ? `guessed ${guess.address} among ${guess.candidates.join(', ')}: if phones cannot open ${url}, set PUBLIC_URL (or HOST) to the address of the room's network`
    : null;
  return { url, warning };
}
