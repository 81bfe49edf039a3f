// Tokens are never stored in the clear, in memory or on disk: the room keeps a hash, and every token a client
// presents is hashed the same way before the room compares it. A database copy therefore opens no game.
import { createHash } from 'node:crypto';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * What the room stores for a token. A player token is `<playerId>.<secret>` and the room finds the player by the
 * prefix, so the prefix stays readable; the host token has no dot and is hashed whole.
 */
export function protectToken(token: string): string {
  const dot = token.indexOf('.');
  return dot > 0 ? `${token.slice(0, dot)}.${hashToken(token)}` : hashToken(token);
}
