// Nicknames: trimmed, 1–20 code points in any script, no control characters, unique ignoring case.
import { limits } from '../protocol.ts';

const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** The cleaned name, or null when it cannot be used. */
export function cleanName(raw: string): string | null {
  const name = raw.normalize('NFC').trim();
  const length = [...name].length;
  if (length < 1 || length > limits.nameMaxChars || FORBIDDEN.test(name)) return null;
  return name;
}

/** Two names clash when these keys are equal. */
export const nameKey = (name: string): string => name.toLowerCase();

/** `Ana` → `Ana2`, `Ana3`…, cut so the result still fits in 20 code points. */
export function suggestName(name: string, isTaken: (key: string) => boolean): string | undefined {
  for (let n = 2; n < 1000; n++) {
    const suffix = String(n);
    const base = [...name].slice(0, limits.nameMaxChars - suffix.length).join('');
    const candidate = `${base}${suffix}`;
    if (!isTaken(nameKey(candidate))) return candidate;
  }
  return undefined;
}
