// Tokens in localStorage, one per role and room code, so a refresh or a dropped connection rejoins the same seat.

export type Role = 'host' | 'player';

export interface Session {
  code: string;
  token: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const prefix = 'podium:session';

export class SessionStore {
  readonly #store: KeyValueStore | null;

  constructor(store: KeyValueStore | null = safeLocalStorage()) {
    this.#store = store;
  }

  /** The session for a code, or the last one of this role when no code is given. */
  load(role: Role, code?: string | null): Session | null {
    const wanted = code ?? this.#read(`${prefix}:${role}:last`);
    if (!wanted) return null;
    const token = this.#read(`${prefix}:${role}:${wanted}`);
    return token ? { code: wanted, token } : null;
  }

  save(role: Role, session: Session): void {
    this.#write(`${prefix}:${role}:${session.code}`, session.token);
    this.#write(`${prefix}:${role}:last`, session.code);
  }

  forget(role: Role, code: string): void {
    try {
      this.#store?.removeItem(`${prefix}:${role}:${code}`);
      if (this.#read(`${prefix}:${role}:last`) === code) this.#store?.removeItem(`${prefix}:${role}:last`);
    } catch {
      // Storage can be switched off (private mode); the game still works, it just cannot survive a refresh.
    }
  }

  #read(key: string): string | null {
    try {
      return this.#store?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  #write(key: string, value: string): void {
    try {
      this.#store?.setItem(key, value);
    } catch {
      // Full or disabled storage: see forget().
    }
  }
}

function safeLocalStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
