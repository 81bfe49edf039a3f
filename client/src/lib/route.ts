// The hash router's pure half: which screen a location hash means. Hash routing needs no server-side fallback,
// but a join link typed or shared as a path (/join/CODE, which the server's fallback answers with this page) works too.
import { normaliseRoomCode } from '../../../shared/room/code.ts';

export type Route =
  | { name: 'home' }
  | { name: 'practice' }
  | { name: 'host' }
  | { name: 'player'; code: string | null }
  /** Saved quizzes (id null), a draft from the setup ('draft'), or one saved quiz in preview. */
  | { name: 'quizzes'; id: string | null }
  | { name: 'games' }
  | { name: 'report'; id: string }
  /** The teacher's view of one assignment: progress, link, closing. */
  | { name: 'assignment'; id: string }
  /** A student doing an assignment. */
  | { name: 'homework'; code: string | null };

/** Room codes are typed on phones: case, spaces and dashes are ignored; the rule itself lives in shared/room/code.ts. */
export const normaliseCode = normaliseRoomCode;

/** The part after '?' in a hash route (#/games?key=…), as parameters. */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'practice') return { name: 'practice' };
  if (first === 'host') return { name: 'host' };
  if (first === 'quizzes') return { name: 'quizzes', id: second && ID.test(second) ? second : null };
  if (first === 'games') return { name: 'games' };
  if (first === 'report' && second && ID.test(second)) return { name: 'report', id: second };
  if (first === 'assignments' && second && ID.test(second)) return { name: 'assignment', id: second };
  if (first === 'hw') return { name: 'homework', code: second ? normaliseCode(decodeSafe(second)) : null };
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
