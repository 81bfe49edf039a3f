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
  const next = answeredRoom(room, tableSet(room.players, player.id, withRound(player, slot)), e.now, player.connected ? 1 : 0);
  return closeIfAllAnswered(done(next, { type: 'answered', taken: { playerId: player.id, slot } }), e.now);
}

/**
 * The room after one more answer: one copy per answer (not one per helper), every field written out. This is the
 * hot path of a 10,000-player burst, and a spread (`{ ...room, players, … }`) of rooms made in several places (a
 * create, a transition, a restore) took V8's generic copy path: 8–10 µs an answer in the profiled server, against
 * 1–3 µs written out (issue 14; the same as `withRound` for players). The return type makes a field added to the
 * room and missed here a compile error.
 */
function answeredRoom(room: QuestionRoom, players: QuestionRoom['players'], now: number, wasPending: 0 | 1): QuestionRoom {
  return {
    version: room.version,
    code: room.code,
    seed: room.seed,
    settings: room.settings,
    createdAt: room.createdAt,
    lastActivity: now,
    startedAt: room.startedAt,
    round: room.round,
    locked: room.locked,
    host: room.host,
    players,
    names: room.names,
    playerCount: room.playerCount,
    connectedCount: room.connectedCount,
    nextJoinIndex: room.nextJoinIndex,
    teamSizes: room.teamSizes,
    banned: room.banned,
    waitingRoom: room.waitingRoom,
    waiting: room.waiting,
    maxPlayers: room.maxPlayers,
    answered: room.answered + 1,
    pending: room.pending - wasPending,
    rounds: room.rounds,
    plan: room.plan,
    phase: 'question',
    question: room.question,
  };
}

/** The server's timer: closes a due phase, or expires a room idle for 30 minutes. */
export function onTick(state: RoomState, e: EventOf<'tick'>): Result {
  if (e.now >= state.lastActivity + timing.idleMs) return done(state, { type: 'expired' });
  const deadline = phaseDeadlineOf(state);
  if (deadline === null || e.now < deadline) return done(state);
  return advance(state, e.now);
}
