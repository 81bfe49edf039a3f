// Who may read a quiz, a game or a report: the facilitator key opens everything; an object's own token (the host
// token of a live game, the token returned when a quiz or assignment was made) opens that object. Comparisons are
// of hashes, in constant time. A missing or wrong credential gets the same answer whether or not the object exists.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { hashToken } from '../tokens.ts';
import type { Owner } from './library-store.ts';

export interface Credentials {
  /** sha256 of the facilitator key, or null when this server has none. */
  keyHash: string | null;
}

export function bearer(req: Request): string | null {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ?? null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export const isFacilitator = (creds: Credentials, credential: string | null): boolean =>
  credential !== null && creds.keyHash !== null && sameHash(hashToken(credential), creds.keyHash);

/** The facilitator, or the owner of an object whose owner hash is `ownerHash` (null: no such object). */
export function mayOpen(creds: Credentials, credential: string | null, ownerHash: string | null): boolean {
  if (isFacilitator(creds, credential)) return true;
  // Hash even when there is no object, so a miss takes as long as a wrong token.
  const hash = hashToken(credential ?? '');
  return credential !== null && ownerHash !== null && sameHash(hash, ownerHash);
}

/** Every object (the key), or those the listed tokens own. */
export function ownerOf(creds: Credentials, credential: string | null, tokens: readonly string[]): Owner {
  if (isFacilitator(creds, credential)) return { all: true };
  return { all: false, hashes: tokens.map(hashToken) };
}

/** The one refusal for no credential, a wrong one, or an object that does not exist. */
export function unauthorized(res: Response): void {
  res.status(401).set('WWW-Authenticate', 'Bearer realm="podium"').json({ error: 'unauthorized' });
}
