// The hash router's pure half: which screen a location hash means. Hash routing needs no server-side fallback.

export type Route =
  | { name: 'home' }
  | { name: 'practice' }
  | { name: 'host' }
  | { name: 'player'; code: string | null };

const codePattern = /^[A-Z0-9]{3,12}$/;

/** Room codes are typed on phones: ignore case, spaces and dashes; anything else makes it no code. */
export function normaliseCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return codePattern.test(code) ? code : null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'practice') return { name: 'practice' };
  if (first === 'host') return { name: 'host' };
  if (first === 'play') return { name: 'player', code: null };
  if (first === 'join') return { name: 'player', code: second ? normaliseCode(decodeSafe(second)) : null };
  return { name: 'home' };
}

export function joinHash(code: string): string {
  return `#/join/${encodeURIComponent(code)}`;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
