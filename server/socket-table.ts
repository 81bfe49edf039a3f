// Which socket speaks for the host and for each player of one room, with an undo log since the last commit: a
// join whose commit fails is unbound again, and a socket it displaced gets its seat back (room-host.ts).
import type { PlayerId } from '../shared/protocol.ts';

/** A seat: a player's id, or null for the host. */
export type Seat = PlayerId | null;

/** One seat that changed since the last commit: the socket it had then, and the one it had just before the undo. */
export interface Undone {
  seat: Seat;
  was: string | undefined;
  had: string | undefined;
}

export class SocketTable {
  private readonly players = new Map<PlayerId, string>();
  private hostSocket: string | null = null;
  private log: { seat: Seat; was: string | undefined }[] = [];

  get host(): string | null {
    return this.hostSocket;
  }

  socketOf(playerId: PlayerId): string | undefined {
    return this.players.get(playerId);
  }

  /** Every player's socket (waiting joiners included). */
  entries(): IterableIterator<[PlayerId, string]> {
    return this.players.entries();
  }

  /** Binds (or, with undefined, unbinds) a seat; returns the socket it had. */
  set(seat: Seat, socket: string | undefined): string | undefined {
    const was = this.get(seat);
    if (was === socket) return was;
    this.log.push({ seat, was });
    this.put(seat, socket);
    return was;
  }

  committed(): void {
    if (this.log.length > 0) this.log = [];
  }

  /** Back to the last commit. */
  rollback(): Undone[] {
    const had = new Map<Seat, string | undefined>();
    for (const { seat } of this.log) if (!had.has(seat)) had.set(seat, this.get(seat));
    for (let i = this.log.length - 1; i >= 0; i--) this.put(this.log[i]!.seat, this.log[i]!.was);
    this.log = [];
    return [...had].map(([seat, socket]) => ({ seat, was: this.get(seat), had: socket })).filter((u) => u.was !== u.had);
  }

  private get(seat: Seat): string | undefined {
    return seat === null ? (this.hostSocket ?? undefined) : this.players.get(seat);
  }

  private put(seat: Seat, socket: string | undefined): void {
    if (seat === null) this.hostSocket = socket ?? null;
    else if (socket === undefined) this.players.delete(seat);
    else this.players.set(seat, socket);
  }
}
