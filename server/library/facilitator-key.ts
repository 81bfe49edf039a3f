// The facilitator key opens every quiz, game and report on this server from any device. It comes from
// PODIUM_FACILITATOR_KEY, or is generated once into the data directory (readable by this user only) and kept there,
// so the link printed at start-up stays valid across restarts (docs/operations.md, "Facilitator key").
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StartupError } from '../database.ts';

export const KEY_FILE = 'facilitator.key';
export const KEY_MIN_CHARS = 16;

export interface FacilitatorKey {
  key: string;
  source: 'environment' | 'file' | 'generated';
  /** The file it was read from or written to. */
  path: string | null;
}

const KEY_SHAPE = /^[\x21-\x7e]{16,200}$/;

export function loadFacilitatorKey(fromEnv: string | undefined, dbPath: string): FacilitatorKey {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!KEY_SHAPE.test(fromEnv)) throw new StartupError(`PODIUM_FACILITATOR_KEY must be ${KEY_MIN_CHARS}–200 printable characters without spaces`);
    return { key: fromEnv, source: 'environment', path: null };
  }
  const path = join(dirname(dbPath), KEY_FILE);
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (!KEY_SHAPE.test(key)) throw new StartupError(`${path} does not hold a facilitator key: delete it to have a new one generated`);
    return { key, source: 'file', path };
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(24).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: 'generated', path };
}

/** The link that opens the Games page with the key (in the fragment, so it never reaches a server log). */
export const facilitatorLink = (publicUrl: string, key: string): string => `${publicUrl}/#/games?key=${encodeURIComponent(key)}`;
