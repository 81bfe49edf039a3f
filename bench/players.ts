// The players of one driver process: thousands of bench clients (bench/wire/client.ts) that join, answer each
// question after the round's think time (at once in a burst), and note per round when the question and the reveal
// arrived, when their ack came and whether it came after the reveal. Identical broadcasts are parsed once per
// process (socket.io sends every player of a room the same text), so the client's cost per message stays a
// decode and a lookup and the load core is not what the figures measure.
import { performance } from 'node:perf_hooks';
import { randomAnswer } from '../scripts/bots/answer-picker.ts';
import type { RoomView } from '../shared/protocol.ts';
import { WireSocket, type WireEvents } from './wire/client.ts';
import type { DriverOutcome, DriverRound, JoinGroup, RoomRound, RoundPlan } from './messages.ts';

export const ACK_TIMEOUT_MS = 15_000;
const SILENT_NAME = 'b1';

interface Rec {
  questionAt: number;
  questionServerNow: number;
  /** performance.now() when the answer went out; -1: not sent. */
  sentAt: number;
  ackMs: number;
  /** Date.now() when the ack arrived. */
  ackAt: number;
  takenAt: number;
  error: string | null;
  revealAt: number;
  revealServerNow: number;
  ackAfterReveal: boolean;
  meStates: number;
}

interface Player {
  code: string;
  name: string;
  socket: WireSocket | null;
  state: 'joining' | 'playing' | 'finished' | 'lost';
  lostWhy: string;
  recs: (Rec | undefined)[];
  /** The round of the latest question: me:state carries no round, it belongs to this one (0: none, or finished). */
  round: number;
  outsideMeStates: number;
}

const newRec = (questionAt: number, serverNow: number): Rec => ({
  questionAt, questionServerNow: serverNow, sentAt: -1, ackMs: -1, ackAt: -1, takenAt: -1, error: null,
  revealAt: -1, revealServerNow: -1, ackAfterReveal: false, meStates: 0,
});

export class PlayerPool {
  private readonly players: Player[] = [];
  private plan: RoundPlan = { round: 0, thinkMs: [0, 0], silent: false };
  private readonly parsed = new Map<string, RoomView>();
  private readonly sweeper: NodeJS.Timeout;
  private stopping = false;
  /** Lobby room:state and room:presence messages all players received, and their JSON characters. */
  private readonly lobby = { messages: 0, bytes: 0 };

  constructor() {
    this.sweeper = setInterval(() => {
      const before = Date.now() - ACK_TIMEOUT_MS;
      for (const p of this.players) p.socket?.expire(before);
    }, 1000);
    this.sweeper.unref();
  }

  setPlan(plan: RoundPlan): void {
    this.plan = plan;
  }

  /** One parse per distinct broadcast text (bounded: a lobby sends a new one every 500 ms). */
  private view(payload: string): RoomView {
    let v = this.parsed.get(payload);
    if (v === undefined) {
      if (this.parsed.size > 256) this.parsed.clear();
      v = JSON.parse(payload) as RoomView;
      this.parsed.set(payload, v);
    }
    return v;
  }

  private onState(p: Player, payload: string, at: number): void {
    const v = this.view(payload);
    if (v.phase === 'lobby') {
      this.lobby.messages++;
      this.lobby.bytes += payload.length;
    }
    if (v.phase === 'question') {
      if (p.recs[v.round] !== undefined) return;
      const rec = newRec(at, v.serverNow);
      p.recs[v.round] = rec;
      p.round = v.round;
      if (this.plan.silent && p.name === SILENT_NAME) return;
      const [lo, hi] = this.plan.thinkMs;
      const think = lo + Math.random() * (hi - lo);
      if (think <= 0) this.answer(p, v, rec);
      else setTimeout(() => this.answer(p, v, rec), think).unref();
    } else if (v.phase === 'reveal') {
      const rec = p.recs[v.round];
      if (rec === undefined || rec.revealAt >= 0) return;
      rec.revealAt = at;
      rec.revealServerNow = v.serverNow;
    } else if (v.phase === 'finished') {
      // The finished view brings another me:state (the final one): not a round's result.
      p.round = 0;
      if (p.state === 'playing') p.state = 'finished';
    }
  }

  private answer(p: Player, v: Extract<RoomView, { phase: 'question' }>, rec: Rec): void {
    if (!p.socket?.isOpen) return;
    rec.sentAt = performance.now();
    p.socket.emit('answer:submit', { round: v.round, answer: randomAnswer(v.question.puzzle, Math.random) }, (payload) => {
      rec.ackMs = performance.now() - rec.sentAt;
      rec.ackAt = Date.now();
      if (rec.revealAt >= 0) rec.ackAfterReveal = true;
      if (payload === null) return void (rec.error = 'timeout');
      const ack = JSON.parse(payload) as { ok: true; data: { at: number } } | { ok: false; error: string };
      if (ack.ok) rec.takenAt = ack.data.at;
      else rec.error = ack.error;
    });
  }

  private handlers(p: Player): WireEvents {
    return {
      onEvent: (name, payload, at) => {
        if (name === 'room:state') this.onState(p, payload, at);
        else if (name === 'room:presence') {
          // Presence updates replace the lobby room:state re-broadcasts: counted with them, like for like.
          this.lobby.messages++;
          this.lobby.bytes += payload.length;
        } else if (name === 'me:state') {
          const rec = p.recs[p.round];
          if (rec) rec.meStates++;
          else p.outsideMeStates++;
        } else if (name === 'room:closed' && p.state === 'playing') {
          p.state = 'lost';
          p.lostWhy = `room:closed ${payload}`;
        }
      },
      onClose: (reason) => {
        if (this.stopping || p.state !== 'playing') return;
        p.state = 'lost';
        p.lostWhy = reason;
      },
    };
  }

  private joinOne(url: string, code: string, name: string, localAddress: string): Promise<string | null> {
    const p: Player = { code, name, socket: null, state: 'joining', lostWhy: '', recs: [], round: 0, outsideMeStates: 0 };
    return WireSocket.connect(url, this.handlers(p), { localAddress }).then(
      (socket) => new Promise<string | null>((resolve) => {
        p.socket = socket;
        socket.emit('room:join', { code, name }, (payload) => {
          if (payload !== null && payload.startsWith('{"ok":true')) {
            p.state = 'playing';
            this.players.push(p);
            return resolve(null);
          }
          socket.close();
          resolve(payload === null ? 'join: no ack' : `join: ${(JSON.parse(payload) as { error?: string }).error ?? payload}`);
        });
      }),
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
  }

  /** Joins every seat, `concurrency` connections at a time; failures counted by reason. */
  async join(url: string, groups: JoinGroup[], concurrency: number, localAddress: string): Promise<Record<string, number>> {
    const seats = groups.flatMap((g) => g.names.map((name) => ({ code: g.code, name })));
    const failed: Record<string, number> = {};
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < seats.length) {
        const seat = seats[next++]!;
        const why = await this.joinOne(url, seat.code, seat.name, localAddress);
        if (why !== null) failed[why] = (failed[why] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return failed;
  }

  get joined(): number {
    return this.players.length;
  }

  private live(): Player[] {
    return this.players.filter((p) => p.state === 'playing' || p.state === 'finished');
  }

  /** Settles once every live player has the round's reveal and no ack of theirs is pending, or at the timeout. */
  whenRoundDone(round: number, timeoutMs: number): Promise<void> {
    const done = (): boolean => this.live().every((p) => {
      const r = p.recs[round];
      return r !== undefined && r.revealAt >= 0 && (r.sentAt < 0 || r.ackMs >= 0);
    });
    return this.poll(done, timeoutMs);
  }

  whenFinished(timeoutMs: number): Promise<void> {
    return this.poll(() => this.players.every((p) => p.state !== 'playing'), timeoutMs);
  }

  private poll(done: () => boolean, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    return new Promise((resolve) => {
      const check = (): void => void (done() || Date.now() > until ? resolve() : setTimeout(check, 20));
      check();
    });
  }

  report(round: number): DriverRound {
    const out: DriverRound = { round, fanoutMs: [], revealFanoutMs: [], ackMs: [], rooms: [], acksAfterReveal: 0, errors: {}, noQuestion: 0, noReveal: 0 };
    const rooms = new Map<string, RoomRound>();
    for (const p of this.live()) {
      const r = p.recs[round];
      if (r === undefined) {
        out.noQuestion++;
        continue;
      }
      let room = rooms.get(p.code);
      if (!room) rooms.set(p.code, (room = { code: p.code, questionServerNow: r.questionServerNow, revealServerNow: null, lastTakenAt: null, firstTakenAt: null, lastAckAt: null, answered: 0, expected: 0 }));
      out.fanoutMs.push(r.questionAt - r.questionServerNow);
      if (r.revealAt >= 0) {
        out.revealFanoutMs.push(r.revealAt - r.revealServerNow);
        room.revealServerNow = r.revealServerNow;
      } else out.noReveal++;
      if (r.sentAt < 0) continue;
      room.expected++;
      if (r.ackMs >= 0) out.ackMs.push(r.ackMs);
      if (r.ackAfterReveal) out.acksAfterReveal++;
      if (r.error !== null || r.ackMs < 0) {
        const why = r.error ?? 'no ack';
        out.errors[why] = (out.errors[why] ?? 0) + 1;
        continue;
      }
      room.answered++;
      room.lastTakenAt = Math.max(room.lastTakenAt ?? r.takenAt, r.takenAt);
      room.firstTakenAt = Math.min(room.firstTakenAt ?? r.takenAt, r.takenAt);
      room.lastAckAt = Math.max(room.lastAckAt ?? r.ackAt, r.ackAt);
    }
    out.rooms = [...rooms.values()];
    return out;
  }

  outcome(): DriverOutcome {
    const lost: Record<string, number> = {};
    for (const p of this.players) if (p.state === 'lost' || p.state === 'playing') {
      const why = p.state === 'playing' ? 'never saw the finished view' : p.lostWhy;
      lost[why] = (lost[why] ?? 0) + 1;
    }
    const meStates: number[] = [];
    for (const p of this.players) p.recs.forEach((r, round) => void (meStates[round] = (meStates[round] ?? 0) + (r?.meStates ?? 0)));
    meStates[0] = this.players.reduce((n, p) => n + p.outsideMeStates, 0);
    return { players: this.players.length, finished: this.players.filter((p) => p.state === 'finished').length, lost, meStates: Array.from(meStates, (n) => n ?? 0), lobby: { ...this.lobby } };
  }

  stop(): void {
    this.stopping = true;
    clearInterval(this.sweeper);
    for (const p of this.players) p.socket?.close();
  }
}
