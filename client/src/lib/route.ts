// The hash router's pure half: which screen a location hash means. Hash routing needs no server-side fallback,
// but a join link typed or shared as a path (/join/CODE, which the server's fallback answers with this page) works too.
import { normaliseRoomCode } from '../../../shared/room/code.ts';

export type Route =
  | { name: 'home' }
  | { name: 'practice' }
  | { name: 'host' }
  | { name: 'player'; code: string | null };

/** Room codes are typed on phones: case, spaces and dashes are ignored; the rule itself lives in shared/room/code.ts. */
export const normaliseCode = normaliseRoomCode;

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

/** Where a path-form join link should go instead: the same page with the hash route (base path and query kept),
 *  or null when there is nothing to rewrite. A hash already present wins over the path. */
export function hashUrlForPath(pathname: string, search: string, hash: string): string | null {
  if (hash.replace(/^#\/?/, '') !== '') return null;
  const match = /^(.*?\/)join(?:\/([^/]*))?\/?$/.exec(pathname);
  if (!match) return null;
  const code = match[2] ? normaliseCode(decodeSafe(match[2])) : null;
  return `${match[1]}${search}${code ? joinHash(code) : '#/join'}`;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
