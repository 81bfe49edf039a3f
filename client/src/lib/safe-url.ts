// Links that arrive over the wire are rendered only if they are plain http(s): no javascript: or data: URLs.

export function safeUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A docs link short enough for one line of a projector: the site, then the page's last path part and anchor
 *  ("kubernetes.io/…/debug-running-pod/#container-exec"). The link itself keeps the whole address. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const parts = u.pathname.split('/').filter(Boolean);
    const tail = parts.at(-1);
    const path = parts.length > 1 ? `/…/${tail}/` : tail ? `/${tail}/` : '/';
    return `${u.host}${path}${u.hash}`;
  } catch {
    return url;
  }
}
