// Which socket speaks for the host and for each player of one room, with an undo log since the last commit: a
// join whose commit fails is unbound again, and a socket it displaced gets its seat back (room-host.ts). Seats
// turns those changes into the bindings and messages of a step (outgoing.ts).
import type { CloseReason, PlayerId } from '../shared/protocol.ts';
import { getPlayer, type RoomState } from '../shared/room/index.ts';
import { admittedMessage, closedMessage } from './fanout.ts';
import type { Binding, Step } from './outgoing.ts';

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

/** One room's seats, written only by its owner; every change lands in the step that made it. */
export class Seats {
  readonly table = new SocketTable();
  private readonly code: string;

  constructor(code: string) {
    this.code = code;
  }

  /** The newest socket wins a seat: a reload or second tab replaces the old one, which is told so. */
  private displace(step: Step, seat: Seat, socket: string): void {
    const old = this.table.set(seat, socket);
    if (old === undefined || old === socket) return;
    step.out.push(closedMessage(old, 'replaced'));
    step.bindings.push({ kind: 'release', socket: old, room: this.code });
  }

  bindHost(step: Step, socket: string): void {
    this.displace(step, null, socket);
    step.bindings.push(this.host(socket));
  }

  /** A player joins the room's broadcasts; someone in the waiting room does not, until admitted. */
  bindPlayer(step: Step, socket: string, playerId: PlayerId, role: 'player' | 'waiting'): void {
    this.displace(step, playerId, socket);
    step.bindings.push(this.player(socket, playerId, role));
  }

  /** A waiting joiner let in: the socket becomes the player, joins the broadcasts and hears its seat. */
  admit(step: Step, playerId: PlayerId, state: RoomState, now: number): void {
    const socket = this.table.socketOf(playerId);
    const message = socket === undefined ? null : admittedMessage(socket, state, playerId, now);
    if (socket === undefined || !message) return;
    step.bindings.push(this.player(socket, playerId, 'player'));
    step.out.push(message);
  }

  /** Tells a seat's socket it is out of the room and forgets who it was. */
  release(step: Step, seat: Seat, reason: CloseReason): void {
    const socket = this.table.set(seat, undefined);
    if (socket === undefined) return;
    step.out.push(closedMessage(socket, reason));
    step.bindings.push({ kind: 'release', socket, room: this.code });
  }

  releaseAll(step: Step, reason: CloseReason): void {
    for (const [playerId] of [...this.table.entries()]) this.release(step, playerId, reason);
    this.release(step, null, reason);
  }

  /** Back to the last commit: the bindings that undo the batch's, read against the saved state. */
  rollback(saved: RoomState): Binding[] {
    const undo: Binding[] = [];
    for (const { seat, was, had } of this.table.rollback()) {
      if (had !== undefined) undo.push({ kind: 'release', socket: had, room: this.code });
      if (was === undefined) continue;
      // A player still in the waiting list was waiting.
      const waiting = seat !== null && getPlayer(saved, seat) === undefined && saved.waiting.some((w) => w.id === seat);
      undo.push(seat === null ? this.host(was) : this.player(was, seat, waiting ? 'waiting' : 'player'));
    }
    return undo;
  }

  private host(socket: string): Binding {
    return { kind: 'bind', socket, room: this.code, identity: { roomCode: this.code, role: 'host', playerId: null }, hears: true };
  }

  private player(socket: string, playerId: PlayerId, role: 'player' | 'waiting'): Binding {
    return { kind: 'bind', socket, room: this.code, identity: { roomCode: this.code, role, playerId }, hears: role === 'player' };
  }
}
