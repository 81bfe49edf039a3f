// Guessing room codes and tokens costs the guesser, never a classmate behind the same (NAT) address:
// - a lookup of a room this address is already in (someone on it created, joined or rejoined it) is no guess, and
//   a rejoin with a valid token is never refused, so one student sending wrong codes cannot keep a class out;
// - any other lookup is a guess: it costs its socket (5 per 10 minutes), then its address (20 per minute); past
//   the address's budget, the address may still guess once every 2 s, whichever of its sockets asks.
// A guess that finds a room is refunded. The figures (docs/protocol.md, "Limits"): at most about 50 guesses a
// minute per address, against 31^6 ≈ 887 million codes.
import type { Limiter, LimiterStore } from './limiter.ts';
import { limiter } from './limiter.ts';

export interface GuessLimits {
  guessesPerSocket: number;
  guessesPerAddressPerMinute: number;
  /** Past the address's budget: one guess per this many seconds per address. */
  overBudgetGuessEverySec: number;
}

export const GUESS_WINDOW_SOCKET_SEC = 600;
/** How long an address stays known to a room after its last success there (a school day). */
const KNOWN_FOR_MS = 12 * 3600_000;
const MAX_ADDRESSES = 50_000;
const MAX_ROOMS_PER_ADDRESS = 64;

export interface Guesses {
  /** A room this address created, joined or rejoined lately: looking it up again is no guess. */
  isKnown(address: string, code: string, now: number): boolean;
  /** This address reached this room (any answer but room_not_found, or a valid token). */
  know(address: string, code: string, now: number): void;
  /** May this socket make one more guess? Counted now; `refund` it if the guess finds a room. */
  take(socketId: string, address: string): Promise<boolean>;
  refund(socketId: string, address: string): Promise<void>;
  /** Charges a guess that was already made (a rejoin that failed); false when it was over the budget. */
  charge(socketId: string, address: string): Promise<boolean>;
  forgetSocket(socketId: string): void;
}

export function guesses(store: LimiterStore, limits: GuessLimits): Guesses {
  const perSocket: Limiter = limiter(store, { keyPrefix: 'guess:socket', points: limits.guessesPerSocket, durationSec: GUESS_WINDOW_SOCKET_SEC });
  const perAddress: Limiter = limiter(store, { keyPrefix: 'guess:address', points: limits.guessesPerAddressPerMinute, durationSec: 60 });
  const overBudget: Limiter = limiter(store, { keyPrefix: 'guess:over', points: 1, durationSec: limits.overBudgetGuessEverySec });
  const known = new Map<string, Map<string, number>>();

  async function take(socketId: string, address: string): Promise<boolean> {
    if (!(await perSocket.take(socketId))) return false;
    if (await perAddress.take(address)) return true;
    // Over the address's budget: this socket gets no more guesses, and the address one now and then.
    await perSocket.exhaust(socketId);
    return overBudget.take(address);
  }

  return {
    isKnown(address, code, now) {
      const at = known.get(address)?.get(code);
      return at !== undefined && now - at < KNOWN_FOR_MS;
    },
    know(address, code, now) {
      let rooms = known.get(address);
      if (!rooms) {
        if (known.size >= MAX_ADDRESSES) known.delete(known.keys().next().value!);
        rooms = new Map();
        known.set(address, rooms);
      }
      rooms.delete(code);
      rooms.set(code, now);
      if (rooms.size > MAX_ROOMS_PER_ADDRESS) rooms.delete(rooms.keys().next().value!);
    },
    take,
    charge: take,
    async refund(socketId, address) {
      await Promise.all([perSocket.refund(socketId), perAddress.refund(address)]);
    },
    forgetSocket(socketId) {
      void perSocket.forget(socketId).catch(() => {});
    },
  };
}
