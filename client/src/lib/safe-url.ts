// Links that arrive over the wire are rendered only if they are plain http(s): no javascript: or data: URLs.

export function safeUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
