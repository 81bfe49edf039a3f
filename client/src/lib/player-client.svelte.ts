// A player's half of the room: join, pick a team, answer, and the player's own MeView (replaced on me:state).
import { GameClient, type Result } from './game.svelte.ts';
import type { SessionStore } from './session-store.ts';
import type { GameSocket } from './socket.ts';
import type { Answer } from '../../../shared/puzzles/kind.ts';
import type { AnswerAccepted, CloseReason, Joined, MeView, Recap, Rejoined, Waiting } from '../../../shared/protocol.ts';

/** Refusals of a resent answer that only mean the round ended while the room was moving. */
const closedMeanwhile: readonly string[] = ['round_closed', 'stale_round', 'wrong_phase'];

export class PlayerClient extends GameClient {
  me = $state.raw<MeView | null>(null);
  /** A free name close to the one refused with name_taken. */
  suggestion = $state<string | null>(null);
  /** In the room's waiting room: asked to join, not admitted yet. */
  waiting = $state<{ code: string; name: string } | null>(null);

  constructor(socket: GameSocket, sessions?: SessionStore) {
    super(socket, 'player', sessions);
    socket.on('me:state', (me) => {
      this.me = me;
    });
    socket.on('room:admitted', ({ me, view }) => {
      if (!this.session) return;
      this.waiting = null;
      this.me = me;
      this.identified(this.session, view);
    });
  }

  async join(code: string, name: string, team?: number): Promise<Result<Joined | Waiting>> {
    const result = await this.request('room:join', team === undefined ? { code, name } : { code, name, team });
    // A homework code typed into the game form: the homework page takes it from here.
    if (!result.ok && result.error === 'assignment_code') location.hash = `#/hw/${encodeURIComponent(code)}`;
    this.suggestion = !result.ok && result.error === 'name_taken' ? (result.suggestion ?? null) : null;
    if (!result.ok) return result;
    const data = result.data;
    if ('waiting' in data) {
      this.waiting = { code: data.code, name: data.name };
      this.identified({ code: data.code, token: data.playerToken }, null);
    } else {
      this.me = data.me;
      this.identified({ code: data.view.code, token: data.playerToken }, data.view);
    }
    return result;
  }

  /** Sends this round's answer; on success the answer is kept in `me` so the widget stays locked. If the room moves
   *  to another node meanwhile, the answer is kept and, once back in the room, settled from what the rejoin shows
   *  (already in: done; round over: the reveal shows how it went) or sent again while the round is still open. */
  async answer(answer: Answer): Promise<Result<AnswerAccepted>> {
    const view = this.view;
    if (view?.phase !== 'question') return { ok: false, error: 'wrong_phase' };
    const round = view.question.round;
    const result = await this.requestAcrossMoves('answer:submit', { round, answer }, {
      settled: () => {
        const mine = this.me?.answer;
        if (mine?.round === round) return { ok: true, data: { round, at: mine.at } };
        const now = this.view;
        return now?.phase === 'question' && now.question.round === round ? null : { ok: false, error: 'round_closed' };
      },
      resent: (again) => {
        if (again.ok) return again;
        // The first copy got through after all.
        if (again.error === 'already_answered') {
          this.error = '';
          return { ok: true, data: { round, at: this.serverTime() } };
        }
        // The round closed while we were away: the reveal on screen says how it went.
        if (closedMeanwhile.includes(again.error)) this.error = '';
        return again;
      },
    });
    if (result.ok && this.me && this.me.answer?.round !== round) this.me = { ...this.me, answer: { round, answer, at: result.data.at } };
    return result;
  }

  /** This player's recap, once the game is finished. */
  recap(): Promise<Result<Recap>> {
    return this.request('player:recap', {});
  }

  async pickTeam(team: number): Promise<Result<MeView>> {
    const result = await this.request('team:pick', { team });
    if (result.ok) this.me = result.data;
    return result;
  }

  /** Our own leave() already starts over; its room:closed 'left' must not close the fresh connection. */
  protected override onClosed(reason: CloseReason): void {
    if (reason === 'left') return;
    this.waiting = null;
    super.onClosed(reason);
  }

  async leave(): Promise<void> {
    await this.request('room:leave', {});
    this.me = null;
    this.reset();
  }

  /** This round's answer if already sent (also after a reload), else null. */
  get sentAnswer(): Answer | null {
    const view = this.view;
    const sent = this.me?.answer;
    if (!view || view.phase === 'lobby' || !sent) return null;
    return sent.round === view.round ? sent.answer : null;
  }

  protected override onRejoined(data: Rejoined): boolean {
    if (data.role === 'waiting') {
      this.waiting = { code: data.code, name: data.name };
      return true;
    }
    if (data.role !== 'player') return false;
    this.waiting = null;
    this.me = data.me;
    return true;
  }

  override reset(): void {
    this.waiting = null;
    this.me = null;
    this.suggestion = null;
    super.reset();
  }
}
