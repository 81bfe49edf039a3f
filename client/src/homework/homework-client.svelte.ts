// A student's side of an assignment: join with a name, resume with the token kept for that code (a reload, a
// closed tab, another day), open the next question, answer it, and fetch the recap at the end.
import { ClockOffset } from '../lib/clock.ts';
import { errorMessage, type ClientError } from '../lib/live-errors.ts';
import type { GameSocket } from '../lib/socket.ts';
import type { Ack, HomeworkJoined, Recap, StudentView } from '../../../shared/protocol.ts';
import type { Answer } from '../../../shared/puzzles/kind.ts';

const item = (code: string): string => `podium:homework:${code}`;

function stored(code: string): string | null {
  try {
    return localStorage.getItem(item(code));
  } catch {
    return null;
  }
}

function keep(code: string, token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(item(code));
    else localStorage.setItem(item(code), token);
  } catch {
    // Storage off: this tab works, a reload starts over.
  }
}

export class HomeworkClient {
  view = $state.raw<StudentView | null>(null);
  recap = $state.raw<Recap | null>(null);
  error = $state('');
  resuming = $state(false);
  online = $state(false);
  replaced = $state(false);
  serverOffset = $state(0);
  readonly code: string;
  readonly #socket: GameSocket;
  #clock = new ClockOffset();
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(socket: GameSocket, code: string) {
    this.#socket = socket;
    this.code = code;
    this.resuming = stored(code) !== null;
    // Every (re)connect says whose seat this is, as the live rounds' players do: the server's flood cooldown then
    // lets this student straight back in after someone else on the network was cut off (server/connection-guard.ts).
    socket.auth = (send: (data: object) => void) => {
      const token = stored(code);
      send(token ? { code, token } : {});
    };
    socket.on('connect', () => {
      this.online = true;
      void this.#resume();
    });
    socket.on('disconnect', () => {
      this.online = false;
    });
    // Refused by the server (a flood cooldown, a restart): socket.io does not retry that by itself.
    socket.on('connect_error', () => {
      if (socket.active) return;
      clearTimeout(this.#retry);
      this.#retry = setTimeout(() => socket.connect(), 1500);
    });
    socket.on('hw:state', (view) => this.#apply(view));
    socket.on('room:closed', ({ reason }) => {
      if (reason === 'replaced') this.replaced = true;
    });
    if (socket.connected) {
      this.online = true;
      void this.#resume();
    }
  }

  async #request<T>(event: string, payload: unknown): Promise<Ack<T> | { ok: false; error: ClientError }> {
    try {
      const emit = this.#socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> };
      return await emit.emitWithAck(event, payload);
    } catch {
      return { ok: false, error: 'timeout' };
    }
  }

  #apply(view: StudentView): void {
    this.serverOffset = this.#clock.sample(view.serverNow, Date.now());
    this.view = view;
    if ((view.me.finished || view.closed) && !this.recap) void this.fetchRecap();
  }

  async #resume(): Promise<void> {
    const token = stored(this.code);
    if (!token) return;
    this.resuming = true;
    const r = await this.#request<StudentView>('hw:rejoin', { code: this.code, token });
    this.resuming = false;
    if (r.ok) this.#apply(r.data);
    else if (r.error === 'unknown_token' || r.error === 'room_not_found') keep(this.code, null);
    else this.error = errorMessage(r.error);
  }

  async join(name: string): Promise<boolean> {
    const r = await this.#request<HomeworkJoined>('hw:join', { code: this.code, name });
    if (!r.ok) {
      this.error = errorMessage(r.error);
      return false;
    }
    keep(this.code, r.data.token);
    this.error = '';
    this.#apply(r.data.view);
    return true;
  }

  async open(round: number): Promise<void> {
    const r = await this.#request<StudentView>('hw:open', { round });
    if (r.ok) [this.error, this.view] = ['', r.data];
    else this.error = errorMessage(r.error);
    if (r.ok) this.#apply(r.data);
  }

  async answer(round: number, answer: Answer): Promise<boolean> {
    const r = await this.#request<StudentView>('hw:answer', { round, answer });
    if (r.ok) {
      this.error = '';
      this.#apply(r.data);
      return true;
    }
    this.error = errorMessage(r.error);
    return false;
  }

  async fetchRecap(): Promise<void> {
    const r = await this.#request<Recap>('hw:recap', {});
    if (r.ok) this.recap = r.data;
  }

  takeOver(): void {
    this.replaced = false;
    void this.#resume();
  }

  dispose(): void {
    clearTimeout(this.#retry);
    this.#socket.disconnect();
  }
}
