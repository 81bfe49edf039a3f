// Room codes: 6 characters from an alphabet without 0/O/1/I/L, from bytes of entropy the server supplies.
import { roomCodeAlphabet } from '../protocol.ts';

export const CODE_LENGTH = 6;
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
