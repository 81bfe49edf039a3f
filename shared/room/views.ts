// Views per audience, built field by field: the room (everyone), one player, the host's live panel.
// Nothing here reads the puzzle object itself; the solution reaches a view only through `state.reveal`.
import type { PlayerId } from '../protocol.ts';
import type { HostStatus, MeView, PresenceView, QuestionInfo, RankEntry, RoomView, RoundResult, TeamStanding, ViewBase } from './view-types.ts';
import type { PlayerState, QuestionState, RoomState, Slot } from './state.ts';
import { allPlayers, answerIn, getPlayer } from './players.ts';
import { ranked } from './ranking.ts';
import { teamStandings } from './teams.ts';
import { phaseDeadlineOf } from './flow.ts';
import { gradeOf } from './grades.ts';
import type { Grade } from '../puzzles/kind.ts';

export const TOP = 10;

export function standings(state: RoomState, players: readonly PlayerState[]): TeamStanding[] {
  return state.settings.teamMode === 'off' ? [] : teamStandings(state.teamSizes, players);
}

/** Team standings read every player's score: only when there are teams, and not in the lobby, where every score is
 *  still 0, so a join (its ack's view, the presence update) stays O(1) in a big room. */
const teamsOf = (state: RoomState): TeamStanding[] =>
  state.settings.teamMode === 'off' ? [] : teamStandings(state.teamSizes, state.phase === 'lobby' ? [] : allPlayers(state));

export function topEntries(players: readonly PlayerState[], count: number): RankEntry[] {
  return ranked(players)
    .slice(0, count)
    .map(({ player: p, rank }) => ({
      rank, playerId: p.id, name: p.name, team: p.team, score: p.score, streak: p.streak, gained: p.history.at(-1)?.points ?? 0,
    }));
}

function base(state: RoomState, now: number): ViewBase {
  return {
    code: state.code,
    round: state.round,
    totalRounds: state.settings.rounds,
    locked: state.locked,
    hostConnected: state.host.connected,
    playerCount: state.playerCount,
    connectedCount: state.connectedCount,
    teams: teamsOf(state),
    serverNow: now,
    phaseDeadline: phaseDeadlineOf(state),
    paused: state.pausedLeftMs !== null,
  };
}

export function questionInfo(state: RoomState, q: QuestionState): QuestionInfo {
  return {
    round: q.round, totalRounds: state.settings.rounds, kind: q.kind, title: q.title, concept: q.concept,
    difficulty: q.difficulty, puzzle: q.view, startedAt: q.startedAt, deadline: q.deadline, durationMs: q.deadline - q.startedAt,
  };
}

/** Arrivals and departures between full views (room:presence): the counts and team sizes, nothing that grows
 *  with the room. */
export function presenceOf(state: RoomState): PresenceView {
  return { playerCount: state.playerCount, connectedCount: state.connectedCount, teams: teamsOf(state) };
}

/** The common view: built once per change and broadcast to the whole room. */
export function viewForRoom(state: RoomState, now: number): RoomView {
  const common = base(state, now);
  switch (state.phase) {
    case 'lobby':
      return { ...common, phase: 'lobby', settings: state.settings };
    case 'question':
      return { ...common, phase: 'question', question: questionInfo(state, state.question) };
    case 'reveal':
      return { ...common, phase: 'reveal', question: questionInfo(state, state.question), reveal: state.reveal, holding: !state.host.connected };
    case 'leaderboard':
      return { ...common, phase: 'leaderboard', top: topEntries(allPlayers(state), TOP) };
    case 'finished': {
      const top = topEntries(allPlayers(state), TOP);
      return { ...common, phase: 'finished', settings: state.settings, podium: top.slice(0, 3), top };
    }
  }
}

export function roundResult(slot: Slot, question: QuestionState | null = null): RoundResult {
  const { round, score, correct, points, streakBonus, timeMs } = slot;
  const result: RoundResult = { round, answered: slot.answer !== null, score, correct, points, streakBonus, timeMs };
  if (slot.answer !== null) result.answer = slot.answer;
  const own = ownGrade(slot, question);
  return own === null ? result : { ...result, explanation: own.explanation, lines: own.lines };
}

/** Why this player's answer scored what it did: the puzzle graded again (grades.ts: once per distinct answer),
 *  only while its question is still held. */
function ownGrade(slot: Slot, question: QuestionState | null): Grade | null {
  if (slot.answer === null || question === null || question.round !== slot.round) return null;
  return gradeOf(question, slot.answer);
}

/** The slot of this round: `current` while the question runs; once the round closed (reveal, leaderboard,
 *  finished) the same slot has moved to the end of the history, and it is still this round's answer. */
function slotOfRound(p: PlayerState, round: number): Slot | null {
  const last = p.history.at(-1);
  return answerIn(p, round) ?? (last !== undefined && last.round === round ? last : null);
}

/** What one player sees of themselves: O(1), since ranks are settled when a round closes. */
export function viewForPlayer(state: RoomState, playerId: PlayerId): MeView | null {
  const p = getPlayer(state, playerId);
  if (!p) return null;
  const current = slotOfRound(p, state.round);
  const last = p.history.at(-1);
  return {
    playerId: p.id, name: p.name, team: p.team, score: p.score, streak: p.streak, rank: p.rank,
    answer: current && current.answer !== null ? { round: current.round, answer: current.answer, at: current.at ?? 0 } : null,
    lastResult: last ? roundResult(last, state.question ?? null) : null,
  };
}

/** The host's counters and door controls; the roster rides beside them as a full list or a delta (roster-delta.ts). */
export function viewForHost(state: RoomState): HostStatus {
  return {
    phase: state.phase, round: state.round, answered: state.answered, pending: state.pending,
    connectedCount: state.connectedCount, playerCount: state.playerCount,
    admission: { waitingRoom: state.waitingRoom, maxPlayers: state.maxPlayers, waitingCount: state.waiting.length },
  };
}
