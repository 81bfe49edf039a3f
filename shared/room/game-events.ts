// Answers and the clock. An answer is graded on arrival; the grade stays in the state until the reveal.
import type { Answer } from '../puzzles/kind.ts';
import { answerAs } from '../puzzles/answers.ts';
import type { PlayerState, QuestionRoom, RoomState, Slot } from './state.ts';
import { timing } from './state.ts';
import { done, fail, type EventOf, type Failure, type Result } from './events.ts';
import { answerIn, getPlayer, withRound } from './players.ts';
import { tableSet } from './table.ts';
import { scoreAnswer } from './scoring.ts';
import { gradeOf } from './grades.ts';
import { advance, closeIfAllAnswered, phaseDeadlineOf } from './flow.ts';

/** The room and player an answer is for, or why it is refused. */
function answerable(state: RoomState, player: PlayerState | undefined, e: EventOf<'answer'>): { room: QuestionRoom; player: PlayerState } | Failure {
  if (!player) return fail('not_joined');
  if (state.phase === 'lobby' || state.phase === 'finished') return fail('wrong_phase');
  if (e.round !== state.round) return fail('stale_round');
  if (state.phase !== 'question' || e.now > state.question.deadline) return fail('round_closed');
  if (answerIn(player, state.round)) return fail('already_answered');
  return { room: state, player };
}

function gradedSlot(state: QuestionRoom, player: PlayerState, answer: Answer, now: number): Slot {
  const { question } = state;
  const grade = gradeOf(question, answer);
  const timeMs = Math.max(0, now - question.startedAt);
  const facts = { score: grade.score, correct: grade.correct, timeMs, durationMs: question.deadline - question.startedAt, streakBefore: player.streak };
  const { points, streakBonus } = scoreAnswer(state.settings.scoring, facts);
  return { round: state.round, answer, at: now, timeMs, score: grade.score, correct: grade.correct, points, streakBonus };
}

export function onAnswer(state: RoomState, e: EventOf<'answer'>): Result {
  const checked = answerable(state, getPlayer(state, e.playerId), e);
  if ('ok' in checked) return checked;
  const { room, player } = checked;
  // A wrong shape is refused without using up the player's one answer (a client bug, not a guess).
  const answer = answerAs(room.question.view.format, e.answer);
  if (answer === null) return fail('invalid_answer');
  const slot = gradedSlot(room, player, answer, e.now);
  // One copy of the room per answer (not one per helper): the hot path of a 10,000-player burst.
  const next: QuestionRoom = {
    ...room,
    players: tableSet(room.players, player.id, withRound(player, slot)),
    lastActivity: e.now,
    answered: room.answered + 1,
    pending: room.pending - (player.connected ? 1 : 0),
  };
  return closeIfAllAnswered(done(next, { type: 'answered', taken: { playerId: player.id, slot } }), e.now);
}

/** The server's timer: closes a due phase, or expires a room idle for 30 minutes. */
export function onTick(state: RoomState, e: EventOf<'tick'>): Result {
  if (e.now >= state.lastActivity + timing.idleMs) return done(state, { type: 'expired' });
  const deadline = phaseDeadlineOf(state);
  if (deadline === null || e.now < deadline) return done(state);
  return advance(state, e.now);
}
