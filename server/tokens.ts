// Tokens are never stored in the clear, in memory or on disk: the room keeps a hash, and every token a client
// presents is hashed the same way before the room compares it. A database copy therefore opens no game.
import { createHash, randomFillSync } from 'node:crypto';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * What the room stores for a token. A player token is `<playerId>.<secret>` and the room finds the player by the
 * prefix, so the prefix stays readable; the host token has no dot and is hashed whole.
 */
export function protectToken(token: string): string {
  const dot = token.indexOf('.');
  return dot > 0 ? `${token.slice(0, dot)}.${hashToken(token)}` : hashToken(token);
}

/** 96 random bits, base64url, never starting with - or _ : ids land in CSV cells, where a leading - reads as a
 *  formula, and we neither want to alter an id there nor leave it live. */
export function newId(): string {
  for (;;) {
    const id = nextRandom(ID_BYTES).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

const ID_BYTES = 12;
/** Random bytes drawn from the CSPRNG a pool at a time and each handed out once: a join takes two ids, and one
 *  randomBytes call per id was ~8 µs, mostly the call, not the entropy (issue 14). Node pools randomUUID the same way. */
const pool = Buffer.alloc(ID_BYTES * 256);
let used = pool.length;
function nextRandom(n: number): Buffer {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + n);
  used += n;
  return bytes;
}
