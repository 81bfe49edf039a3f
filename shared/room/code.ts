// Room codes: the one rule for what a code is (six characters from an alphabet without 0/O/1/I/L), used by the
// server's schemas, the home screen, the join form and join links alike; and making one from server entropy.

/** No 0/O/1/I/L: they are misread on a projector. */
export const roomCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
const CODE_PATTERN = new RegExp(`^[${roomCodeAlphabet}]{${CODE_LENGTH}}$`);
/** Typed input longer than this is not a code, whatever it holds. */
export const CODE_INPUT_MAX = 16;

/** Codes are typed on phones: case, spaces and dashes are ignored. Anything else that is not a code gives null. */
export function normaliseRoomCode(raw: string): string | null {
  if (raw.length > CODE_INPUT_MAX) return null;
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

export const isRoomCode = (value: unknown): value is string => typeof value === 'string' && CODE_PATTERN.test(value);

/** Bytes at or above this would bias the modulo; they are skipped. */
const LIMIT = 256 - (256 % roomCodeAlphabet.length);

/** A code, or null when the bytes ran out before six usable ones (pass 16 bytes: that all but never happens). */
export function roomCodeFrom(bytes: Iterable<number>): string | null {
  let code = '';
  for (const byte of bytes) {
    if (byte >= LIMIT) continue;
    code += roomCodeAlphabet[byte % roomCodeAlphabet.length];
    if (code.length === CODE_LENGTH) return code;
  }
  return null;
}
