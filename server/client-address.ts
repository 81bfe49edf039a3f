// The address a client's limits are counted against. Behind a load balancer every connection comes from the
// balancer, so the client's own address is read from X-Forwarded-For, but only when the connection comes from a
// proxy the operator named (PODIUM_TRUSTED_PROXIES): anyone else could write any address in that header and slip
// every per-address limit. Same rules as Express's `trust proxy` (proxy-addr): walk the chain from the nearest hop
// back, stop at the first address that is not a trusted proxy. See docs/operations.md, "Behind a proxy".
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** proxy-addr's trust function: is the hop at this address (and position) a proxy we trust? */
export type TrustProxy = (address: string, hop: number) => boolean;

/** No proxy is trusted: the peer's own address, whatever headers it sends. */
export const trustNone: TrustProxy = () => false;

/**
 * PODIUM_TRUSTED_PROXIES: a comma-separated list of addresses, CIDR ranges, and proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal` (e.g. "10.0.0.0/8" for a cluster's pod network). Unset or empty trusts none. Throws
 * a one-line message naming the bad entry. Hop counts and "trust everyone" are deliberately not accepted: each
 * trusts whatever sits in front, including a client that forges the header.
 */
export function trustedProxies(setting: string | undefined): TrustProxy {
  const entries = (setting ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return trustNone;
  for (const entry of entries) {
    try {
      proxyAddr.compile(entry);
    } catch {
      throw new Error(`PODIUM_TRUSTED_PROXIES: "${entry}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`);
    }
  }
  return proxyAddr.compile(entries);
}

/** The client's address for this request: the peer's, or the first untrusted hop in X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  if (trust === trustNone) return req.socket.remoteAddress ?? '';
  return proxyAddr(req, trust);
}
