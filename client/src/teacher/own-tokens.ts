// What this browser keeps to open its own quizzes, games and assignments again (each object's token, as the
// server returned it), and the facilitator key once the link from the server's console was opened here.
// localStorage may be off or full: nothing here throws, and a missing store just means "nothing kept".

export type TokenKind = 'game' | 'quiz';

interface Kept {
  games: string[];
  quizzes: string[];
}

const KEY_ITEM = 'podium:facilitator-key';
const TOKENS_ITEM = 'podium:own-tokens';
/** The newest this many of each kind (the server reads at most 200 per list request). */
const KEEP = 200;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(): Kept {
  try {
    const data = JSON.parse(storage()?.getItem(TOKENS_ITEM) ?? 'null') as Partial<Kept> | null;
    const list = (x: unknown): string[] => (Array.isArray(x) ? x.filter((t): t is string => typeof t === 'string' && t.length <= 200).slice(0, KEEP) : []);
    return { games: list(data?.games), quizzes: list(data?.quizzes) };
  } catch {
    return { games: [], quizzes: [] };
  }
}

function write(kept: Kept): void {
  try {
    storage()?.setItem(TOKENS_ITEM, JSON.stringify(kept));
  } catch {
    // Full or disabled: the facilitator link still opens everything.
  }
}

export function ownTokens(kind: TokenKind): string[] {
  const kept = read();
  return kind === 'game' ? kept.games : kept.quizzes;
}

export function rememberToken(kind: TokenKind, token: string): void {
  const kept = read();
  const field = kind === 'game' ? 'games' : 'quizzes';
  kept[field] = [token, ...kept[field].filter((t) => t !== token)].slice(0, KEEP);
  write(kept);
}

export function forgetToken(kind: TokenKind, token: string): void {
  forgetTokens(kind, [token]);
}

export function forgetTokens(kind: TokenKind, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const gone = new Set(tokens);
  const kept = read();
  const field = kind === 'game' ? 'games' : 'quizzes';
  kept[field] = kept[field].filter((t) => !gone.has(t));
  write(kept);
}

/** The tokens of a list request that opened nothing in its answer (each object found says which token opened it).
 *  Objects do not come back, and the server counts such tokens as guesses (server/library/api.ts), so a browser
 *  sends each one once. */
export const unmatched = (sent: readonly string[], found: readonly { tokenIndex?: number }[]): string[] => {
  const used = new Set(found.map((f) => f.tokenIndex));
  return sent.filter((_, i) => !used.has(i));
};

export function facilitatorKey(): string | null {
  try {
    return storage()?.getItem(KEY_ITEM) ?? null;
  } catch {
    return null;
  }
}

export function setFacilitatorKey(key: string | null): void {
  try {
    if (key === null) storage()?.removeItem(KEY_ITEM);
    else storage()?.setItem(KEY_ITEM, key);
  } catch {
    // See write().
  }
}
